/**
 * The wire language of the Vigil network: identifiers, requests, the commands the
 * dispatcher takes, the events it emits, and the Kafka topic names. Depends on no
 * framework and on no other Vigil module.
 */
package org.vigil.protocol;
