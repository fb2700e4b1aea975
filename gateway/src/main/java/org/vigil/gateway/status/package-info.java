/**
 * The gateway's read model of requests in Redis, projected from Kafka, and the alert
 * frames it fans out.
 */
package org.vigil.gateway.status;
