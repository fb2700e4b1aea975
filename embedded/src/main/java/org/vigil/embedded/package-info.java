/**
 * Real infrastructure on loopback for the one-JVM standalone network and for integration
 * tests: an in-process Apache Kafka broker (KRaft) and a redis-server child process.
 */
package org.vigil.embedded;
