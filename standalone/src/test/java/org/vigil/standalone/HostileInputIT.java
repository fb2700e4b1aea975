package org.vigil.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.Topics;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.dispatch.DispatchCommand;
import org.vigil.protocol.dispatch.SubmitRequest;
import org.vigil.protocol.json.WireJson;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.request.PreservationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input through every entry point of the gateway: malformed, oversized, wrongly
 * signed, replayed, injection-laden and cross-country requests over REST (the JSON and
 * the signed submission, the commands that follow an alert, the directory's
 * administration) and STOMP (bad frames, forbidden destinations, SEND, oversized frames).
 * Every REST case is answered with a 4xx problem detail — never a 5xx, never a 2xx — and
 * every STOMP case with an ERROR frame or a closed socket; none writes a command to
 * {@link Topics#REQUESTS} or a change to {@link Topics#DIRECTORY} (the audit entries of
 * refusals are {@link SignedRequestIT}'s and {@link DirectoryAdminIT}'s to check).
 *
 * <p>
 * Mutual TLS is not an entry point yet (it is being added on another branch); its cases
 * belong here once it is.
 */
class HostileInputIT extends NetworkTest {

	private static final String JSON = "application/json";

	private static final String CMS = "application/pkcs7-mime";

	/** An id filed once by {@link #existing}, for the commands that follow an alert. */
	private static String existingId;

	/** A signed request accepted once, for the replay cases. */
	private static PreservationRequest signedOnce;

	/**
	 * One consumer for the end offsets of every case (a consumer per look would make the
	 * suite minutes longer).
	 */
	private static KafkaConsumer<String, String> offsets;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterAll
	static void closeOffsets() {
		if (offsets != null) {
			offsets.close();
		}
	}

	private static synchronized Map<TopicPartition, Long> ends(String topic) {
		if (offsets == null) {
			offsets = consumer();
		}
		List<TopicPartition> partitions = offsets.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		return new java.util.HashMap<>(offsets.endOffsets(partitions));
	}

	@ParameterizedTest(name = "REST {index}: {0}")
	@MethodSource("restCases")
	void everyHostileCallIsRefusedWithAProblemDetailAndWritesNothing(Case hostile) throws Exception {
		// What the cases refer to is filed before anything is counted.
		existing();
		signedOnce();
		Map<TopicPartition, Long> requestsBefore = ends(Topics.REQUESTS);
		Map<TopicPartition, Long> directoryBefore = ends(Topics.DIRECTORY);

		HttpResponse<String> answer = hostile.call().send(this);

		assertThat(answer.statusCode()).as("%s: %s", hostile.name(), answer.body()).isBetween(400, 499);
		assertThat(answer.headers().firstValue("Content-Type")).as("%s: %s", hostile.name(), answer.body())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(answer);
		assertThat(problem.path("type").asString()).as("%s: problem type", hostile.name()).isNotBlank();
		assertThat(problem.path("status").asInt()).as("%s: problem status", hostile.name())
			.isEqualTo(answer.statusCode());
		assertNoCommandSince(requestsBefore);
		assertThat(ends(Topics.DIRECTORY)).as("%s: the directory is unchanged", hostile.name())
			.isEqualTo(directoryBefore);
	}

