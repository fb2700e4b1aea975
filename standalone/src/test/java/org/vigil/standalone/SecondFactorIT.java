package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vigil.protocol.Topics;
import org.vigil.protocol.audit.AuditEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor: an administrator's roles count only after a TOTP code; a person who
 * has set one up gives a code after the password, in the login form or, over HTTP Basic,
 * in a header; every code is accepted once.
 */
class SecondFactorIT extends NetworkTest {

	/** Not jp.admin: LoginThrottleIT locks that one. */
	private static final String ADMIN = "us.admin";

	@AfterEach
	void forgetTheSecondFactor() {
		SecondFactor.forget(this.redis, ADMIN);
	}

	@Test
	void administratorRolesCountOnlyAfterASecondFactor() throws Exception {
		try (ConsoleSession admin = ConsoleSession.login(this.port, ADMIN, PASSWORD)) {
			HttpResponse<String> me = admin.get("/api/v1/me");
			assertThat(json(me).get("roles").toString()).doesNotContain("COUNTRY_ADMIN");
			assertThat(json(me).get("withheldRoles").toString()).isEqualTo("[\"COUNTRY_ADMIN\"]");

			HttpResponse<String> drill = admin.post("/api/v1/drills", "{\"countries\": [\"US\"]}");
			assertThat(drill.statusCode()).as(drill.body()).isEqualTo(403);
			assertThat(json(drill).get("type").asString()).isEqualTo("/problems/not-allowed");
			assertThat(json(drill).get("detail").asString()).as("method security names what is missing")
				.contains("COUNTRY_ADMIN", "/login/totp/enrol");

			admin.enrolSecondFactor();

			me = admin.get("/api/v1/me");
			assertThat(json(me).get("roles").toString()).contains("COUNTRY_ADMIN");
			assertThat(json(me).get("withheldRoles").toString()).isEqualTo("[]");
		}
	}

	@Test
	void aPersonWithASecondFactorGivesTheCodeAfterThePasswordAndEachCodeCountsOnce() throws Exception {
		ConsoleSession.loginAsAdministrator(this.port, ADMIN, PASSWORD).close();
		Map<TopicPartition, Long> before = endOffsets(Topics.AUDIT);

		try (ConsoleSession halfway = ConsoleSession.loginPasswordOnly(this.port, ADMIN, PASSWORD);
				ConsoleSession again = ConsoleSession.loginPasswordOnly(this.port, ADMIN, PASSWORD)) {
			assertThat(halfway.afterPassword).endsWith("/login/totp");
			HttpResponse<String> early = halfway.get("/api/v1/me");
			assertThat(early.statusCode()).isEqualTo(401);
			assertThat(json(early).get("type").asString()).isEqualTo("/problems/second-factor-required");

			assertThat(halfway.tryCode("/login/totp", "000000")).contains("error");
			String code = SecondFactor.code(ADMIN);
			assertThat(halfway.tryCode("/login/totp", code)).endsWith("/");
			assertThat(json(halfway.get("/api/v1/me")).get("roles").toString()).contains("COUNTRY_ADMIN");

			assertThat(again.tryCode("/login/totp", code)).as("a code is accepted once").contains("error");
			assertThat(again.get("/api/v1/me").statusCode()).isEqualTo(401);
		}
		// A failed login of a name of its own marks the end: the audit topic keeps order.
		String sentinel = "sentinel-" + System.nanoTime();
		assertThat(new NationalSystem(this.port, sentinel, "wrong").get("/api/v1/me").statusCode()).isEqualTo(401);
		assertThat(auditSince(before, (entry) -> entry.actor().equals(sentinel)))
			.filteredOn((entry) -> entry.action().equals("LOGIN_SECOND_FACTOR") && entry.actor().equals(ADMIN))
			.extracting(AuditEntry::outcome)
			.containsSubsequence("REJECTED wrong or used code", "ACCEPTED", "REJECTED wrong or used code");
	}

	@Test
	void httpBasicCallsOfAPersonWithASecondFactorCarryTheCodeInAHeader() throws Exception {
		NationalSystem script = new NationalSystem(this.port, ADMIN, PASSWORD);
		HttpResponse<String> before = script.get("/api/v1/me");
		assertThat(before.statusCode()).as("no second factor yet: the password alone, without admin roles")
			.isEqualTo(200);
		assertThat(json(before).get("roles").toString()).doesNotContain("COUNTRY_ADMIN");

		ConsoleSession.loginAsAdministrator(this.port, ADMIN, PASSWORD).close();

		HttpResponse<String> withoutCode = script.get("/api/v1/me");
		assertThat(withoutCode.statusCode()).isEqualTo(401);
		assertThat(json(withoutCode).get("type").asString()).isEqualTo("/problems/second-factor-required");
		assertThat(json(withoutCode).get("detail").asString()).contains("X-Vigil-TOTP");

		String code = SecondFactor.code(ADMIN);
		HttpResponse<String> withCode = script.get("/api/v1/me", "X-Vigil-TOTP", code);
		assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(200);
		assertThat(json(withCode).get("roles").toString()).contains("COUNTRY_ADMIN");

		assertThat(script.get("/api/v1/me", "X-Vigil-TOTP", code).statusCode()).as("a code is accepted once")
			.isEqualTo(401);
	}

}
