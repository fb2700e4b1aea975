package org.vigil.audit.export;

import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.audit.checkpoint.NoteRejected;
import org.vigil.audit.checkpoint.NoteSigner;
import org.vigil.audit.ledger.Ledger;
import org.vigil.audit.merkle.InMemoryTreeStore;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.canonical.CanonicalJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LedgerVerifierTest {

	private static final String ORIGIN = "vigil.example.org/audit";

	private static final NoteSigner LOG_KEY = NoteSigner.generate(ORIGIN, new SecureRandom());

	/** Checkpoints after these many entries; the export holds 15 entries. */
	private static final List<Integer> CHECKPOINTS = List.of(4, 9, 15);

	private final LedgerVerifier verifier = new LedgerVerifier(LOG_KEY.verifierKey());

	@Test
	void anExportAsTheLedgerWritesItVerifies() {
		Verification verification = this.verifier.verify(export(entries(15), LOG_KEY));
		assertThat(verification.problems()).isEmpty();
		assertThat(verification.entries()).isEqualTo(15);
		assertThat(verification.checkpoints()).hasSize(3);
		assertThat(verification.latest().orElseThrow().checkpoint().size()).isEqualTo(15);
	}

	@Test
	void detectsAnAlteredEntry() {
		for (int seq : List.of(0, 3, 4, 14)) {
			List<String> lines = export(entries(15), LOG_KEY);
			int index = lineOfSeq(lines, seq);
			lines.set(index, lines.get(index).replace("\"outcome\":\"ACCEPTED\"", "\"outcome\":\"REJECTED\""));
			Verification verification = this.verifier.verify(lines);
			assertThat(verification.ok()).as("seq %d altered", seq).isFalse();
			assertThat(verification.problems().get(0).message()).contains("signs root")
				.contains("was altered, removed, inserted or reordered");
		}
	}

	@Test
	void detectsADeletedEntryEvenWhenTheRestIsRenumbered() {
		List<String> lines = export(entries(15), LOG_KEY);
		lines.remove(lineOfSeq(lines, 6));
		Verification verification = this.verifier.verify(lines);
		assertThat(verification.problems().get(0).message()).contains("entry seq 7 where seq 6 was expected");
		assertThat(verification.problems())
			.anySatisfy((problem) -> assertThat(problem.message()).contains("an entry with seq in [4, 9) was altered"));

		List<String> renumbered = renumber(lines);
		Verification hidden = this.verifier.verify(renumbered);
		assertThat(hidden.ok()).isFalse();
		assertThat(hidden.problems().get(0).message()).contains("checkpoint of size 9")
			.contains("an entry with seq in [4, 9)");
	}

	@Test
	void detectsAnInsertedEntry() {
		List<String> lines = export(entries(15), LOG_KEY);
		int index = lineOfSeq(lines, 10);
		lines.add(index, entryLine(10, entry(99)));
		Verification verification = this.verifier.verify(renumber(lines));
		assertThat(verification.problems()).extracting(Problem::message)
			.anySatisfy((message) -> assertThat(message).contains("checkpoint of size 15"));
		assertThat(this.verifier.verify(lines).problems().get(0).message())
			.contains("entry seq 10 where seq 11 was expected");
	}

	@Test
	void detectsReorderedEntries() {
		List<String> lines = export(entries(15), LOG_KEY);
		int a = lineOfSeq(lines, 1);
		int b = lineOfSeq(lines, 2);
		Collections.swap(lines, a, b);
		assertThat(this.verifier.verify(lines).problems().get(0).message())
			.contains("entry seq 2 where seq 1 was expected");
		Verification renumbered = this.verifier.verify(renumber(lines));
		assertThat(renumbered.problems().get(0).message()).contains("checkpoint of size 4")
			.contains("an entry with seq in [0, 4)");
	}

	/**
	 * Not a sample: each entry of the export in turn is altered, deleted, preceded by an
	 * inserted entry, or swapped with the next one, and the forger renumbers the rest so
	 * that the seq numbers give nothing away. The replay catches every one.
	 */
	@Test
	void detectsEveryKindOfTamperingAtEveryPositionEvenRenumbered() {
		int count = 15;
		for (int seq = 0; seq < count; seq++) {
			List<String> altered = export(entries(count), LOG_KEY);
			int index = lineOfSeq(altered, seq);
			altered.set(index, altered.get(index).replace("\"actor\":\"de.mueller\"", "\"actor\":\"de.schmidt\""));
			assertThat(this.verifier.verify(altered).ok()).as("seq %d altered", seq).isFalse();

			List<String> deleted = export(entries(count), LOG_KEY);
			deleted.remove(lineOfSeq(deleted, seq));
			assertThat(this.verifier.verify(renumber(deleted)).ok()).as("seq %d deleted", seq).isFalse();

			List<String> inserted = export(entries(count), LOG_KEY);
			inserted.add(lineOfSeq(inserted, seq), entryLine(seq, entry(100 + seq)));
			assertThat(this.verifier.verify(renumber(inserted)).ok()).as("entry inserted before seq %d", seq).isFalse();

			if (seq + 1 < count) {
				List<String> swapped = export(entries(count), LOG_KEY);
				Collections.swap(swapped, lineOfSeq(swapped, seq), lineOfSeq(swapped, seq + 1));
				assertThat(this.verifier.verify(renumber(swapped)).ok()).as("seq %d and %d swapped", seq, seq + 1)
					.isFalse();
			}
		}
	}

	@Test
	void detectsEntriesRemovedAtTheEnd() {
		List<String> lines = export(entries(15), LOG_KEY);
		lines.remove(lineOfSeq(lines, 14));
		assertThat(this.verifier.verify(lines).problems()).extracting(Problem::message)
			.anySatisfy((message) -> assertThat(message)
				.contains("signs 15 entries but the export holds only 14: entries were removed"));
	}

	@Test
	void detectsAForkedLogSignedByTheLogsOwnKey() {
		List<byte[]> entries = entries(15);
		List<byte[]> forked = new ArrayList<>(entries);
		forked.set(2, entry(42));
		// The log signed a checkpoint of size 9 over another history, and gave it out.
		Ledger other = ledgerOf(forked.subList(0, 9));
		String forkedCheckpoint = other.signCheckpoint(LOG_KEY);
		List<String> lines = export(entries, LOG_KEY);
		lines.set(lines.indexOf(checkpointLine(ledgerOf(entries.subList(0, 9)).signCheckpoint(LOG_KEY))),
				checkpointLine(forkedCheckpoint));
		Verification verification = this.verifier.verify(lines);
		assertThat(verification.problems()).extracting(Problem::message)
			.anySatisfy((message) -> assertThat(message).startsWith("forked log")
				.contains("(size 4) is not consistent with the checkpoint at line"));
	}

	@Test
	void detectsTwoSignedCheckpointsOfOneSizeWithDifferentRoots() {
		List<byte[]> entries = entries(15);
		List<byte[]> forked = new ArrayList<>(entries);
		forked.set(14, entry(42));
		List<String> lines = export(entries, LOG_KEY);
		lines.add(checkpointLine(ledgerOf(forked).signCheckpoint(LOG_KEY)));
		assertThat(this.verifier.verify(lines).problems().get(0).message())
			.contains("forked log: the checkpoints at lines")
			.contains("both sign size 15 with different roots");
	}

	@Test
	void detectsACheckpointNotSignedByTheLogKey() {
		NoteSigner impostor = NoteSigner.generate(ORIGIN, new SecureRandom());
		List<String> lines = export(entries(15), LOG_KEY);
		lines.add(checkpointLine(ledgerOf(entries(16)).signCheckpoint(impostor)));
		Verification verification = this.verifier.verify(lines);
		assertThat(verification.problems().get(0).toString())
			.isEqualTo("line " + lines.size() + ": checkpoint rejected: the note has no signature by " + ORIGIN + "+"
					+ LOG_KEY.verifierKey().encoded().split("\\+")[1]);
		assertThat(this.verifier.verify(export(entries(15), impostor)).problems()).extracting(Problem::message)
			.contains("the export holds no validly signed checkpoint: nothing in it is signed");
	}

	@Test
	void anInclusionProofOfOneEntryVerifiesAlone() {
		List<byte[]> entries = entries(15);
		Ledger ledger = ledgerOf(entries.subList(0, 9));
		String checkpoint = ledger.signCheckpoint(LOG_KEY);
		EntryProof proof = new EntryProof(entries.get(6), ledger.inclusion(6, 9), checkpoint);
		assertThat(proof.verify(LOG_KEY.verifierKey()).size()).isEqualTo(9);
		assertThatExceptionOfType(NoteRejected.class).isThrownBy(
				() -> new EntryProof(entries.get(5), ledger.inclusion(6, 9), checkpoint).verify(LOG_KEY.verifierKey()))
			.withMessageContaining("does not lead to the checkpoint's root");
		assertThatExceptionOfType(NoteRejected.class).isThrownBy(
				() -> new EntryProof(entries.get(6), ledger.inclusion(6, 8), checkpoint).verify(LOG_KEY.verifierKey()));
	}

	@Test
	void checksInclusionLinesOfTheExport() {
		List<byte[]> entries = entries(15);
		Ledger ledger = ledgerOf(entries);
		List<String> lines = export(entries, LOG_KEY);
		StringWriter out = new StringWriter();
		new ExportWriter(out).inclusion(ledger.inclusion(6, 15));
		new ExportWriter(out).inclusion(ledger.inclusion(7, 15));
		String[] inclusions = out.toString().split("\n");
		lines.add(inclusions[0]);
		assertThat(this.verifier.verify(lines).ok()).isTrue();
		lines.add(inclusions[1].replace("\"seq\":7", "\"seq\":6"));
		assertThat(this.verifier.verify(lines).problems()).singleElement()
			.extracting(Problem::message)
			.asString()
			.contains("inclusion proof of seq 6 does not lead to the root");
	}

	@Test
	void reportsUnreadableLinesAndAnExportWithoutCheckpoints() {
		List<String> lines = new ArrayList<>(
				List.of(entryLine(0, entry(0)), "{\"type\":\"entry\",\"seq\":1}", "not json"));
		assertThat(this.verifier.verify(lines).problems()).extracting(Problem::toString)
			.containsExactly("line 2: \"entry\" is not a JSON object", "line 3: not JSON: " + notJsonMessage(),
					"the export holds no validly signed checkpoint: nothing in it is signed");
	}

	private static String notJsonMessage() {
		try {
			org.vigil.protocol.json.WireJson.mapper().readTree("not json");
			return "";
		}
		catch (tools.jackson.core.JacksonException ex) {
			return ex.getOriginalMessage();
		}
	}

	/** The export the ledger's owner would write: checkpoints and consistency proofs. */
	static List<String> export(List<byte[]> entries, NoteSigner key) {
		StringWriter out = new StringWriter();
		ExportWriter writer = new ExportWriter(out);
		Ledger ledger = new Ledger(ORIGIN, new InMemoryTreeStore());
		long previous = 0;
		for (byte[] entry : entries) {
			long seq = ledger.append(entry);
			writer.entry(seq, entry);
			if (CHECKPOINTS.contains((int) ledger.size())) {
				writer.checkpoint(ledger.signCheckpoint(key));
				if (previous > 0) {
					writer.consistency(ledger.consistency(previous, ledger.size()));
				}
				previous = ledger.size();
			}
		}
		return new ArrayList<>(List.of(out.toString().split("\n")));
	}

	static Ledger ledgerOf(List<byte[]> entries) {
		Ledger ledger = new Ledger(ORIGIN, new InMemoryTreeStore());
		entries.forEach(ledger::append);
		return ledger;
	}

	static List<byte[]> entries(int count) {
		List<byte[]> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(entry(i));
		}
		return entries;
	}

	static byte[] entry(int i) {
		return CanonicalJson
			.canonicalize(new AuditEntry(Instant.parse("2026-11-22T03:00:00Z").plusSeconds(i), "de.mueller",
					(i % 2 == 0) ? "ACKNOWLEDGE" : "VIEW_REQUEST", "req-" + i, "ACCEPTED", "", "corr-" + i, null));
	}

	private static String entryLine(long seq, byte[] entry) {
		StringWriter out = new StringWriter();
		new ExportWriter(out).entry(seq, entry);
		return out.toString().strip();
	}

	private static String checkpointLine(String note) {
		StringWriter out = new StringWriter();
		new ExportWriter(out).checkpoint(note);
		return out.toString().strip();
	}

	private static int lineOfSeq(List<String> lines, int seq) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("{\"type\":\"entry\",\"seq\":" + seq + ",")) {
				return i;
			}
		}
		throw new IllegalArgumentException("no seq " + seq);
	}

	/**
	 * The same lines with the entries numbered 0, 1, 2… again, as a careful forger would.
	 */
	private static List<String> renumber(List<String> lines) {
		List<String> renumbered = new ArrayList<>();
		int seq = 0;
		for (String line : lines) {
			if (line.startsWith("{\"type\":\"entry\"")) {
				renumbered.add(line.replaceFirst("\"seq\":\\d+,", "\"seq\":" + seq++ + ","));
			}
			else {
				renumbered.add(line);
			}
		}
		return renumbered;
	}

}
