/**
 * Reads the request lifecycle from {@code vigil.events}: plans the messages each alert
 * owes, and cancels those not sent yet when the request is acknowledged, closed or
 * escalated past them.
 */
package org.vigil.notifier.alerting;
