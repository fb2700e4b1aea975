package org.vigil.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vigil.gateway.apidocs.ApiDocsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every endpoint Spring MVC maps under /api, each with a
 * summary and its problem responses; it and Swagger UI are readable without logging in
 * and when logged in, under the console's Content-Security-Policy.
 */
class ApiDocsIT extends NetworkTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

	@Test
	void everyApiEndpointIsInTheDocumentWithASummaryAndItsProblems() throws Exception {
		JsonNode document = json(get("/v3/api-docs"));
		assertThat(document.get("openapi").asString()).startsWith("3.");
		JsonNode paths = document.get("paths");
		List<String> missing = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, ?> mapping : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
					JsonNode operation = paths.path(pattern).path(method.name().toLowerCase(Locale.ROOT));
					if (operation.isMissingNode()) {
						missing.add(method + " " + pattern);
						continue;
					}
					assertThat(operation.path("summary").asString("")).as("summary of %s %s", method, pattern)
						.isNotBlank();
					if (!pattern.equals("/api/v1/audit/log-key")) {
						assertThat(
								operation.path("responses").path("401").path("content").has("application/problem+json"))
							.as("401 of %s %s is a problem detail", method, pattern)
							.isTrue();
						assertThat(
								operation.path("responses").path("403").path("content").has("application/problem+json"))
							.as("403 of %s %s", method, pattern)
							.isTrue();
					}
					if (pattern.contains("{")) {
						assertThat(operation.path("responses").has("404")).as("404 of %s %s", method, pattern).isTrue();
					}
				}
			}
		}
		assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
		assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
		assertThat(paths.propertyNames()).allSatisfy((path) -> assertThat(path).startsWith("/api/"));
	}

	@Test
	void theDocumentAndSwaggerUiAreReadableWithOrWithoutALogin() throws Exception {
		HttpResponse<String> anonymous = get("/v3/api-docs");
		assertThat(anonymous.statusCode()).isEqualTo(200);
		try (ConsoleSession requester = ConsoleSession.login(this.port, "fr.requester", PASSWORD)) {
			assertThat(requester.get("/v3/api-docs").statusCode()).isEqualTo(200);
		}
		HttpResponse<String> ui = get("/swagger-ui.html");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.uri().getPath()).isEqualTo("/swagger-ui/index.html");
		assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValue(ApiDocsConfiguration.SWAGGER_UI_POLICY);
		assertThat(ApiDocsConfiguration.SWAGGER_UI_POLICY).doesNotContain("unsafe-inline")
			.contains("script-src 'self';");
		assertThat(ui.body()).doesNotContain("<style").doesNotContain("<script>");
		HttpResponse<String> config = get("/v3/api-docs/swagger-config");
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(json(config).get("url").asString()).isEqualTo("/v3/api-docs");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
