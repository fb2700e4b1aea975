package org.vigil.audit.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.vigil.audit.merkle.ConsistencyProof;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of an export, as {@link ExportWriter} writes it. {@code line} is the line's
 * number in the file, counted from 1, for reports.
 */
public sealed interface ExportLine {

	int line();

	/** An entry: its sequence number and canonical bytes, the leaf's input. */
	record Entry(int line, long seq, byte[] canonical) implements ExportLine {

		public Entry {
			canonical = canonical.clone();
		}

		@Override
		public byte[] canonical() {
			return this.canonical.clone();
		}

	}

	/** A signed checkpoint note, not yet verified. */
	record SignedCheckpoint(int line, String note) implements ExportLine {
	}

	/** A consistency proof, not yet verified. */
	record Consistency(int line, ConsistencyProof proof) implements ExportLine {
	}

	/** An inclusion proof, not yet verified. */
	record Inclusion(int line, InclusionProof proof) implements ExportLine {
	}

	/**
	 * Reads one line.
	 * @param number the line's number, from 1
	 * @param text the line without its newline
	 * @throws MalformedExport if it is not one of the four kinds, well formed
	 */
	static ExportLine parse(int number, String text) {
		JsonNode node;
		try {
			node = WireJson.mapper().readTree(text);
		}
		catch (JacksonException ex) {
			throw new MalformedExport(number, "not JSON: " + ex.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode object)) {
			throw new MalformedExport(number, "not a JSON object");
		}
		String type = string(number, object, "type");
		return switch (type) {
			case "entry" -> new Entry(number, number(number, object, "seq"), canonical(number, object.get("entry")));
			case "checkpoint" -> new SignedCheckpoint(number, string(number, object, "note"));
			case "consistency" -> new Consistency(number, new ConsistencyProof(number(number, object, "from"),
					number(number, object, "to"), hashes(number, object)));
			case "inclusion" -> new Inclusion(number, new InclusionProof(number(number, object, "seq"),
					number(number, object, "size"), hashes(number, object)));
			default -> throw new MalformedExport(number, "unknown type '" + type + "'");
		};
	}

	private static byte[] canonical(int number, JsonNode entry) {
		if (!(entry instanceof ObjectNode)) {
			throw new MalformedExport(number, "\"entry\" is not a JSON object");
		}
		try {
			return CanonicalJson
				.canonicalize(WireJson.mapper().writeValueAsString(entry).getBytes(StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			throw new MalformedExport(number, "\"entry\" has no canonical form: " + ex.getMessage());
		}
	}

	private static String string(int number, ObjectNode object, String name) {
		JsonNode value = object.get(name);
		if (value == null || !value.isString()) {
			throw new MalformedExport(number, "\"" + name + "\" is missing or not a string");
		}
		return value.stringValue();
	}

	private static long number(int number, ObjectNode object, String name) {
		JsonNode value = object.get(name);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
			throw new MalformedExport(number, "\"" + name + "\" is missing or not a whole number ≥ 0");
		}
		return value.longValue();
	}

	private static List<Hash> hashes(int number, ObjectNode object) {
		JsonNode proof = object.get("proof");
		if (proof == null || !proof.isArray()) {
			throw new MalformedExport(number, "\"proof\" is missing or not an array");
		}
		List<Hash> hashes = new ArrayList<>();
		for (JsonNode element : proof) {
			try {
				hashes.add(Hash.fromBase64(element.isString() ? element.stringValue() : ""));
			}
			catch (IllegalArgumentException ex) {
				throw new MalformedExport(number, "\"proof\" holds something other than Base64 of 32 bytes");
			}
		}
		return hashes;
	}

}
