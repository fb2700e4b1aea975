/**
 * A real redis-server run as a child process on loopback, and how its binary is found.
 */
package org.vigil.embedded.redis;
