/**
 * {@code vigil audit}: the log key, and offline verification of the audit log's exports
 * and of one entry's inclusion.
 */
package org.vigil.cli.audit;
