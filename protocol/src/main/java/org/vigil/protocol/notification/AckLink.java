package org.vigil.protocol.notification;

import java.time.Instant;
import java.util.Objects;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * What an acknowledgement link in a message says: this officer may acknowledge this
 * request, having been reached by this channel at this step, until {@code expiresAt}.
 * {@link AckTokens} signs and verifies it.
 *
 * @param requestId the request
 * @param officer who was reached, and who acknowledges by following the link
 * @param step the ladder step that paged them
 * @param channel the channel the message went by, recorded with the acknowledgement
 * @param expiresAt after this the link is refused
 * @param nonce random, so that every link is unique and can be used once
 */
public record AckLink(RequestId requestId, OfficerId officer, int step, ContactChannel channel, Instant expiresAt,
		String nonce) {

	public AckLink {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(officer, "officer");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(expiresAt, "expiresAt");
		Objects.requireNonNull(nonce, "nonce");
		if (!nonce.matches("[A-Za-z0-9_-]{16,64}")) {
			throw new IllegalArgumentException("a nonce is 16 to 64 base64url characters");
		}
		if (step < 1) {
			throw new IllegalArgumentException("steps count from 1");
		}
	}

}
