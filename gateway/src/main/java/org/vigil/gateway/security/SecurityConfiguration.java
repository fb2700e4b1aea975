package org.vigil.gateway.security;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.GatewayProperties;
import org.vigil.gateway.audit.AuditTrail;
import org.vigil.gateway.security.totp.SecondFactorLogin;
import org.vigil.gateway.audit.DenialAuditFilter;

/**
 * People log in with a form (the console) or HTTP Basic (scripts and curl); the API
 * answers 401 and 403 with problem details; browser forms and the console's API calls
 * carry a CSRF token. Requests that bring their own {@code Authorization} header are
 * exempt from CSRF: a browser never adds one on its own to a cross-site request.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

	/**
	 * No inline script or style, nothing from another origin, no framing: the console's
	 * pages and Swagger UI live with it.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
			+ "base-uri 'none'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	LoginThrottle loginThrottle(StringRedisTemplate redis, AuditTrail audit, Clock clock) {
		return new LoginThrottle(redis, audit, clock);
	}

	/**
	 * Publishes logins and failed logins, which {@link LoginThrottle} counts and audits.
	 */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		return new DefaultAuthenticationEventPublisher(events);
	}

	@Bean
	DirectoryPeople directoryPeople(DirectoryView directory, GatewayProperties properties, PasswordEncoder encoder,
			LoginThrottle throttle) {
		String hash = (properties.demoPassword() != null && !properties.demoPassword().isBlank())
				? encoder.encode(properties.demoPassword()) : null;
		return new DirectoryPeople(directory, hash, throttle);
	}

	@Bean
	SecurityFilterChain gatewaySecurity(HttpSecurity http, SecondFactorLogin secondFactor, AuditTrail audit,
			Clock clock, Environment environment) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		// Prometheus scrapes without credentials on the actuator's own port, which a
		// deployment keeps off the public network (docker-compose.yml: 8081, not
		// published); on the public port the metrics need a login like everything else.
		int managementPort = environment.getProperty("management.server.port", Integer.class, -1);
		RequestMatcher scrapeOnManagementPort = (request) -> managementPort > 0
				&& request.getLocalPort() == managementPort && "/actuator/prometheus".equals(request.getRequestURI());
		RequestMatcher ownCredentials = (request) -> request.getHeader("Authorization") != null;
		RequestMatcher ackLink = PathPatternRequestMatcher.withDefaults().matcher("/ack");
		// A provider's callback carries no session cookie, only its bearer token, which
		// the notifier checks, and a service worker's push receipt only the page's
		// one-time token (sent without credentials): a CSRF token protects nothing there.
		RequestMatcher providerCallback = (request) -> request.getRequestURI() != null
				&& (request.getRequestURI().equals("/api/v1/notifications/receipts")
						|| request.getRequestURI().equals("/api/v1/notifications/inbound")
						|| request.getRequestURI().equals("/api/v1/notifications/push-receipts"));
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error", "/problems/**",
					"/api/v1/audit/log-key", "/webjars/**", "/console.css", "/favicon.ico",
					// The signed one-time token is the credential (acklink); providers
					// present a bearer token of their own (the notifier checks it); a
					// push receipt's one-time token is its own credential (the notifier
					// checks it too).
					"/ack", "/api/v1/notifications/receipts", "/api/v1/notifications/inbound",
					"/api/v1/notifications/push-receipts",
					// The service worker script holds nothing secret, and the browser
					// fetches it again to update it, logged in or not.
					"/sw.js")
			.permitAll()
			.requestMatchers(scrapeOnManagementPort)
			.permitAll()
			.anyRequest()
			.authenticated())
			// A person with a TOTP secret goes on to the code page (security.totp).
			.formLogin((form) -> form.successHandler(secondFactor.afterPassword()))
			.addFilterAfter(secondFactor.filter(), BasicAuthenticationFilter.class)
			.httpBasic((basic) -> basic.authenticationEntryPoint(ProblemResponses.unauthenticated()))
			.csrf((csrf) -> csrf.spa().ignoringRequestMatchers(ownCredentials, ackLink, providerCallback))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(ProblemResponses.unauthenticated(), api)
				.defaultAccessDeniedHandlerFor(ProblemResponses.denied(), api))
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		// Not a bean: Boot would register a bean filter a second time, outside the chain.
		http.addFilterBefore(new DenialAuditFilter(audit, clock), CsrfFilter.class);
		return http.build();
	}

}
