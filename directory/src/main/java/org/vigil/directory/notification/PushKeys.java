package org.vigil.directory.notification;

import java.util.Base64;
import java.util.Objects;

/**
 * The keys of a Web Push subscription (RFC 8291), as the browser's
 * {@code PushSubscription.toJSON()} gives them, base64url without padding.
 *
 * @param p256dh the browser's P-256 public key, uncompressed (65 bytes)
 * @param auth the authentication secret (16 bytes)
 */
public record PushKeys(String p256dh, String auth) {

	public PushKeys {
		Objects.requireNonNull(p256dh, "p256dh");
		Objects.requireNonNull(auth, "auth");
		byte[] key = decode(p256dh, "p256dh");
		if (key.length != 65 || key[0] != 4) {
			throw new IllegalArgumentException("p256dh is not an uncompressed P-256 public key (65 bytes)");
		}
		if (decode(auth, "auth").length != 16) {
			throw new IllegalArgumentException("auth is not a 16-byte secret");
		}
	}

	private static byte[] decode(String value, String name) {
		try {
			return Base64.getUrlDecoder().decode(value.replace("=", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + " is not base64url", ex);
		}
	}

}
