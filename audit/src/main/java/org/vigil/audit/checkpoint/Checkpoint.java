package org.vigil.audit.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.vigil.audit.merkle.Hash;

/**
 * A checkpoint of the log, in the C2SP tlog-checkpoint format
 * (https://c2sp.org/tlog-checkpoint): the body of a signed note whose lines are the log's
 * origin, the tree size in decimal, the Base64 root hash, then optional extension lines:
 *
 * <pre>
 * vigil.example.org/audit
 * 1234
 * 7Te1vU5nuRJ2r1L2yq8Tq3dz3Yx1X6G5lHn5iSbWq0E=
 * </pre>
 *
 * @param origin the log's unique name; this log signs with a key of the same name
 * @param size the number of entries the root covers
 * @param rootHash the RFC 9162 root of the first {@code size} entries
 * @param extensions further lines, each non-empty; usually none
 */
public record Checkpoint(String origin, long size, Hash rootHash, List<String> extensions) {

	public Checkpoint {
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(rootHash, "rootHash");
		extensions = List.copyOf(extensions);
		if (origin.isEmpty() || origin.contains("\n")) {
			throw new NoteRejected("a checkpoint's origin is one non-empty line");
		}
		if (size < 0) {
			throw new NoteRejected("a checkpoint's size is not negative: " + size);
		}
		for (String line : extensions) {
			if (line.isEmpty() || line.contains("\n")) {
				throw new NoteRejected("a checkpoint's extension is one non-empty line");
			}
		}
	}

	/** A checkpoint without extension lines. */
	public Checkpoint(String origin, long size, Hash rootHash) {
		this(origin, size, rootHash, List.of());
	}

	/** The note text: one line each, every line ending in a newline. */
	public String body() {
		StringBuilder body = new StringBuilder();
		body.append(this.origin)
			.append('\n')
			.append(this.size)
			.append('\n')
			.append(this.rootHash.base64())
			.append('\n');
		this.extensions.forEach((line) -> body.append(line).append('\n'));
		return body.toString();
	}

	/**
	 * Signs the checkpoint.
	 * @param signer the log's key, whose name must be the origin
	 * @return the signed note
	 */
	public String sign(NoteSigner signer) {
		if (!signer.name().equals(this.origin)) {
			throw new NoteRejected("the key " + signer.name() + " is not the key of the log " + this.origin);
		}
		return signer.sign(body());
	}

	/**
	 * Verifies a signed checkpoint and reads it.
	 * @param note the signed note
	 * @param key the log's verifier key; the origin must be its name
	 * @return the checkpoint
	 * @throws NoteRejected if the signature does not verify, the body is not a
	 * checkpoint, or it is the checkpoint of another log
	 */
	public static Checkpoint open(String note, VerifierKey key) {
		Checkpoint checkpoint = parse(SignedNote.open(note, key));
		if (!checkpoint.origin().equals(key.name())) {
			throw new NoteRejected("the checkpoint is of the log " + checkpoint.origin() + ", not of " + key.name());
		}
		return checkpoint;
	}

	/**
	 * Reads a checkpoint body, without any signature check.
	 * @throws NoteRejected if it is not a checkpoint body
	 */
	public static Checkpoint parse(String body) {
		if (!body.endsWith("\n")) {
			throw new NoteRejected("malformed checkpoint: no final newline");
		}
		String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
		if (lines.length < 3) {
			throw new NoteRejected("malformed checkpoint: fewer than three lines (origin, size, root hash)");
		}
		if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
			throw new NoteRejected("malformed checkpoint: the size is not a decimal number: '" + lines[1] + "'");
		}
		long size;
		try {
			size = Long.parseLong(lines[1]);
		}
		catch (NumberFormatException ex) {
			throw new NoteRejected("malformed checkpoint: the size is too large: " + lines[1], ex);
		}
		Hash root;
		try {
			root = Hash.fromBase64(lines[2]);
		}
		catch (IllegalArgumentException ex) {
			throw new NoteRejected("malformed checkpoint: the root hash is not Base64 of 32 bytes: '" + lines[2] + "'",
					ex);
		}
		if (!root.base64().equals(lines[2])) {
			throw new NoteRejected(
					"malformed checkpoint: the root hash is not in canonical Base64: '" + lines[2] + "'");
		}
		List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
		return new Checkpoint(lines[0], size, root, extensions);
	}

}
