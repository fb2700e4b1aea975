package org.vigil.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsSigner;

/**
 * A national police system: signs requests with its contact point's key and posts them
 * with the routing headers, authenticated as one of its Party's requesters.
 */
final class NationalSystem {

	private final URI base;

	private final String authorization;

	private final HttpClient http = HttpClient.newHttpClient();

	NationalSystem(int port, String username, String password) {
		this.base = URI.create("http://127.0.0.1:" + port);
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static byte[] sign(PreservationRequest request, Credential key, Clock clock) {
		return new CmsSigner(key, clock).sign(CanonicalJson.canonicalize(request));
	}

	static byte[] sign(byte[] content, Credential key, Clock clock) {
		return new CmsSigner(key, clock).sign(content);
	}

	/** Posts signed bytes with routing headers that match the request. */
	HttpResponse<String> send(byte[] cms, PreservationRequest request) throws IOException, InterruptedException {
		return send(cms, request.id().value(), request.from().value(), request.to().value(), request.createdAt());
	}

	HttpResponse<String> send(byte[] cms, String id, String from, String to, Instant createdAt)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve("/api/v1/requests"))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/pkcs7-mime")
			.header("Vigil-Request-Id", id)
			.header("Vigil-From", from)
			.header("Vigil-To", to)
			.header("Vigil-Created-At", createdAt.toString())
			.timeout(Duration.ofSeconds(15))
			.POST(HttpRequest.BodyPublishers.ofByteArray(cms))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Authorization", this.authorization)
			.timeout(Duration.ofSeconds(15))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
