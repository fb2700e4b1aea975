package org.vigil.gateway.security.totp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the second factor ({@code vigil.gateway.totp.*}).
 *
 * @param encryptionKey 32 bytes, base64: the AES-256 key TOTP secrets are encrypted with
 * in Redis. Empty keeps them unencrypted (with a warning at start), which only a demo
 * should do; changing it makes every enrolled person enrol again
 * @param issuer the name authenticator apps show beside the account, default
 * {@code Vigil}
 */
@ConfigurationProperties("vigil.gateway.totp")
public record TotpProperties(String encryptionKey, String issuer) {

	public TotpProperties {
		issuer = (issuer != null && !issuer.isBlank()) ? issuer : "Vigil";
	}

}
