package org.vigil.standalone;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.gateway.GatewayProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure under /api is an RFC 9457 problem detail with a detail that says what to
 * do: no login, no right, no such path, wrong method, wrong content type, a body too
 * large (with and without a declared length), malformed JSON. The 429 of the rate limit
 * is checked by {@code RateLimitFilterTest}: this network's limit is set out of reach.
 */
class ApiProblemsIT extends NetworkTest {

	@Autowired
	GatewayProperties properties;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aStrangerGets401() throws Exception {
		HttpResponse<String> answer = send(null, "GET", "/api/v1/requests", null, null);
		JsonNode problem = problem(answer, 401, "/problems/unauthenticated");
		assertThat(problem.get("detail").asString()).contains("Log in");
		assertThat(answer.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic"));
		// Unknown paths too: whether a path exists is not told to strangers.
		problem(send(null, "GET", "/api/v1/nothing-here", null, null), 401, "/problems/unauthenticated");
		// A stranger's write is told to log in too, though the CSRF check comes first.
		problem(send(null, "POST", "/api/v1/nothing-here", "application/json", "{}"), 401, "/problems/unauthenticated");
	}

	@Test
	void aRoleThatMayNotGets403() throws Exception {
		JsonNode problem = problem(send("fr.requester", "GET", "/api/v1/overview", null, null), 403,
				"/problems/not-allowed");
		assertThat(problem.get("detail").asString()).as("the detail names the caller's roles").contains("[REQUESTER]");
	}

	@Test
	void anUnknownPathUnderTheApiIs404WhateverTheMethod() throws Exception {
		for (String method : new String[] { "GET", "POST", "PUT", "DELETE", "PATCH" }) {
			HttpResponse<String> answer = send("fr.requester", method, "/api/v1/nothing-here",
					method.equals("GET") || method.equals("DELETE") ? null : "application/json",
					method.equals("GET") || method.equals("DELETE") ? null : "{}");
			JsonNode problem = problem(answer, 404, "/problems/not-found");
			assertThat(problem.get("detail").asString()).as(method)
				.contains(method + " /api/v1/nothing-here")
				.contains("/v3/api-docs");
		}
	}

	@Test
	void aKnownPathWithTheWrongMethodIs405WithAllow() throws Exception {
		HttpResponse<String> answer = send("fr.requester", "DELETE", "/api/v1/requests", null, null);
		JsonNode problem = problem(answer, 405, "/problems/method-not-allowed");
		assertThat(answer.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET").contains("POST"));
		assertThat(problem.get("detail").asString()).contains("DELETE is not allowed on /api/v1/requests")
			.contains("GET");
	}

	@Test
	void aBodyOfAnotherContentTypeIs415() throws Exception {
		JsonNode problem = problem(send("fr.requester", "POST", "/api/v1/requests", "text/plain", "to=DE"), 415,
				"/problems/unsupported-media-type");
		assertThat(problem.get("detail").asString()).contains("text/plain").contains("application/json");
	}

	@Test
	void aBodyOverTheLimitIs413WithOrWithoutALength() throws Exception {
		long max = this.properties.maxRequestBytes();
		byte[] big = new byte[(int) max + 1];
		java.util.Arrays.fill(big, (byte) ' ');
		big[0] = '{';
		big[big.length - 1] = '}';
		HttpResponse<String> declared = this.http
			.send(request("fr.requester", "/api/v1/requests").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(big))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(problem(declared, 413, "/problems/payload-too-large").get("detail").asString())
			.contains(Long.toString(max));
		// Chunked: no length is declared, so the bound trips while the body is read.
		HttpResponse<String> chunked = this.http
			.send(request("fr.requester", "/api/v1/requests").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(problem(chunked, 413, "/problems/payload-too-large").get("detail").asString())
			.contains(Long.toString(max));
	}

	@Test
	void malformedJsonIs400() throws Exception {
		JsonNode problem = problem(send("fr.requester", "POST", "/api/v1/requests", "application/json", "{\"to\": "),
				400, "/problems/malformed-request");
		assertThat(problem.get("detail").asString()).contains("not valid JSON");
	}

	@Test
	void aBadPageSizeIs422() throws Exception {
		JsonNode problem = problem(send("fr.requester", "GET", "/api/v1/requests?limit=0", null, null), 422,
				"/problems/invalid-fields");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("limit");
	}

	private static JsonNode problem(HttpResponse<String> answer, int status, String type) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).as(answer.body()).hasValue("application/problem+json");
		JsonNode problem = json(answer);
		assertThat(problem.get("type").asString()).isEqualTo(type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		return problem;
	}

	private HttpResponse<String> send(String login, String method, String path, String contentType, String body)
			throws Exception {
		HttpRequest.Builder request = request(login, path).method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest.Builder request(String login, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (login != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((login + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

}
