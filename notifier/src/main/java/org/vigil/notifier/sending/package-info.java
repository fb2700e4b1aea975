/**
 * Sending what is due: claims messages from the queue, gives them to their channel within
 * its rate limit, records the outcome and delivery receipts, and hands a failed page to
 * the officer's next channel at once.
 */
package org.vigil.notifier.sending;
