package org.vigil.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsSigner;

/**
 * A national system of one Party as the load tool plays it: signs each request with the
 * Party's signing key (CMS over the canonical JSON) and posts the signed bytes with the
 * routing headers.
 *
 * <p>
 * It authenticates with HTTP Basic as one of the Party's requesters. Mutual TLS is the
 * way national systems are meant to authenticate; when the gateway accepts it, a second
 * factory method builds the {@link HttpClient} with an {@code SSLContext} holding the
 * Party's TLS client key ({@code PkiLayout.partyTlsClient}) and drops the
 * {@code Authorization} header — nothing else here changes.
 */
final class NationalSystemClient {

	private final URI base;

	private final HttpClient http;

	private final String authorization;

	private final CmsSigner signer;

	private NationalSystemClient(URI base, HttpClient http, String authorization, CmsSigner signer) {
		this.base = base;
		this.http = http;
		this.authorization = authorization;
		this.signer = signer;
	}

	static NationalSystemClient basic(URI base, String username, String password, CmsSigner signer) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new NationalSystemClient(base, http, authorization, signer);
	}

	/** Signs and posts one request; completes with the gateway's answer. */
	CompletableFuture<HttpResponse<String>> submit(PreservationRequest request) {
		byte[] cms = this.signer.sign(CanonicalJson.canonicalize(request));
		return this.http.sendAsync(HttpRequest.newBuilder(this.base.resolve("/api/v1/requests"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/pkcs7-mime")
			.header("Vigil-Request-Id", request.id().value())
			.header("Vigil-From", request.from().value())
			.header("Vigil-To", request.to().value())
			.header("Vigil-Created-At", request.createdAt().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(cms))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.authorization)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
