/**
 * Requests one contact point sends another through the network.
 */
package org.vigil.protocol.request;
