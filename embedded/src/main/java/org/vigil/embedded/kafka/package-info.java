/**
 * A single-node Apache Kafka broker in KRaft mode, run in this JVM on loopback.
 */
package org.vigil.embedded.kafka;
