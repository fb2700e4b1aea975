package org.vigil.gateway.status;

import java.time.Instant;

/**
 * One line of a request's history.
 *
 * @param sequence the event's number in the request's history
 * @param event the event type, such as {@code OfficersAlerted}
 * @param at when it happened
 * @param text what happened, in words
 */
public record TimelineEntry(long sequence, String event, Instant at, String text) {
}
