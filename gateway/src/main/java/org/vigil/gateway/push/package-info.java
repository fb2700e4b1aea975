/**
 * Web Push: the VAPID public key for the console, and an officer's own push subscription
 * (the browser they enabled alerts in) as a contact method in the directory.
 */
package org.vigil.gateway.push;
