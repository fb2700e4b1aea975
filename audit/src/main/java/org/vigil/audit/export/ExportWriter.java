package org.vigil.audit.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.vigil.audit.merkle.ConsistencyProof;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.protocol.canonical.CanonicalJson;
import org.vigil.protocol.json.WireJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an export, one JSON object a line (JSON Lines, UTF-8, {@code \n}):
 *
 * <pre>
 * {"type":"entry","seq":0,"entry":{…the audit entry, RFC 8785 canonical…}}
 * {"type":"checkpoint","note":"…the signed note…"}
 * {"type":"consistency","from":m,"to":n,"proof":["base64",…]}
 * {"type":"inclusion","seq":s,"size":n,"proof":["base64",…]}
 * </pre>
 *
 * Entries come in sequence order, each checkpoint after the entries it covers, a
 * consistency proof between successive checkpoints. Not thread-safe.
 */
public final class ExportWriter {

	private final Writer out;

	/**
	 * @param out where the lines go; written UTF-8 by the caller's choice of writer
	 */
	public ExportWriter(Writer out) {
		this.out = Objects.requireNonNull(out, "out");
	}

	/**
	 * One entry.
	 * @param seq its sequence number
	 * @param canonicalEntry the entry's canonical JSON, the bytes its leaf hashes
	 * @throws IllegalArgumentException if the bytes are not canonical JSON
	 */
	public void entry(long seq, byte[] canonicalEntry) {
		if (!CanonicalJson.isCanonical(canonicalEntry)) {
			throw new IllegalArgumentException("entry " + seq + " is not canonical JSON");
		}
		// Embedded as is: the line's "entry" member is the exact leaf bytes.
		line("{\"type\":\"entry\",\"seq\":" + seq + ",\"entry\":" + new String(canonicalEntry, StandardCharsets.UTF_8)
				+ "}");
	}

	/** One signed checkpoint. */
	public void checkpoint(String note) {
		ObjectNode line = WireJson.mapper().createObjectNode();
		line.put("type", "checkpoint");
		line.put("note", note);
		line(line);
	}

	/** A consistency proof between two checkpoints' sizes. */
	public void consistency(ConsistencyProof proof) {
		ObjectNode line = WireJson.mapper().createObjectNode();
		line.put("type", "consistency");
		line.put("from", proof.fromSize());
		line.put("to", proof.toSize());
		hashes(line.putArray("proof"), proof.path());
		line(line);
	}

	/** An inclusion proof of one entry in a checkpoint's tree. */
	public void inclusion(InclusionProof proof) {
		ObjectNode line = WireJson.mapper().createObjectNode();
		line.put("type", "inclusion");
		line.put("seq", proof.index());
		line.put("size", proof.treeSize());
		hashes(line.putArray("proof"), proof.path());
		line(line);
	}

	public void flush() {
		try {
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void hashes(ArrayNode array, List<Hash> hashes) {
		hashes.forEach((hash) -> array.add(hash.base64()));
	}

	private void line(ObjectNode line) {
		line(WireJson.mapper().writeValueAsString(line));
	}

	private void line(String line) {
		try {
			this.out.write(line);
			this.out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
