package org.vigil.cli.audit;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vigil.audit.checkpoint.NoteSigner;
import org.vigil.audit.checkpoint.VerifierKey;
import org.vigil.audit.export.ExportWriter;
import org.vigil.audit.ledger.Ledger;
import org.vigil.audit.merkle.InMemoryTreeStore;
import org.vigil.cli.Vigil;
import org.vigil.cli.VigilRunner;
import org.vigil.cli.VigilRunner.Result;
import org.vigil.protocol.audit.AuditEntry;
import org.vigil.protocol.canonical.CanonicalJson;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandsTest {

	final VigilRunner vigil = new VigilRunner();

	@TempDir
	Path dir;

	Path keys;

	NoteSigner logKey;

	@BeforeEach
	void generateTheLogKey() throws Exception {
		this.keys = this.dir.resolve("keys");
		Result keygen = this.vigil.run("audit", "keygen", "--out", this.keys.toString(), "--name",
				"audit.vigil.example.org");
		assertThat(keygen.status()).as(keygen.err()).isEqualTo(Vigil.OK);
		String vkey = Files.readString(this.keys.resolve("log.pub")).strip();
		this.logKey = NoteSigner.fromPem("audit.vigil.example.org", Files.readString(this.keys.resolve("log.key")));
		assertThat(this.logKey.verifierKey()).isEqualTo(VerifierKey.parse(vkey));
		assertThat(keygen.out()).contains(vkey);
	}

	@Test
	void keygenWritesAPrivateKeyOnlyTheOwnerReadsAndRefusesToOverwriteIt() throws Exception {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.keys.resolve("log.key"))))
			.isEqualTo("rw-------");
		assertThat(Files.readString(this.keys.resolve("log.key"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
		Result again = this.vigil.run("audit", "keygen", "--out", this.keys.toString());
		assertThat(again.status()).isEqualTo(Vigil.FAILED);
		assertThat(again.err()).contains("already holds a log key");
		Result forced = this.vigil.run("audit", "keygen", "--out", this.keys.toString(), "--force");
		assertThat(forced.status()).isEqualTo(Vigil.OK);
		assertThat(Files.readString(this.keys.resolve("log.pub"))).startsWith("vigil/audit+");
	}

	@Test
	void verifyPrintsASummaryOfAGoodExport() throws Exception {
		Path export = export(this.logKey, 12);
		Result result = this.vigil.run("audit", "verify", export.toString(), "--log-key", pub());
		assertThat(result.status()).as(result.err()).isEqualTo(Vigil.OK);
		assertThat(result.out()).contains("OK: " + export + " is a consistent audit log of audit.vigil.example.org")
			.contains("entries:      12 (seq 0 to 11)")
			.contains("checkpoints:  2 (sizes 5, 10)")
			.contains("latest root:  " + ledger(10).root(10).base64() + " (size 10")
			.contains("not yet signed: 2 entries after the latest checkpoint");
	}

	@Test
	void verifyFailsWithTheFirstProblemOfATamperedExport() throws Exception {
		Path export = export(this.logKey, 12);
		String text = Files.readString(export);
		Files.writeString(export, text.replace("\"object\":\"req-3\"", "\"object\":\"req-X\""));
		Result result = this.vigil.run("audit", "verify", export.toString(), "--log-key", pub());
		assertThat(result.status()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).startsWith("vigil: " + export + ": line ")
			.contains("the checkpoint of size 5 signs root")
			.contains("an entry with seq in [0, 5) was altered, removed, inserted or reordered");
	}

	@Test
	void verifyRefusesAnExportSignedByAnotherKey() throws Exception {
		Path export = export(NoteSigner.generate("audit.vigil.example.org", new java.security.SecureRandom()), 6);
		Result result = this.vigil.run("audit", "verify", export.toString(), "--log-key", pub());
		assertThat(result.status()).isEqualTo(Vigil.FAILED);
		assertThat(result.err()).contains("checkpoint rejected: the note has no signature by audit.vigil.example.org");
	}

	@Test
	void proveChecksAndPrintsTheInclusionOfOneEntry() throws Exception {
		Path export = export(this.logKey, 12);
		Result result = this.vigil.run("audit", "prove", "--export", export.toString(), "--seq", "3", "--log-key",
				pub());
		assertThat(result.status()).as(result.err()).isEqualTo(Vigil.OK);
		assertThat(result.out()).contains("OK: entry seq 3 is in the log audit.vigil.example.org at checkpoint size 10")
			.contains("\"object\":\"req-3\"")
			.contains("{\"type\":\"inclusion\",\"seq\":3,\"size\":10,\"proof\":[");
		Result uncovered = this.vigil.run("audit", "prove", "--export", export.toString(), "--seq", "11", "--log-key",
				pub());
		assertThat(uncovered.status()).isEqualTo(Vigil.FAILED);
		assertThat(uncovered.err()).contains("seq 11 is not covered by the latest checkpoint (size 10");
		Result bad = this.vigil.run("audit", "prove", "--export", export.toString(), "--seq", "x", "--log-key", pub());
		assertThat(bad.status()).isEqualTo(Vigil.USAGE);
	}

	@Test
	void proveFindsTheEntryThatAReceiptNamesByItsId() throws Exception {
		Path export = export(this.logKey, 12);
		Result result = this.vigil.run("audit", "prove", "--export", export.toString(), "--entry", "event:req-7:1",
				"--log-key", pub());
		assertThat(result.status()).as(result.err()).isEqualTo(Vigil.OK);
		assertThat(result.out()).contains("entry event:req-7:1 is seq 7")
			.contains("OK: entry seq 7 is in the log audit.vigil.example.org at checkpoint size 10")
			.contains("\"at\":\"2026-11-22T03:00:07Z\"");
		Result missing = this.vigil.run("audit", "prove", "--export", export.toString(), "--entry", "event:req-99:1",
				"--log-key", pub());
		assertThat(missing.status()).isEqualTo(Vigil.FAILED);
		assertThat(missing.err()).contains("holds no entry with the id event:req-99:1");
		Result both = this.vigil.run("audit", "prove", "--export", export.toString(), "--entry", "event:req-7:1",
				"--seq", "7", "--log-key", pub());
		assertThat(both.status()).isEqualTo(Vigil.USAGE);
	}

	private String pub() {
		return this.keys.resolve("log.pub").toString();
	}

	/**
	 * An export of {@code count} entries with checkpoints every 5, as the ledger writes.
	 */
	private Path export(NoteSigner key, int count) throws Exception {
		StringWriter out = new StringWriter();
		ExportWriter writer = new ExportWriter(out);
		Ledger ledger = new Ledger("audit.vigil.example.org", new InMemoryTreeStore());
		long previous = 0;
		for (int i = 0; i < count; i++) {
			byte[] entry = entry(i);
			writer.entry(ledger.append(entry), entry);
			if (ledger.size() % 5 == 0) {
				writer.checkpoint(ledger.signCheckpoint(key));
				if (previous > 0) {
					writer.consistency(ledger.consistency(previous, ledger.size()));
				}
				previous = ledger.size();
			}
		}
		Path file = this.dir.resolve("export.jsonl");
		Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
		return file;
	}

	private static Ledger ledger(int count) {
		Ledger ledger = new Ledger("audit.vigil.example.org", new InMemoryTreeStore());
		for (int i = 0; i < count; i++) {
			ledger.append(entry(i));
		}
		return ledger;
	}

	private static byte[] entry(int i) {
		return CanonicalJson.canonicalize(new AuditEntry(Instant.parse("2026-11-22T03:00:00Z").plusSeconds(i),
				"de.mueller", List.of("SUBMIT_REQUEST", "VIEW_REQUEST", "ACKNOWLEDGE").get(i % 3), "req-" + i,
				"ACCEPTED", "", "corr-" + i, null, "event:req-" + i + ":1", null));
	}

}
