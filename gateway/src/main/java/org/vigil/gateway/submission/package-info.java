/**
 * Filing a preservation request, and reading where it stands.
 */
package org.vigil.gateway.submission;
