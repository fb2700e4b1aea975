package org.vigil.cli;

/** The usage texts of the {@code vigil} command. */
final class Usage {

	static final String PKI_INIT = """
			Usage: vigil pki init --out DIR [--parties FR,DE,...] [--password-file F] [--force]

			Generates the dev PKI of the network (CA, CRL, the network's signing key, and for
			each contact point a signing and a TLS client key) and writes it to DIR.
			  --out DIR            the folder to write (made if missing)
			  --parties LIST       comma-separated ISO 3166-1 alpha-2 codes (default FR,DE,NL,US,JP)
			  --password-file F    the PKCS#12 password is the first line of F; else $VIGIL_PKI_PASSWORD;
			                       else the dev default 'vigil-dev-pki' (with a warning)
			  --force              replace an existing PKI in DIR (its files are removed first)
			""";

	static final String PKI_ISSUE = """
			Usage: vigil pki issue --pki DIR --party FR [--password-file F]

			Issues new signing and TLS client credentials to a contact point (a new Party, or a
			rotation) and writes them to DIR/parties/FR. Old certificates stay valid until revoked.
			Prints the entries to register in the Party's directory entry ("certificates").
			  --pki DIR            the PKI, as pki init wrote it (its CA signs the new certificates)
			  --party CODE         the contact point's ISO 3166-1 alpha-2 code
			  --password-file F    as for pki init ($VIGIL_PKI_PASSWORD, else the dev default)
			""";

	static final String PKI_REVOKE = """
			Usage: vigil pki revoke --pki DIR (--party FR [--use signing|tls-client|both] | --serial HEX) [--password-file F]

			Puts certificates on the network's CRL and writes DIR/crl.pem (atomically: a gateway
			re-reads it when it changes and refuses them from its next request).
			  --party CODE         revoke this contact point's current certificates
			  --use USE            which of them: signing, tls-client or both (default both)
			  --serial HEX         revoke one serial number instead (as pki issue printed it)
			  --password-file F    as for pki init ($VIGIL_PKI_PASSWORD, else the dev default)
			""";

	static final String PKI_CRL = """
			Usage: vigil pki crl --pki DIR [--password-file F]

			Issues a fresh CRL with the same revocations and writes DIR/crl.pem. A CRL is valid for
			7 days; signatures are refused once it is out of date, so issue one at least weekly.
			  --password-file F    as for pki init ($VIGIL_PKI_PASSWORD, else the dev default)
			""";

	static final String PKI = PKI_INIT + "\n" + PKI_ISSUE + "\n" + PKI_REVOKE + "\n" + PKI_CRL;

	static final String SIGN = """
			Usage: vigil sign --key DIR/parties/FR/signing.p12 [--password-file F] --in request.json --out request.p7s

			Canonicalizes the JSON (RFC 8785) and signs it as CMS SignedData (DER).
			  --key FILE           a signing.p12 of the PKI
			  --password-file F    as for pki init ($VIGIL_PKI_PASSWORD, else the dev default)
			  --in FILE            the JSON document, a preservation request
			  --out FILE           where to write the signed document
			""";

	static final String VERIFY = """
			Usage: vigil verify request.p7s (--ca ca.pem --crl crl.pem | --pki DIR) [--at INSTANT]
			       vigil verify receipt.p7s --request request.p7s (--ca ca.pem --crl crl.pem | --pki DIR) [--at INSTANT]

			Verifies a signed request: signature, chain to the CA, validity, revocation, a
			canonical preservation request from the signer's contact point. Prints the signer,
			signing time, digest and content.
			With --request, verifies a receipt instead: as above, signed by the network, canonical
			JSON of a receipt whose request digest is that of the exact bytes of request.p7s.
			  --ca FILE            the network CA certificate (PEM or DER), the trust anchor
			  --crl FILE           the CA's CRL (PEM or DER); it must be current at the instant
			  --pki DIR            the same as --ca DIR/ca.pem --crl DIR/crl.pem
			  --at INSTANT         verify as of that instant (e.g. 2026-11-22T03:00:00Z), not now:
			                       for old documents whose CRL or certificates have since expired
			""";

	static final String DIRECTORY_VERIFY = """
			Usage: vigil directory verify export.p7s (--ca ca.pem --crl crl.pem | --pki DIR) [--at INSTANT]

			Verifies the network's signed export of the directory (GET /api/v1/directory/export):
			signature, chain to the CA, validity, revocation, signed by the network itself, and
			canonical JSON of the export format. Prints when it was exported, its Parties and the
			signer.
			  --ca FILE            the network CA certificate (PEM or DER), the trust anchor
			  --crl FILE           the CA's CRL (PEM or DER); it must be current at the instant
			  --pki DIR            the same as --ca DIR/ca.pem --crl DIR/crl.pem
			  --at INSTANT         verify as of that instant (e.g. 2026-11-22T03:00:00Z), not now
			""";

