/**
 * Web Push to the console's service worker: VAPID (RFC 8292), payload encryption (RFC
 * 8291) and the push channel.
 */
package org.vigil.notifier.push;
