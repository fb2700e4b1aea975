/**
 * Publishes what people do (submissions, acknowledgements) to the dispatcher's topic.
 */
package org.vigil.gateway.command;
