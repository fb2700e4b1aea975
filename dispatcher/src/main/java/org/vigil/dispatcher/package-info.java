/**
 * The dispatcher: routes every accepted request to the receiving contact point and
 * escalates, round the clock, until someone acknowledges.
 */
package org.vigil.dispatcher;
