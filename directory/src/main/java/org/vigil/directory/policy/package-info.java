/**
 * Escalation policies: whom to page, step by step, until someone acknowledges.
 */
package org.vigil.directory.policy;
