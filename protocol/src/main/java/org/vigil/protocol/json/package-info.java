/**
 * The JSON form of the wire types, and its Kafka serde.
 */
package org.vigil.protocol.json;
