/**
 * Audit entries: who did what to which object, when, with what outcome. Metadata and
 * digests only, never the contents of a request.
 */
package org.vigil.protocol.audit;
