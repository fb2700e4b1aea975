/**
 * The ladders on Kafka Streams: one processor owns the ladders of its partitions, with
 * their state and deadline index in changelogged stores, and reads and writes exactly
 * once.
 */
package org.vigil.dispatcher.stream;
