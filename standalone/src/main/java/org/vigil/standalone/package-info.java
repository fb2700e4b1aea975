/**
 * The whole network in one JVM, on a real in-process Kafka broker and a real
 * redis-server: the embedded default for trying Vigil and for development. Holds no
 * business logic.
 */
package org.vigil.standalone;
