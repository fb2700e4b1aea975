package org.vigil.protocol.signing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.pki.BouncyCastle;
import org.vigil.protocol.pki.DevPki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CmsSignerTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-29T01:30:00Z"), ZoneOffset.UTC);

	static final CountryCode FR = CountryCode.of("FR");

	static DevPki pki;

	@BeforeAll
	static void pki() {
		pki = DevPki.generate(CLOCK, List.of(FR, CountryCode.of("DE")));
	}

	@Test
	void theSigningTimeComesFromTheClock() throws Exception {
		Instant later = Instant.parse("2027-01-02T03:04:05Z");
		byte[] cms = new CmsSigner(pki.signing(FR), Clock.fixed(later, ZoneOffset.UTC))
			.sign("x".getBytes(StandardCharsets.UTF_8));

		SignerInformation signer = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();

		assertThat(org.bouncycastle.asn1.cms.Time
			.getInstance(signer.getSignedAttributes()
				.get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime)
				.getAttrValues()
				.getObjectAt(0))
			.getDate()
			.toInstant()).isEqualTo(later);
	}

	@Test
	void anyCmsLibraryCanVerifyTheDocument() throws Exception {
		byte[] cms = new CmsSigner(pki.signing(FR), CLOCK).sign("hello".getBytes(StandardCharsets.UTF_8));

		SignerInformation signer = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();

		assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.provider())
			.build(pki.signing(FR).certificate()))).isTrue();
	}

	@Test
	void refusesAKeyThatIsNotTheCertificates() {
		assertThatThrownBy(
				() -> new CmsSigner(pki.signing(CountryCode.of("DE")).privateKey(), pki.signing(FR).chain(), CLOCK))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesAnRsaKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var rsa = pki.issueSigningForKeyPair(FR, generator.generateKeyPair());

		assertThatThrownBy(() -> new CmsSigner(rsa, CLOCK)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theBouncyCastleProviderIsNotRegisteredJvmWide() {
		assertThat(java.security.Security.getProvider("BC")).isNull();
	}

}
