/**
 * What operators watch, as Micrometer meters named {@code vigil.*} and exposed for
 * Prometheus: open requests by state, time to acknowledge, rejected submissions, consumer
 * lag.
 */
package org.vigil.gateway.metrics;
