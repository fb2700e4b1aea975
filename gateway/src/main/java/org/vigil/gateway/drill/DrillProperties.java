package org.vigil.gateway.drill;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vigil.protocol.Urgency;

/**
 * Scheduled reachability drills ({@code vigil.drills.*}).
 *
 * @param every one drill per Party per this period, the Parties staggered evenly over it;
 * none (the default) means no scheduled drills, only those started through the API
 * @param check how often a gateway instance looks for drills that fell due
 * @param urgency the urgency scheduled drills escalate with
 */
@ConfigurationProperties("vigil.drills")
public record DrillProperties(Duration every, Duration check, Urgency urgency) {

	public DrillProperties {
		check = (check != null) ? check : Duration.ofSeconds(30);
		urgency = (urgency != null) ? urgency : Urgency.URGENT;
		if (every != null && (every.isNegative() || every.isZero())) {
			throw new IllegalArgumentException("vigil.drills.every must be positive, or left out for no schedule");
		}
		if (check.isNegative() || check.isZero()) {
			throw new IllegalArgumentException("vigil.drills.check must be positive");
		}
	}

	/** No scheduled drills. */
	public static DrillProperties off() {
		return new DrillProperties(null, null, null);
	}

}
