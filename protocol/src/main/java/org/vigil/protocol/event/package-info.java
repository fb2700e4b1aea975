/**
 * Facts about a request's lifecycle, decided by the dispatcher and carried on
 * {@link org.vigil.protocol.Topics#EVENTS}. Named in the past tense: they have happened.
 */
package org.vigil.protocol.event;
