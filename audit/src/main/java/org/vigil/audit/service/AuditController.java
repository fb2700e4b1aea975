package org.vigil.audit.service;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.export.ExportWriter;
import org.vigil.audit.ledger.Ledger;
import org.vigil.audit.merkle.ConsistencyProof;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.json.WireJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ledger over HTTP: checkpoints, entries, proofs and the export for those who may
 * read the whole log (AUDITOR, NETWORK_ADMIN, COORDINATOR); the log's verifier key for
 * anyone.
 */
@Tag(name = "Audit", description = "The tamper-evident audit ledger (RFC 9162, C2SP checkpoints)")
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

	/** The roles that may read the whole log. */
	static final List<String> READERS = List.of("AUDITOR", "NETWORK_ADMIN", "COORDINATOR");

	static final int MAX_LIMIT = 1000;

	/** The most entries one filtered page looks at, so that a page costs a bound. */
	static final int MAX_SCAN = 10_000;

	private static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");

	private final AuditLedgerService service;

	public AuditController(AuditLedgerService service) {
		this.service = service;
	}

	@Operation(summary = "The audit log's verifier key (public, no login)")
	@GetMapping(path = "/log-key", produces = MediaType.TEXT_PLAIN_VALUE)
	public String logKey() {
		return this.service.signer().verifierKey().encoded() + "\n";
	}

	@Operation(summary = "The latest signed checkpoint (C2SP signed note)")
	@GetMapping(path = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	public String checkpoint(HttpServletRequest request) {
		mayRead(request);
		return this.service.latestCheckpoint()
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "/problems/not-found", "No checkpoint yet",
					"The ledger has not signed a checkpoint yet"));
	}

	/**
	 * A page of entries that match every filter given, in sequence order. Scans at most
	 * {@link #MAX_SCAN} entries from {@code from}; {@code next} is where the next page
	 * starts, and equals {@code size} once the scan reached the end.
	 * @param country an ISO code: entries that name it among their Parties, or whose
	 * object (a request) the ledger knows to concern it
	 * @param request a request id (the same as {@code object})
	 */
	@Operation(summary = "Audit entries from a sequence number, filtered (paged: next in the body and the Link header)")
	@GetMapping(path = "/entries", produces = MediaType.APPLICATION_JSON_VALUE)
	public ObjectNode entries(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(required = false) String from, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String object,
			@RequestParam(name = "request", required = false) String requestId,
			@RequestParam(required = false) String country, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until) {
		mayRead(request);
		// The API's lists page with limit and cursor; here the cursor is a sequence
		// number, which `from` has always named.
		long start = number("cursor", cursor, number("from", from, 0));
		long count = number("limit", limit, 100);
		if (count < 1 || count > MAX_LIMIT) {
			throw invalid("limit must be between 1 and " + MAX_LIMIT);
		}
		if (object != null && requestId != null && !object.equals(requestId)) {
			throw invalid("object and request name the same thing; give one");
		}
		String about = blankToNull((object != null) ? object : requestId);
		String who = blankToNull(actor);
		String what = blankToNull(action);
		CountryCode party = country(country);
		Instant after = instant("since", since);
		Instant before = instant("until", until);
		List<byte[]> scanned = this.service.entries(start, MAX_SCAN);
		List<AuditEntry> entries = new ArrayList<>(scanned.size());
		scanned.forEach((bytes) -> entries.add(WireJson.read(bytes, AuditEntry.class)));
		Map<String, String> indexed = (party != null) ? indexedParties(entries) : Map.of();
		ObjectNode answer = WireJson.mapper().createObjectNode();
		ArrayNode page = answer.putArray("entries");
		long seq = start;
		for (int i = 0; i < entries.size() && page.size() < count; i++, seq++) {
			AuditEntry entry = entries.get(i);
			if ((who == null || who.equals(entry.actor())) && (what == null || what.equals(entry.action()))
					&& (about == null || about.equals(entry.object())) && (after == null || !entry.at().isBefore(after))
					&& (before == null || entry.at().isBefore(before))
					&& (party == null || concerns(entry, party, indexed))) {
				ObjectNode line = page.addObject();
				line.put("seq", seq);
				line.set("entry", WireJson.mapper().readTree(scanned.get(i)));
			}
		}
		answer.put("next", seq);
		long size = this.service.ledger().size();
		answer.put("size", size);
		if (seq < size) {
			UriComponents next = ServletUriComponentsBuilder.fromRequest(request)
				.replaceQueryParam("from")
				.replaceQueryParam("limit", count)
				.replaceQueryParam("cursor", seq)
				.build()
				.encode();
			response.setHeader(HttpHeaders.LINK, "<" + next.getPath() + "?" + next.getQuery() + ">; rel=\"next\"");
		}
		return answer;
	}

	private Map<String, String> indexedParties(List<AuditEntry> entries) {
		List<String> objects = entries.stream()
			.filter((entry) -> entry.parties() == null && !entry.object().equals("-"))
			.map(AuditEntry::object)
			.distinct()
			.toList();
		List<String> parties = this.service.parties(objects);
		Map<String, String> indexed = new HashMap<>();
		for (int i = 0; i < objects.size(); i++) {
			if (parties.get(i) != null) {
				indexed.put(objects.get(i), parties.get(i));
			}
		}
		return indexed;
	}

	private static boolean concerns(AuditEntry entry, CountryCode party, Map<String, String> indexed) {
		if (entry.parties() != null) {
			return entry.concerns(party);
		}
		String parties = indexed.get(entry.object());
		return parties != null && Arrays.asList(parties.split(",")).contains(party.value());
	}

	/**
	 * The proof that one entry is in the tree of {@code size} entries (by default the
	 * latest checkpoint's), named by its {@code seq} or by its {@code entry} id (the id a
	 * receipt names). The answer holds the entry's canonical JSON and, when {@code size}
	 * is a checkpoint's, that signed checkpoint: everything {@code EntryProof} needs.
	 */
	@Operation(summary = "An RFC 9162 inclusion proof of one entry")
	@GetMapping(path = "/proof/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
	public ObjectNode inclusion(HttpServletRequest request, @RequestParam(required = false) String seq,
			@RequestParam(required = false) String size, @RequestParam(required = false) String entry) {
		mayRead(request);
		Ledger ledger = this.service.ledger();
		long index;
		if (entry != null && !entry.isBlank()) {
			if (seq != null) {
				throw invalid("give seq or entry, not both");
			}
			index = this.service.seqOf(entry.strip())
				.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "/problems/not-found", "No such entry",
						"The ledger holds no entry " + entry.strip() + " (yet: it may still be on its way)"));
		}
		else {
			index = number("seq", seq, -1);
		}
		Optional<String> latest = this.service.latestCheckpoint();
		long treeSize = number("size", size,
				latest.map((note) -> Checkpoint.open(note, this.service.signer().verifierKey()).size())
					.orElse(ledger.size()));
		if (index < 0 || index >= treeSize || treeSize > ledger.size()) {
			throw (index >= treeSize && index < ledger.size() && size == null)
					? problem(HttpStatus.CONFLICT, "/problems/not-yet-checkpointed", "Not yet checkpointed",
							"Entry " + index + " is in the ledger but not yet in a signed checkpoint (size " + treeSize
									+ "); ask again after the next one")
					: invalid("seq must be below size, and size at most the ledger's " + ledger.size());
		}
		InclusionProof proof = ledger.inclusion(index, treeSize);
		ObjectNode answer = WireJson.mapper().createObjectNode();
		answer.put("seq", index);
		answer.put("size", treeSize);
		answer.put("leafHash", ledger.leaf(index).base64());
		answer.put("root", ledger.root(treeSize).base64());
		hashes(answer.putArray("proof"), proof.path());
		answer.set("entry", WireJson.mapper().readTree(this.service.entries(index, 1).get(0)));
		latest.filter((note) -> Checkpoint.open(note, this.service.signer().verifierKey()).size() == treeSize)
			.ifPresent((note) -> answer.put("checkpoint", note));
		return answer;
	}

	@Operation(summary = "An RFC 9162 consistency proof between two tree sizes")
	@GetMapping(path = "/proof/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
	public ObjectNode consistency(HttpServletRequest request, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		mayRead(request);
		Ledger ledger = this.service.ledger();
		long fromSize = number("from", from, -1);
		long toSize = number("to", to, latestSize());
		if (fromSize < 0 || fromSize > toSize || toSize > ledger.size()) {
			throw invalid("0 <= from <= to <= " + ledger.size() + " is required");
		}
		ConsistencyProof proof = ledger.consistency(fromSize, toSize);
		ObjectNode answer = WireJson.mapper().createObjectNode();
		answer.put("from", fromSize);
		answer.put("to", toSize);
		answer.put("fromRoot", ledger.root(fromSize).base64());
		answer.put("toRoot", ledger.root(toSize).base64());
		hashes(answer.putArray("proof"), proof.path());
		return answer;
	}

	/**
	 * The whole log up to its latest checkpoint, as {@link ExportWriter} writes it: the
	 * entries, each checkpoint after the entries it covers, and a consistency proof
	 * between successive checkpoints.
	 */
	@Operation(summary = "The whole log up to its latest checkpoint, as JSON Lines")
	@GetMapping(path = "/export")
	public ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) {
		mayRead(request);
		List<String> notes = this.service.checkpoints();
		StreamingResponseBody body = (out) -> {
			BufferedWriter text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			ExportWriter writer = new ExportWriter(text);
			long written = 0;
			long previous = 0;
			for (String note : notes) {
				long size = Checkpoint.open(note, this.service.signer().verifierKey()).size();
				while (written < size) {
					for (byte[] entry : this.service.entries(written, (int) Math.min(MAX_LIMIT, size - written))) {
						writer.entry(written++, entry);
					}
				}
				writer.checkpoint(note);
				if (previous > 0 && previous < size) {
					writer.consistency(this.service.ledger().consistency(previous, size));
				}
				previous = size;
			}
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(JSON_LINES)
			.header("Content-Disposition", "attachment; filename=\"audit-export.jsonl\"")
			.body(body);
	}

	private long latestSize() {
		return this.service.latestCheckpoint()
			.map((note) -> Checkpoint.open(note, this.service.signer().verifierKey()).size())
			.orElse(this.service.ledger().size());
	}

	private static void hashes(ArrayNode array, List<Hash> hashes) {
		hashes.forEach((hash) -> array.add(hash.base64()));
	}

	private static void mayRead(HttpServletRequest request) {
		if (READERS.stream().noneMatch(request::isUserInRole)) {
			throw problem(HttpStatus.FORBIDDEN, "/problems/not-allowed", "Not allowed",
					"Only an auditor, a network administrator or the coordinator may read the audit log");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static CountryCode country(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return CountryCode.of(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("country must be an ISO 3166-1 alpha-2 code such as DE, not '" + value + "'");
		}
	}

	private static long number(String name, String value, long fallback) {
		if (value == null || value.isBlank()) {
			if (fallback < 0) {
				throw invalid(name + " is required");
			}
			return fallback;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(name + " must be a whole number, not '" + value + "'");
		}
	}

	private static Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw invalid(name + " must be a UTC time such as 2026-11-22T02:00:00Z, not '" + value + "'");
		}
	}

	private static ErrorResponseException invalid(String detail) {
		return problem(HttpStatus.UNPROCESSABLE_ENTITY, "/problems/invalid-fields", "Invalid query", detail);
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(type));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
