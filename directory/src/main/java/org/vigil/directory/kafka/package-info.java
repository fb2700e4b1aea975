/**
 * Declares the network's Kafka topics; every service imports it, since every service
 * reads the directory.
 */
package org.vigil.directory.kafka;
