package org.vigil.gateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.gateway.problem.Problems;
import org.vigil.gateway.signing.RoutingMetadata;
import org.vigil.protocol.audit.AuditEntry;

/**
 * Records every refused submission in the audit log: who tried, with which id and bytes
 * (their digest), and the problem type they got. Runs behind the security filters, so it
 * sees authenticated submissions; refused logins are another entry's business.
 */
public class SubmissionAuditFilter extends OncePerRequestFilter {

	/** Where the controller leaves the digest of a signed submission's bytes. */
	public static final String BODY_DIGEST = SubmissionAuditFilter.class.getName() + ".digest";

	/**
	 * Where the correlation id of the exchange is kept, and the header it is returned in.
	 */
	public static final String CORRELATION_ID = "Vigil-Correlation-Id";

	private final AuditTrail trail;

	private final Clock clock;

	public SubmissionAuditFilter(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/api/v1/requests".equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String correlationId = UUID.randomUUID().toString();
		request.setAttribute(CORRELATION_ID, correlationId);
		response.setHeader(CORRELATION_ID, correlationId);
		chain.doFilter(request, response);
		int status = response.getStatus();
		if (status < 400) {
			return;
		}
		Object type = request.getAttribute(Problems.TYPE_ATTRIBUTE);
		String object = request.getHeader(RoutingMetadata.REQUEST_ID);
		Object digest = request.getAttribute(BODY_DIGEST);
		this.trail.record(new AuditEntry(this.clock.instant(), actor(), "SUBMIT_REQUEST",
				(object != null && !object.isBlank()) ? truncate(object) : "-",
				"REJECTED " + ((type != null) ? type : "HTTP " + status), "HTTP " + status, correlationId,
				(digest != null) ? digest.toString() : null));
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "anonymous";
	}

	/** A header is the sender's claim: keep the log safe from a megabyte of it. */
	private static String truncate(String value) {
		return (value.length() <= 128) ? value : value.substring(0, 128) + "…";
	}

}
