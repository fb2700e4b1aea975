package org.vigil.standalone;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists page with {@code limit} and {@code cursor}, and say where the next page is in a
 * {@code Link: <…>; rel="next"} header: followed to the end, the pages hold every item
 * once, newest first, even when a new request arrives while a client pages.
 */
class PagingIT extends NetworkTest {

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

	@Test
	void followingTheLinksGivesEverySentRequestOnceNewestFirst() throws Exception {
		try (ConsoleSession requester = ConsoleSession.login(this.port, "us.requester", PASSWORD)) {
			List<String> filed = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				filed.add(0, json(requester.post("/api/v1/requests", preservationRequest("JP", "ROUTINE"))).get("id")
					.asString());
				this.clock.advance(java.time.Duration.ofMillis(1));
			}
			List<String> seen = new ArrayList<>();
			String page = "/api/v1/requests?box=sent&limit=2";
			boolean arrivedMeanwhile = false;
			while (page != null && seen.size() < 400) {
				HttpResponse<String> answer = requester.get(page);
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
				JsonNode items = json(answer);
				assertThat(items.size()).isLessThanOrEqualTo(2);
				items.forEach((item) -> seen.add(item.get("id").asString()));
				if (!arrivedMeanwhile) {
					// A request filed between two pages comes before the cursor: not
					// seen,
					// and nothing is seen twice.
					requester.post("/api/v1/requests", preservationRequest("JP", "ROUTINE"));
					arrivedMeanwhile = true;
				}
				page = answer.headers().firstValue("Link").map(PagingIT::next).orElse(null);
			}
			assertThat(seen).doesNotHaveDuplicates();
			assertThat(seen.subList(0, 3)).containsExactlyElementsOf(filed);
		}
	}

	@Test
	void theLastPageHasNoLinkAndABadCursorOrLimitIs422() throws Exception {
		try (ConsoleSession admin = ConsoleSession.login(this.port, "net.coordinator", PASSWORD)) {
			HttpResponse<String> first = admin.get("/api/v1/drills/report?limit=2");
			assertThat(json(first).size()).isEqualTo(2);
			String next = next(first.headers().firstValue("Link").orElseThrow());
			assertThat(next).startsWith("/api/v1/drills/report?").contains("limit=2").contains("cursor=");
			HttpResponse<String> second = admin.get(next);
			assertThat(json(second).get(0).get("country").asString())
				.isGreaterThan(json(first).get(1).get("country").asString());
			HttpResponse<String> whole = admin.get("/api/v1/drills/report?limit=500");
			assertThat(whole.headers().firstValue("Link")).isEmpty();

			assertThat(admin.get("/api/v1/requests?limit=501").statusCode()).isEqualTo(422);
		}
		try (ConsoleSession requester = ConsoleSession.login(this.port, "us.requester", PASSWORD)) {
			HttpResponse<String> stale = requester.get("/api/v1/requests?box=sent&cursor=no-such-request");
			assertThat(stale.statusCode()).isEqualTo(422);
			assertThat(json(stale).get("errors").get(0).get("field").asString()).isEqualTo("cursor");
		}
	}

	private static String next(String link) {
		Matcher matcher = NEXT.matcher(link);
		return matcher.find() ? matcher.group(1) : null;
	}

}
