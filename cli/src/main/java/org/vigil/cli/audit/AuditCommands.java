package org.vigil.cli.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.checkpoint.NoteRejected;
import org.vigil.audit.checkpoint.NoteSigner;
import org.vigil.audit.checkpoint.VerifierKey;
import org.vigil.audit.export.EntryProof;
import org.vigil.audit.export.ExportWriter;
import org.vigil.audit.export.LedgerVerifier;
import org.vigil.audit.export.Verification;
import org.vigil.audit.export.Verification.VerifiedCheckpoint;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.audit.merkle.TreeHash;
import org.vigil.cli.Failure;
import org.vigil.cli.Io;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.json.WireJson;

/**
 * {@code vigil audit keygen}, {@code verify} and {@code prove}. Prints to the injected
 * stream and throws {@link Failure} (exit 1) rather than exiting.
 */
public final class AuditCommands {

	/** The log key's file names in the directory of {@code keygen}. */
	public static final String PRIVATE_KEY = "log.key";

	public static final String VERIFIER_KEY = "log.pub";

	private final PrintStream out;

	public AuditCommands(PrintStream out) {
		this.out = Objects.requireNonNull(out, "out");
	}

	/**
	 * Generates the log key: {@code dir/log.key} (PKCS#8 PEM, mode 600) and
	 * {@code dir/log.pub} (the verifier key line).
	 */
	public void keygen(Path dir, String name, boolean force) {
		NoteSigner key;
		try {
			key = NoteSigner.generate(name, new SecureRandom());
		}
		catch (NoteRejected ex) {
			throw new Failure(ex.getMessage());
		}
		Path privateKey = dir.resolve(PRIVATE_KEY);
		Path verifierKey = dir.resolve(VERIFIER_KEY);
		try {
			Files.createDirectories(dir);
			if (!force && (Files.exists(privateKey) || Files.exists(verifierKey))) {
				throw new Failure(dir + " already holds a log key (" + PRIVATE_KEY + " or " + VERIFIER_KEY
						+ "); --force replaces it");
			}
			Files.deleteIfExists(privateKey);
			writePrivate(privateKey, key.toPem());
			Files.writeString(verifierKey, key.verifierKey().encoded() + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new Failure("cannot write the log key to " + dir + ": " + Io.describe(ex), ex);
		}
		this.out.println("wrote " + privateKey + " (the log's private key: keep it secret, mode 600)");
		this.out.println("wrote " + verifierKey + " (the log's verifier key: give it to auditors)");
		this.out.println(key.verifierKey().encoded());
	}

	private static void writePrivate(Path file, String pem) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the file gets the platform's default access.
			Files.createFile(file);
		}
		Files.writeString(file, pem, StandardCharsets.UTF_8);
	}

	/** Replays an export; prints a summary, or fails with the first problem. */
	public Verification verify(Path export, Path logKey) {
		VerifierKey key = readKey(logKey);
		Verification verification = replay(export, key);
		VerifiedCheckpoint latest = verification.latest().orElseThrow();
		this.out.println("OK: " + export + " is a consistent audit log of " + key.name());
		this.out.println("entries:      " + verification.entries()
				+ ((verification.entries() > 0) ? " (seq 0 to " + (verification.entries() - 1) + ")" : ""));
		this.out.println("checkpoints:  " + verification.checkpoints().size() + " (sizes "
				+ verification.checkpoints()
					.stream()
					.map((c) -> Long.toString(c.checkpoint().size()))
					.collect(Collectors.joining(", "))
				+ "), signed by " + key.name() + ", consistent with each other");
		this.out.println("latest root:  " + latest.checkpoint().rootHash().base64() + " (size "
				+ latest.checkpoint().size() + ", line " + latest.line() + ")");
		long uncovered = verification.entries() - latest.checkpoint().size();
		if (uncovered > 0) {
			this.out.println("not yet signed: " + uncovered + " entries after the latest checkpoint");
		}
		return verification;
	}

	/**
	 * Proves entry {@code seq} of an export in its latest checkpoint; prints the proof.
	 */
	public void prove(Path export, long seq, Path logKey) {
		VerifierKey key = readKey(logKey);
		Verification verification = replay(export, key);
		VerifiedCheckpoint latest = verification.latest().orElseThrow();
		long size = latest.checkpoint().size();
		if (seq < 0 || seq >= size) {
			throw new Failure("seq " + seq + " is not covered by the latest checkpoint (size " + size + ", line "
					+ latest.line() + ")");
		}
		byte[] entry = verification.entry(seq);
		InclusionProof proof = verification.inclusion(seq, size);
		Checkpoint checkpoint;
		try {
			// Checked as an auditor holding only this proof would: entry, path, signed
			// note.
			checkpoint = new EntryProof(entry, proof, latest.note()).verify(key);
		}
		catch (NoteRejected ex) {
			throw new Failure("the inclusion of seq " + seq + " does not verify: " + ex.getMessage(), ex);
		}
		Hash leaf = TreeHash.leaf(entry);
		this.out.println(
				"OK: entry seq " + seq + " is in the log " + key.name() + " at checkpoint size " + checkpoint.size());
		this.out.println("entry:        " + new String(entry, StandardCharsets.UTF_8));
		this.out.println("leaf hash:    " + leaf.base64());
		this.out.println("checkpoint:   size " + checkpoint.size() + ", root " + checkpoint.rootHash().base64()
				+ " (line " + latest.line() + ")");
		this.out.println("proof:        " + proof.path().size() + " hashes, leaf to root");
		proof.path().forEach((hash) -> this.out.println("  " + hash.base64()));
		StringWriter line = new StringWriter();
		new ExportWriter(line).inclusion(proof);
		this.out.print(line);
	}

	/**
	 * Proves the entry with id {@code id} (the id a receipt names) as {@link #prove}
	 * does.
	 */
	public void proveEntry(Path export, String id, Path logKey) {
		Verification verification = replay(export, readKey(logKey));
		long seq = -1;
		for (long candidate = 0; candidate < verification.entries() && seq < 0; candidate++) {
			AuditEntry entry = WireJson.read(verification.entry(candidate), AuditEntry.class);
			if (id.equals(entry.id())) {
				seq = candidate;
			}
		}
		if (seq < 0) {
			throw new Failure(export + " holds no entry with the id " + id
					+ " (an export made before the entry reached a checkpoint does not)");
		}
		this.out.println("entry " + id + " is seq " + seq);
		prove(export, seq, logKey);
	}

	private static VerifierKey readKey(Path file) {
		String text = new String(Io.read(file), StandardCharsets.UTF_8);
		List<String> lines = text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		if (lines.size() != 1) {
			throw new Failure(file + " is not a verifier key file (one line <name>+<hash>+<key>)");
		}
		try {
			return VerifierKey.parse(lines.get(0));
		}
		catch (NoteRejected ex) {
			throw new Failure(file + ": " + ex.getMessage(), ex);
		}
	}

	private static Verification replay(Path export, VerifierKey key) {
		String text = new String(Io.read(export), StandardCharsets.UTF_8);
		Verification verification = new LedgerVerifier(key).verify(new BufferedReader(new StringReader(text)));
		if (!verification.ok()) {
			int count = verification.problems().size();
			throw new Failure(export + ": " + verification.problems().get(0)
					+ ((count > 1) ? " (and " + (count - 1) + " more problems)" : ""));
		}
		return verification;
	}

}
