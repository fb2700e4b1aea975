package org.vigil.gateway.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.vigil.directory.notification.ContactMethod;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.replica.DirectoryKeys;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.audit.AuditTrail;
import org.vigil.gateway.problem.NetworkUnavailable;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.security.VigilUser;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.notification.ContactChannel;

/**
 * An officer's own push subscription, kept as the {@code PUSH} contact method of their
 * entry in the directory. One per officer: enabling alerts in another browser replaces
 * the last (a push contact method holds one endpoint).
 *
 * <p>
 * The method is saved <em>verified</em>: the browser produced the subscription while the
 * officer was logged in to the console in it, and the push service delivers to that
 * browser only, which is what a code sent to an address proves for the other channels.
 * The change takes the directory's per-country edit lock, so it cannot interleave with an
 * administrator's save of the same entry.
 */
@Component
public class PushSubscriptions {

	private static final Duration LOCK = Duration.ofSeconds(15);

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

	private final KafkaTemplate<String, byte[]> kafka;

	private final DirectoryReplica replica;

	private final StringRedisTemplate redis;

	private final AuditTrail audit;

	private final Clock clock;

	public PushSubscriptions(KafkaTemplate<String, byte[]> gatewayKafkaTemplate, DirectoryReplica replica,
			StringRedisTemplate redis, AuditTrail audit, Clock clock) {
		this.kafka = gatewayKafkaTemplate;
		this.replica = replica;
		this.redis = redis;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Saves the officer's subscription, replacing any earlier one.
	 * @param subscription the push method; its {@code verifiedAt} is set here
	 * @throws Refused 409 for someone who is not an officer of a contact point
	 */
	public void subscribe(VigilUser officer, ContactMethod subscription, String correlationId) {
		ContactMethod verified = new ContactMethod(ContactChannel.PUSH, subscription.address(), this.clock.instant(),
				subscription.push());
		change(officer, verified, "SUBSCRIBE_PUSH", correlationId);
	}

	/** Removes the officer's subscription, if they have one. */
	public void unsubscribe(VigilUser officer, String correlationId) {
		change(officer, null, "UNSUBSCRIBE_PUSH", correlationId);
	}

	private void change(VigilUser user, ContactMethod push, String action, String correlationId) {
		CountryCode country = user.country()
			.orElseThrow(() -> new Refused(HttpStatus.CONFLICT, ProblemTypes.NOT_ALLOWED, "Not an officer",
					"Only an officer of a contact point can enable alerts in a browser"));
		String lockKey = GatewayKeys.directoryEdit(country);
		String holder = user.id().value() + "/" + correlationId;
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(lockKey, holder, LOCK))) {
			throw new Refused(HttpStatus.CONFLICT, ProblemTypes.EDIT_IN_PROGRESS, "Edit in progress",
					"The entry of " + country + " is being saved right now; try again");
		}
		try {
			ContactPoint entry = this.replica.contactPoint(country)
				.orElseThrow(() -> new Refused(HttpStatus.CONFLICT, ProblemTypes.NOT_ALLOWED, "Not an officer",
						"Only an officer of a contact point can enable alerts in a browser"));
			Officer officer = entry.officer(user.id())
				.orElseThrow(() -> new Refused(HttpStatus.CONFLICT, ProblemTypes.NOT_ALLOWED, "Not an officer",
						user.id() + " is not an officer of " + country + " in the directory"));
			List<ContactMethod> contacts = new ArrayList<>();
			officer.contacts()
				.stream()
				.filter((method) -> method.channel() != ContactChannel.PUSH)
				.forEach(contacts::add);
			if (push != null) {
				contacts.add(push);
			}
			if (contacts.equals(officer.contacts())) {
				return; // nothing to remove: no write, no audit entry
			}
			Officer changed = new Officer(officer.id(), officer.name(), officer.roles(), officer.languages(), contacts,
					officer.notifications());
			List<Officer> officers = entry.officers()
				.stream()
				.map((each) -> each.id().equals(officer.id()) ? changed : each)
				.toList();
			ContactPoint proposed = new ContactPoint(entry.country(), entry.partyName(), entry.authority(),
					entry.zone(), officers, entry.rotation(), entry.policy(), entry.certificates(), entry.treaty(),
					entry.channels(), entry.languages(), entry.officeHours(), entry.mlaAuthority(),
					entry.lastVerified(), entry.layers(), entry.overrides());
			SendResult<String, byte[]> sent = this.kafka
				.send(Topics.DIRECTORY, DirectoryKeys.party(country), WireJson.write(proposed))
				.get(VISIBLE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
			Instant at = this.clock.instant();
			// The endpoint is a capability URL of the browser: the audit names only its
			// host.
			String detail = (push != null) ? "push service " + java.net.URI.create(push.address()).getHost()
					: "push subscription removed";
			this.audit.record(new AuditEntry(at, user.id().value(), action, DirectoryKeys.party(country), "ACCEPTED",
					detail, correlationId, null, null, List.of(country)));
			this.replica.awaitApplied(sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset(),
					VISIBLE_WITHIN);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new NetworkUnavailable("The directory topic did not take the change", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NetworkUnavailable("Interrupted while saving the change", ex);
		}
		finally {
			if (holder.equals(this.redis.opsForValue().get(lockKey))) {
				this.redis.delete(lockKey);
			}
		}
	}

}
