package org.vigil.gateway.push;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.vigil.directory.notification.ContactMethod;
import org.vigil.gateway.directory.DirectoryEditor;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Refused;
import org.vigil.gateway.security.VigilUser;
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
 * The change goes through {@link DirectoryEditor#changeOwnContacts}, under the
 * directory's per-country edit lock, so it cannot interleave with an administrator's save
 * of the same entry.
 */
@Component
public class PushSubscriptions {

	private final DirectoryEditor editor;

	private final Clock clock;

	public PushSubscriptions(DirectoryEditor editor, Clock clock) {
		this.editor = editor;
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
		// The endpoint is a capability URL of the browser: the audit names only its host
		// (and the digest of the whole).
		change(officer, verified, "SUBSCRIBE_PUSH", "push service " + java.net.URI.create(verified.address()).getHost(),
				verified.address(), correlationId);
	}

	/** Removes the officer's subscription, if they have one. */
	public void unsubscribe(VigilUser officer, String correlationId) {
		change(officer, null, "UNSUBSCRIBE_PUSH", "push subscription removed", "", correlationId);
	}

	/**
	 * Through the directory editor's change of one's own contact methods: the same lock,
	 * topic, audit and wait as every other change of the entry.
	 */
	private void change(VigilUser user, ContactMethod push, String action, String detail, String address,
			String correlationId) {
		if (user.country().isEmpty()) {
			throw new Refused(HttpStatus.CONFLICT, ProblemTypes.NOT_ALLOWED, "Not an officer",
					"Only an officer of a contact point can enable alerts in a browser");
		}
		this.editor.changeOwnContacts(user, (contacts) -> {
			List<ContactMethod> after = new ArrayList<>();
			contacts.stream().filter((method) -> method.channel() != ContactChannel.PUSH).forEach(after::add);
			if (push != null) {
				after.add(push);
			}
			return after;
		}, action, detail, address, correlationId);
	}

}
