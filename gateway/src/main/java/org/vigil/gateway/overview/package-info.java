/**
 * The supervisors' and the coordinator's view of what is open, escalated and overdue.
 */
package org.vigil.gateway.overview;
