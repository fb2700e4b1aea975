/**
 * What the gateway writes to the audit log: what happens at the gateway and nowhere else,
 * such as a refused submission. Accepted requests and their lifecycle are in Kafka
 * already.
 */
package org.vigil.gateway.audit;
