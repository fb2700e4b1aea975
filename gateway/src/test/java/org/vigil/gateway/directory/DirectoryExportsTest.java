package org.vigil.gateway.directory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.NetworkSettings;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.gateway.problem.DirectoryNotReady;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.directory.DirectoryExportVerifier;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.signing.CmsSigner;
import org.vigil.protocol.signing.CmsVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryExportsTest {

	static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final DevPki PKI = DevPki.generate(CLOCK);

	static DirectoryExports exportsOf(DirectoryView view) {
		return new DirectoryExports(view, new CmsSigner(PKI.networkSigning(), CLOCK), CLOCK);
	}

	static DirectoryExportVerifier verifier() {
		return new DirectoryExportVerifier(
				CmsVerifier.builder().trustAnchor(PKI.caCertificate()).crl(PKI::crl).clock(CLOCK).build());
	}

	@Test
	void theImportedExportIsASeedThatLoadsTheSameContactPoints() throws Exception {
		SeedDirectory demo = SeedDirectory.demo();

		DirectoryExportVerifier.Verified verified = verifier().verify(exportsOf(view(demo)).signed());
		SeedDirectory imported = SeedDirectory.read(new ByteArrayInputStream(verified.export().seed()));

		assertThat(verified.export().exportedAt()).isEqualTo(NOW);
		assertThat(imported.network()).isEqualTo(demo.network());
		assertThat(imported.contactPoints()).isEqualTo(demo.contactPoints()
			.stream()
			.sorted(Comparator.comparing((ContactPoint contactPoint) -> contactPoint.country().value()))
			.toList());
	}

	@Test
	void theWholeTreatyNetworkFitsInOneExport() throws Exception {
		SeedDirectory parties;
		try (InputStream in = SeedDirectory.class.getResourceAsStream("parties-directory.json")) {
			parties = SeedDirectory.read(Objects.requireNonNull(in, "parties-directory.json is missing"));
		}

		DirectoryExportVerifier.Verified verified = verifier().verify(exportsOf(view(parties)).signed());

		assertThat(verified.export().countries()).hasSize(parties.contactPoints().size());
		assertThat(SeedDirectory.read(new ByteArrayInputStream(verified.export().seed())).contactPoints())
			.containsExactlyInAnyOrderElementsOf(parties.contactPoints());
	}

	@Test
	void refusesToExportBeforeTheReplicaHasLoadedTheDirectory() {
		SeedDirectory demo = SeedDirectory.demo();

		assertThatThrownBy(() -> exportsOf(view(null, List.of())).signed()).isInstanceOf(DirectoryNotReady.class);
		assertThatThrownBy(() -> exportsOf(view(demo.network(), List.of())).signed())
			.isInstanceOf(DirectoryNotReady.class);
	}

	static DirectoryView view(SeedDirectory seed) {
		return view(seed.network(), seed.contactPoints());
	}

	static DirectoryView view(NetworkSettings network, List<ContactPoint> contactPoints) {
		return new DirectoryView() {

			@Override
			public Optional<ContactPoint> contactPoint(CountryCode country) {
				return contactPoints.stream().filter((candidate) -> candidate.country().equals(country)).findFirst();
			}

			@Override
			public Collection<ContactPoint> contactPoints() {
				return contactPoints;
			}

			@Override
			public Optional<NetworkSettings> network() {
				return Optional.ofNullable(network);
			}

		};
	}

}
