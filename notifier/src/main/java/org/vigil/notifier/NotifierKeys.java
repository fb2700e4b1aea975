package org.vigil.notifier;

import org.vigil.protocol.RequestId;
import org.vigil.protocol.notification.DeliveryKey;

/**
 * The notifier's Redis keys, all under one prefix ({@code vigil:notify:} by default).
 * Redis holds the notifier's index of what is due; {@code vigil.notifications} holds the
 * record it is rebuilt from.
 *
 * <pre>
 * {prefix}d:{request}/{step}/{officer}/{channel}  hash: one message (DeliveryKey) — status, due, urgency,
 *                                                 from, to, fence, alertSequence, priority, attempts, drill
 * {prefix}due:{priority}                          sorted set: keys of QUEUED messages by due time (epoch ms),
 *                                                 one set per priority, first pages first
 * {prefix}inflight                                sorted set: keys handed to a channel, by lease expiry (epoch
 *                                                 ms); an expired lease goes back to due (the sender died)
 * {prefix}confirm                                 sorted set: keys SENT by a channel with delivery receipts, by
 *                                                 the time a receipt must have come; past it, the next channel
 * {prefix}req:{request}                           set: the keys of a request's messages
 * {prefix}rules:{request}                         string, JSON: the notification rules of everyone the request
 *                                                 may page, as at its first alert (RulesSnapshot); deleted when
 *                                                 it closes, else expiring 90 days after its latest alert
 * {prefix}reply:{number}:{code}                    string, expiring with the link: the signed acknowledgement
 *                                                 token an SMS reply with that code from that number uses
 * {prefix}push-receipt:{digest}                  string, expiring with the link: the DeliveryKey a pushed page's
 *                                                 one-time receipt token stands for (digest: SHA-256 of the
 *                                                 token, base64url; the token itself is not kept)
 * {prefix}index                                   string: when this index was built; absent in a new or
 *                                                 lost Redis, which makes the notifier rebuild it from Kafka
 * </pre>
 */
public final class NotifierKeys {

	public static final String DEFAULT_PREFIX = "vigil:notify:";

	private final String prefix;

	public NotifierKeys(String prefix) {
		this.prefix = prefix;
	}

	public String replyCode(String number, String code) {
		return this.prefix + "reply:" + number + ":" + code;
	}

	/**
	 * @param digest the receipt token's SHA-256, base64url
	 */
	public String pushReceipt(String digest) {
		return this.prefix + "push-receipt:" + digest;
	}

	public String prefix() {
		return this.prefix;
	}

	public String delivery(DeliveryKey key) {
		return deliveryPrefix() + key.value();
	}

	/** What {@link #delivery} puts before the key, for the queue's scripts. */
	public String deliveryPrefix() {
		return this.prefix + "d:";
	}

	public String due(int priority) {
		return duePrefix() + priority;
	}

	/** What {@link #due} puts before the priority, for the queue's scripts. */
	public String duePrefix() {
		return this.prefix + "due:";
	}

	public String inflight() {
		return this.prefix + "inflight";
	}

	public String confirm() {
		return this.prefix + "confirm";
	}

	/** Present once the index was built (or rebuilt) in this Redis. */
	public String indexBuilt() {
		return this.prefix + "index";
	}

	public String rulesSnapshot(RequestId requestId) {
		return this.prefix + "rules:" + requestId.value();
	}

	public String request(RequestId requestId) {
		return this.prefix + "req:" + requestId.value();
	}

}
