/**
 * Who is paged for a step of a ladder at a given instant, and why.
 */
package org.vigil.directory.oncall;
