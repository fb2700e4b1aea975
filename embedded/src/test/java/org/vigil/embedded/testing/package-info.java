/**
 * Fixtures that other modules' tests share, shipped in this module's test jar (and only
 * this package), so that Spring Data Redis and JUnit stay out of the embedded module's
 * main code, which the standalone jar ships.
 */
package org.vigil.embedded.testing;
