/**
 * A local, read-only copy of the directory, materialised from its compacted Kafka topic
 * so that no service calls the directory on a hot path.
 */
package org.vigil.directory.replica;
