/**
 * Messages that belong to no request (verification codes, test messages): read from
 * {@code vigil.notifier.commands}, sent at once, their fate written to
 * {@code vigil.notifier.direct}.
 */
package org.vigil.notifier.direct;
