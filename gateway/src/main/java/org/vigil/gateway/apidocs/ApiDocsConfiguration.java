package org.vigil.gateway.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.vigil.gateway.security.SecurityConfiguration;

/**
 * Describes {@code /api/**} as OpenAPI at {@code /v3/api-docs}, with Swagger UI at
 * {@code /swagger-ui.html}.
 *
 * <p>
 * Both are public: the description is in this open-source repository anyway, says nothing
 * about any request or person, and a national system's developers need it before they
 * have an account. They are served under the console's strict Content-Security-Policy
 * with one exception, {@link #SWAGGER_UI_POLICY}.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/vigil/gateway/apidocs/springdoc.properties")
public class ApiDocsConfiguration {

	/** The paths of the description and of Swagger UI. */
	public static final String[] PATHS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * SHA-256 of the one {@code <style>} element Swagger UI 5.32.14 inserts into its page
	 * (everything else it loads from files, and sets inline styles through the CSSOM,
	 * which the policy allows). Allowed by its hash, not with {@code 'unsafe-inline'}: a
	 * Swagger UI that inserts another fails {@code ConsoleBrowserIT}, which reads the
	 * browser's console for violations.
	 */
	static final String SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

	/** The console's policy, and Swagger UI's one inline style element. */
	public static final String SWAGGER_UI_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY
		.replace("style-src 'self'", "style-src 'self' " + SWAGGER_UI_STYLE);

	/** The one API path anyone may call without logging in. */
	static final String PUBLIC_PATH = "/api/v1/audit/log-key";

	static final String PROBLEM_JSON = "application/problem+json";

	private static final String PROBLEM_SCHEMA = "Problem";

	/**
	 * Ahead of the gateway's own chain: these paths are readable by anyone, logged in or
	 * not, and never start a session or a login.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(SWAGGER_UI_POLICY)));
		return http.build();
	}

	@Bean
	OpenAPI vigilOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Vigil API")
				.version("v1")
				.description("The API of the 24/7 network of cybercrime contact points (Budapest Convention, "
						+ "Art. 35): file and follow preservation requests (Art. 29), acknowledge and answer them, "
						+ "read the directory, run reachability drills, read the audit log. Every error is an RFC 9457 "
						+ "problem detail (application/problem+json). Lists take `limit` and `cursor` and give the "
						+ "next page in a `Link: <…>; rel=\"next\"` header. See docs/api.md.")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("basic",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("HTTP Basic: scripts and national systems; no CSRF token needed"))
				.addSecuritySchemes("session",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("SESSION")
							.description("The console's session after form login at /login; every POST, PUT and DELETE "
									+ "also sends the XSRF-TOKEN cookie's value in an X-XSRF-TOKEN header")))
			.security(
					List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("session")));
	}

	/**
	 * Adds to every operation the problem details it may answer, which springdoc cannot
	 * infer: the security filters' 401, 403 and 429, the 404 of a resource in its path,
	 * and a body's 400, 413, 415 and 422.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			boolean openapi31 = openApi.getSpecVersion() == SpecVersion.V31;
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			openApi.setComponents(components);
			ModelConverters.getInstance(openapi31)
				.readAll(new AnnotatedType(ProblemDocument.class))
				.forEach(components::addSchemas);
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
						: new ApiResponses();
				operation.setResponses(responses);
				for (Map.Entry<String, String> problem : problemsOf(path, method, operation).entrySet()) {
					if (!responses.containsKey(problem.getKey())) {
						responses.addApiResponse(problem.getKey(), problem(problem.getValue()));
					}
				}
				if (PUBLIC_PATH.equals(path)) {
					operation.setSecurity(List.of());
				}
			}));
		};
	}

	/** The problems an operation may answer, by status. */
	static Map<String, String> problemsOf(String path, PathItem.HttpMethod method, Operation operation) {
		Map<String, String> problems = new LinkedHashMap<>();
		boolean body = operation.getRequestBody() != null;
		boolean query = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((parameter) -> "query".equals(parameter.getIn()));
		if (body) {
			problems.put("400", "Malformed request: the body is not JSON, or a field has the wrong type "
					+ "(/problems/malformed-request)");
		}
		if (!PUBLIC_PATH.equals(path)) {
			problems.put("401", "Not logged in, or bad credentials (/problems/unauthenticated)");
			problems.put("403", "The caller's role or country does not allow it, or the CSRF token is missing "
					+ "(/problems/not-allowed)");
		}
		if (path.contains("{")) {
			problems.put("404", "No such resource, or one the caller may not see (/problems/not-found)");
		}
		if (body) {
			problems.put("413", "The body is larger than the gateway accepts (/problems/payload-too-large)");
			problems.put("415", "Not a content type this operation reads (/problems/unsupported-media-type)");
		}
		if (body || query) {
			problems.put("422", "A field or parameter is missing, too long or wrongly formed; `errors` names it "
					+ "(/problems/invalid-fields)");
		}
		if (!PUBLIC_PATH.equals(path)) {
			problems.put("429", "Too many calls this minute; Retry-After says when to try again "
					+ "(/problems/too-many-requests)");
		}
		return problems;
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
	}

}
