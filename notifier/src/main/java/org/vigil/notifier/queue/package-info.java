/**
 * The notifier's index of messages in Redis: what is due, what is in flight, what awaits
 * a delivery receipt. Every change is one Lua script, so a crash leaves no half-written
 * message.
 */
package org.vigil.notifier.queue;
