/**
 * The escalation ladder of one request, as a pure state machine: no Kafka, no clock of
 * its own.
 */
package org.vigil.dispatcher.escalation;
