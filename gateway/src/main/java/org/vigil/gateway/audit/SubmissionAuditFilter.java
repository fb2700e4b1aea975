package org.vigil.gateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.gateway.metrics.GatewayMetrics;
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
	private static final Logger log = LoggerFactory.getLogger(SubmissionAuditFilter.class);

	public static final String BODY_DIGEST = SubmissionAuditFilter.class.getName() + ".digest";

	/**
	 * Where the correlation id of the exchange is kept, and the header it is returned in.
	 */
	public static final String CORRELATION_ID = "Vigil-Correlation-Id";

	/**
	 * The log context (MDC) key of the correlation id, a field of every JSON log line.
	 */
	public static final String LOG_CORRELATION_ID = "correlationId";

	/** The log context (MDC) key of the request being processed. */
	public static final String LOG_REQUEST_ID = "requestId";

	private final AuditTrail trail;

	private final Clock clock;

	private final GatewayMetrics metrics;

	public SubmissionAuditFilter(AuditTrail trail, Clock clock, GatewayMetrics metrics) {
		this.trail = trail;
		this.clock = clock;
		this.metrics = metrics;
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
		String object = request.getHeader(RoutingMetadata.REQUEST_ID);
		// Every log line of this submission carries its correlation id, and the request
		// id
		// once known, so an operator finds them from what a sender quotes.
		MDC.put(LOG_CORRELATION_ID, correlationId);
		if (object != null && !object.isBlank()) {
			MDC.put(LOG_REQUEST_ID, truncate(object));
		}
		try {
			chain.doFilter(request, response);
			int status = response.getStatus();
			if (status < 400) {
				String location = response.getHeader(HttpHeaders.LOCATION);
				if (location != null) {
					MDC.put(LOG_REQUEST_ID, truncate(location.substring(location.lastIndexOf('/') + 1)));
				}
				log.info("Submission accepted from {} (HTTP {})", actor(), status);
				return;
			}
			Object type = request.getAttribute(Problems.TYPE_ATTRIBUTE);
			log.info("Submission from {} refused: HTTP {} {}", actor(), status, (type != null) ? type : "");
			this.metrics.submissionRejected(type, status);
			Object digest = request.getAttribute(BODY_DIGEST);
			this.trail.record(new AuditEntry(this.clock.instant(), actor(), "SUBMIT_REQUEST",
					(object != null && !object.isBlank()) ? truncate(object) : "-",
					"REJECTED " + ((type != null) ? type : "HTTP " + status), "HTTP " + status, correlationId,
					(digest != null) ? digest.toString() : null));
		}
		finally {
			MDC.remove(LOG_CORRELATION_ID);
			MDC.remove(LOG_REQUEST_ID);
		}
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
