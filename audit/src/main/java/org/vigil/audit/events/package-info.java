/**
 * The dispatcher's own facts in the audit log: every lifecycle event on
 * {@code vigil.events} becomes one audit entry with an id that a replay builds again.
 */
package org.vigil.audit.events;
