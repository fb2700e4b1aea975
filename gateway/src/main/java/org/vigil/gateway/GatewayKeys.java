package org.vigil.gateway;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;

/**
 * The one place that names the gateway's Redis keys. Everything here is a read model or a
 * fan-out channel, rebuilt from Kafka; none of it is the only copy of anything.
 *
 * <h2>Storage details</h2>
 * <ul>
 * <li>{@code vigil:gw:request:<id>} — hash: the request's status as the gateway shows it.
 * Fields {@code request} (the submitted request, JSON), {@code submittedBy},
 * {@code acceptedAt}, {@code status}, {@code sequence} (last event projected),
 * {@code step}, {@code paged} (comma separated), {@code deadline},
 * {@code acknowledgedBy}, {@code acknowledgedAt}, {@code respondBy}, {@code response}
 * (the latest answer, JSON), {@code preservedUntil}, {@code outcome}, {@code from},
 * {@code to}, {@code urgency}, and {@code receipt.<KIND>} (the signed receipts).</li>
 * <li>{@code vigil:gw:request:<id>:timeline} — list: the request's events, JSON, oldest
 * first.</li>
 * <li>{@code vigil:gw:state:<STATE>} — set: ids of the requests in that state, every
 * state but {@code CLOSED}; the {@code vigil.requests.open} gauge counts them.</li>
 * <li>{@code vigil:gw:alerts:<officer>} — set: ids of the requests currently paging that
 * officer.</li>
 * <li>{@code vigil:gw:country:<ISO>:sent} and {@code …:received} — sorted sets: request
 * ids by acceptance time in epoch milliseconds.</li>
 * <li>{@code vigil:gw:projected:<topic>:<partition>} — string: {@code 1} once the
 * projector holds that partition in this Redis from its first record;
 * {@code replaying:<push from>:<until>} while it reads the partition again from its
 * beginning (frames owed from offset {@code push from}; done past {@code until}). A
 * partition without it (Redis wiped, or new) is replayed from its beginning, whatever
 * offset the consumer group committed in Kafka, and no event of it is written meanwhile
 * (the projector's writes check it in the same script).</li>
 * <li>{@code vigil:gw:alerts} — pub/sub channel: alert frames for every gateway instance
 * to push to the officers connected to it.</li>
 * <li>{@code vigil:gw:session:sessions:<id>} — hash: a person's login session (Spring
 * Session), shared by every gateway instance; losing it means logging in again, nothing
 * more.</li>
 * <li>{@code vigil:gw:rate:<principal>:<epoch minute>} — counter that expires after two
 * minutes: API calls, for the per-principal rate limit.</li>
 * <li>{@code vigil:gw:login-failures:<user name>} — counter with an expiry: failed
 * logins, for throttling.</li>
 * <li>{@code vigil:gw:directory-edit:<ISO>} — string with a 15 s expiry: the id of the
 * administrator saving that contact point's entry right now.</li>
 * <li>{@code vigil:gw:drill:<id>} — hash: a reachability drill's result. Fields
 * {@code country}, {@code urgency}, {@code startedAt}, {@code outcome} ({@code RUNNING},
 * {@code ACKNOWLEDGED} or {@code FAILED}), {@code acknowledgedBy},
 * {@code acknowledgedAt}, {@code step} (the step that was paging when it was
 * acknowledged) and {@code endedAt}.</li>
 * <li>{@code vigil:gw:drills:<ISO>} — sorted set: the ids of a Party's drills by start
 * time in epoch milliseconds.</li>
 * <li>{@code vigil:gw:drill-due:<ISO>:<period>} — string, expiring after two periods:
 * held by the gateway instance that started that Party's scheduled drill of that period,
 * so that only one instance starts it.</li>
 * <li>{@code vigil:gw:totp:<user>} — string: a person's TOTP secret, encrypted
 * ({@code aes-gcm:<base64 nonce and ciphertext>}, bound to the user name) when
 * {@code vigil.gateway.totp.encryption-key} is set, else {@code plain:<base32>}. Unlike
 * the rest, it is the only copy: lost, the person enrols again.</li>
 * <li>{@code vigil:gw:totp-enrolment:<user>} — string, as above, expiring after 10
 * minutes: a secret offered at enrolment and not yet confirmed with a code.</li>
 * <li>{@code vigil:gw:totp-used:<user>:<step>} — string, expiring after the steps a code
 * is accepted in: that person's code of that 30 s step has been used, and is refused
 * again.</li>
 * <li>{@code vigil:gw:ack-link:<nonce>} — string, expiring with the link: an
 * acknowledgement link already used, so that it works once.</li>
 * <li>{@code vigil:gw:request:<id>:deliveries} — set: {@code <delivery key>|<status>} of
 * the delivery updates already put on the request's timeline, so that a replay adds none
 * twice.</li>
 * <li>{@code vigil:gw:contact-code:<officer>:<digest of channel and address>} — hash,
 * expiring with the code (15 min): a verification code's salt, digest and expiry, and
 * {@code tries}, counted up before each check.</li>
 * <li>{@code vigil:gw:contact-code-sent:<officer>:<digest>} — string, expiring after a
 * minute: a code was just sent there, so that a new one waits (no flood of texts).</li>
 * <li>{@code vigil:gw:direct:<id>} — hash, expiring after seven days: a direct message's
 * officer, status, time and detail, from {@code vigil.notifier.direct}.</li>
 * </ul>
 */
