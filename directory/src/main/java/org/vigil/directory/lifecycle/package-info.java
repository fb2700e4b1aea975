/**
 * Start-up ordering of the services' long-running parts.
 */
package org.vigil.directory.lifecycle;
