package org.vigil.gateway.security.totp;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;
import org.vigil.gateway.security.LoginThrottle;
import org.vigil.gateway.security.VigilUser;

/**
 * The console's second-factor pages, plain HTML forms with no script or inline style (the
 * Content-Security-Policy allows neither): the code page between password and console
 * ({@value #CODE_PAGE}), and enrolment ({@value #ENROLMENT_PAGE}) for anyone logged in
 * who has no secret yet. Confirming a code on either page makes the session count every
 * role the person holds, administrator roles included.
 */
@Controller
class TotpController {

	static final String CODE_PAGE = "/login/totp";

	static final String ENROLMENT_PAGE = "/login/totp/enrol";

	private final SecondFactors factors;

	private final LoginThrottle throttle;

	TotpController(SecondFactors factors, LoginThrottle throttle) {
		this.factors = factors;
		this.throttle = throttle;
	}

	@GetMapping(path = CODE_PAGE, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String codePage(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(required = false) String error) throws IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor pending)) {
			response.sendRedirect("/");
			return null;
		}
		return page("Second factor",
				"<p>The password of <strong>" + escape(pending.user().getUsername())
						+ "</strong> was right. Enter the six-digit code your authenticator app shows now.</p>"
						+ message(error) + codeForm(CODE_PAGE, request, "Log in") + logout(request));
	}

	@PostMapping(path = CODE_PAGE)
	void code(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String code)
			throws IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor pending)) {
			response.sendRedirect("/login");
			return;
		}
		String username = pending.user().getUsername();
		if (this.throttle.locked(username)) {
			response.sendRedirect(CODE_PAGE + "?error=locked");
			return;
		}
		if (!this.factors.verify(username, code)) {
			this.throttle.secondFactorFailed(username, "wrong or used code");
			response.sendRedirect(CODE_PAGE + "?error=wrong");
			return;
		}
		this.throttle.secondFactorPassed(username, CODE_PAGE);
		elevate(pending.user(), request, response);
		response.sendRedirect("/");
	}

	@GetMapping(path = ENROLMENT_PAGE, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String enrolmentPage(HttpServletRequest request, @RequestParam(required = false) String error) {
		VigilUser user = person();
		String username = user.getUsername();
		if (this.factors.enrolled(username)) {
			return page("Second factor",
					"<p><strong>" + escape(username)
							+ "</strong> has a second factor already: it is asked for at every login.</p>"
							+ "<p><a href=\"/\">Back to the console</a></p>");
		}
		SecondFactors.Enrolment enrolment = this.factors.offer(username);
		String why = user.withheldRoles().isEmpty() ? "It is optional for you, and asked for at every login once set."
				: "Your roles " + user.withheldRoles() + " count only after a second factor.";
		return page("Set up a second factor",
				"<p>" + escape(why) + "</p>"
						+ "<p>Add this account to an authenticator app (TOTP: SHA-1, 6 digits, 30 seconds), "
						+ "then enter the code it shows. The secret:</p>" + "<p><code id=\"totp-secret\">"
						+ escape(enrolment.base32()) + "</code></p>" + "<p>or as a URI for the app:</p>"
						+ "<p><code id=\"totp-uri\">" + escape(enrolment.uri()) + "</code></p>"
						+ "<p>Without an app: <code>oathtool --totp -b " + escape(enrolment.base32()) + "</code>.</p>"
						+ message(error) + codeForm(ENROLMENT_PAGE, request, "Confirm")
						+ "<p><a href=\"/\">Not now: back to the console</a></p>");
	}

	@PostMapping(path = ENROLMENT_PAGE)
	void enrol(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String code)
			throws IOException {
		VigilUser user = person();
		String username = user.getUsername();
		if (this.throttle.locked(username)) {
			response.sendRedirect(ENROLMENT_PAGE + "?error=locked");
			return;
		}
		if (!this.factors.confirm(username, code)) {
			this.throttle.secondFactorFailed(username, "wrong or used code at enrolment");
			response.sendRedirect(ENROLMENT_PAGE + "?error=wrong");
			return;
		}
		this.throttle.secondFactorPassed(username, ENROLMENT_PAGE);
		elevate(user, request, response);
		response.sendRedirect("/");
	}

	private static VigilUser person() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof VigilUser user
				&& !(authentication instanceof PendingSecondFactor)) {
			return user;
		}
		throw new AccessDeniedException("Log in first");
	}

	/** The whole person from now on, in a new session id (as at any change of login). */
	private void elevate(VigilUser user, HttpServletRequest request, HttpServletResponse response) {
		VigilUser elevated = user.withSecondFactor();
		request.changeSessionId();
		keep(UsernamePasswordAuthenticationToken.authenticated(elevated, null, elevated.getAuthorities()), request,
				response);
	}

	private void keep(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecondFactorLogin.keep(authentication, request, response);
	}

	private static String message(String error) {
		if (error == null) {
			return "";
		}
		String text = error.equals("locked")
				? "Too many failed logins for this name: it is locked for " + LoginThrottle.LOCK.toMinutes()
						+ " minutes after the last one."
				: "That code is wrong, or was used already. Enter the next one your app shows.";
		return "<p class=\"message error\" role=\"alert\">" + escape(text) + "</p>";
	}

	private static String codeForm(String action, HttpServletRequest request, String button) {
		return "<form method=\"post\" action=\"" + action + "\">"
				+ "<p><label for=\"code\">Code</label> <input id=\"code\" name=\"code\" inputmode=\"numeric\" "
				+ "autocomplete=\"one-time-code\" pattern=\"[0-9]{6}\" maxlength=\"6\" required autofocus></p>"
				+ csrf(request) + "<p><button type=\"submit\">" + button + "</button></p></form>";
	}

	private static String logout(HttpServletRequest request) {
		return "<form method=\"post\" action=\"/logout\">" + csrf(request)
				+ "<p><button type=\"submit\">Log out</button></p></form>";
	}

	private static String csrf(HttpServletRequest request) {
		Object token = request.getAttribute(CsrfToken.class.getName());
		if (!(token instanceof CsrfToken csrf)) {
			return "";
		}
		return "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName()) + "\" value=\""
				+ escape(csrf.getToken()) + "\">";
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Vigil — "
				+ escape(title) + "</title><link rel=\"stylesheet\" href=\"/console.css\"></head><body><main>" + "<h1>"
				+ escape(title) + "</h1>" + body + "</main></body></html>";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