public final class GatewayKeys {

	private static final String PREFIX = "vigil:gw:";

	public static final String ALERT_CHANNEL = PREFIX + "alerts";

	/** The namespace of the people's HTTP sessions, kept by Spring Session. */
	public static final String SESSIONS = PREFIX + "session";

	private GatewayKeys() {
	}

	/** The ids of the requests in a state (a {@code RequestState} name), for metrics. */
	public static String requestsInState(String state) {
		return PREFIX + "state:" + state;
	}

	/** API calls of one principal in one minute of the clock, for rate limiting. */
	public static String apiCalls(String principal, long epochMinute) {
		return PREFIX + "rate:" + principal + ":" + epochMinute;
	}

	/**
	 * How many logins failed for a user name lately; expires a while after the first
	 * failure.
	 */
	public static String loginFailures(String username) {
		return PREFIX + "login-failures:" + username;
	}

	/**
	 * Held while one administrator saves a contact point's entry, so that the ETag check
	 * and the write are one step for every gateway instance.
	 */
	public static String directoryEdit(CountryCode country) {
		return PREFIX + "directory-edit:" + country.value();
	}

	public static String drill(RequestId id) {
		return PREFIX + "drill:" + id.value();
	}

	public static String drills(CountryCode country) {
		return PREFIX + "drills:" + country.value();
	}

	/** Taken by the one gateway instance that starts a Party's scheduled drill. */
	public static String drillDue(CountryCode country, long period) {
		return PREFIX + "drill-due:" + country.value() + ":" + period;
	}

	/** A person's TOTP secret (encrypted at rest when a key is configured). */
	public static String totpSecret(String username) {
		return PREFIX + "totp:" + username;
	}

	/** A TOTP secret offered at enrolment, until it is confirmed with a code. */
	public static String totpEnrolment(String username) {
		return PREFIX + "totp-enrolment:" + username;
	}

	/**
	 * Held once a person's code of that step was accepted, so it is not accepted twice.
	 */
	public static String totpUsed(String username, long step) {
		return PREFIX + "totp-used:" + username + ":" + step;
	}

	/** The mark of a partition the read model holds from its first record. */
	public static String projected(String topic, int partition) {
		return PREFIX + "projected:" + topic + ":" + partition;
	}

	public static String request(RequestId id) {
		return PREFIX + "request:" + id.value();
	}

	public static String timeline(RequestId id) {
		return PREFIX + "request:" + id.value() + ":timeline";
	}

	public static String alerts(OfficerId officer) {
		return PREFIX + "alerts:" + officer.value();
	}

	public static String sent(CountryCode country) {
		return PREFIX + "country:" + country.value() + ":sent";
	}

	public static String received(CountryCode country) {
		return PREFIX + "country:" + country.value() + ":received";
	}

	/** An acknowledgement link's nonce, once the link was used. */
	public static String contactCode(OfficerId officer, String method) {
		return PREFIX + "contact-code:" + officer.value() + ":" + method;
	}

	public static String contactCodeSent(OfficerId officer, String method) {
		return PREFIX + "contact-code-sent:" + officer.value() + ":" + method;
	}

	public static String directMessage(String id) {
		return PREFIX + "direct:" + id;
	}

	public static String ackLinkUsed(String nonce) {
		return PREFIX + "ack-link:" + nonce;
	}

	/** The delivery updates already on a request's timeline. */
	public static String deliveriesProjected(RequestId id) {
		return request(id) + ":deliveries";
	}

}
