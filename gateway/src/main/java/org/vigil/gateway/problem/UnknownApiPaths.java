package org.vigil.gateway.problem;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Any path under {@code /api/} that no controller maps is a 404 problem, whatever the
 * method. Without this the static resources would take it, and answer a POST to an
 * unknown path with a 405. A known path with the wrong method is still the controllers'
 * mapping's 405 with {@code Allow}: that mapping is consulted first.
 */
@Configuration(proxyBeanMethods = false)
class UnknownApiPaths {

	@Bean
	SimpleUrlHandlerMapping unknownApiPathMapping() {
		// Written here rather than thrown: the ProblemHandler advises controllers, and
		// this is not one.
		HttpRequestHandler notFound = (request, response) -> Problems.write(request, response,
				Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
						"There is no " + request.getMethod() + " " + request.getRequestURI()
								+ " in this API; GET /v3/api-docs lists every operation"));
		// After the controllers' mapping (order 0), before the static resources'.
		return new SimpleUrlHandlerMapping(Map.of("/api/**", notFound), Ordered.LOWEST_PRECEDENCE - 10);
	}

}
