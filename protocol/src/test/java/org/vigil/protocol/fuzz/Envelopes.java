package org.vigil.protocol.fuzz;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Requests;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.SigningKeyType;
import org.vigil.protocol.signing.CmsSigner;
import org.vigil.protocol.signing.CmsVerifier;

/**
 * Valid envelopes to mutate, made once per run in memory (no files): a development PKI
 * with a fixed clock, a request signed by FR with EC P-256 and by ES with Ed25519, and
 * the verifier that accepts both.
 */
final class Envelopes {

	static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final CountryCode FR = CountryCode.of("FR");

	static final CountryCode ES = CountryCode.of("ES");

	/** The canonical JSON of an urgent preservation request from FR to DE. */
	static final byte[] REQUEST = CanonicalJson.canonicalize(Requests.urgentPreservation("FR", "DE"));

	static final DevPki PKI = DevPki.generate(CLOCK, List.of(FR));

	static {
		PKI.issueParty(ES, SigningKeyType.ED25519);
	}

	static final CmsVerifier VERIFIER = CmsVerifier.builder()
		.trustAnchor(PKI.caCertificate())
		.crl(PKI::crl)
		.clock(CLOCK)
		.build();

	/** The request signed by FR, EC P-256. */
	static final byte[] P256 = new CmsSigner(PKI.signing(FR), CLOCK).sign(REQUEST);

	/** The request signed by ES, Ed25519. */
	static final byte[] ED25519 = new CmsSigner(PKI.signing(ES), CLOCK).sign(REQUEST);

	private Envelopes() {
	}

}
