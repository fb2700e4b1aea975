/**
 * JMH benchmarks of the protocol module. Run from the shaded jar, see docs/benchmarks.md.
 */
package org.vigil.benchmarks;
