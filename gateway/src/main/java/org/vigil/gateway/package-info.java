/**
 * The gateway: the REST API, live alerts over STOMP, security, problem details and the
 * web console. It holds no routing or escalation logic; it publishes what people do and
 * shows what the dispatcher decided.
 */
package org.vigil.gateway;
