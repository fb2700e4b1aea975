/**
 * Acknowledging from a message: the page behind the one-time signed link that every
 * e-mail and SMS carries.
 */
package org.vigil.gateway.acklink;
