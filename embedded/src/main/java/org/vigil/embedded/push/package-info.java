/**
 * A Web Push service simulated on loopback, which decrypts what it receives as the
 * subscribed browser would.
 */
package org.vigil.embedded.push;