	@ParameterizedTest(name = "STOMP {index}: {0}")
	@MethodSource("stompCases")
	void everyHostileStompFrameIsAnsweredWithAnErrorOrAClosedSocket(StompCase hostile) throws Exception {
		Map<TopicPartition, Long> requestsBefore = ends(Topics.REQUESTS);
		String cookies = hostile.loggedIn() ? officerCookies() : null;
		RawStomp stomp = RawStomp.open(this.port, cookies);
		if (stomp == null) {
			// The handshake itself was refused (no session): as good as an ERROR.
			assertThat(hostile.loggedIn()).as("only a visitor without a session is refused at the handshake").isFalse();
			return;
		}
		try {
			if (hostile.loggedIn()) {
				stomp.send("CONNECT\naccept-version:1.2\nhost:127.0.0.1\n\n\0");
				assertThat(stomp.awaitFrame("CONNECTED")).as("connected before the hostile frame").isTrue();
			}
			stomp.send(hostile.frame());
			assertThat(stomp.awaitErrorOrClose()).as("%s: an ERROR frame or a closed socket", hostile.name()).isTrue();
		}
		finally {
			stomp.abort();
		}
		assertNoCommandSince(requestsBefore);
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).as("the gateway still serves").isEqualTo(200);
	}

	// ------------------------------------------------------------------ cases

	record Case(String name, Call call) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@FunctionalInterface
	interface Call {

		HttpResponse<String> send(HostileInputIT it) throws Exception;

	}

	record StompCase(String name, boolean loggedIn, String frame) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Case> restCases() {
		List<Case> cases = new ArrayList<>();
		jsonSubmissions(cases);
		signedSubmissions(cases);
		commandsAfterTheAlert(cases);
		directoryAdministration(cases);
		ownRules(cases);
		authentication(cases);
		pushReceipts(cases);
		mutualTls(cases);
		return cases.stream();
	}

	private static final List<String> REQUIRED = List.of("to", "urgency", "requestingAuthority", "offence",
			"summaryOfFacts", "dataToPreserve", "relationToOffence", "necessity", "mutualAssistanceToFollow");

	private static final List<String> TEXTS = List.of("requestingAuthority", "offence", "summaryOfFacts",
			"dataToPreserve", "relationToOffence", "custodian", "necessity");

	/** Strings an attacker puts where a code, an id or an enum belongs. */
	private static final List<String> INJECTIONS = List.of("' OR '1'='1", "\"; DROP TABLE requests; --",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd", "%00", "\u0000",
			"DE\r\nX-Injected: 1", "{{7*7}}", "$(id)", "DE;FR", "*");

	private static void jsonSubmissions(List<Case> cases) {
		for (String field : REQUIRED) {
			cases.add(json("JSON submission without " + field, with(field, null, true)));
			cases.add(json("JSON submission with " + field + " null", with(field, "null", false)));
		}
		for (String field : TEXTS) {
			cases.add(json("JSON submission with " + field + " over the size limit",
					with(field, quoted("x".repeat(PreservationRequest.MAX_TEXT + 1)), false)));
		}
		for (String field : List.of("requestingAuthority", "offence", "summaryOfFacts", "dataToPreserve",
				"relationToOffence", "necessity")) {
			cases.add(json("JSON submission with " + field + " blank", with(field, quoted("   "), false)));
			cases.add(json("JSON submission with " + field + " an object", with(field, "{\"$gt\": \"\"}", false)));
		}
		for (String to : List.of("", "D", "DEU", "de", "12", "XX", "QQ", "FR")) {
			cases.add(json("JSON submission to '" + to + "'", with("to", quoted(to), false)));
		}
		for (String injection : INJECTIONS) {
			cases.add(json("JSON submission to " + printable(injection), with("to", quoted(injection), false)));
			cases.add(json("JSON submission with id " + printable(injection), with("id", quoted(injection), false)));
			cases.add(json("JSON submission with urgency " + printable(injection),
					with("urgency", quoted(injection), false)));
		}
		for (String urgency : List.of("urgent", "", "NOW", "1", "[\"URGENT\"]", "true")) {
			String value = urgency.startsWith("[") || urgency.equals("1") || urgency.equals("true") ? urgency
					: quoted(urgency);
			cases.add(json("JSON submission with urgency " + urgency, with("urgency", value, false)));
		}
		for (String id : List.of("short", "x".repeat(65), "id with spaces", "-leading-dash", "ümlautümlaut")) {
			cases.add(json("JSON submission with id '" + printable(id) + "'", with("id", quoted(id), false)));
		}
		cases.add(json("JSON submission with mutualAssistanceToFollow a string",
				with("mutualAssistanceToFollow", "\"yes\"", false)));
		cases.add(json("JSON submission with a number too large", with("mutualAssistanceToFollow", "1e999999", false)));
		cases.add(json("JSON submission from another country (DE)", with("from", quoted("DE"), false)));
		cases.add(json("JSON submission from a malformed country", with("from", quoted("fr"), false)));
		for (String body : List.of("", "{", "}", "[]", "null", "\"text\"", "42", "{\"to\":", "{\"to\": \"DE\",}",
				"{'to': 'DE'}", "{\"to\": \"DE\" \"urgency\": \"URGENT\"}", "\uFEFF{}", "[".repeat(5000),
				"{\"a\":".repeat(3000), "<request><to>DE</to></request>")) {
			cases.add(json("JSON submission body " + printable(abbreviate(body)), (it) -> it.postAs("fr.requester",
					"/api/v1/requests", JSON, body.getBytes(StandardCharsets.UTF_8), Map.of())));
		}
		cases.add(json("JSON submission of invalid UTF-8", (it) -> it.postAs("fr.requester", "/api/v1/requests", JSON,
				new byte[] { '{', '"', 't', 'o', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }, Map.of())));
		cases.add(json("JSON submission of 2 MiB", (it) -> it.postAs("fr.requester", "/api/v1/requests", JSON,
				with("summaryOfFacts", quoted("x".repeat(2 * 1024 * 1024)), false).getBytes(StandardCharsets.UTF_8),
				Map.of())));
		for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/octet-stream")) {
			cases.add(json("submission as " + type, (it) -> it.postAs("fr.requester", "/api/v1/requests", type,
					validForm(null).getBytes(StandardCharsets.UTF_8), Map.of())));
		}
		cases.add(json("submission by an officer, not a requester", (it) -> it.postAs("de.mueller", "/api/v1/requests",
				JSON, validForm(null).getBytes(StandardCharsets.UTF_8), Map.of())));
		cases.add(json("submission by the coordinator, who has no country", (it) -> it.postAs("net.coordinator",
				"/api/v1/requests", JSON, validForm(null).getBytes(StandardCharsets.UTF_8), Map.of())));
		cases.add(json("submission by an administrator", (it) -> it.postAs("de.admin", "/api/v1/requests", JSON,
				validForm(null).getBytes(StandardCharsets.UTF_8), Map.of())));
		cases.add(json("JSON submission replaying an id already filed", (it) -> it.postAs("fr.requester",
				"/api/v1/requests", JSON, validForm(it.existing()).getBytes(StandardCharsets.UTF_8), Map.of())));
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			cases.add(json(method + " on the requests collection",
					(it) -> it.send("fr.requester",
							HttpRequest.newBuilder(it.uri("/api/v1/requests"))
								.header("Content-Type", JSON)
								.method(method, HttpRequest.BodyPublishers.ofString(validForm(null))))));
		}
	}

	private static void signedSubmissions(List<Case> cases) {
		cases.add(signed("signed submission of no bytes", (it, cms, request) -> it.sendSigned(new byte[0], request)));
		cases.add(signed("signed submission of text",
				(it, cms, request) -> it.sendSigned("not a CMS envelope".getBytes(StandardCharsets.UTF_8), request)));
		cases.add(signed("signed submission of the bare content, unsigned",
				(it, cms, request) -> it.sendSigned(CanonicalJson.canonicalize(request), request)));
		for (int divisor : List.of(2, 3, 5, 10)) {
			cases.add(signed("signed submission truncated to 1/" + divisor,
					(it, cms, request) -> it.sendSigned(Arrays.copyOf(cms, cms.length / divisor), request)));
		}
		cases.add(signed("signed submission missing its last byte",
				(it, cms, request) -> it.sendSigned(Arrays.copyOf(cms, cms.length - 1), request)));
		cases.add(signed("signed submission with trailing garbage",
				(it, cms, request) -> it.sendSigned(concat(cms, "garbage".getBytes(StandardCharsets.UTF_8)), request)));
		for (double at : List.of(0.0, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 0.995)) {
			cases.add(signed("signed submission with a byte flipped at " + (int) (at * 100) + " %",
					(it, cms, request) -> {
						byte[] flipped = cms.clone();
						flipped[(int) (at * (flipped.length - 1))] ^= 0x5A;
						return it.sendSigned(flipped, request);
					}));
		}
		cases.add(signed("request signed by DE, sent by FR", (it, cms, request) -> it
			.sendSigned(NationalSystem.sign(request, it.pki().signing(CountryCode.of("DE")), it.clock), request)));
		cases.add(signed("request signed by an unknown CA",
				(it, cms, request) -> it.sendSigned(
						NationalSystem.sign(request, it.pki().issueSigningByUnknownCa(CountryCode.of("FR")), it.clock),
						request)));
		cases.add(signed("request signed with an expired certificate",
				(it, cms, request) -> it.sendSigned(
						NationalSystem.sign(request, it.pki().issueExpiredSigning(CountryCode.of("FR")), it.clock),
						request)));
		cases.add(signed("request signed with the TLS client key", (it, cms, request) -> it
			.sendSigned(NationalSystem.sign(request, it.pki().tlsClient(CountryCode.of("FR")), it.clock), request)));
		cases.add(signed("signed request FR → FR", (it, cms, request) -> {
			PreservationRequest own = it.request("FR");
			return it.sendSigned(NationalSystem.sign(own, it.pki().signing(CountryCode.of("FR")), it.clock), own);
		}));
		cases.add(signed("signed request to a Party without a contact point (QQ)", (it, cms, request) -> {
			PreservationRequest nowhere = it.request("QQ");
			return it.sendSigned(NationalSystem.sign(nowhere, it.pki().signing(CountryCode.of("FR")), it.clock),
					nowhere);
		}));
		cases.add(signed("signed request created an hour ago", (it, cms, request) -> {
			PreservationRequest stale = it.request("DE", it.clock.instant().minus(Duration.ofHours(1)));
			return it.sendSigned(NationalSystem.sign(stale, it.pki().signing(CountryCode.of("FR")), it.clock), stale);
		}));
		cases.add(signed("signed request created tomorrow", (it, cms, request) -> {
			PreservationRequest future = it.request("DE", it.clock.instant().plus(Duration.ofDays(1)));
			return it.sendSigned(NationalSystem.sign(future, it.pki().signing(CountryCode.of("FR")), it.clock), future);
		}));
		cases.add(signed("signed content with duplicate keys", (it, cms, request) -> {
			String canonical = new String(CanonicalJson.canonicalize(request), StandardCharsets.UTF_8);
			byte[] duplicated = canonical.replace("\"offence\":", "\"offence\":\"Fraud\",\"offence\":")
				.getBytes(StandardCharsets.UTF_8);
			return it.sendSigned(NationalSystem.sign(duplicated, it.pki().signing(CountryCode.of("FR")), it.clock),
					request);
		}));
		cases.add(signed("signed content that is not canonical (spaces)", (it, cms, request) -> {
			String canonical = new String(CanonicalJson.canonicalize(request), StandardCharsets.UTF_8);
			return it.sendSigned(NationalSystem.sign(canonical.replace(",", ", ").getBytes(StandardCharsets.UTF_8),
					it.pki().signing(CountryCode.of("FR")), it.clock), request);
		}));
		cases.add(signed("signed content with an injected field", (it, cms, request) -> {
			String canonical = new String(CanonicalJson.canonicalize(request), StandardCharsets.UTF_8);
			String injected = "{\"$where\":\"1\"," + canonical.substring(1);
			return it.sendSigned(NationalSystem.sign(injected.getBytes(StandardCharsets.UTF_8),
					it.pki().signing(CountryCode.of("FR")), it.clock), request);
		}));
		cases.add(signed("signed content that is not JSON",
				(it, cms, request) -> it.sendSigned(NationalSystem.sign("<request/>".getBytes(StandardCharsets.UTF_8),
						it.pki().signing(CountryCode.of("FR")), it.clock), request)));
		for (String header : List.of("Vigil-Request-Id", "Vigil-From", "Vigil-To", "Vigil-Created-At")) {
			cases.add(signed("signed submission without " + header,
					(it, cms, request) -> it.sendSignedWith(cms, request, Map.of(header, ""))));
			for (String injection : List.of("NL", "' OR 1=1 --", "<x>", "9999-99-99T99:99:99Z", "../x")) {
				cases.add(signed("signed submission with " + header + ": " + printable(injection),
						(it, cms, request) -> it.sendSignedWith(cms, request, Map.of(header, injection))));
			}
		}
		cases.add(signed("replayed signature: other bytes under an id already accepted", (it, cms, request) -> {
			PreservationRequest once = it.signedOnce();
			byte[] resigned = NationalSystem.sign(once, it.pki().signing(CountryCode.of("FR")), it.clock);
			return it.sendSigned(resigned, once);
		}));
		cases.add(signed("replayed signature under another id's headers", (it, cms, request) -> {
			PreservationRequest once = it.signedOnce();
			byte[] original = NationalSystem.sign(once, it.pki().signing(CountryCode.of("FR")), it.clock);
			return it.sendSignedWith(original, once, Map.of("Vigil-Request-Id", RequestId.random().value()));
		}));
		cases.add(signed("signed request sent by another country's requester", (it, cms, request) -> it
			.postAs("de.requester", "/api/v1/requests", CMS, cms, it.routing(request, Map.of()))));
		cases.add(signed("signed submission of 1 MiB and a byte",
				(it, cms, request) -> it.sendSigned(new byte[1024 * 1024 + 1], request)));
		cases.add(signed("signed submission as application/cms of garbage",
				(it, cms, request) -> it.postAs("fr.requester", "/api/v1/requests", "application/cms",
						new byte[] { 0x30, (byte) 0x80, 0, 0 }, it.routing(request, Map.of()))));
	}

	private static void commandsAfterTheAlert(List<Case> cases) {
		List<String> commands = List.of("acknowledgement", "escalation", "delivery", "response", "snooze",
				"information");
		for (String command : commands) {
			cases.add(json(command + " of an unknown request",
					(it) -> it.postAs("de.mueller", "/api/v1/requests/" + RequestId.random().value() + "/" + command,
							JSON, "{}".getBytes(), Map.of())));
			for (String id : List.of("..%2F..%2Fadmin", "%27%20OR%20%271%27%3D%271", "x".repeat(300), "%3Cscript%3E")) {
				cases.add(json(command + " of request '" + abbreviate(id) + "'", (it) -> it.postAs("de.mueller",
						"/api/v1/requests/" + id + "/" + command, JSON, "{}".getBytes(), Map.of())));
			}
			cases.add(json(command + " by a Party the request does not concern (NL)", (it) -> it.postAs("nl.bakker",
					"/api/v1/requests/" + it.existing() + "/" + command, JSON, "{}".getBytes(), Map.of())));
		}
		// Acknowledgement, escalation and delivery take no body; the others read one.
		for (String command : List.of("response", "snooze", "information")) {
			cases.add(json(command + " with a malformed body", (it) -> it.postAs("de.mueller",
					"/api/v1/requests/" + it.existing() + "/" + command, JSON, "{\"kind\":".getBytes(), Map.of())));
		}
		cases.add(json("acknowledgement by the requester", (it) -> it.postAs("fr.requester",
				"/api/v1/requests/" + it.existing() + "/acknowledgement", JSON, "{}".getBytes(), Map.of())));
		cases.add(json("escalation by the requester", (it) -> it.postAs("fr.requester",
				"/api/v1/requests/" + it.existing() + "/escalation", JSON, "{}".getBytes(), Map.of())));
		cases.add(json("delivery reported by the requester", (it) -> it.postAs("fr.requester",
				"/api/v1/requests/" + it.existing() + "/delivery", JSON, "{}".getBytes(), Map.of())));
		for (String body : List.of("{}", "{\"kind\":\"MAYBE\"}", "{\"kind\":\"PRESERVED\",\"preservedUntil\":\"soon\"}",
				"{\"kind\":\"PRESERVED\",\"preservedUntil\":\"2020-01-01\"}", "{\"kind\":null}",
				"{\"kind\":\"REFUSED\",\"note\":\"" + "n".repeat(20_000) + "\"}", "{\"kind\":[\"DISCLOSED\"]}")) {
			cases.add(json("response " + abbreviate(body), (it) -> it.postAs("de.mueller",
					"/api/v1/requests/" + it.existing() + "/response", JSON, body.getBytes(), Map.of())));
		}
		cases.add(json("response by the requester",
				(it) -> it.postAs("fr.requester", "/api/v1/requests/" + it.existing() + "/response", JSON,
						"{\"kind\":\"DISCLOSED\"}".getBytes(), Map.of())));
		for (String body : List.of("{}", "{\"minutes\":0}", "{\"minutes\":-5}", "{\"minutes\":1441}",
				"{\"minutes\":\"ten\"}", "{\"minutes\":99999999999}", "{\"minutes\":1.5}")) {
			cases.add(json("snooze " + body, (it) -> it.postAs("de.mueller",
					"/api/v1/requests/" + it.existing() + "/snooze", JSON, body.getBytes(), Map.of())));
		}
		for (String body : List.of("{}", "{\"note\":\"\"}", "{\"note\":\"   \"}",
				"{\"note\":\"" + "n".repeat(20_000) + "\"}", "{\"note\":42}")) {
			cases.add(json("information " + abbreviate(body), (it) -> it.postAs("fr.requester",
					"/api/v1/requests/" + it.existing() + "/information", JSON, body.getBytes(), Map.of())));
		}
		cases.add(json("information by the requested Party", (it) -> it.postAs("de.mueller",
				"/api/v1/requests/" + it.existing() + "/information", JSON, "{\"note\":\"n\"}".getBytes(), Map.of())));
		cases.add(json("status of a request by a Party it does not concern", (it) -> it.send("nl.requester",
				HttpRequest.newBuilder(it.uri("/api/v1/requests/" + it.existing())).GET())));
		cases.add(json("signed bytes of a request by a Party it does not concern", (it) -> it.send("us.requester",
				HttpRequest.newBuilder(it.uri("/api/v1/requests/" + it.existing() + "/signed")).GET())));
		cases.add(json("a receipt of a kind that does not exist", (it) -> it.send("fr.requester",
				HttpRequest.newBuilder(it.uri("/api/v1/requests/" + it.existing() + "/receipts/FORGED")).GET())));
	}

	private static void directoryAdministration(List<Case> cases) {
		String path = "/api/v1/directory/contact-points/";
		cases.add(json("directory PUT by a requester", (it) -> it.putAs("fr.requester", path + "FR", "{}", "\"1\"")));
		cases.add(json("directory PUT by an officer", (it) -> it.putAs("de.mueller", path + "DE", "{}", "\"1\"")));
		cases.add(json("directory PUT of another Party's entry",
				(it) -> it.putAs("de.admin", path + "FR", "{}", "\"1\"")));
		cases.add(json("directory PUT without If-Match", (it) -> it.putAs("de.admin", path + "DE", "{}", null)));
		cases.add(json("directory PUT with a stale If-Match",
				(it) -> it.putAs("de.admin", path + "DE", "{}", "\"stale-version\"")));
		for (String country : List.of("de", "DEU", "XX", "%27", "..")) {
			cases.add(json("directory PUT of '" + country + "'",
					(it) -> it.putAs("de.admin", path + country, "{}", "\"1\"")));
		}
		for (String body : List.of("", "{", "[]", "null", "{\"country\":\"<script>\"}")) {
			cases.add(json("directory PUT body " + abbreviate(body),
					(it) -> it.putAs("de.admin", path + "DE", body, it.etag("de.admin", path + "DE"))));
		}
	}

	private static void ownRules(List<Case> cases) {
		String path = "/api/v1/me/contacts/rules";
		String valid = "{\"rules\": {\"EMERGENCY\": [{\"channel\": \"SMS\"}], \"URGENT\": [], \"ROUTINE\": []}}";
		cases.add(json("own rules PUT by a requester", (it) -> it.putAs("fr.requester", path, valid, null)));
		cases.add(json("own rules PUT by a country administrator", (it) -> it.putAs("de.admin", path, valid, null)));
		cases.add(json("own rules DELETE by a requester",
				(it) -> it.send("fr.requester", HttpRequest.newBuilder(it.uri(path)).DELETE())));
		for (String body : List.of("", "{", "[]", "null", "{\"rules\": []}", "{\"rules\": {\"EMERGENCY\": \"SMS\"}}",
				"{\"rules\": {\"<script>\": [], \"EMERGENCY\": [{\"channel\": \"${jndi:ldap://127.0.0.1/x}\"}]}}",
				"{\"rules\": {\"EMERGENCY\": [{\"channel\": \"SMS\", \"after\": \"P99999999999D\"}], \"URGENT\": [], \"ROUTINE\": []}}",
				"{\"rules\": {\"EMERGENCY\": [{\"channel\": \"SMS\", \"after\": {\"$gt\": 0}}], \"URGENT\": [], \"ROUTINE\": []}}")) {
			cases.add(json("own rules PUT body " + abbreviate(body), (it) -> it.putAs("de.mueller", path, body, null)));
		}
	}

	private static void authentication(List<Case> cases) {
		List<String> headers = List.of("Basic", "Basic !!!", "Bearer abc", "Basic " + base64("no-colon"),
				"Basic " + base64("nobody.one:wrong"), "Basic " + base64("' OR '1'='1:x"),
				"Basic " + base64("x".repeat(5000) + ":y"), "Digest username=\"fr.requester\"");
		for (String header : headers) {
			cases.add(json("submission with Authorization " + abbreviate(header),
					(it) -> it.http.send(HttpRequest.newBuilder(it.uri("/api/v1/requests"))
						.header("Authorization", header)
						.header("Content-Type", JSON)
						.timeout(Duration.ofSeconds(15))
						.POST(HttpRequest.BodyPublishers.ofString(validForm(null)))
						.build(), HttpResponse.BodyHandlers.ofString())));
		}
		cases.add(json("submission with no credentials",
				(it) -> it.http.send(HttpRequest.newBuilder(it.uri("/api/v1/requests"))
					.header("Content-Type", JSON)
					.header("X-Requested-With", "fetch")
					.timeout(Duration.ofSeconds(15))
					.POST(HttpRequest.BodyPublishers.ofString(validForm(null)))
					.build(), HttpResponse.BodyHandlers.ofString())));
		cases.add(json("acknowledgement with a forged session cookie",
				(it) -> it.http
					.send(HttpRequest.newBuilder(it.uri("/api/v1/requests/" + it.existing() + "/acknowledgement"))
						.header("Cookie", "SESSION=Zm9yZ2Vk")
						.header("X-Requested-With", "fetch")
						.timeout(Duration.ofSeconds(15))
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(), HttpResponse.BodyHandlers.ofString())));
	}

	/**
	 * A service worker's push receipt, posted without a login: the page's one-time token
	 * is its only credential, so anything but a live token is refused (400 for one of the
	 * wrong form, 410 for one unknown, spent or expired) and changes nothing.
	 */
	private static void pushReceipts(List<Case> cases) {
		String form = "application/x-www-form-urlencoded";
		List<String> bodies = List.of("", "t=", "t=short", "t=" + "%00".repeat(32), "t=" + "x".repeat(5000),
				"t=" + "A".repeat(32), "t=" + "A".repeat(31) + "%0A", "t=' OR '1'='1", "t=${jndi:ldap://127.0.0.1/x}",
				"t=" + "A".repeat(32) + "&t=" + "B".repeat(32));
		for (String body : bodies) {
			cases.add(new Case("push receipt " + abbreviate(body),
					(it) -> it.http.send(HttpRequest.newBuilder(it.uri("/api/v1/notifications/push-receipts"))
						.header("Content-Type", form)
						.timeout(Duration.ofSeconds(15))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString())));
		}
		cases.add(new Case("push receipt as JSON",
				(it) -> it.http.send(HttpRequest.newBuilder(it.uri("/api/v1/notifications/push-receipts"))
					.header("Content-Type", JSON)
					.timeout(Duration.ofSeconds(15))
					.POST(HttpRequest.BodyPublishers.ofString("{\"t\": \"" + "A".repeat(32) + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString())));
		cases.add(
				new Case("push receipt by GET",
						(it) -> it.http.send(HttpRequest
							.newBuilder(it.uri("/api/v1/notifications/push-receipts?t=" + "A".repeat(32)))
							.timeout(Duration.ofSeconds(15))
							.GET()
							.build(), HttpResponse.BodyHandlers.ofString())));
	}

	static Stream<StompCase> stompCases() {
		List<StompCase> cases = new ArrayList<>();
		for (String destination : List.of("/topic/all", "/queue/alerts", "/user/de.schmidt/queue/alerts",
				"/user/queue/other", "/app/acknowledge", "/user/queue/alerts/../../queue/x", "",
				"/user/queue/alerts\u0000x", "' OR 1=1")) {
			cases.add(new StompCase("SUBSCRIBE " + printable(destination), true,
					"SUBSCRIBE\nid:1\ndestination:" + destination + "\n\n\0"));
		}
		for (String destination : List.of("/app/acknowledge", "/queue/alerts", "/user/de.schmidt/queue/alerts",
				"/user/queue/alerts")) {
			cases.add(new StompCase("SEND to " + destination, true,
					"SEND\ndestination:" + destination + "\ncontent-type:application/json\n\n{\"kind\":\"ALERT\"}\0"));
		}
		cases.add(
				new StompCase("SEND of 200 KiB", true, "SEND\ndestination:/app/x\n\n" + "x".repeat(200 * 1024) + "\0"));
		cases.add(new StompCase("a frame of 200 KiB of headers", true,
				"SUBSCRIBE\nid:1\ndestination:/user/queue/alerts\nx:" + "y".repeat(200 * 1024) + "\n\n\0"));
		cases.add(new StompCase("an unknown command", true, "HELLO\n\n\0"));
		// A frame cut short (no end, or a content-length longer than what came) is
		// buffered until the rest comes, up to the 64 KiB message limit that the
		// 200 KiB cases pass; the complete but wrong frames below are answered at once.
		cases.add(new StompCase("a command in lower case", true, "subscribe\nid:1\ndestination:/topic/x\n\n\0"));
		cases.add(new StompCase("a header without a colon", true, "SUBSCRIBE\nnocolon\n\n\0"));
		cases.add(new StompCase("a content-length shorter than the body", true,
				"SEND\ndestination:/app/x\ncontent-length:2\n\nmuch longer than two bytes\0"));
		cases.add(new StompCase("CONNECT without a session", false, "CONNECT\naccept-version:1.2\nhost:x\n\n\0"));
		cases.add(new StompCase("SUBSCRIBE without a session", false,
				"SUBSCRIBE\nid:1\ndestination:/user/queue/alerts\n\n\0"));
		return cases.stream();
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * The same kinds of hostility from a national system on the mutual-TLS port, with
	 * France's registered TLS client certificate: its certificate gets it in, and nothing
	 * it sends gets further than a requester of France may go.
	 */
	private static void mutualTls(List<Case> cases) {
		byte[] big = new byte[3 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		cases.add(new Case("mTLS: malformed JSON submission",
				(it) -> it.mtls().call("POST", "/api/v1/requests", JSON, "{\"to\": \"DE\",".getBytes())));
		cases.add(new Case("mTLS: JSON submission with every field missing",
				(it) -> it.mtls().call("POST", "/api/v1/requests", JSON, "{}".getBytes())));
		cases.add(new Case("mTLS: JSON submission from another Party",
				(it) -> it.mtls()
					.call("POST", "/api/v1/requests", JSON,
							NetworkTest.preservationRequest("NL", "URGENT")
								.replaceFirst("\\{", "{\"from\": \"DE\", ")
								.getBytes(StandardCharsets.UTF_8))));
		cases.add(new Case("mTLS: JSON submission with an injection in the urgency",
				(it) -> it.mtls()
					.call("POST", "/api/v1/requests", JSON,
							NetworkTest.preservationRequest("DE", "URGENT\\\"; DROP TABLE requests; --")
								.getBytes(StandardCharsets.UTF_8))));
		cases.add(new Case("mTLS: body over the size limit",
				(it) -> it.mtls().call("POST", "/api/v1/requests", JSON, big)));
		cases.add(new Case("mTLS: a submission as text/plain",
				(it) -> it.mtls().call("POST", "/api/v1/requests", "text/plain", "to=DE".getBytes())));
		cases.add(new Case("mTLS: garbage as a signed request", (it) -> {
			PreservationRequest request = it.request("DE");
			return it.mtls().send("not a CMS structure".getBytes(), request);
		}));
		cases.add(new Case("mTLS: a request signed with Germany's key, sent by France's system", (it) -> {
			PreservationRequest request = it.request("NL");
			PreservationRequest asGermany = new PreservationRequest(request.id(), CountryCode.of("DE"), request.to(),
					request.urgency(), request.createdAt(), request.requestingAuthority(), request.offence(),
					request.summaryOfFacts(), request.dataToPreserve(), request.relationToOffence(),
					request.custodian(), request.necessity(), request.mutualAssistanceToFollow());
			return it.mtls()
				.send(NationalSystem.sign(asGermany, it.pki().signing(CountryCode.of("DE")), it.clock), asGermany);
		}));
		cases.add(new Case("mTLS: France's signed request with routing headers naming Germany", (it) -> {
			PreservationRequest request = it.request("NL");
			return it.mtls()
				.send(NationalSystem.sign(request, it.pki().signing(CountryCode.of("FR")), it.clock),
						request.id().value(), "DE", "NL", request.createdAt());
		}));
		cases.add(new Case("mTLS: a replayed id with other signed bytes", (it) -> {
			PreservationRequest once = it.signedOnce();
			byte[] resigned = NationalSystem.sign(once, it.pki().signing(CountryCode.of("FR")), it.clock);
			return it.mtls().send(resigned, once);
		}));
		for (String action : List.of("acknowledgement", "escalation", "delivery", "response", "snooze")) {
			cases.add(new Case("mTLS: the national system tries " + action, (it) -> it.mtls()
				.call("POST", "/api/v1/requests/" + it.existing() + "/" + action, JSON, "{}".getBytes())));
		}
		cases.add(new Case("mTLS: a directory entry replaced", (it) -> it.mtls()
			.call("PUT", "/api/v1/directory/contact-points/FR", JSON, "{}".getBytes(), "If-Match", "\"x\"")));
		cases.add(new Case("mTLS: a drill started",
				(it) -> it.mtls().call("POST", "/api/v1/drills", JSON, "{\"countries\": [\"FR\"]}".getBytes())));
		cases.add(new Case("mTLS: the audit log exported",
				(it) -> it.mtls().call("GET", "/api/v1/audit/export", null, null)));
		cases.add(new Case("mTLS: the overview", (it) -> it.mtls().call("GET", "/api/v1/overview", null, null)));
		cases.add(new Case("mTLS: an unknown path", (it) -> it.mtls().call("GET", "/api/v1/nothing-here", null, null)));
		cases.add(new Case("mTLS: a wrong method", (it) -> it.mtls().call("DELETE", "/api/v1/requests", null, null)));
		cases.add(new Case("mTLS: a push subscription saved",
				(it) -> it.mtls().call("PUT", "/api/v1/me/push-subscription", JSON, "{}".getBytes())));
	}

	private NationalSystem mtlsClient;

	/** France's national system on the mutual-TLS port. */
	synchronized NationalSystem mtls() throws Exception {
		if (this.mtlsClient == null) {
			this.mtlsClient = NationalSystem.overMutualTls(Infrastructure.get().mtlsPort,
					pki().tlsClient(CountryCode.of("FR")), pki().caCertificate());
		}
		return this.mtlsClient;
	}

	private static Case json(String name, Call call) {
		return new Case(name, call);
	}

	/** A JSON submission of this body by FR's requester. */
	private static Case json(String name, String body) {
		return new Case(name, (it) -> it.postAs("fr.requester", "/api/v1/requests", JSON,
				body.getBytes(StandardCharsets.UTF_8), Map.of()));
	}

	@FunctionalInterface
	interface SignedCall {

		HttpResponse<String> send(HostileInputIT it, byte[] validCms, PreservationRequest request) throws Exception;

	}

	/** A case that starts from a fresh, valid signed request FR → DE. */
	private static Case signed(String name, SignedCall call) {
		return new Case(name, (it) -> {
			PreservationRequest request = it.request("DE");
			byte[] cms = NationalSystem.sign(request, it.pki().signing(CountryCode.of("FR")), it.clock);
			return call.send(it, cms, request);
		});
	}

	private DevPki pki() {
		return Infrastructure.get().pki;
	}

	PreservationRequest request(String to) {
		return request(to, this.clock.instant());
	}

	PreservationRequest request(String to, Instant createdAt) {
		return new PreservationRequest(RequestId.random(), CountryCode.of("FR"), CountryCode.of(to), Urgency.URGENT,
				createdAt, "OCLCTIC, Nanterre", "Ransomware extortion", "A hospital was encrypted.",
				"Login records of the account", "It sent the ransom demand", "Example Mail", "Deleted after 7 days",
				true);
	}

	/** A request filed once (FR → DE, so alerting DE) for the commands' cases. */
	synchronized String existing() throws Exception {
		if (existingId == null) {
			String id = RequestId.random().value();
			HttpResponse<String> filed = postAs("fr.requester", "/api/v1/requests", JSON,
					validForm(id).getBytes(StandardCharsets.UTF_8), Map.of());
			assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
			existingId = id;
		}
		return existingId;
	}

	/** A signed request accepted once, for the replay cases. */
	synchronized PreservationRequest signedOnce() throws Exception {
		if (signedOnce == null) {
			PreservationRequest request = request("DE");
			HttpResponse<String> accepted = sendSigned(
					NationalSystem.sign(request, pki().signing(CountryCode.of("FR")), this.clock), request);
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			signedOnce = request;
		}
		return signedOnce;
	}

	private HttpResponse<String> sendSigned(byte[] cms, PreservationRequest request) throws Exception {
		return sendSignedWith(cms, request, Map.of());
	}

	/** Posts signed bytes with the request's routing headers, some replaced. */
	private HttpResponse<String> sendSignedWith(byte[] cms, PreservationRequest request, Map<String, String> replaced)
			throws Exception {
		return postAs("fr.requester", "/api/v1/requests", CMS, cms, routing(request, replaced));
	}

	private Map<String, String> routing(PreservationRequest request, Map<String, String> replaced) {
		Map<String, String> headers = new java.util.HashMap<>(
				Map.of("Vigil-Request-Id", request.id().value(), "Vigil-From", request.from().value(), "Vigil-To",
						request.to().value(), "Vigil-Created-At", request.createdAt().toString()));
		headers.putAll(replaced);
		return headers;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	HttpResponse<String> postAs(String user, String path, String contentType, byte[] body, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		// A header the HTTP client refuses to send (CR LF, NUL) is sent as its
		// percent-encoded form: the client protects us, not the gateway.
		headers.forEach((name, value) -> {
			if (!value.isEmpty()) {
				request.header(name, value.chars().anyMatch((c) -> c < 0x20)
						? value.replace("\r", "%0D").replace("\n", "%0A").replace("\u0000", "%00") : value);
			}
		});
		return send(user, request);
	}

	HttpResponse<String> putAs(String user, String path, String body, String ifMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", JSON)
			.PUT(HttpRequest.BodyPublishers.ofString(body));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return send(user, request);
	}

	/** The current ETag of a directory entry, so that only the body is wrong. */
	String etag(String user, String path) throws Exception {
		return send(user, HttpRequest.newBuilder(uri(path)).GET()).headers().firstValue("ETag").orElse("\"none\"");
	}

	HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
		return this.http.send(request.header("Authorization", "Basic " + base64(user + ":" + PASSWORD))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Nothing but drills (which the network files by itself) reached the requests topic.
	 */
	private static void assertNoCommandSince(Map<TopicPartition, Long> before) {
		Map<TopicPartition, Long> after = ends(Topics.REQUESTS);
		if (after.equals(before)) {
			return;
		}
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.assign(before.keySet());
			before.forEach(consumer::seek);
			List<ConsumerRecord<String, String>> written = new ArrayList<>();
			while (after.entrySet().stream().anyMatch((end) -> consumer.position(end.getKey()) < end.getValue())) {
				consumer.poll(Duration.ofMillis(200)).forEach(written::add);
			}
			assertThat(written).as("commands written by a refused call")
				.allSatisfy((record) -> assertThat(WireJson.read(record.value().getBytes(StandardCharsets.UTF_8),
						DispatchCommand.class) instanceof SubmitRequest submit && submit.drill())
					.as("only a drill, filed by the network itself: %s", record.value())
					.isTrue());
		}
	}

	private String officerCookies() throws Exception {
		ConsoleSession officer = ConsoleSession.login(this.port, "de.mueller", PASSWORD);
		officer.get("/api/v1/me");
		return officer.cookieHeader();
	}

	private static String validForm(String id) {
		String form = preservationRequest("DE", "URGENT");
		return (id != null) ? "{\"id\": \"" + id + "\", " + form.strip().substring(1) : form;
	}

	/** The valid form with one field replaced by raw JSON, or left out. */
	private static String with(String field, String rawValue, boolean leaveOut) {
		JsonNode node = WireJson.mapper().readTree(validForm(null));
		StringBuilder json = new StringBuilder("{");
		boolean seen = false;
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (entry.getKey().equals(field)) {
				seen = true;
				if (leaveOut) {
					continue;
				}
				json.append(quoted(field)).append(':').append(rawValue).append(',');
			}
			else {
				json.append(quoted(entry.getKey())).append(':').append(entry.getValue().toString()).append(',');
			}
		}
		if (!seen && !leaveOut) {
			json.append(quoted(field)).append(':').append(rawValue).append(',');
		}
		json.setLength(json.length() - 1);
		return json.append('}').toString();
	}

	private static String quoted(String text) {
		return WireJson.mapper().writeValueAsString(text);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] concat(byte[] one, byte[] other) {
		byte[] both = Arrays.copyOf(one, one.length + other.length);
		System.arraycopy(other, 0, both, one.length, other.length);
		return both;
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "… (" + text.length() + " chars)" : text;
	}

	private static String printable(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach((c) -> out.append((c < 0x20) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
		return out.toString();
	}

	/**
	 * A STOMP client that sends exactly the bytes it is given, over the JDK's WebSocket
	 * client with a session cookie, and reports what comes back.
	 */
	static final class RawStomp implements WebSocket.Listener {

		private final StringBuilder received = new StringBuilder();

		private final CompletableFuture<Void> closed = new CompletableFuture<>();

		private WebSocket socket;

		/** Null when the handshake itself is refused. */
		static RawStomp open(int port, String cookies) throws Exception {
			RawStomp stomp = new RawStomp();
			WebSocket.Builder builder = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.header("Origin", "http://127.0.0.1:" + port);
			if (cookies != null) {
				builder.header("Cookie", cookies);
			}
			try {
				stomp.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), stomp)
					.get(10, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				return null;
			}
			return stomp;
		}

		void send(String frame) {
			try {
				this.socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// The server may close the socket on a frame it refuses: that is an
				// answer.
				this.closed.complete(null);
			}
		}

		boolean awaitFrame(String command) throws InterruptedException {
			Instant giveUp = Instant.now().plusSeconds(10);
			while (Instant.now().isBefore(giveUp)) {
				synchronized (this.received) {
					if (this.received.toString().contains(command)) {
						return true;
					}
					this.received.wait(100);
				}
			}
			return false;
		}

		boolean awaitErrorOrClose() throws InterruptedException {
			Instant giveUp = Instant.now().plusSeconds(10);
			while (Instant.now().isBefore(giveUp)) {
				synchronized (this.received) {
					if (this.received.indexOf("ERROR") >= 0 || this.closed.isDone()) {
						return true;
					}
					this.received.wait(100);
				}
			}
			return false;
		}

		void abort() {
			this.socket.abort();
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			synchronized (this.received) {
				this.received.append(data);
				this.received.notifyAll();
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.closed.complete(null);
			synchronized (this.received) {
				this.received.notifyAll();
			}
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.closed.complete(null);
		}

	}

}
