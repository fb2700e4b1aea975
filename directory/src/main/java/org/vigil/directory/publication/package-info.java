/**
 * The directory service's own job: publishing entries to the compacted directory topic.
 */
package org.vigil.directory.publication;
