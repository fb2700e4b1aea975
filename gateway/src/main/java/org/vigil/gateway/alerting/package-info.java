/**
 * Live alerts: STOMP over WebSocket to officers' consoles, fanned out across gateway
 * instances through Redis, and the acknowledgement that stops a ladder.
 */
package org.vigil.gateway.alerting;
