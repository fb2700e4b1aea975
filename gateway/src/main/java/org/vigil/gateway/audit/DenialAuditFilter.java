package org.vigil.gateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Problems;
import org.vigil.protocol.audit.AuditEntry;

/**
 * Records every authorisation denial (403) in the audit log: who was refused what, and
 * the problem type. It sits in the security filter chain before the CSRF filter, so it
 * sees the denials of the security filters (a role the path needs, a missing CSRF token)
 * and those of the controllers (a request of another Party, the audit log to a
 * requester), while the person who was refused is still known. 401s are not denials:
 * failed logins are audited by the login throttle.
 */
public class DenialAuditFilter extends OncePerRequestFilter {

	/** The action of the entries this filter writes. */
	public static final String ACTION = "ACCESS_DENIED";

	private static final Pattern REQUEST_PATH = Pattern
		.compile("/api/v1/requests/([A-Za-z0-9][A-Za-z0-9._-]{7,63})(/.*)?");

	private final AuditTrail trail;

	private final Clock clock;

	public DenialAuditFilter(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (response.getStatus() == HttpStatus.FORBIDDEN.value()) {
				record(request);
			}
		}
	}

	private void record(HttpServletRequest request) {
		Object type = request.getAttribute(Problems.TYPE_ATTRIBUTE);
		Object correlation = request.getAttribute(SubmissionAuditFilter.CORRELATION_ID);
		this.trail.record(new AuditEntry(this.clock.instant(), actor(), ACTION, object(request.getRequestURI()),
				"REJECTED " + ((type != null) ? type : ProblemTypes.NOT_ALLOWED),
				request.getMethod() + " " + truncate(request.getRequestURI()),
				(correlation != null) ? correlation.toString() : UUID.randomUUID().toString(), null));
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "anonymous";
	}

	/**
	 * The request id when the path names one, so that an auditor finds a refused read
	 * among the request's entries; else the path.
	 */
	private static String object(String path) {
		Matcher request = REQUEST_PATH.matcher(path);
		return request.matches() ? request.group(1) : truncate(path);
	}

	/** A path is the caller's choice: keep the log safe from a megabyte of it. */
	private static String truncate(String value) {
		return (value.length() <= 256) ? value : value.substring(0, 256) + "…";
	}

}
