package org.vigil.audit.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vigil.audit.checkpoint.Checkpoint;
import org.vigil.audit.checkpoint.NoteRejected;
import org.vigil.audit.checkpoint.VerifierKey;
import org.vigil.audit.export.Verification.VerifiedCheckpoint;
import org.vigil.audit.merkle.ConsistencyProof;
import org.vigil.audit.merkle.Hash;
import org.vigil.audit.merkle.InclusionProof;
import org.vigil.audit.merkle.MerkleTree;
import org.vigil.audit.merkle.TreeHash;
import org.vigil.protocol.json.UnreadableRecord;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.json.WireJson;

/**
 * Replays a whole export with nothing but the log's verifier key, and finds:
 * <ol>
 * <li>lines that cannot be read; entries whose {@code seq} is not the next number (an
 * entry removed, inserted or moved, and not renumbered); entries that are not audit
 * entries; checkpoints whose signature does not verify with the log's key;</li>
 * <li>a forked log: two validly signed checkpoints of the same size with different roots,
 * or successive checkpoints whose consistency proof in the export does not verify between
 * their signed roots;</li>
 * <li>a rewritten log: a checkpoint whose signed root is not the root the replay computes
 * over the entries' canonical bytes in export order (any entry before its size altered,
 * removed, inserted or reordered, even if renumbered), or that covers more entries than
 * the export holds;</li>
 * <li>inclusion proofs in the export that do not lead from their entry to the checkpoint
 * of their size.</li>
 * </ol>
 * Problems are reported in that order, each group in the order of the lines. Entries
 * after the last checkpoint are replayed but covered by no signature; the caller sees how
 * many from {@link Verification#entries()} and {@link Verification#latest()}.
 *
 * <p>
 * Cost: one leaf hash and amortized one node hash per entry, O(log n) per checkpoint and
 * proof; memory about 100 bytes per entry for the tree and the entries' bytes.
 */
public final class LedgerVerifier {

	private final VerifierKey logKey;

	public LedgerVerifier(VerifierKey logKey) {
		this.logKey = Objects.requireNonNull(logKey, "logKey");
	}

