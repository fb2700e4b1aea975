package org.vigil.gateway.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
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

}
