package org.vigil.gateway.security.totp;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Problems;
import org.vigil.gateway.security.LoginThrottle;
import org.vigil.gateway.security.ProblemResponses;
import org.vigil.gateway.security.VigilUser;

/**
 * The second factor on the people's filter chain, after the password filters:
 * <ul>
 * <li>a session between password and code ({@link PendingSecondFactor}) reaches only the
 * code page and logout; other pages send it to the code page, the API answers 401
 * {@code /problems/second-factor-required};</li>
 * <li>an HTTP Basic call of a person with a TOTP secret must carry a valid, unused code
 * in {@value #HEADER}, else 401; with it, the call counts with every role they hold,
 * administrator roles included. A person without a secret calls without the header, and
 * without administrator roles.</li>
 * </ul>
 */
public class SecondFactorFilter extends OncePerRequestFilter {

	/** Where an HTTP Basic caller puts their current TOTP code. */
	public static final String HEADER = "X-Vigil-TOTP";

	/** What a session between password and code may reach. */
	private static final Set<String> WHILE_PENDING = Set.of(TotpController.CODE_PAGE, "/logout", "/console.css",
			"/favicon.ico", "/error");

	private final SecondFactors factors;

	private final LoginThrottle throttle;

	public SecondFactorFilter(SecondFactors factors, LoginThrottle throttle) {
		this.factors = factors;
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof PendingSecondFactor) {
			if (WHILE_PENDING.contains(request.getRequestURI())) {
				chain.doFilter(request, response);
			}
			else if (request.getRequestURI().startsWith("/api/")) {
				ProblemResponses.write(request, response,
						Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.SECOND_FACTOR_REQUIRED,
								"Second factor required",
								"Enter the code of your authenticator app at " + TotpController.CODE_PAGE + " first"));
			}
			else {
				response.sendRedirect(TotpController.CODE_PAGE);
			}
			return;
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
				&& authentication instanceof UsernamePasswordAuthenticationToken
				&& authentication.getPrincipal() instanceof VigilUser user && !user.hasSecondFactor()) {
			String username = user.getUsername();
			String code = request.getHeader(HEADER);
			boolean enrolled = this.factors.enrolled(username);
			if (code == null && !enrolled) {
				chain.doFilter(request, response);
				return;
			}
			if (code == null || !enrolled || !this.factors.verify(username, code)) {
				String why = (code == null) ? "no code" : (!enrolled) ? "not enrolled" : "wrong or used code";
				if (code != null) {
					this.throttle.secondFactorFailed(username, why);
				}
				ProblemResponses.write(request, response,
						Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.SECOND_FACTOR_REQUIRED,
								"Second factor required",
								(!enrolled)
										? username + " has no second factor: enrol at " + TotpController.ENROLMENT_PAGE
												+ " in the console first"
										: "Send the current code of " + username + "'s authenticator app in the "
												+ HEADER + " header (" + why + "); each code is accepted once"));
				return;
			}
			this.throttle.secondFactorPassed(username, HEADER);
			VigilUser elevated = user.withSecondFactor();
			// For this call only: HTTP Basic keeps nothing in a session.
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(elevated, null, elevated.getAuthorities()));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
