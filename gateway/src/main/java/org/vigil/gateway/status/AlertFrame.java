package org.vigil.gateway.status;

import java.time.Instant;
import java.util.List;

/**
 * What an officer's console receives over STOMP on {@code /user/queue/alerts}.
 *
 * @param kind {@code ALERT} when the officer must act, {@code CLEARED} when the alert no
 * longer needs them (acknowledged, or escalated past them), {@code NOTICE} to tell a
 * person of news on a request they are party to: the requester of an answer, an exhausted
 * ladder or a lapsing preservation, the officer of the requester's reply
 * @param recipients the officers this frame is for
 * @param requestId the request
 * @param from the requesting Party
 * @param to the requested Party
 * @param urgency its urgency
 * @param step the ladder step
 * @param deadline when the step escalates; for a notice, when something falls due; null
 * for {@code CLEARED}
 * @param reason why the officer was paged, why the alert was cleared, or the news
 * @param offence the offence under investigation, so the officer knows at a glance what
 * it is
 * @param at when it happened
 * @param drill whether the request is a reachability drill, which the console must label
 * unmistakably
 */
public record AlertFrame(String kind, List<String> recipients, String requestId, String from, String to, String urgency,
		int step, Instant deadline, String reason, String offence, Instant at, boolean drill) {

	public static final String ALERT = "ALERT";

	public static final String CLEARED = "CLEARED";

	public static final String NOTICE = "NOTICE";

	public AlertFrame {
		recipients = List.copyOf(recipients);
	}

}
