/**
 * Load tools, run by hand as main classes (never by the build): the dispatcher's deadline
 * lateness, the network's submit-to-alert latency and the raw Kafka floor, the audit
 * ledger's appends and proofs. See docs/benchmarks.md for the commands and the figures.
 */
package org.vigil.benchmarks.load;
