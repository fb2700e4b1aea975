package org.vigil.gateway.directory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.vigil.directory.notification.ContactMethod;
import org.vigil.directory.notification.NotificationRules;
import org.vigil.directory.party.CertificateEntry;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.party.Officer;
import org.vigil.directory.replica.DirectoryKeys;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.audit.AuditTrail;
import org.vigil.gateway.problem.NetworkUnavailable;
import org.vigil.gateway.problem.NotAllowed;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.security.Roles;
import org.vigil.gateway.security.VigilUser;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.receipt.Receipt;

/**
 * Saves an edited contact point to the compacted directory topic, which every service
 * materialises; nothing on the hot path ever calls the directory.
 *
 * <p>
 * Optimistic concurrency: the entry's ETag is the digest of its canonical JSON, and a
 * change must name the ETag it was made from. The check and the write hold a short Redis
 * lock per country, so two administrators on two gateway instances cannot both win; the
 * lock is released once this instance's replica shows the change, so the next reader of
 * any entry here sees it.
 */
public class DirectoryEditor {

	private static final Duration LOCK = Duration.ofSeconds(15);

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

	private final KafkaTemplate<String, byte[]> kafka;

	private final DirectoryReplica replica;

	private final StringRedisTemplate redis;

	private final AuditTrail audit;

	private final Clock clock;

	public DirectoryEditor(KafkaTemplate<String, byte[]> kafka, DirectoryReplica replica, StringRedisTemplate redis,
			AuditTrail audit, Clock clock) {
		this.kafka = kafka;
		this.replica = replica;
		this.redis = redis;
		this.audit = audit;
		this.clock = clock;
	}

	/** The strong ETag of an entry: its canonical JSON's SHA-256, quoted. */
	public static String etag(ContactPoint contactPoint) {
		return "\"" + digest(contactPoint).substring("sha-256:".length()) + "\"";
	}

	private static String digest(ContactPoint contactPoint) {
		return Receipt.digestOf(CanonicalJson.canonicalize(contactPoint));
	}

