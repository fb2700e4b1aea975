package org.vigil.protocol.fuzz;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.canonical.NotCanonicalizable;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.signing.CmsVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays every input kept in {@code regressions/} beside this class (test resources):
 * inputs that once broke something, and seeds worth keeping. The file name says what the
 * input is for and what is expected:
 * <ul>
 * <li>{@code cms-<name>[.<OUTCOME>].<format>}: {@code CmsVerifier.verify} must throw
 * {@code SignatureRejected} (with that {@code Reason}, if named) and nothing else, in
 * bounded time; {@code ACCEPTED} demands that it verifies. The verifier trusts the
 * network kept beside the inputs ({@code network-ca.pem}, {@code network-crl.pem}, both
 * made by {@code DevPki} with the clock of {@link Envelopes}), at that clock's instant,
 * so the kept envelopes are judged as when they were made. Inputs named
 * {@code cms-unsigned-*} reproduce the (fixed) acceptance of changed unsigned fields
 * described in {@link UnsignedFields}.</li>
 * <li>{@code json-<name>[.ok|.rejected].<format>}: {@code CanonicalJson.canonicalize}
 * must throw {@code NotCanonicalizable} and nothing else, or succeed idempotently;
 * {@code ok} demands success, {@code rejected} refusal.</li>
 * </ul>
 * The format is {@code hex} (whitespace ignored), {@code b64} (Base64, whitespace
 * ignored) or {@code json} (the raw bytes). Other files are not inputs.
 */
class RegressionReplayTest {

	private static final String FOLDER = "regressions";

	@TestFactory
	Stream<DynamicTest> everyKeptInputStillBehaves() throws IOException, URISyntaxException {
		URL url = RegressionReplayTest.class.getResource(FOLDER);
		assertThat(url).as(FOLDER + " beside " + RegressionReplayTest.class).isNotNull();
		Path folder = Path.of(url.toURI());
		CmsVerifier verifier = CmsVerifier.builder()
			.trustAnchor(Pem.readCertificate(folder.resolve("network-ca.pem")))
			.crl(crl(folder.resolve("network-crl.pem")))
			.clock(Envelopes.CLOCK)
			.build();
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter((file) -> file.getFileName().toString().matches("(cms|json)-.*\\.(hex|b64|json)"))
				.sorted()
				.toList();
		}
		assertThat(files).as("kept inputs").hasSizeGreaterThanOrEqualTo(10);
		return files.stream()
			.map((file) -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(verifier, file)));
	}

	private static Supplier<X509CRL> crl(Path file) throws IOException {
		X509CRL crl = Pem.readCrl(file);
		return () -> crl;
	}

	private static void replay(CmsVerifier verifier, Path file) throws IOException {
		String name = file.getFileName().toString();
		String[] parts = name.split("\\.");
		String format = parts[parts.length - 1];
		String expectation = (parts.length > 2) ? parts[parts.length - 2] : null;
		byte[] input = read(file, format);
		Findings findings = new Findings("replay-" + name);
		if (name.startsWith("cms-")) {
			boolean mayPass = "ACCEPTED".equals(expectation);
			String outcome = Oracles.checkVerify(verifier, input, mayPass ? input : null, 0, findings);
			findings.assertNone();
			if (expectation != null) {
				assertThat(outcome).isEqualTo(expectation);
			}
		}
		else {
			byte[] canonical = Oracles.checkCanonicalize(input, 0, findings);
			findings.assertNone();
			if ("ok".equals(expectation)) {
				assertThat(canonical).as("canonical form of " + name).isNotNull();
			}
			else if ("rejected".equals(expectation)) {
				assertThatThrownBy(() -> CanonicalJson.canonicalize(input)).isInstanceOf(NotCanonicalizable.class);
			}
		}
	}

	private static byte[] read(Path file, String format) throws IOException {
		return switch (format) {
			case "hex" ->
				HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s", ""));
			case "b64" ->
				Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).replaceAll("\\s", ""));
			default -> Files.readAllBytes(file);
		};
	}

}
