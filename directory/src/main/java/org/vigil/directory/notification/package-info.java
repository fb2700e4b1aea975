/**
 * How each officer is reached outside the console: their contact methods and their rules
 * of which channel to use when, per urgency.
 */
package org.vigil.directory.notification;
