package org.vigil.protocol.pki;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.protocol.CountryCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartyIdentityTest {

	static DevPki pki;

	@BeforeAll
	static void generate() {
		pki = DevPki.generate(Clock.fixed(Instant.parse("2026-03-29T01:30:00Z"), ZoneOffset.UTC),
				List.of(CountryCode.of("FR")));
	}

	@Test
	void readsTheCountryOfAContactPoint() {
		PartyIdentity identity = PartyIdentity.of(pki.signing(CountryCode.of("FR")).certificate());

		assertThat(identity.country()).contains(CountryCode.of("FR"));
		assertThat(identity.isNetwork()).isFalse();
		assertThat(identity.uri()).isEqualTo("urn:vigil:party:FR");
		assertThat(identity).hasToString("FR");
	}

	@Test
	void readsTheNetwork() {
		PartyIdentity identity = PartyIdentity.of(pki.networkSigning().certificate());

		assertThat(identity.isNetwork()).isTrue();
		assertThat(identity.country()).isEmpty();
		assertThat(identity.uri()).isEqualTo("urn:vigil:network");
	}

	@Test
	void ignoresUrisOutsideTheVigilNamespace() {
		PartyIdentity identity = PartyIdentity
			.of(pki.issueSigningWithSanUris(List.of("https://cybercrime.example.fr/", "urn:vigil:party:FR"))
				.certificate());

		assertThat(identity).isEqualTo(PartyIdentity.party(CountryCode.of("FR")));
	}

	@Test
	void refusesACertificateThatNamesNoParty() {
		assertThatThrownBy(() -> PartyIdentity.of(pki.issueSigningWithSanUris(List.of()).certificate()))
			.isInstanceOf(UnknownPartyException.class);
		assertThatThrownBy(() -> PartyIdentity.of(pki.caCertificate())).isInstanceOf(UnknownPartyException.class);
	}

	@Test
	void refusesACertificateThatNamesSeveralParties() {
		assertThatThrownBy(() -> PartyIdentity
			.of(pki.issueSigningWithSanUris(List.of("urn:vigil:party:FR", "urn:vigil:party:DE")).certificate()))
			.isInstanceOf(UnknownPartyException.class)
			.hasMessageContaining("several");
		assertThatThrownBy(() -> PartyIdentity
			.of(pki.issueSigningWithSanUris(List.of("urn:vigil:party:FR", "urn:vigil:party:FR")).certificate()))
			.isInstanceOf(UnknownPartyException.class);
		assertThatThrownBy(() -> PartyIdentity
			.of(pki.issueSigningWithSanUris(List.of("urn:vigil:network", "urn:vigil:party:FR")).certificate()))
			.isInstanceOf(UnknownPartyException.class);
	}

	@Test
	void refusesMalformedPartyUris() {
		for (String uri : List.of("urn:vigil:party:fr", "urn:vigil:party:FRA", "urn:vigil:party:", "URN:VIGIL:PARTY:FR",
				"urn:vigil:networks")) {
			assertThatThrownBy(() -> PartyIdentity.of(pki.issueSigningWithSanUris(List.of(uri)).certificate())).as(uri)
				.isInstanceOf(UnknownPartyException.class);
		}
	}

	@Test
	void readsBackItsOwnUri() {
		assertThat(PartyIdentity.fromUri("urn:vigil:party:JP")).isEqualTo(PartyIdentity.party(CountryCode.of("JP")));
		assertThat(PartyIdentity.fromUri("urn:vigil:network")).isEqualTo(PartyIdentity.network());
	}

}
