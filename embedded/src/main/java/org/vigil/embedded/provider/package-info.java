/**
 * A simulated SMS and voice provider on loopback, for tests: it takes messages over HTTP
 * as a real provider's API would, reports delivery to the callback it was given, and can
 * be told to fail.
 */
package org.vigil.embedded.provider;
