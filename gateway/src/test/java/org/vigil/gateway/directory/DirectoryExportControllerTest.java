package org.vigil.gateway.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.gateway.signing.NetworkTrust;
import org.vigil.protocol.directory.DirectoryExportVerifier;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.Pem;
import org.vigil.protocol.pki.PkiLayout;
import org.vigil.protocol.signing.CmsVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The endpoint in Spring MVC with the gateway's problem handler, without security (the
 * standalone's DirectoryExportIT covers the login): the signed bytes on success, and a
 * problem detail, not a 406, when a client that asked for CMS meets an unready replica.
 */
class DirectoryExportControllerTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

	static final char[] PASSWORD = "test only".toCharArray();

	@TempDir
	static Path folder;

	static NetworkTrust trust;

	static PkiLayout pki;

	@BeforeAll
	static void pki() throws Exception {
		pki = DevPki.generate(CLOCK).write(folder, PASSWORD);
		trust = new NetworkTrust(pki.root(), PASSWORD, CLOCK, 1 << 20);
	}

	static MockMvc mvc(SeedDirectory directory) throws Exception {
		DirectoryExportController controller = new DirectoryExportController(
				(directory != null) ? DirectoryExportsTest.view(directory) : DirectoryExportsTest.view(null, List.of()),
				trust, CLOCK);
		return MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(problemHandler()).build();
	}

	/** The gateway's advice is package-private to its package, as it should stay. */
	static Object problemHandler() throws Exception {
		Constructor<?> constructor = Class.forName("org.vigil.gateway.problem.ProblemHandler").getDeclaredConstructor();
		constructor.setAccessible(true);
		return constructor.newInstance();
	}

	@Test
	void answersTheSignedExportAsAnAttachment() throws Exception {
		byte[] body = mvc(SeedDirectory.demo()).perform(get("/api/v1/directory/export"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pkcs7-mime"))
			.andExpect(
					header().string("Content-Disposition", "attachment; filename=\"vigil-directory-2026-11-22.p7s\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		DirectoryExportVerifier.Verified verified = new DirectoryExportVerifier(CmsVerifier.builder()
			.trustAnchor(Pem.readCertificate(pki.caCertificate()))
			.crl(() -> readCrl())
			.clock(CLOCK)
			.build()).verify(body);
		assertThat(verified.export().countries()).hasSize(SeedDirectory.demo().contactPoints().size());
	}

	@Test
	void answers503WithAProblemUntilTheReplicaHasLoadedTheDirectory() throws Exception {
		mvc(null).perform(get("/api/v1/directory/export").accept("application/pkcs7-mime"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/directory-not-ready"));
	}

	private static X509CRL readCrl() {
		try {
			return Pem.readCrl(pki.crl());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
