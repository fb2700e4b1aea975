package org.vigil.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.GatewayKeys;
import org.vigil.gateway.security.LoginThrottle;
import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password cannot be guessed at line speed: after {@link LoginThrottle#MAX_FAILURES}
 * failed logins the name is locked, even for the right password, and every attempt is in
 * the audit log.
 */
class LoginThrottleIT extends NetworkTest {

	private static final String USER = "jp.admin";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	StringRedisTemplate redis;

	@AfterEach
	void unlock() {
		this.redis.delete(GatewayKeys.loginFailures(USER));
	}

	@Test
	void tooManyFailedLoginsLockTheNameAndEveryAttemptIsAudited() throws Exception {
		Map<TopicPartition, Long> before = endOffsets(Topics.AUDIT);
		assertThat(me(USER, PASSWORD).statusCode()).isEqualTo(200);

		for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
			assertThat(me(USER, "guess-" + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> locked = me(USER, PASSWORD);

		assertThat(locked.statusCode()).isEqualTo(401);
		assertThat(locked.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(json(locked).get("detail").asString()).contains("Too many failed logins");
		assertThat(me("jp.requester", PASSWORD).statusCode()).as("other names are not locked").isEqualTo(200);
		assertThat(auditSince(before, (entry) -> entry.outcome().contains("LockedException")))
			.filteredOn((entry) -> entry.action().equals("LOGIN") && entry.actor().equals(USER))
			.extracting(AuditEntry::outcome)
			.startsWith("ACCEPTED")
			.contains("REJECTED BadCredentialsException", "REJECTED LockedException");
	}

	@Test
	void aConsoleLoginSessionIsKeptInRedisForEveryGatewayInstance() throws Exception {
		try (ConsoleSession officer = ConsoleSession.login(this.port, "fr.admin", PASSWORD)) {
			assertThat(officer.get("/api/v1/me").statusCode()).isEqualTo(200);
			assertThat(this.redis.keys(GatewayKeys.SESSIONS + ":sessions:*")).as("sessions in Redis").isNotEmpty();
		}
	}

	private HttpResponse<String> me(String user, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/me"))
			.header("Authorization", "Basic " + basic)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
