/**
 * Acknowledging a page by replying to its text: a short code per SMS, and the provider's
 * inbound-SMS callback.
 */
package org.vigil.notifier.reply;
