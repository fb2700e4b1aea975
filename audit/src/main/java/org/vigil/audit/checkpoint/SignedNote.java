package org.vigil.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Opening a C2SP signed note (https://c2sp.org/signed-note): the text, a blank line, then
 * one or more signature lines
 * {@code — <key name> <base64(4-byte key hash || signature)>}. The signature covers the
 * text including its final newline, not the blank line.
 *
 * <p>
 * As the spec says: signatures by keys the verifier does not know (another name or key
 * hash) are ignored, so that witnesses may cosign; a signature by the known key that does
 * not verify rejects the whole note; and a note with no signature by the known key is
 * rejected.
 */
public final class SignedNote {

	/** The start of every signature line: an em dash (U+2014) and a space. */
	static final String SIGNATURE_PREFIX = "\u2014 ";

	/** At most this many signature lines, as the reference implementation allows. */
	static final int MAX_SIGNATURES = 100;

	private SignedNote() {
	}

	/**
	 * Verifies a signed note with the key and returns its text.
	 * @param note the whole note
	 * @param key the key whose signature is required
	 * @return the signed text, ending in a newline
	 * @throws NoteRejected if the note is malformed, has no signature by {@code key}, or
	 * that signature does not verify
	 */
	public static String open(String note, VerifierKey key) {
		Objects.requireNonNull(note, "note");
		Objects.requireNonNull(key, "key");
		int split = note.lastIndexOf("\n\n");
		if (split < 0 || !note.endsWith("\n")) {
			throw new NoteRejected("malformed note: no blank line before the signatures, or no final newline");
		}
		String text = note.substring(0, split + 1);
		checkText(text);
		String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
		if (lines.length > MAX_SIGNATURES) {
			throw new NoteRejected("malformed note: more than " + MAX_SIGNATURES + " signatures");
		}
		byte[] message = text.getBytes(StandardCharsets.UTF_8);
		boolean verified = false;
		Set<String> seen = new HashSet<>();
		for (String line : lines) {
			if (!line.startsWith(SIGNATURE_PREFIX)) {
				throw new NoteRejected("malformed note: a signature line must start with '— ': '" + line + "'");
			}
			String rest = line.substring(SIGNATURE_PREFIX.length());
			int space = rest.indexOf(' ');
			if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
				throw new NoteRejected("malformed note: a signature line is '— <name> <signature>': '" + line + "'");
			}
			String name = rest.substring(0, space);
			byte[] blob;
			try {
				blob = Base64.getDecoder().decode(rest.substring(space + 1));
			}
			catch (IllegalArgumentException ex) {
				throw new NoteRejected("malformed note: the signature of " + name + " is not Base64", ex);
			}
			if (!KeyNames.isValid(name) || blob.length < 5) {
				throw new NoteRejected("malformed note: bad signature line '" + line + "'");
			}
			int hash = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
			if (!name.equals(key.name()) || hash != key.keyHash()) {
				continue;
			}
			if (!seen.add(name + "+" + hash)) {
				continue;
			}
			if (!key.verifies(message, Arrays.copyOfRange(blob, 4, blob.length))) {
				throw new NoteRejected("the signature of " + name + "+" + VerifierKey.hex(hash)
						+ " does not verify: the note was altered or signed by another key");
			}
			verified = true;
		}
		if (!verified) {
			throw new NoteRejected("the note has no signature by " + key.name() + "+" + VerifierKey.hex(key.keyHash()));
		}
		return text;
	}

	/**
	 * Checks that a text can be a note's text: non-empty, ending in a newline, no control
	 * characters other than newline, no lone surrogate.
	 * @throws NoteRejected if it cannot
	 */
	static void checkText(String text) {
		Objects.requireNonNull(text, "text");
		if (text.isEmpty() || !text.endsWith("\n")) {
			throw new NoteRejected("malformed note: the text must end in a newline");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\n') {
				throw new NoteRejected(
						"malformed note: control character U+" + String.format("%04X", (int) c) + " in the text");
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new NoteRejected("malformed note: a lone surrogate in the text");
			}
		}
	}

}
