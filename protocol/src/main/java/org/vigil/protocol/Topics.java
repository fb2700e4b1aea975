package org.vigil.protocol;

import java.util.List;
import java.util.Map;

/**
 * The one place that names Vigil's Kafka topics. Every record on {@link #REQUESTS} and
 * {@link #EVENTS} is keyed by the request id, so all of a request's history lands on one
 * partition, in order. Each topic has a {@code *_DOC} line saying what it carries;
 * services declare the topics they touch from {@link #all()}, so creating them is
 * idempotent and every service agrees on their settings.
 */
public final class Topics {

	/** Requests accepted by the network, and officers' actions on them. */
	public static final String REQUESTS = "vigil.requests";

	public static final String REQUESTS_DOC = "Commands for the dispatcher (org.vigil.protocol.dispatch.DispatchCommand as JSON): "
			+ "submitted requests and officers' acknowledgements. Key: request id. Written by the gateway "
			+ "(and by the notifier for an acknowledgement replied to an SMS), read by the dispatcher and the "
			+ "gateway's read model. Never deleted by time: it is the record of what the network accepted.";

	/** What happened to each request. */
	public static final String EVENTS = "vigil.events";

	public static final String EVENTS_DOC = "Lifecycle events (org.vigil.protocol.event.RequestEvent as JSON): routed, "
			+ "alerted, escalated, acknowledged, exhausted. Key: request id. Written by the dispatcher in "
			+ "Kafka transactions; read with isolation.level=read_committed. Never deleted by time.";

	/** The directory view every service materialises. */
	public static final String DIRECTORY = "vigil.directory";

	public static final String DIRECTORY_DOC = "The directory, one record per contact point and one for the network "
			+ "(JSON). Key: 'party/<ISO code>' or 'network'. Written by the directory service. Log-compacted: "
			+ "the latest record per key is the current entry.";

	/** The audit log's entries, before the ledger numbers and hashes them. */
	public static final String AUDIT = "vigil.audit";

	public static final String AUDIT_DOC = "Audit entries (org.vigil.protocol.audit.AuditEntry as JSON): metadata and digests "
			+ "of what people and systems did, accepted or rejected; never request contents. Key: the object "
			+ "(request id, or '-'). Written by every service. Never deleted by time: courts ask years later.";

	/** Every message to an officer outside the console, and what became of it. */
	public static final String NOTIFICATIONS = "vigil.notifications";

	public static final String NOTIFICATIONS_DOC = "Delivery updates (org.vigil.protocol.notification.DeliveryUpdate as JSON): "
			+ "each e-mail, SMS, call or push the notifier planned for a paged officer, and its fate (queued, sent, "
			+ "delivered, failed, cancelled); never addresses. Key: request id. Written by the notifier, read by the "
			+ "notifier (to rebuild its due index) and the gateway (the request's timeline). Never deleted by time.";

	/**
	 * Messages that belong to no request, asked of the notifier: verification codes and
	 * test messages.
	 */
	public static final String NOTIFIER_COMMANDS = "vigil.notifier.commands";

	public static final String NOTIFIER_COMMANDS_DOC = "Direct messages to send (org.vigil.protocol.notification.DirectMessage "
			+ "as JSON): a verification code or a test message to one contact method of one officer, with its address "
			+ "and text. Key: officer id. Written by the gateway, read by the notifier. Kept one day: it holds "
			+ "addresses and codes, and a code expires long before.";

	/** What became of each direct message. */
	public static final String DIRECT_MESSAGES = "vigil.notifier.direct";

	public static final String DIRECT_MESSAGES_DOC = "Fates of direct messages "
			+ "(org.vigil.protocol.notification.DirectMessageUpdate as JSON): sent, delivered, failed; never addresses "
			+ "or codes. Key: officer id. Written by the notifier, read by the gateway (the officer's test-send). "
			+ "Kept seven days.";

	/** Commands the dispatcher could not read; kept for an operator, never dropped. */
	public static final String REQUESTS_DEAD_LETTER = "vigil.requests.dlt";

	public static final String REQUESTS_DEAD_LETTER_DOC = "Records from vigil.requests that the dispatcher could not "
			+ "deserialise, byte for byte, with the error in headers. Key: as received. Never deleted by time.";

	private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1", "retention.bytes", "-1",
			"cleanup.policy", "delete");

	private static final Map<String, String> ONE_DAY = Map.of("retention.ms", String.valueOf(24L * 3600 * 1000));

	private static final Map<String, String> SEVEN_DAYS = Map.of("retention.ms", String.valueOf(7L * 24 * 3600 * 1000));

	private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");

	private Topics() {
	}

	/**
	 * A topic and the settings it must be created with.
	 *
	 * @param name the topic name
	 * @param config topic-level configuration
	 * @param doc what it carries
	 * @param partitions how many partitions it must have, or 0 for the broker's default
	 */
	public record Declaration(String name, Map<String, String> config, String doc, int partitions) {

		public Declaration {
			config = Map.copyOf(config);
		}

		/** A topic with the broker's default number of partitions. */
		public Declaration(String name, Map<String, String> config, String doc) {
			this(name, config, doc, 0);
		}

	}

	/** Every topic Vigil uses, with its settings. */
	public static List<Declaration> all() {
		return List.of(new Declaration(REQUESTS, KEEP_FOREVER, REQUESTS_DOC),
				new Declaration(EVENTS, KEEP_FOREVER, EVENTS_DOC), new Declaration(DIRECTORY, COMPACTED, DIRECTORY_DOC),
				// One partition: the ledger numbers the entries in topic order, and a
				// rebuild must find the same order (docs/audit.md).
				new Declaration(AUDIT, KEEP_FOREVER, AUDIT_DOC, 1),
				new Declaration(REQUESTS_DEAD_LETTER, KEEP_FOREVER, REQUESTS_DEAD_LETTER_DOC),
				new Declaration(NOTIFICATIONS, KEEP_FOREVER, NOTIFICATIONS_DOC),
				new Declaration(NOTIFIER_COMMANDS, ONE_DAY, NOTIFIER_COMMANDS_DOC),
				new Declaration(DIRECT_MESSAGES, SEVEN_DAYS, DIRECT_MESSAGES_DOC));
	}

}
