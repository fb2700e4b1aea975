package org.vigil.gateway.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Problems;
import org.vigil.protocol.json.WireJson;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's 401 and 403 as problem details, written by the security filters before any
 * controller runs.
 */
public final class ProblemResponses {

	/** Sent by the console, which must not make the browser pop up its own login box. */
	static final String CONSOLE_HEADER = "X-Requested-With";

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthenticated() {
		return (request, response, ex) -> {
			if (request.getHeader(CONSOLE_HEADER) == null) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Vigil\"");
			}
			String detail = (ex instanceof LockedException) ? "Too many failed logins for this name: it is locked for "
					+ LoginThrottle.LOCK.toMinutes() + " minutes after the last one"
					: "Log in, or send HTTP Basic credentials, to use the API";
			write(request, response,
					Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated", detail));
		};
	}

	/**
	 * 403, except for a stranger's write without a CSRF token: the CSRF check runs before
	 * authentication, but what a stranger must be told is to log in, as on a read.
	 */
	static AccessDeniedHandler denied() {
		return (request, response, ex) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (ex instanceof CsrfException && (authentication == null || !authentication.isAuthenticated()
					|| authentication instanceof AnonymousAuthenticationToken)) {
				unauthenticated().commence(request, response, new InsufficientAuthenticationException("No login", ex));
				return;
			}
			write(request, response,
					Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.NOT_ALLOWED, "Not allowed", deniedDetail(request)));
		};
	}

	private static String deniedDetail(HttpServletRequest request) {
		return "You may not " + request.getMethod() + " " + request.getRequestURI()
				+ " (a missing or stale CSRF token is refused the same way)";
	}

	/** Writes a problem detail as the whole answer, from a filter. */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(WireJson.write(body));
	}

}
