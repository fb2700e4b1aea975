package org.vigil.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.request.PreservationRequest;
import org.vigil.protocol.signing.CmsSigner;

/**
 * A national system of one Party as the load tool plays it: signs each request with the
 * Party's signing key (CMS over the canonical JSON) and posts the signed bytes with the
 * routing headers.
 *
 * <p>
 * It authenticates as national systems are meant to, with mutual TLS on the gateway's
 * mutual-TLS port and the Party's TLS client key ({@code PkiLayout.partyTlsClient}), or,
 * to compare, with HTTP Basic as one of the Party's requesters: Basic makes the gateway
 * check a BCrypt hash on every call, which is the cost a password is meant to have and
 * the reason a national system should not use one.
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

	static NationalSystemClient mutualTls(int mtlsPort, Credential client, X509Certificate ca, CmsSigner signer)
			throws GeneralSecurityException, IOException {
		char[] password = "in-memory".toCharArray();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		keys.load(null, null);
		keys.setKeyEntry("client", client.privateKey(), password, client.chain().toArray(new Certificate[0]));
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, password);
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("network-ca", ca);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.sslContext(tls)
			.build();
		return new NationalSystemClient(URI.create("https://127.0.0.1:" + mtlsPort), http, null, signer);
	}

	/** Signs and posts one request; completes with the gateway's answer. */
	CompletableFuture<HttpResponse<String>> submit(PreservationRequest request) {
		byte[] cms = this.signer.sign(CanonicalJson.canonicalize(request));
		return this.http.sendAsync(authorized(HttpRequest.newBuilder(this.base.resolve("/api/v1/requests")))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/pkcs7-mime")
			.header("Vigil-Request-Id", request.id().value())
			.header("Vigil-From", request.from().value())
			.header("Vigil-To", request.to().value())
			.header("Vigil-Created-At", request.createdAt().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(cms))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return this.http
			.send(authorized(HttpRequest.newBuilder(this.base.resolve(path))).timeout(Duration.ofSeconds(30))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return (this.authorization != null) ? request.header("Authorization", this.authorization) : request;
	}

}
