package org.vigil.protocol.directory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigil.protocol.CountryCode;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.canonical.NotCanonicalizable;
import org.vigil.protocol.json.WireJson;

/**
 * The whole directory at one instant, as the network signs it for circulation.
 *
 * <p>
 * The signed content is the RFC 8785 canonical JSON of one object with exactly four
 * members: {@code format} ({@link #FORMAT}), {@code exportedAt} (an ISO-8601 instant in
 * UTC), and {@code network} and {@code contactPoints} exactly as a seed directory file
 * holds them (the directory module's {@code SeedDirectory}). This type checks the
 * envelope (the four members, the format, the instant, one contact point per country) and
 * nothing of the directory's own model, so that the model can grow without a new export
 * format; the directory service validates the model when it loads the seed.
 *
 * <p>
 * Immutable: the JSON trees are copied in and out.
 */
public final class DirectoryExport {

	/** The format and its version; a reader refuses any other. */
	public static final String FORMAT = "vigil.directory-export/1";

	private static final Set<String> MEMBERS = Set.of("format", "exportedAt", "network", "contactPoints");

	private final Instant exportedAt;

	private final ObjectNode network;

	private final ArrayNode contactPoints;

	private final List<CountryCode> countries;

	private DirectoryExport(Instant exportedAt, ObjectNode network, ArrayNode contactPoints) {
		this.exportedAt = Objects.requireNonNull(exportedAt, "exportedAt");
		this.network = network.deepCopy();
		this.contactPoints = contactPoints.deepCopy();
		this.countries = countries(this.contactPoints);
	}

	/**
	 * The export of a directory.
	 * @param seedJson a seed directory file: an object with {@code network} and
	 * {@code contactPoints}; other members are ignored
	 * @param exportedAt when the directory was read
	 * @throws IllegalArgumentException if the JSON is not of that shape, or names a
	 * country twice
	 */
	public static DirectoryExport of(byte[] seedJson, Instant exportedAt) {
		JsonNode seed;
		try {
			seed = WireJson.mapper().readTree(seedJson);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the seed directory is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (seed == null || !(seed.get("network") instanceof ObjectNode network)
				|| !(seed.get("contactPoints") instanceof ArrayNode contactPoints)) {
			throw new IllegalArgumentException("a seed directory has a network object and a contactPoints array");
		}
		return new DirectoryExport(exportedAt, network, contactPoints);
	}

	/**
	 * Reads the content of a signed export.
	 * @param content the exact signed bytes
	 * @throws ExportRejected if they are not canonical JSON ({@code NOT_CANONICAL}), or
	 * not a directory export of this format ({@code INVALID_CONTENT})
	 */
	public static DirectoryExport read(byte[] content) {
		Objects.requireNonNull(content, "content");
		if (!CanonicalJson.isCanonical(content)) {
			throw new ExportRejected(ExportRejected.Reason.NOT_CANONICAL,
					"the content is not canonical JSON (RFC 8785)");
		}
		JsonNode root = WireJson.mapper().readTree(content);
		if (!(root instanceof ObjectNode object)) {
			throw invalid("the content is not a JSON object");
		}
		if (!Set.copyOf(object.propertyNames()).equals(MEMBERS)) {
			throw invalid("a directory export has exactly the members " + MEMBERS + ", not " + object.propertyNames());
		}
		JsonNode format = object.get("format");
		if (!format.isString() || !FORMAT.equals(format.stringValue())) {
			throw invalid("the format is " + format + ", and this reader knows only \"" + FORMAT + "\"");
		}
		Instant exportedAt;
		try {
			exportedAt = Instant.parse(object.get("exportedAt").asString(""));
		}
		catch (DateTimeParseException ex) {
			throw invalid("exportedAt is not an ISO-8601 instant: " + object.get("exportedAt"));
		}
		if (!(object.get("network") instanceof ObjectNode network)) {
			throw invalid("network is not an object");
		}
		if (!(object.get("contactPoints") instanceof ArrayNode contactPoints)) {
			throw invalid("contactPoints is not an array");
		}
		try {
			return new DirectoryExport(exportedAt, network, contactPoints);
		}
		catch (IllegalArgumentException ex) {
			throw new ExportRejected(ExportRejected.Reason.INVALID_CONTENT, ex.getMessage(), ex);
		}
	}

	/**
	 * The bytes the network signs: canonical JSON (RFC 8785) of the four members.
	 * @throws NotCanonicalizable if the directory is larger than
	 * {@link CanonicalJson#MAX_BYTES}
	 */
	public byte[] content() {
		ObjectNode root = WireJson.mapper().createObjectNode();
		root.put("format", FORMAT);
		root.put("exportedAt", this.exportedAt.toString());
		root.set("network", this.network.deepCopy());
		root.set("contactPoints", this.contactPoints.deepCopy());
		return CanonicalJson.canonicalize(WireJson.mapper().writeValueAsBytes(root));
	}

	/**
	 * The directory alone, as a seed directory file (indented UTF-8 JSON with
	 * {@code network} and {@code contactPoints}), for another deployment to load.
	 */
	public byte[] seed() {
		ObjectNode root = WireJson.mapper().createObjectNode();
		root.set("network", this.network.deepCopy());
		root.set("contactPoints", this.contactPoints.deepCopy());
		return WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
	}

	public Instant exportedAt() {
		return this.exportedAt;
	}

	/** The Parties that have a contact point in the export, in the export's order. */
	public List<CountryCode> countries() {
		return this.countries;
	}

	private static List<CountryCode> countries(ArrayNode contactPoints) {
		List<CountryCode> countries = new ArrayList<>();
		Set<CountryCode> seen = new HashSet<>();
		for (JsonNode contactPoint : contactPoints) {
			JsonNode country = contactPoint.get("country");
			if (country == null || !country.isString()) {
				throw new IllegalArgumentException("contact point " + countries.size() + " has no country");
			}
			CountryCode code = CountryCode.of(country.stringValue());
			if (!seen.add(code)) {
				throw new IllegalArgumentException("contact point " + code + " appears twice");
			}
			countries.add(code);
		}
		return List.copyOf(countries);
	}

	private static ExportRejected invalid(String message) {
		return new ExportRejected(ExportRejected.Reason.INVALID_CONTENT, message);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DirectoryExport that && this.exportedAt.equals(that.exportedAt)
				&& this.network.equals(that.network) && this.contactPoints.equals(that.contactPoints);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.exportedAt, this.network, this.contactPoints);
	}

	@Override
	public String toString() {
		return "DirectoryExport[exportedAt=" + this.exportedAt + ", countries=" + this.countries + "]";
	}

}
