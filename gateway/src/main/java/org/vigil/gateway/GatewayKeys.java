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
 * {@code acknowledgedBy}, {@code acknowledgedAt}, {@code from}, {@code to},
 * {@code urgency}.</li>
 * <li>{@code vigil:gw:request:<id>:timeline} — list: the request's events, JSON, oldest
 * first.</li>
 * <li>{@code vigil:gw:alerts:<officer>} — set: ids of the requests currently paging that
 * officer.</li>
 * <li>{@code vigil:gw:country:<ISO>:sent} and {@code …:received} — sorted sets: request
 * ids by acceptance time in epoch milliseconds.</li>
 * <li>{@code vigil:gw:alerts} — pub/sub channel: alert frames for every gateway instance
 * to push to the officers connected to it.</li>
 * </ul>
 */
public final class GatewayKeys {

	private static final String PREFIX = "vigil:gw:";

	public static final String ALERT_CHANNEL = PREFIX + "alerts";

	private GatewayKeys() {
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

}
