/**
 * The notifier: reaches paged officers outside the console, by the channels and rules of
 * the directory, and records what became of every message.
 */
package org.vigil.notifier;
