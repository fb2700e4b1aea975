package org.vigil.gateway.problem;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.vigil.protocol.json.WireJson;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Builds problem details the same way everywhere, including outside Spring MVC (the
 * security filters).
 */
public final class Problems {

	/** Where the type of the problem answered is left for the audit filter. */
	public static final String TYPE_ATTRIBUTE = Problems.class.getName() + ".type";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		remember(type);
		return problem;
	}

	/** Leaves the type with the current request, when there is one, for the audit log. */
	static void remember(URI type) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && type != null) {
			request.setAttribute(TYPE_ATTRIBUTE, type.toString(), RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * Writes a problem as the answer from a servlet filter, where no message converter
	 * runs; {@code instance} is the path called.
	 */
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
