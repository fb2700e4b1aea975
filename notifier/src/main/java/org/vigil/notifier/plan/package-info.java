/**
 * Turns an alert into the messages it owes: who, by which channel, when. The planning
 * itself is pure functions; {@link org.vigil.notifier.plan.RulesSnapshots} keeps, in
 * Redis, the notification rules each request is planned with.
 */
package org.vigil.notifier.plan;
