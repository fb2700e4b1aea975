package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigil.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A country administrator edits their Party's entry, officers' roles included, but cannot
 * grant a role that holds across the network (network administrator, coordinator,
 * auditor): that would make them one (docs/threat-model.md, elevation of privilege).
 */
class DirectoryRolesIT extends NetworkTest {

	private static final String FRANCE = "/api/v1/directory/contact-points/FR";

	@Test
	void aCountryAdministratorCannotMakeThemselvesANetworkAdministrator() throws Exception {
		// With a second factor: without one the administrator may not edit at all.
		try (ConsoleSession admin = ConsoleSession.loginAsAdministrator(this.port, "fr.admin", PASSWORD)) {
			HttpResponse<String> loaded = admin.get(FRANCE);
			String etag = loaded.headers().firstValue("ETag").orElseThrow();
			Map<TopicPartition, Long> before = endOffsets(Topics.AUDIT);
			for (String role : new String[] { "NETWORK_ADMIN", "COORDINATOR", "AUDITOR" }) {
				ObjectNode entry = (ObjectNode) json(loaded);
				for (JsonNode officer : entry.get("officers")) {
					if (officer.get("id").asString().equals("fr.admin")) {
						((ArrayNode) officer.get("roles")).add(role);
					}
				}

				HttpResponse<String> refused = admin.put(FRANCE, entry.toString(), etag);

				assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
				assertThat(refused.body()).contains("/problems/not-allowed").contains(role);
			}
			assertThat(admin.get(FRANCE).headers().firstValue("ETag")).as("nothing was saved").contains(etag);
			assertThat(json(admin.get("/api/v1/me")).get("roles").toString()).doesNotContain("NETWORK_ADMIN");
			assertThat(
					auditSince(before,
							(audit) -> audit.action().equals("CHANGE_DIRECTORY_ENTRY")
									&& audit.object().equals("party/FR") && audit.outcome().contains("not-allowed")))
				.isNotEmpty();
		}
		finally {
			SecondFactor.forget(this.redis, "fr.admin");
		}
	}

}
