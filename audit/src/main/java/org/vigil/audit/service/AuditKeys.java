package org.vigil.audit.service;

import java.util.List;
import java.util.Objects;

/**
 * The one place that names the ledger's Redis keys, all under one prefix, so that a
 * second ledger (a rebuild beside the live one) can use another prefix, and wiping the
 * ledger touches nothing of the gateway's.
 *
 * <p>
 * Everything under these keys is derived from the topic {@code vigil.audit} except the
 * signed checkpoints' history, which a rebuild signs anew (see docs/audit.md).
 */
public final class AuditKeys {

	/** The prefix of a ledger that is not told otherwise. */
	public static final String DEFAULT_PREFIX = "vigil:audit";

	private final String prefix;

	public AuditKeys(String prefix) {
		this.prefix = Objects.requireNonNull(prefix, "prefix");
	}

	public String prefix() {
		return this.prefix;
	}

	/** The number of entries in the ledger (a decimal string). */
	public String size() {
		return this.prefix + ":size";
	}

	/** A hash: field {@code <level>/<index>}, value the node's Base64 hash. */
	public String nodes() {
		return this.prefix + ":nodes";
	}

	/** A hash: field the sequence number, value the entry's canonical JSON. */
	public String entries() {
		return this.prefix + ":entries";
	}

	/** The next offset of the topic's partition to read (a decimal string). */
	public String offset() {
		return this.prefix + ":offset";
	}

	/** The latest signed checkpoint (a signed note). */
	public String checkpoint() {
		return this.prefix + ":checkpoint";
	}

	/** A list of every signed checkpoint, oldest first. */
	public String checkpoints() {
		return this.prefix + ":checkpoints";
	}

	/**
	 * A hash: field an entry's id ({@code AuditEntry.id}), value its sequence number. The
	 * ledger numbers the first entry of an id and skips later ones.
	 */
	public String ids() {
		return this.prefix + ":ids";
	}

	/**
	 * A hash: field an entry's object (a request id, {@code party/<ISO>}), value the
	 * Parties the first entry that named them gave, comma-separated ({@code FR,DE}); what
	 * the auditors' country filter finds an entry's Parties by when the entry names none.
	 */
	public String parties() {
		return this.prefix + ":parties";
	}

	/** Every key above: what a wipe deletes. */
	public List<String> all() {
		return List.of(size(), nodes(), entries(), offset(), checkpoint(), checkpoints(), ids(), parties());
	}

	static String nodeField(int level, long index) {
		return level + "/" + index;
	}

}
