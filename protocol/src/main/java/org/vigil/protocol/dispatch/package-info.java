/**
 * What the dispatcher is asked to do, carried on
 * {@link org.vigil.protocol.Topics#REQUESTS}.
 */
package org.vigil.protocol.dispatch;
