package org.vigil.standalone;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.request.PreservationRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Walks every REST endpoint and STOMP destination with every role, on the caller's own
 * country's resources and on another's, and checks that each is allowed or denied exactly
 * as the table in docs/security.md says. {@link #ROWS} is that table; a Spring MVC
 * endpoint under {@code /api} without a row fails {@link #everyEndpointHasARow()}.
 *
 * <p>
 * Every caller but the coordinator and anonymous is French, and each role is held alone
 * by its person (the demo directory has no lone AUDITOR, SUPERVISOR or NETWORK_ADMIN, so
 * the test adds them to France's entry and takes them away again). The coordinator of the
 * demo also holds NETWORK_ADMIN and OFFICER. Calls go with HTTP Basic, like a national
 * system's, except the administrators': their roles count only with a second factor, so
 * they enrol one and call in a console session that gave its code (HTTP Basic would need
 * a fresh code for every call). "Allowed" means the call got past authorisation: a 2xx,
 * or the row's own answers that only come after it (409 for a state, 428 for a missing
 * If-Match…).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends NetworkTest {

	enum Caller {

		REQUESTER("fr.requester"), OFFICER("fr.martin"), SUPERVISOR("fr.matrix-supervisor"),
		AUDITOR("fr.matrix-auditor"), COUNTRY_ADMIN("fr.admin"), NETWORK_ADMIN("fr.matrix-netadmin"),
		COORDINATOR("net.coordinator"), ANONYMOUS(null);

		final String login;

		Caller(String login) {
			this.login = login;
		}

	}

	/**
	 * Whose resource a call is about, seen from France: a request France received, one it
	 * sent, one between two other Parties; France's own entry or another Party's; or
	 * nobody's.
	 */
	enum Scope {

		RECEIVED, SENT, OTHER_REQUEST, OWN_PARTY, OTHER_PARTY, NONE

	}

	/** What a caller gets. */
	enum Outcome {

		/** Past authorisation. */
		ALLOWED,
		/** 403 /problems/not-allowed. */
		FORBIDDEN,
		/** 404 /problems/not-found: the resource is not the caller's to see. */
		HIDDEN,
		/** 401 /problems/unauthenticated. */
		UNAUTHENTICATED

	}

	/**
	 * One line of the table: a call on a scope, the answers that mean it was allowed, and
	 * who may make it (everyone else logged in gets {@code otherwise}).
	 */
	record Row(String method, String path, String contentType, String body, Scope scope, Set<Integer> allowedStatus,
			Set<Caller> allowed, Outcome otherwise) {

		String describe() {
			return this.method + " " + this.path + ((this.contentType != null) ? " (" + this.contentType + ")" : "")
					+ " on " + this.scope;
		}

		Outcome expected(Caller caller) {
			if (caller == Caller.ANONYMOUS) {
				return (this.allowed.contains(Caller.ANONYMOUS)) ? Outcome.ALLOWED : Outcome.UNAUTHENTICATED;
			}
			if (this.allowed.contains(caller)) {
				return Outcome.ALLOWED;
			}
			// Method security asks first whether the caller's roles allow the action at
			// all: a role that never may is refused whatever the request, which tells
			// nothing about whether the request exists.
			Set<Caller> holders = ACTION_ROLES.get(this.path);
			if (holders != null && !holders.contains(caller)) {
				return Outcome.FORBIDDEN;
			}
			// Whoever may not read a request is told it does not exist, whatever they
			// asked to do with it.
			boolean request = this.scope == Scope.RECEIVED || this.scope == Scope.SENT;
			return (request && !REQUEST_READERS.contains(caller)) ? Outcome.HIDDEN : this.otherwise;
		}

	}

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private static final String SIGNED = "application/pkcs7-mime";

	private static final Set<Caller> EVERYONE = Set.of(Caller.REQUESTER, Caller.OFFICER, Caller.SUPERVISOR,
			Caller.AUDITOR, Caller.COUNTRY_ADMIN, Caller.NETWORK_ADMIN, Caller.COORDINATOR);

	/** Who reads a Party's requests: not those who only administer the directory. */
	private static final Set<Caller> REQUEST_READERS = Set.of(Caller.REQUESTER, Caller.OFFICER, Caller.SUPERVISOR,
			Caller.AUDITOR, Caller.COORDINATOR);

	private static final Set<Caller> RECEIVING_OFFICERS = Set.of(Caller.OFFICER, Caller.SUPERVISOR, Caller.COORDINATOR);

	/** The roles that may take an action on a request at all (docs/security.md). */
	private static final Map<String, Set<Caller>> ACTION_ROLES = Map.of("/api/v1/requests/{request}/acknowledgement",
			RECEIVING_OFFICERS, "/api/v1/requests/{request}/escalation", RECEIVING_OFFICERS,
			"/api/v1/requests/{request}/delivery", RECEIVING_OFFICERS, "/api/v1/requests/{request}/response",
			RECEIVING_OFFICERS, "/api/v1/requests/{request}/snooze", RECEIVING_OFFICERS,
			"/api/v1/requests/{request}/information", Set.of(Caller.REQUESTER, Caller.COORDINATOR));

	private static final Set<Caller> AUDIT_READERS = Set.of(Caller.AUDITOR, Caller.NETWORK_ADMIN, Caller.COORDINATOR);

	private static final Set<Integer> OK = Set.of(200, 202);

	/** An action on a request that may already have been taken by an earlier row. */
	private static final Set<Integer> OK_OR_STATE = Set.of(200, 202, 409);

	private static final String REQUEST = "/api/v1/requests/{request}";

	/** The table of docs/security.md, line by line. */
	static final List<Row> ROWS = rows();

	private static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("POST", "/api/v1/requests", JSON, "{request to DE}", Scope.NONE, OK, Set.of(Caller.REQUESTER),
				Outcome.FORBIDDEN));
		rows.add(new Row("POST", "/api/v1/requests", SIGNED, "{signed by FR}", Scope.NONE, OK, Set.of(Caller.REQUESTER),
				Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/requests?box=received", null, null, Scope.NONE, OK, REQUEST_READERS,
				Outcome.FORBIDDEN));
		for (String read : List.of(REQUEST, REQUEST + "/signed", REQUEST + "/receipts/ACCEPTED")) {
			rows.add(new Row("GET", read, null, null, Scope.RECEIVED, OK, REQUEST_READERS, Outcome.HIDDEN));
			rows.add(new Row("GET", read, null, null, Scope.SENT, OK, REQUEST_READERS, Outcome.HIDDEN));
			rows.add(new Row("GET", read, null, null, Scope.OTHER_REQUEST, OK, Set.of(Caller.COORDINATOR),
					Outcome.HIDDEN));
		}
		Map<String, String> officersActions = Map.of(REQUEST + "/acknowledgement", "", REQUEST + "/escalation", "",
				REQUEST + "/delivery", "", REQUEST + "/response",
				"{\"kind\": \"NEEDS_INFORMATION\", \"note\": \"Which account?\"}", REQUEST + "/snooze",
				"{\"minutes\": 5}");
		officersActions.forEach((path, body) -> {
			rows.add(new Row("POST", path, JSON, body, Scope.RECEIVED, OK_OR_STATE, RECEIVING_OFFICERS,
					Outcome.FORBIDDEN));
			rows.add(new Row("POST", path, JSON, body, Scope.SENT, OK_OR_STATE, Set.of(Caller.COORDINATOR),
					Outcome.FORBIDDEN));
			rows.add(new Row("POST", path, JSON, body, Scope.OTHER_REQUEST, OK_OR_STATE, Set.of(Caller.COORDINATOR),
					Outcome.HIDDEN));
		});
		String information = "{\"note\": \"The account is alice@example.org\"}";
		rows.add(new Row("POST", REQUEST + "/information", JSON, information, Scope.RECEIVED, OK_OR_STATE,
				Set.of(Caller.COORDINATOR), Outcome.FORBIDDEN));
		rows.add(new Row("POST", REQUEST + "/information", JSON, information, Scope.SENT, OK_OR_STATE,
				Set.of(Caller.REQUESTER, Caller.COORDINATOR), Outcome.FORBIDDEN));
		rows.add(new Row("POST", REQUEST + "/information", JSON, information, Scope.OTHER_REQUEST, OK_OR_STATE,
				Set.of(Caller.COORDINATOR), Outcome.HIDDEN));
		rows.add(new Row("GET", "/api/v1/alerts", null, null, Scope.NONE, OK, EVERYONE, Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/me", null, null, Scope.NONE, OK, EVERYONE, Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/overview", null, null, Scope.NONE, OK,
				Set.of(Caller.SUPERVISOR, Caller.COORDINATOR), Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/directory/contact-points", null, null, Scope.NONE, OK, EVERYONE,
				Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/directory/export", null, null, Scope.NONE, Set.of(200, 503), EVERYONE,
				Outcome.FORBIDDEN));
		for (Scope party : List.of(Scope.OWN_PARTY, Scope.OTHER_PARTY)) {
			for (String read : List.of("/api/v1/directory/contact-points/{party}",
					"/api/v1/directory/contact-points/{party}/on-call",
					"/api/v1/directory/contact-points/{party}/calendar")) {
				rows.add(new Row("GET", read, null, null, party, OK, EVERYONE, Outcome.FORBIDDEN));
			}
		}
		// Without If-Match: an allowed editor gets 428 and nothing is written.
		rows.add(new Row("PUT", "/api/v1/directory/contact-points/{party}", JSON, "{entry}", Scope.OWN_PARTY,
				Set.of(428), Set.of(Caller.COUNTRY_ADMIN, Caller.NETWORK_ADMIN, Caller.COORDINATOR),
				Outcome.FORBIDDEN));
		rows.add(new Row("PUT", "/api/v1/directory/contact-points/{party}", JSON, "{entry}", Scope.OTHER_PARTY,
				Set.of(428), Set.of(Caller.NETWORK_ADMIN, Caller.COORDINATOR), Outcome.FORBIDDEN));
		rows.add(new Row("POST", "/api/v1/drills", JSON, "{\"countries\": [\"{party}\"]}", Scope.OWN_PARTY, Set.of(202),
				Set.of(Caller.COUNTRY_ADMIN, Caller.NETWORK_ADMIN, Caller.COORDINATOR), Outcome.FORBIDDEN));
		rows.add(new Row("POST", "/api/v1/drills", JSON, "{\"countries\": [\"{party}\"]}", Scope.OTHER_PARTY,
				Set.of(202), Set.of(Caller.NETWORK_ADMIN, Caller.COORDINATOR), Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/drills/report", null, null, Scope.NONE, OK, EVERYONE, Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/drills/report/{party}", null, null, Scope.OWN_PARTY, OK, EVERYONE,
				Outcome.HIDDEN));
		rows.add(new Row("GET", "/api/v1/drills/report/{party}", null, null, Scope.OTHER_PARTY, OK, AUDIT_READERS,
				Outcome.HIDDEN));
		rows.add(new Row("GET", "/api/v1/drills/permissions", null, null, Scope.NONE, OK, EVERYONE, Outcome.FORBIDDEN));
		// One's own contact methods: anyone listed in a Party's entry; the coordinator is
		// listed in the network's settings and has none here. The calls name a method
		// nobody has (404 after the role check) or an invalid address (422), so that the
		// table changes nothing.
		Set<Caller> listed = new LinkedHashSet<>(EVERYONE);
		listed.remove(Caller.COORDINATOR);
		String nobody = "{\"channel\": \"EMAIL\", \"address\": \"nobody@matrix.example\"}";
		rows.add(new Row("GET", "/api/v1/me/contacts", null, null, Scope.NONE, OK, listed, Outcome.FORBIDDEN));
		rows.add(new Row("POST", "/api/v1/me/contacts", JSON, "{\"channel\": \"SMS\", \"address\": \"12\"}", Scope.NONE,
				Set.of(422), listed, Outcome.FORBIDDEN));
		rows.add(new Row("DELETE", "/api/v1/me/contacts?channel=EMAIL&address=nobody@matrix.example", null, null,
				Scope.NONE, Set.of(404), listed, Outcome.FORBIDDEN));
		rows.add(new Row("POST", "/api/v1/me/contacts/code", JSON, nobody, Scope.NONE, Set.of(404), listed,
				Outcome.FORBIDDEN));
		rows.add(new Row("POST", "/api/v1/me/contacts/verify", JSON,
				"{\"channel\": \"EMAIL\", \"address\": \"nobody@matrix.example\", \"code\": \"000000\"}", Scope.NONE,
				Set.of(404), listed, Outcome.FORBIDDEN));
		rows.add(new Row("POST", "/api/v1/me/contacts/test", JSON, nobody, Scope.NONE, Set.of(404), listed,
				Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/me/contacts/messages?id=nosuchmessage", null, null, Scope.NONE, Set.of(404),
				listed, Outcome.FORBIDDEN));
		// One's own notification rules: only someone who can be paged, in a Party's
		// entry. The PUT names no urgency (422 after the role check) and the DELETE finds
		// the defaults already in force, so that the table writes nothing.
		Set<Caller> paged = Set.of(Caller.OFFICER, Caller.SUPERVISOR);
		rows.add(new Row("PUT", "/api/v1/me/contacts/rules", JSON, "{\"rules\": {}}", Scope.NONE, Set.of(422), paged,
				Outcome.FORBIDDEN));
		rows.add(new Row("DELETE", "/api/v1/me/contacts/rules", null, null, Scope.NONE, Set.of(200), paged,
				Outcome.FORBIDDEN));
		Set<Caller> anyone = new LinkedHashSet<>(EVERYONE);
		anyone.add(Caller.ANONYMOUS);
		// Providers' delivery reports and SMS replies: past the gateway for anyone,
		// refused by the
		// notifier without its bearer token, whoever calls.
		rows.add(new Row("POST", "/api/v1/notifications/receipts", JSON,
				"{\"reference\": \"req-none/1.0/fr.martin/SMS\", \"status\": \"failed\"}", Scope.NONE, Set.of(401),
				anyone, Outcome.UNAUTHENTICATED));
		rows.add(new Row("POST", "/api/v1/notifications/inbound", JSON,
				"{\"from\": \"+99900000000\", \"text\": \"1234\"}", Scope.NONE, Set.of(401), anyone,
				Outcome.UNAUTHENTICATED));
		// A service worker's push receipt: past the gateway for anyone, with or without
		// a session; the page's one-time token is the credential, and one never issued
		// is 410 whoever posts it.
		rows.add(new Row("POST", "/api/v1/notifications/push-receipts", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
				"t=" + "A".repeat(32), Scope.NONE, Set.of(410), anyone, Outcome.UNAUTHENTICATED));
		rows.add(new Row("GET", "/api/v1/audit/log-key", null, null, Scope.NONE, OK, anyone, Outcome.FORBIDDEN));
		// Before the first checkpoint, or a proof the ledger is too short for, the
		// answer is a 404 or a 422 after the role was checked.
		rows.add(new Row("GET", "/api/v1/audit/checkpoint", null, null, Scope.NONE, Set.of(200, 404), AUDIT_READERS,
				Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/audit/entries?limit=1", null, null, Scope.NONE, OK, AUDIT_READERS,
				Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/audit/proof/inclusion?seq=0", null, null, Scope.NONE, Set.of(200, 422),
				AUDIT_READERS, Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/audit/proof/consistency?from=0", null, null, Scope.NONE, Set.of(200, 422),
				AUDIT_READERS, Outcome.FORBIDDEN));
		rows.add(new Row("GET", "/api/v1/audit/export", null, null, Scope.NONE, OK, AUDIT_READERS, Outcome.FORBIDDEN));
		// 404 where no VAPID key is configured; the subscription rows send no
		// subscription
		// (400 after the role check), so that the table writes nothing to the directory.
		rows.add(new Row("GET", "/api/v1/push/vapid-public-key", null, null, Scope.NONE, Set.of(200, 404), EVERYONE,
				Outcome.FORBIDDEN));
		rows.add(new Row("PUT", "/api/v1/me/push-subscription", JSON, "{}", Scope.NONE, Set.of(400, 404),
				RECEIVING_OFFICERS, Outcome.FORBIDDEN));
		rows.add(new Row("DELETE", "/api/v1/me/push-subscription", null, null, Scope.NONE, Set.of(204, 409),
				RECEIVING_OFFICERS, Outcome.FORBIDDEN));
		return List.copyOf(rows);
	}

	private static final CountryCode FRANCE = CountryCode.of("FR");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<Scope, String> requests = new EnumMap<>(Scope.class);

	private String franceEntry;

	/** The sessions of the callers whose roles need a second factor. */
	private final Map<Caller, ConsoleSession> administrators = new EnumMap<>(Caller.class);

	private byte[] signedRequest;

	private PreservationRequest signedContent;

	@BeforeAll
	void addLoneRolesToFranceAndFileTheRequests() throws Exception {
		for (Caller administrator : List.of(Caller.COUNTRY_ADMIN, Caller.COORDINATOR)) {
			this.administrators.put(administrator,
					ConsoleSession.loginAsAdministrator(this.port, administrator.login, PASSWORD));
		}
		HttpResponse<String> entry = call(Caller.COUNTRY_ADMIN, "GET", "/api/v1/directory/contact-points/FR", null,
				null, null);
		this.franceEntry = entry.body();
		ObjectNode changed = (ObjectNode) WireJson.mapper().readTree(this.franceEntry);
		ArrayNode officers = (ArrayNode) changed.get("officers");
		for (Caller caller : List.of(Caller.SUPERVISOR, Caller.AUDITOR, Caller.NETWORK_ADMIN)) {
			ObjectNode person = officers.addObject();
			person.put("id", caller.login);
			person.put("name", "Matrix test " + caller.name().toLowerCase());
			person.putArray("roles").add(caller.name());
			person.putArray("languages").add("fr");
		}
		// AUDITOR and NETWORK_ADMIN hold across the network: only a network administrator
		// may grant them (the coordinator of the demo is one).
		HttpResponse<String> saved = call(Caller.COORDINATOR, "PUT", "/api/v1/directory/contact-points/FR", JSON,
				WireJson.mapper().writeValueAsString(changed), entry.headers().firstValue("ETag").orElseThrow());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		this.administrators.put(Caller.NETWORK_ADMIN,
				ConsoleSession.loginAsAdministrator(this.port, Caller.NETWORK_ADMIN.login, PASSWORD));

		this.requests.put(Scope.RECEIVED, file("de.requester", "FR"));
		this.requests.put(Scope.SENT, file("fr.requester", "DE"));
		this.requests.put(Scope.OTHER_REQUEST, file("jp.requester", "NL"));
		for (String id : this.requests.values()) {
			await().atMost(ALERT_WITHIN)
				.until(() -> call(Caller.COORDINATOR, "GET", "/api/v1/requests/" + id + "/receipts/ACCEPTED", null,
						null, null)
					.statusCode() == 200);
		}
		this.signedContent = new PreservationRequest(RequestId.random(), FRANCE, CountryCode.of("DE"), Urgency.URGENT,
				this.clock.instant(), "OCLCTIC, Nanterre", "Ransomware extortion", "A hospital was encrypted.",
				"Login records of the account", "It sent the ransom demand", "Example Mail", "Deleted after 7 days",
				true);
		this.signedRequest = NationalSystem.sign(this.signedContent, Infrastructure.get().pki.signing(FRANCE),
				this.clock);
	}

	@AfterAll
	void restoreFrance() throws Exception {
		HttpResponse<String> now = call(Caller.COUNTRY_ADMIN, "GET", "/api/v1/directory/contact-points/FR", null, null,
				null);
		HttpResponse<String> restored = call(Caller.COUNTRY_ADMIN, "PUT", "/api/v1/directory/contact-points/FR", JSON,
				this.franceEntry, now.headers().firstValue("ETag").orElseThrow());
		assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
		for (Map.Entry<Caller, ConsoleSession> administrator : this.administrators.entrySet()) {
			administrator.getValue().close();
			SecondFactor.forget(this.redis, administrator.getKey().login);
		}
	}

	private String file(String requester, String to) throws Exception {
		HttpResponse<String> filed = callAs(requester, "POST", "/api/v1/requests", JSON,
				preservationRequest(to, "URGENT"), null);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
		return json(filed).get("id").asString();
	}

	static Stream<Arguments> cells() {
		return ROWS.stream().flatMap((row) -> Stream.of(Caller.values()).map((caller) -> Arguments.of(row, caller)));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("cells")
	void eachRoleIsAllowedOrDeniedAsTheTableSays(Row row, Caller caller) throws Exception {
		String path = row.path()
			.replace("{request}", (this.requests.containsKey(row.scope())) ? this.requests.get(row.scope()) : "")
			.replace("{party}", (row.scope() == Scope.OTHER_PARTY) ? "DE" : "FR");
		HttpResponse<String> answer;
		if (SIGNED.equals(row.contentType())) {
			answer = sendSigned(caller);
		}
		else {
			String body = (row.body() == null) ? null
					: row.body().equals("{request to DE}") ? preservationRequest("DE", "ROUTINE")
							: row.body().equals("{entry}") ? this.franceEntry
									: row.body().replace("{party}", (row.scope() == Scope.OTHER_PARTY) ? "DE" : "FR");
			answer = call(caller, row.method(), path, row.contentType(), body, null);
		}
		Outcome expected = row.expected(caller);
		String what = caller + " " + row.describe() + " → " + answer.statusCode() + " " + answer.body();
		switch (expected) {
			case ALLOWED -> assertThat(row.allowedStatus()).as(what).contains(answer.statusCode());
			case FORBIDDEN -> assertProblem(answer, 403, "/problems/not-allowed", what);
			case HIDDEN -> assertProblem(answer, 404, "/problems/not-found", what);
			case UNAUTHENTICATED -> assertProblem(answer, 401, "/problems/unauthenticated", what);
		}
	}

	private static void assertProblem(HttpResponse<String> answer, int status, String type, String what) {
		assertThat(answer.statusCode()).as(what).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
		assertThat(json(answer).get("type").asString()).as(what).isEqualTo(type);
	}

	/**
	 * Every endpoint Spring MVC maps under /api has a row: an endpoint added without one
	 * fails here, so the table cannot fall behind the code.
	 */
	@Test
	void everyEndpointHasARow() {
		List<String> missing = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				Set<String> methods = info.getMethodsCondition()
					.getMethods()
					.stream()
					.map(Enum::name)
					.collect(Collectors.toSet());
				Set<String> consumes = info.getConsumesCondition()
					.getConsumableMediaTypes()
					.stream()
					.map(Object::toString)
					.collect(Collectors.toSet());
				for (String method : methods.isEmpty() ? Set.of("GET") : methods) {
					boolean covered = ROWS.stream()
						.anyMatch((row) -> row.method().equals(method) && template(row.path()).equals(template(pattern))
								&& (consumes.isEmpty() || consumes.contains(row.contentType())));
					if (!covered) {
						missing.add(method + " " + pattern + " " + consumes);
					}
				}
			}
		}
		assertThat(missing).as("endpoints without a row in the authorisation table").isEmpty();
	}

	/** A path with its query left out and every variable written {}. */
	private static String template(String path) {
		String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		return withoutQuery.replaceAll("\\{[^}]+}", "{}").replace("/receipts/ACCEPTED", "/receipts/{}");
	}

	// ------------------------------------------------------------------ STOMP

	/** What a STOMP client may do: subscribe to its own alert queue, nothing else. */
	@ParameterizedTest
	@EnumSource(value = Caller.class, mode = EnumSource.Mode.EXCLUDE, names = "ANONYMOUS")
	void aSessionMaySubscribeOnlyToItsOwnQueueAndSendNothing(Caller caller) throws Exception {
		try (Stomp own = Stomp.connect(this.port, caller.login, cookies(caller))) {
			own.session.subscribe("/user/queue/alerts", own.frames());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !this.subscriptions
					.findSubscriptions(
							(subscription) -> subscription.getSession().getUser().getName().equals(caller.login)
									&& subscription.getDestination().endsWith("/queue/alerts"))
					.isEmpty());
			assertThat(own.session.isConnected()).as("%s keeps its own queue", caller).isTrue();
		}
		String other = (caller == Caller.OFFICER) ? "fr.requester" : "fr.martin";
		for (String destination : List.of("/user/" + other + "/queue/alerts", "/queue/alerts", "/topic/alerts",
				"/app/alerts")) {
			try (Stomp stomp = Stomp.connect(this.port, caller.login, cookies(caller))) {
				stomp.session.subscribe(destination, stomp.frames());
				assertThat(stomp.refused()).as("%s subscribing to %s", caller, destination).isNotBlank();
				assertThat(this.subscriptions
					.findSubscriptions((subscription) -> subscription.getDestination().equals(destination)))
					.as("%s subscribed to %s", caller, destination)
					.isEmpty();
			}
		}
		try (Stomp stomp = Stomp.connect(this.port, caller.login, cookies(caller))) {
			stomp.session.send("/app/alerts", "{}".getBytes(StandardCharsets.UTF_8));
			assertThat(stomp.refused()).as("%s sending", caller).isNotBlank();
		}
	}

	@Test
	void aStrangerCannotOpenTheWebSocket() {
		assertThatThrownBy(() -> Stomp.connect(this.port, null, null)).as("a handshake without a login")
			.isInstanceOf(ExecutionException.class);
	}

	/** A STOMP session over the WebSocket, logged in with HTTP Basic on the handshake. */
	private static final class Stomp implements AutoCloseable {

		final WebSocketStompClient client;

		final StompSession session;

		final BlockingQueue<String> errors;

		private Stomp(WebSocketStompClient client, StompSession session, BlockingQueue<String> errors) {
			this.client = client;
			this.session = session;
			this.errors = errors;
		}

		/** Logged in by the session's cookies if there are any, else with HTTP Basic. */
		static Stomp connect(int port, String login, String cookies) throws Exception {
			WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
			BlockingQueue<String> errors = new LinkedBlockingQueue<>();
			WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
			if (cookies != null) {
				headers.add("Cookie", cookies);
			}
			else if (login != null) {
				headers.add("Authorization", basic(login));
			}
			headers.setOrigin("http://127.0.0.1:" + port);
			StompSession session = client.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), headers,
					new StompHeaders(), new StompSessionHandlerAdapter() {

						@Override
						public Type getPayloadType(StompHeaders frame) {
							return byte[].class;
						}

						@Override
						public void handleFrame(StompHeaders frame, Object payload) {
							errors.add(String.valueOf(frame.getFirst("message")));
						}

						@Override
						public void handleException(StompSession session, StompCommand command, StompHeaders frame,
								byte[] payload, Throwable exception) {
							errors.add(String.valueOf(exception.getMessage()));
						}

						@Override
						public void handleTransportError(StompSession session, Throwable exception) {
							errors.add("transport: " + exception.getMessage());
						}

					})
				.get(10, TimeUnit.SECONDS);
			return new Stomp(client, session, errors);
		}

		StompSessionHandlerAdapter frames() {
			return new StompSessionHandlerAdapter() {

				@Override
				public Type getPayloadType(StompHeaders frame) {
					return byte[].class;
				}

			};
		}

		/** The ERROR frame's message, once the server refused and closed the session. */
		String refused() throws InterruptedException {
			String message = this.errors.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("an ERROR frame").isNotNull();
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.session.isConnected());
			return message;
		}

		@Override
		public void close() {
			if (this.session.isConnected()) {
				this.session.disconnect();
			}
			this.client.stop();
		}

	}

	// ------------------------------------------------------------------ HTTP

	private HttpResponse<String> sendSigned(Caller caller) throws Exception {
		ConsoleSession administrator = this.administrators.get(caller);
		if (administrator != null) {
			return administrator.call("POST", "/api/v1/requests",
					Map.of("Content-Type", SIGNED, "Vigil-Request-Id", this.signedContent.id().value(), "Vigil-From",
							"FR", "Vigil-To", "DE", "Vigil-Created-At", this.signedContent.createdAt().toString()),
					HttpRequest.BodyPublishers.ofByteArray(this.signedRequest));
		}
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/requests"))
			.header("Content-Type", SIGNED)
			.header("Vigil-Request-Id", this.signedContent.id().value())
			.header("Vigil-From", "FR")
			.header("Vigil-To", "DE")
			.header("Vigil-Created-At", this.signedContent.createdAt().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.signedRequest));
		if (caller.login != null) {
			request.header("Authorization", basic(caller.login));
		}
		return this.http.send(request.timeout(Duration.ofSeconds(15)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> call(Caller caller, String method, String path, String contentType, String body,
			String ifMatch) throws Exception {
		ConsoleSession administrator = this.administrators.get(caller);
		if (administrator != null) {
			Map<String, String> headers = new HashMap<>();
			headers.put("Content-Type", contentType);
			headers.put("If-Match", ifMatch);
			return administrator.call(method, path, headers,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		}
		return callAs(caller.login, method, path, contentType, body, ifMatch);
	}

	private HttpResponse<String> callAs(String login, String method, String path, String contentType, String body,
			String ifMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(30));
		if (login != null) {
			request.header("Authorization", basic(login));
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String cookies(Caller caller) {
		ConsoleSession administrator = this.administrators.get(caller);
		return (administrator != null) ? administrator.cookieHeader() : null;
	}

	private static String basic(String login) {
		return "Basic " + Base64.getEncoder().encodeToString((login + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

}
