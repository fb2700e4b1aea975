/**
 * Turns an alert into the messages it owes: who, by which channel, when. Pure functions.
 */
package org.vigil.notifier.plan;
