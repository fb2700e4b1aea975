/**
 * Reaching officers outside the console: the channels, the fate of each message, and the
 * signed acknowledgement link a message carries.
 */
package org.vigil.protocol.notification;