	static final String DIRECTORY_IMPORT = """
			Usage: vigil directory import export.p7s (--ca ca.pem --crl crl.pem | --pki DIR) [--at INSTANT]
			                              --out directory.json [--force]

			Verifies the export as 'vigil directory verify' does, then writes the directory it holds
			as a seed directory file, for a deployment to load with vigil.directory.seed. Nothing is
			written if the export does not verify.
			  --ca, --crl, --pki, --at   as for 'vigil directory verify'
			  --out FILE           where to write the seed directory (JSON)
			  --force              replace FILE if it exists
			""";

	static final String DIRECTORY = DIRECTORY_VERIFY + "\n" + DIRECTORY_IMPORT;

	static final String AUDIT_KEYGEN = """
			Usage: vigil audit keygen --out DIR [--name NAME] [--force]

			Generates the audit log's Ed25519 key, apart from the PKI's keys: DIR/log.key, the
			private key (PKCS#8 PEM, mode 600, for the ledger that signs checkpoints), and
			DIR/log.pub, its verifier key <name>+<hash>+<key> (C2SP signed-note), for auditors.
			  --out DIR            where to write log.key and log.pub
			  --name NAME          the log's name, the origin of its checkpoints (default vigil/audit);
			                       no spaces or '+', e.g. audit.vigil.example.org
			  --force              replace an existing log key
			""";

	static final String AUDIT_VERIFY = """
			Usage: vigil audit verify export.jsonl --log-key log.pub

			Replays an export of the audit log: recomputes the RFC 9162 root over the entries,
			checks every checkpoint's signature with the log key and its root against the entries,
			the consistency of successive checkpoints (a forked log), and the inclusion proofs.
			Prints entries, checkpoints and the latest root; else the first problem (exit 1).
			  --log-key FILE       the log's verifier key (log.pub)
			""";

	static final String AUDIT_PROVE = """
			Usage: vigil audit prove --export export.jsonl (--seq N | --entry ID) --log-key log.pub

			Verifies the export as 'vigil audit verify' does, then proves that entry N (or the
			entry with id ID) is in the latest checkpoint: prints the entry, its leaf hash, the
			checkpoint and the inclusion proof (also as an export line), checked as an auditor
			holding only that proof would.
			  --export FILE        the export (JSON Lines)
			  --seq N              the entry's sequence number
			  --entry ID           or the entry's id, as a receipt names it (submit:…, event:…)
			  --log-key FILE       the log's verifier key (log.pub)
			""";

	static final String AUDIT = AUDIT_KEYGEN + "\n" + AUDIT_VERIFY + "\n" + AUDIT_PROVE;

	static final String MAIN = """
			Usage: vigil <command> [options]

			Commands:
			  vigil pki init --out DIR [--parties FR,DE,...] [--password-file F] [--force]
			  vigil pki issue --pki DIR --party FR [--password-file F]
			  vigil pki revoke --pki DIR (--party FR [--use signing|tls-client|both] | --serial HEX)
			  vigil pki crl --pki DIR [--password-file F]
			  vigil sign --key signing.p12 [--password-file F] --in request.json --out request.p7s
			  vigil verify request.p7s (--ca ca.pem --crl crl.pem | --pki DIR) [--at INSTANT]
			  vigil verify receipt.p7s --request request.p7s (--ca ca.pem --crl crl.pem | --pki DIR) [--at INSTANT]
			  vigil directory verify export.p7s (--ca ca.pem --crl crl.pem | --pki DIR) [--at INSTANT]
			  vigil directory import export.p7s (--ca ca.pem --crl crl.pem | --pki DIR) --out directory.json [--force]
			  vigil audit keygen --out DIR [--name NAME] [--force]
			  vigil audit verify export.jsonl --log-key log.pub
			  vigil audit prove --export export.jsonl (--seq N | --entry ID) --log-key log.pub
			  vigil help [command]

			Exit status: 0 success, 1 verification or other failure (one line on stderr saying
			what failed), 2 usage error. 'vigil help <command>' or '<command> --help' for details.
			""";

	private Usage() {
	}

	static String of(String command) {
		return switch (command) {
			case "pki" -> PKI;
			case "pki init" -> PKI_INIT;
			case "pki issue" -> PKI_ISSUE;
			case "pki revoke" -> PKI_REVOKE;
			case "pki crl" -> PKI_CRL;
			case "sign" -> SIGN;
			case "verify" -> VERIFY;
			case "directory" -> DIRECTORY;
			case "directory verify" -> DIRECTORY_VERIFY;
			case "directory import" -> DIRECTORY_IMPORT;
			case "audit" -> AUDIT;
			case "audit keygen" -> AUDIT_KEYGEN;
			case "audit verify" -> AUDIT_VERIFY;
			case "audit prove" -> AUDIT_PROVE;
			default -> null;
		};
	}

}
