/**
 * The channels a message can go by, behind one interface: e-mail over SMTP, and SMS and
 * voice through an HTTP provider.
 */
package org.vigil.notifier.channel;