	/**
	 * Replaces a contact point's entry if it is still the version {@code ifMatch} names.
	 * @return the entry as saved
	 */
	@PreAuthorize(Roles.DIRECTORY_ADMIN)
	public ContactPoint replace(VigilUser editor, ContactPoint current, String ifMatch, ContactPoint proposed,
			String correlationId) {
		CountryCode country = current.country();
		String lockKey = GatewayKeys.directoryEdit(country);
		String holder = editor.id().value() + "/" + correlationId;
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(lockKey, holder, LOCK))) {
			throw new Refused(HttpStatus.CONFLICT, ProblemTypes.EDIT_IN_PROGRESS, "Edit in progress",
					"Someone else is saving the entry of " + country + " right now; reload it and try again");
		}
		try {
			ContactPoint latest = this.replica.contactPoint(country).orElse(current);
			if (!etag(latest).equals(ifMatch)) {
				throw new Refused(HttpStatus.PRECONDITION_FAILED, ProblemTypes.STALE_ENTRY, "Changed meanwhile",
						"The entry of " + country + " changed since you loaded it (now " + etag(latest)
								+ "); reload it and make your change again");
			}
			if (etag(proposed).equals(ifMatch)) {
				return latest;
			}
			SendResult<String, byte[]> sent = this.kafka
				.send(Topics.DIRECTORY, DirectoryKeys.party(country), WireJson.write(proposed))
				.get(VISIBLE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
			Instant at = this.clock.instant();
			this.audit.record(new AuditEntry(at, editor.id().value(), "CHANGE_DIRECTORY_ENTRY",
					DirectoryKeys.party(country), "ACCEPTED", "from " + etag(latest) + " to " + etag(proposed),
					correlationId, digest(proposed), null, List.of(country)));
			certificateChanges(editor.id().value(), country, latest, proposed, at, correlationId)
				.forEach(this.audit::record);
			this.replica.awaitApplied(sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset(),
					VISIBLE_WITHIN);
			return proposed;
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

	/**
	 * Changes the signed-in officer's own contact methods, and nothing else of the entry:
	 * every officer may, without being an administrator, because a method they add is
	 * unused until a code sent to it proves it reaches them. Same lock, topic and replica
	 * wait as {@link #replace}; audited as {@code action} with the address's digest,
	 * never the address.
	 * @param change from their methods now to their methods after; returning the same
	 * list changes nothing
	 * @param address the address the change concerns, for the audit entry's digest
	 * @return their methods as saved
	 * @throws NotAllowed if they have no officer entry of a Party (a national system, a
	 * network coordinator)
	 */
	@PreAuthorize(Roles.ANYONE)
	public List<ContactMethod> changeOwnContacts(VigilUser officer, UnaryOperator<List<ContactMethod>> change,
			String action, String detail, String address, String correlationId) {
		String digest = Receipt.digestOf(address.getBytes(StandardCharsets.UTF_8));
		return changeOwn(officer, (current) -> current.withContacts(List.copyOf(change.apply(current.contacts()))),
				action, (after) -> detail, digest, correlationId)
			.contacts();
	}

	/**
	 * Changes the signed-in officer's own notification rules, and nothing else of the
	 * entry; as {@link #changeOwnContacts}, without an administrator's role, because the
	 * rules only say how the officer themself is reached. Audited as {@code action} with
	 * the rules in words (they hold no address) and the digest of the rules in force
	 * after.
	 * @param change from the officer as they are now (under the lock, so that a check of
	 * their verified methods sees the latest entry) to their own rules after, or null for
	 * their roles' defaults; it may throw to refuse, and then nothing is written
	 * @return the officer as saved
	 * @throws NotAllowed if they have no officer entry of a Party
	 */
	@PreAuthorize(Roles.OFFICER)
	public Officer changeOwnNotifications(VigilUser officer, Function<Officer, NotificationRules> change, String action,
			String correlationId) {
		return changeOwn(officer, (current) -> current.withNotifications(change.apply(current)), action,
				(after) -> ((after.notifications() != null) ? "own rules: " : "back to the defaults of their roles: ")
						+ after.effectiveNotifications().summary(),
				null, correlationId);
	}

	/**
	 * The lock, the write, the audit entry and the wait shared by the changes an officer
	 * makes to their own entry.
	 * @param digest the audit entry's digest; null for the digest of the rules in force
	 * after
	 */
	private Officer changeOwn(VigilUser officer, UnaryOperator<Officer> change, String action,
			Function<Officer, String> detail, String digest, String correlationId) {
		CountryCode country = officer.country()
			.orElseThrow(() -> new NotAllowed("Only an officer of a Party's contact point has contact methods here"));
		String lockKey = GatewayKeys.directoryEdit(country);
		String holder = officer.id().value() + "/" + correlationId;
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(lockKey, holder, LOCK))) {
			throw new Refused(HttpStatus.CONFLICT, ProblemTypes.EDIT_IN_PROGRESS, "Edit in progress",
					"Someone is saving the entry of " + country + " right now; try again in a moment");
		}
		try {
			ContactPoint latest = this.replica.contactPoint(country)
				.orElseThrow(() -> new NotAllowed("No directory entry for " + country));
			Officer current = latest.officers()
				.stream()
				.filter((candidate) -> candidate.id().equals(officer.id()))
				.findFirst()
				.orElseThrow(() -> new NotAllowed(officer.id() + " has no officer entry in " + country));
			Officer after = change.apply(current);
			if (after.equals(current)) {
				return after;
			}
			ContactPoint proposed = latest.withOfficer(after);
			SendResult<String, byte[]> sent = this.kafka
				.send(Topics.DIRECTORY, DirectoryKeys.party(country), WireJson.write(proposed))
				.get(VISIBLE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
			String recordedDigest = (digest != null) ? digest
					: Receipt.digestOf(CanonicalJson.canonicalize(after.effectiveNotifications()));
			this.audit
				.record(new AuditEntry(this.clock.instant(), officer.id().value(), action, DirectoryKeys.party(country),
						"ACCEPTED", detail.apply(after) + "; entry from " + etag(latest) + " to " + etag(proposed),
						correlationId, recordedDigest, null, List.of(country)));
			this.replica.awaitApplied(sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset(),
					VISIBLE_WITHIN);
			return after;
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

	/**
	 * One entry per certificate registered or withdrawn by a change, named by its
	 * fingerprint: who may sign for a Party is what an auditor asks about first.
	 */
	static List<AuditEntry> certificateChanges(String editor, CountryCode country, ContactPoint before,
			ContactPoint after, Instant at, String correlationId) {
		List<AuditEntry> changes = new ArrayList<>();
		for (CertificateEntry added : after.certificates()) {
			if (!before.certificates().contains(added)) {
				changes.add(certificateEntry(editor, country, "REGISTER_CERTIFICATE", added, at, correlationId));
			}
		}
		for (CertificateEntry removed : before.certificates()) {
			if (!after.certificates().contains(removed)) {
				changes.add(certificateEntry(editor, country, "WITHDRAW_CERTIFICATE", removed, at, correlationId));
			}
		}
		return changes;
	}

	private static AuditEntry certificateEntry(String editor, CountryCode country, String action,
			CertificateEntry certificate, Instant at, String correlationId) {
		return new AuditEntry(at, editor, action, DirectoryKeys.party(country), "ACCEPTED",
				certificate.use() + ", valid " + certificate.notBefore() + " to " + certificate.notAfter(),
				correlationId, "sha-256:" + certificate.sha256(), null, List.of(country));
	}

	/** Records a refused change: who tried what, and why, never the entry itself. */
	public void refused(VigilUser editor, CountryCode country, String problemType, String why, String correlationId,
			byte[] body) {
		this.audit.record(new AuditEntry(this.clock.instant(), editor.id().value(), "CHANGE_DIRECTORY_ENTRY",
				DirectoryKeys.party(country), "REJECTED " + problemType, why, correlationId,
				(body != null) ? Receipt.digestOf(body) : null, null, List.of(country)));
	}

}
