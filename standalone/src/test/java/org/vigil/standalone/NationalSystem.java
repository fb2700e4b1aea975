package org.vigil.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsSigner;

/**
 * A national police system: signs requests with its contact point's key and posts them
 * with the routing headers, authenticated as one of its Party's requesters (HTTP Basic)
 * or by its TLS client certificate on the gateway's mutual-TLS port.
 */
final class NationalSystem {

	private final URI base;

	private final String authorization;

	private final HttpClient http;

	NationalSystem(int port, String username, String password) {
		this.base = URI.create("http://127.0.0.1:" + port);
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.http = HttpClient.newHttpClient();
	}

	private NationalSystem(URI base, SSLContext tls) {
		this.base = base;
		this.authorization = null;
		this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
	}

	/**
	 * A system that authenticates with a TLS client certificate (or none, when
	 * {@code client} is null) and trusts the network CA alone for the gateway's.
	 */
	static NationalSystem overMutualTls(int mtlsPort, Credential client, X509Certificate ca) throws Exception {
		char[] password = "in-memory".toCharArray();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		keys.load(null, null);
		if (client != null) {
			keys.setKeyEntry("client", client.privateKey(), password, client.chain().toArray(new Certificate[0]));
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, password);
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("network-ca", ca);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
		return new NationalSystem(URI.create("https://127.0.0.1:" + mtlsPort), tls);
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(15))
			.GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(authorized(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(15))
			.POST(HttpRequest.BodyPublishers.ofString(json))).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return (this.authorization != null) ? request.header("Authorization", this.authorization) : request;
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
		return this.http.send(authorized(HttpRequest.newBuilder(this.base.resolve("/api/v1/requests")))
			.header("Content-Type", "application/pkcs7-mime")
			.header("Vigil-Request-Id", id)
			.header("Vigil-From", from)
			.header("Vigil-To", to)
			.header("Vigil-Created-At", createdAt.toString())
			.timeout(Duration.ofSeconds(15))
			.POST(HttpRequest.BodyPublishers.ofByteArray(cms))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Any call, with a body of any type (null: none) and extra headers (name, value…).
	 */
	HttpResponse<String> call(String method, String path, String contentType, byte[] body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(15))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		return this.http
			.send(authorized(HttpRequest.newBuilder(this.base.resolve(path))).timeout(Duration.ofSeconds(15))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
