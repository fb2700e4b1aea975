/**
 * An officer's own contact methods: adding and removing them, verifying one with a code
 * the notifier sends to it, and test messages.
 */
package org.vigil.gateway.contacts;