	/** Replays the export read from {@code in}, line by line. */
	public Verification verify(BufferedReader in) {
		List<String> lines = new ArrayList<>();
		try {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lines.add(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return verify(lines);
	}

	/** Replays the export's lines, without their newlines. */
	public Verification verify(List<String> lines) {
		List<Problem> lineProblems = new ArrayList<>();
		List<byte[]> entries = new ArrayList<>();
		MerkleTree tree = MerkleTree.inMemory();
		List<VerifiedCheckpoint> checkpoints = new ArrayList<>();
		List<ExportLine.Consistency> consistencies = new ArrayList<>();
		List<ExportLine.Inclusion> inclusions = new ArrayList<>();
		long expectedSeq = 0;
		for (int i = 0; i < lines.size(); i++) {
			int number = i + 1;
			if (lines.get(i).isBlank()) {
				continue;
			}
			ExportLine line;
			try {
				line = ExportLine.parse(number, lines.get(i));
			}
			catch (MalformedExport ex) {
				lineProblems.add(new Problem(number, ex.getMessage().substring(("line " + number + ": ").length())));
				continue;
			}
			if (line instanceof ExportLine.Entry entry) {
				if (entry.seq() != expectedSeq) {
					lineProblems.add(new Problem(number, "entry seq " + entry.seq() + " where seq " + expectedSeq
							+ " was expected: an entry was removed, inserted or moved here"));
				}
				// Resynchronize, so that one removal is one problem; the replay itself
				// goes
				// by position, and the roots catch what the numbers hide.
				expectedSeq = entry.seq() + 1;
				checkAuditEntry(entry, lineProblems);
				entries.add(entry.canonical());
				tree.appendEntry(entry.canonical());
			}
			else if (line instanceof ExportLine.SignedCheckpoint signed) {
				try {
					checkpoints.add(
							new VerifiedCheckpoint(number, Checkpoint.open(signed.note(), this.logKey), signed.note()));
				}
				catch (NoteRejected ex) {
					lineProblems.add(new Problem(number, "checkpoint rejected: " + ex.getMessage()));
				}
			}
			else if (line instanceof ExportLine.Consistency consistency) {
				consistencies.add(consistency);
			}
			else if (line instanceof ExportLine.Inclusion inclusion) {
				inclusions.add(inclusion);
			}
		}
		List<Problem> problems = new ArrayList<>(lineProblems);
		if (checkpoints.isEmpty()) {
			problems.add(new Problem(0, "the export holds no validly signed checkpoint: nothing in it is signed"));
		}
		problems.addAll(forks(checkpoints, consistencies));
		problems.addAll(rewrites(checkpoints, tree));
		problems.addAll(inclusions(inclusions, checkpoints, entries));
		return new Verification(entries, tree, checkpoints, problems);
	}

	private static void checkAuditEntry(ExportLine.Entry entry, List<Problem> problems) {
		try {
			WireJson.read(entry.canonical(), AuditEntry.class);
		}
		catch (UnreadableRecord ex) {
			problems.add(new Problem(entry.line(), "entry seq " + entry.seq() + " is not an audit entry"));
		}
	}

	private static List<Problem> forks(List<VerifiedCheckpoint> checkpoints,
			List<ExportLine.Consistency> consistencies) {
		List<Problem> problems = new ArrayList<>();
		Map<String, ExportLine.Consistency> bySizes = new HashMap<>();
		consistencies.forEach((c) -> bySizes.put(c.proof().fromSize() + "-" + c.proof().toSize(), c));
		List<VerifiedCheckpoint> bySize = new ArrayList<>(checkpoints);
		bySize.sort(Comparator.comparingLong((VerifiedCheckpoint c) -> c.checkpoint().size())
			.thenComparingInt(VerifiedCheckpoint::line));
		for (int i = 1; i < bySize.size(); i++) {
			VerifiedCheckpoint older = bySize.get(i - 1);
			VerifiedCheckpoint newer = bySize.get(i);
			long from = older.checkpoint().size();
			long to = newer.checkpoint().size();
			Hash fromRoot = older.checkpoint().rootHash();
			Hash toRoot = newer.checkpoint().rootHash();
			if (from == to) {
				if (!fromRoot.equals(toRoot)) {
					problems.add(new Problem(newer.line(), "forked log: the checkpoints at lines " + older.line()
							+ " and " + newer.line() + " both sign size " + from + " with different roots"));
				}
				continue;
			}
			ExportLine.Consistency consistency = bySizes.remove(from + "-" + to);
			if (consistency != null && !consistency.proof().verify(fromRoot, toRoot)) {
				problems.add(new Problem(consistency.line(),
						"forked log: the checkpoint at line " + older.line() + " (size " + from
								+ ") is not consistent with the checkpoint at line " + newer.line() + " (size " + to
								+ "): the consistency proof does not verify between their signed roots"));
			}
		}
		for (ExportLine.Consistency unused : bySizes.values()) {
			problems.add(new Problem(unused.line(), "consistency proof from size " + unused.proof().fromSize()
					+ " to size " + unused.proof().toSize() + " is not between successive checkpoints of the export"));
		}
		problems.sort(Comparator.comparingInt(Problem::line));
		return problems;
	}

	private static List<Problem> rewrites(List<VerifiedCheckpoint> checkpoints, MerkleTree tree) {
		List<Problem> problems = new ArrayList<>();
		long lastGood = 0;
		List<VerifiedCheckpoint> bySize = new ArrayList<>(checkpoints);
		bySize.sort(Comparator.comparingLong((VerifiedCheckpoint c) -> c.checkpoint().size()));
		for (VerifiedCheckpoint verified : bySize) {
			Checkpoint checkpoint = verified.checkpoint();
			if (checkpoint.size() > tree.size()) {
				problems.add(new Problem(verified.line(), "the checkpoint signs " + checkpoint.size()
						+ " entries but the export holds only " + tree.size() + ": entries were removed"));
				continue;
			}
			Hash replayed = tree.root(checkpoint.size());
			if (!replayed.equals(checkpoint.rootHash())) {
				problems.add(new Problem(verified.line(),
						"the checkpoint of size " + checkpoint.size() + " signs root " + checkpoint.rootHash().base64()
								+ " but the entries give " + replayed.base64() + ": an entry with seq in [" + lastGood
								+ ", " + checkpoint.size() + ") was altered, removed, inserted or reordered"));
			}
			else {
				lastGood = checkpoint.size();
			}
		}
		problems.sort(Comparator.comparingInt(Problem::line));
		return problems;
	}

	private static List<Problem> inclusions(List<ExportLine.Inclusion> inclusions, List<VerifiedCheckpoint> checkpoints,
			List<byte[]> entries) {
		List<Problem> problems = new ArrayList<>();
		for (ExportLine.Inclusion inclusion : inclusions) {
			InclusionProof proof = inclusion.proof();
			VerifiedCheckpoint checkpoint = checkpoints.stream()
				.filter((c) -> c.checkpoint().size() == proof.treeSize())
				.findFirst()
				.orElse(null);
			if (checkpoint == null) {
				problems.add(new Problem(inclusion.line(), "inclusion proof of seq " + proof.index() + " is for size "
						+ proof.treeSize() + ", of which the export has no signed checkpoint"));
			}
			else if (proof.index() >= entries.size()) {
				problems.add(new Problem(inclusion.line(),
						"inclusion proof of seq " + proof.index() + ", which the export does not hold"));
			}
			else if (!proof.verify(TreeHash.leaf(entries.get((int) proof.index())),
					checkpoint.checkpoint().rootHash())) {
				problems.add(new Problem(inclusion.line(), "inclusion proof of seq " + proof.index()
						+ " does not lead to the root of the checkpoint at line " + checkpoint.line()));
			}
		}
		return problems;
	}

}
