package org.vigil.gateway.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * {@code @PreAuthorize} on controller and service methods: a second line behind the URL
 * rules and the controllers' own checks of country and role, so that a method reached by
 * another path (a new mapping, a forgotten rule) still refuses the wrong roles. Its
 * refusals are the same {@code 403 /problems/not-allowed} problem details.
 *
 * <p>
 * The expressions name roles as {@link Roles} spells them; the administrator roles count
 * only with a second factor ({@link VigilUser}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class MethodSecurityConfiguration {

}
