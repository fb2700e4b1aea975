package org.vigil.gateway.security.totp;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.vigil.gateway.security.LoginThrottle;
import org.vigil.gateway.security.VigilUser;

/**
 * What the people's filter chain needs of the second factor: where the form login goes
 * after a right password, and the filter that holds back a half-logged-in session and
 * checks the {@value SecondFactorFilter#HEADER} header of HTTP Basic calls.
 */
public class SecondFactorLogin {

	private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	private final SecondFactors factors;

	private final SecondFactorFilter filter;

	public SecondFactorLogin(SecondFactors factors, LoginThrottle throttle) {
		this.factors = factors;
		this.filter = new SecondFactorFilter(factors, throttle);
	}

	/**
	 * After a right password: a person with a TOTP secret owes the code first (the
	 * session holds only a {@link PendingSecondFactor}); everyone else goes to the
	 * console.
	 */
	public AuthenticationSuccessHandler afterPassword() {
		return (request, response, authentication) -> {
			if (authentication.getPrincipal() instanceof VigilUser user && this.factors.enrolled(user.getUsername())) {
				keep(new PendingSecondFactor(user), request, response);
				response.sendRedirect(TotpController.CODE_PAGE);
				return;
			}
			response.sendRedirect("/");
		};
	}

	/** To run after the password filters (form login and HTTP Basic). */
	public Filter filter() {
		return this.filter;
	}

	/** Makes this the session's login from now on. */
	static void keep(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		SESSIONS.saveContext(context, request, response);
	}

}
