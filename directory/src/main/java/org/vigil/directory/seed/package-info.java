/**
 * The directory a new network starts from.
 */
package org.vigil.directory.seed;
