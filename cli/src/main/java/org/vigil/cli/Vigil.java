package org.vigil.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vigil.cli.audit.AuditCommands;
import org.vigil.cli.directory.DirectoryImport;
import org.vigil.cli.pki.PkiInit;
import org.vigil.cli.pki.PkiMaintenance;
import org.vigil.cli.sign.RequestSigning;
import org.vigil.cli.verify.ReceiptVerification;
import org.vigil.cli.verify.RequestVerification;
import org.vigil.cli.verify.TrustMaterial;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.directory.DirectoryExportVerifier;

/**
 * The {@code vigil} command: parses the command line, hands over to the command's class,
 * and maps the outcome to an exit status ({@link #OK}, {@link #FAILED}, {@link #USAGE}).
 * Everything it needs from the outside (clock, streams, environment) is injected, so
 * tests run it in-process.
 */
public final class Vigil {

	/** Exit status: done, verified. */
	public static final int OK = 0;

	/** Exit status: a verification or another step failed; stderr says which. */
	public static final int FAILED = 1;

	/** Exit status: the command line is wrong; stderr shows the usage. */
	public static final int USAGE = 2;

	private static final Set<String> HELP = Set.of("help", "--help", "-h");

	/** The log key's name when {@code vigil audit keygen} is given no {@code --name}. */
	static final String AUDIT_LOG_NAME = "vigil/audit";

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	private final Map<String, String> env;

	public Vigil(Clock clock, PrintStream out, PrintStream err, Map<String, String> env) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.out = Objects.requireNonNull(out, "out");
		this.err = Objects.requireNonNull(err, "err");
		this.env = Map.copyOf(env);
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		int status = new Vigil(Clock.systemUTC(), out, err, System.getenv()).run(args);
		out.flush();
		err.flush();
		System.exit(status);
	}

	/** Runs one command line; returns the exit status. */
	public int run(String... args) {
		try {
			dispatch(List.of(args));
			return OK;
		}
		catch (UsageException ex) {
			this.err.println("vigil: " + oneLine(ex.getMessage()));
			this.err.println();
			this.err.print(ex.usage());
			return USAGE;
		}
		catch (Failure ex) {
			this.err.println("vigil: " + oneLine(ex.getMessage()));
			return FAILED;
		}
		catch (RuntimeException ex) {
			this.err.println("vigil: unexpected error: " + oneLine(ex.toString()));
			return FAILED;
		}
		finally {
			this.out.flush();
			this.err.flush();
		}
	}

	private void dispatch(List<String> args) {
		if (args.isEmpty()) {
			throw new UsageException("missing command", Usage.MAIN);
		}
		String command = args.get(0);
		List<String> rest = args.subList(1, args.size());
		if (HELP.contains(command)) {
			help(rest);
			return;
		}
		switch (command) {
			case "pki" -> pki(rest);
			case "sign" -> sign(rest);
			case "verify" -> verify(rest);
			case "directory" -> directory(rest);
			case "audit" -> audit(rest);
			default -> throw new UsageException("unknown command " + command, Usage.MAIN);
		}
	}

	private void help(List<String> topic) {
		String usage = topic.isEmpty() ? Usage.MAIN : Usage.of(String.join(" ", topic));
		if (usage == null) {
			throw new UsageException("no help on " + String.join(" ", topic), Usage.MAIN);
		}
		this.out.print(usage);
	}

	private boolean helpAsked(List<String> args, String usage) {
		if (args.contains("--help") || args.contains("-h")) {
			this.out.print(usage);
			return true;
		}
		return false;
	}

	// ------------------------------------------------------------------ pki init

	private void pki(List<String> args) {
		if (args.isEmpty()) {
			throw new UsageException("missing pki command (init, issue, revoke, crl)", Usage.PKI);
		}
		switch (args.get(0)) {
			case "init" -> pkiInit(args.subList(1, args.size()));
			case "issue", "revoke", "crl" -> pkiMaintenance(args.get(0), args.subList(1, args.size()));
			default -> {
				if (!helpAsked(args, Usage.PKI)) {
					throw new UsageException("unknown pki command " + args.get(0), Usage.PKI);
				}
			}
		}
	}

	private void pkiMaintenance(String command, List<String> rest) {
		String usage = switch (command) {
			case "issue" -> Usage.PKI_ISSUE;
			case "revoke" -> Usage.PKI_REVOKE;
			default -> Usage.PKI_CRL;
		};
		if (helpAsked(rest, usage)) {
			return;
		}
		Set<String> options = switch (command) {
			case "issue" -> Set.of("--pki", "--party", "--password-file");
			case "revoke" -> Set.of("--pki", "--party", "--use", "--serial", "--password-file");
			default -> Set.of("--pki", "--password-file");
		};
		Arguments arguments = Arguments.parse(rest, options, Set.of(), usage);
		arguments.positionals(new String[0]);
		Path root = arguments.requiredPath("--pki");
		PkiMaintenance maintenance = new PkiMaintenance(this.clock, this.out);
		switch (command) {
			case "issue" -> {
				CountryCode country = country(arguments.required("--party"), arguments);
				maintenance.issue(root, Password.resolve(arguments.path("--password-file"), this.env, this.err),
						country);
			}
			case "revoke" -> {
				Optional<String> party = arguments.option("--party");
				Optional<String> serial = arguments.option("--serial");
				if (party.isPresent() == serial.isPresent()) {
					throw arguments.usage("give either --party or --serial");
				}
				PkiMaintenance.Use use = arguments.option("--use").map((value) -> switch (value) {
					case "signing" -> PkiMaintenance.Use.SIGNING;
					case "tls-client" -> PkiMaintenance.Use.TLS_CLIENT;
					case "both" -> PkiMaintenance.Use.BOTH;
					default -> throw arguments.usage("--use is signing, tls-client or both, not " + value);
				}).orElse(PkiMaintenance.Use.BOTH);
				maintenance.revoke(root, Password.resolve(arguments.path("--password-file"), this.env, this.err),
						party.map((code) -> country(code, arguments)).orElse(null), use, serial.orElse(null));
			}
			default -> maintenance.crl(root, Password.resolve(arguments.path("--password-file"), this.env, this.err));
		}
	}

	private static CountryCode country(String code, Arguments arguments) {
		try {
			return CountryCode.of(code);
		}
		catch (IllegalArgumentException ex) {
			throw arguments.usage("'" + code + "' is not an ISO 3166-1 alpha-2 code such as FR");
		}
	}

	private void pkiInit(List<String> rest) {
		if (helpAsked(rest, Usage.PKI_INIT)) {
			return;
		}
		Arguments arguments = Arguments.parse(rest, Set.of("--out", "--parties", "--password-file"), Set.of("--force"),
				Usage.PKI_INIT);
		arguments.positionals(new String[0]);
		Path root = arguments.requiredPath("--out");
		List<CountryCode> parties = arguments.option("--parties")
			.map((list) -> parties(list, arguments))
			.orElse(PkiInit.DEFAULT_PARTIES);
		new PkiInit(this.clock, this.out).run(root, parties,
				() -> Password.resolve(arguments.path("--password-file"), this.env, this.err),
				arguments.flag("--force"));
	}

	private static List<CountryCode> parties(String list, Arguments arguments) {
		Set<CountryCode> parties = new LinkedHashSet<>();
		for (String code : Arrays.stream(list.split(",", -1)).map(String::strip).toList()) {
			try {
				parties.add(CountryCode.of(code));
			}
			catch (IllegalArgumentException ex) {
				throw arguments.usage("--parties: '" + code + "' is not an ISO 3166-1 alpha-2 code such as FR");
			}
		}
		return List.copyOf(parties);
	}

	// ------------------------------------------------------------------ sign

	private void sign(List<String> args) {
		if (helpAsked(args, Usage.SIGN)) {
			return;
		}
		Arguments arguments = Arguments.parse(args, Set.of("--key", "--password-file", "--in", "--out"), Set.of(),
				Usage.SIGN);
		arguments.positionals(new String[0]);
		Path key = arguments.requiredPath("--key");
		Path in = arguments.requiredPath("--in");
		Path outFile = arguments.requiredPath("--out");
		Password password = Password.resolve(arguments.path("--password-file"), this.env, this.err);
		new RequestSigning(this.clock, this.out, this.err).run(key, password, in, outFile);
	}

	// ------------------------------------------------------------------ verify

	private void verify(List<String> args) {
		if (helpAsked(args, Usage.VERIFY)) {
			return;
		}
		Arguments arguments = Arguments.parse(args, Set.of("--request", "--ca", "--crl", "--pki", "--at"), Set.of(),
				Usage.VERIFY);
		Path document = Path.of(arguments.positionals("the document to verify (request.p7s or receipt.p7s)").get(0));
		Optional<Path> request = arguments.path("--request");
		Optional<Instant> at = arguments.instant("--at");
		TrustMaterial trust = trust(arguments, at);
		byte[] signed = Io.read(document);
		if (request.isPresent()) {
			byte[] requestBytes = Io.read(request.get());
			ReceiptVerification.VerifiedReceipt verified = new ReceiptVerification(trust).verify(signed,
					document.toString(), requestBytes, request.get().toString());
			ReceiptVerification.print(verified, document.toString(), request.get().toString(), this.out);
		}
		else {
			RequestVerification.VerifiedRequest verified = new RequestVerification(trust).verify(signed,
					document.toString());
			RequestVerification.print(verified, document.toString(), this.out);
		}
		at.ifPresent((instant) -> this.out.println("(verified as of " + instant + ", given by --at)"));
	}

	/**
	 * The trust material of {@code --ca} and {@code --crl}, or {@code --pki}, at the
	 * instant of {@code --at} or now.
	 */
	private TrustMaterial trust(Arguments arguments, Optional<Instant> at) {
		Path ca;
		Path crl;
		Optional<Path> pki = arguments.path("--pki");
		if (pki.isPresent()) {
			if (arguments.option("--ca").isPresent() || arguments.option("--crl").isPresent()) {
				throw arguments.usage("give either --pki or --ca and --crl, not both");
			}
			ca = pki.get().resolve("ca.pem");
			crl = pki.get().resolve("crl.pem");
		}
		else {
			ca = arguments.requiredPath("--ca");
			crl = arguments.requiredPath("--crl");
		}
		Clock clock = at.map((instant) -> Clock.fixed(instant, ZoneOffset.UTC)).orElse(this.clock);
		return TrustMaterial.read(ca, crl, clock);
	}

	// ------------------------------------------------------------------ directory

	private void directory(List<String> args) {
		if (args.isEmpty()) {
			throw new UsageException("missing directory command (verify or import)", Usage.DIRECTORY);
		}
		String command = args.get(0);
		List<String> rest = args.subList(1, args.size());
		switch (command) {
			case "verify" -> directoryVerify(rest);
			case "import" -> directoryImport(rest);
			default -> {
				if (!helpAsked(args, Usage.DIRECTORY)) {
					throw new UsageException("unknown directory command " + command, Usage.DIRECTORY);
				}
			}
		}
	}

	private void directoryVerify(List<String> args) {
		if (helpAsked(args, Usage.DIRECTORY_VERIFY)) {
			return;
		}
		Arguments arguments = Arguments.parse(args, Set.of("--ca", "--crl", "--pki", "--at"), Set.of(),
				Usage.DIRECTORY_VERIFY);
		Path export = Path.of(arguments.positionals("the export to verify (export.p7s)").get(0));
		Optional<Instant> at = arguments.instant("--at");
		TrustMaterial trust = trust(arguments, at);
		DirectoryExportVerifier.Verified verified = new DirectoryImport(trust).verify(Io.read(export),
				export.toString());
		DirectoryImport.print(verified, export.toString(), this.out);
		at.ifPresent((instant) -> this.out.println("(verified as of " + instant + ", given by --at)"));
	}

	private void directoryImport(List<String> args) {
		if (helpAsked(args, Usage.DIRECTORY_IMPORT)) {
			return;
		}
		Arguments arguments = Arguments.parse(args, Set.of("--ca", "--crl", "--pki", "--at", "--out"),
				Set.of("--force"), Usage.DIRECTORY_IMPORT);
		Path export = Path.of(arguments.positionals("the export to import (export.p7s)").get(0));
		Path outFile = arguments.requiredPath("--out");
		Optional<Instant> at = arguments.instant("--at");
		TrustMaterial trust = trust(arguments, at);
		DirectoryExportVerifier.Verified verified = new DirectoryImport(trust).importTo(Io.read(export),
				export.toString(), outFile, arguments.flag("--force"));
		DirectoryImport.print(verified, export.toString(), this.out);
		at.ifPresent((instant) -> this.out.println("(verified as of " + instant + ", given by --at)"));
		this.out.println("wrote " + outFile + ": the seed directory of " + verified.export().countries().size()
				+ " Parties (load it with vigil.directory.seed=" + outFile + ")");
	}

	// ------------------------------------------------------------------ audit

	private void audit(List<String> args) {
		if (args.isEmpty()) {
			throw new UsageException("missing audit command (keygen, verify or prove)", Usage.AUDIT);
		}
		String command = args.get(0);
		List<String> rest = args.subList(1, args.size());
		switch (command) {
			case "keygen" -> auditKeygen(rest);
			case "verify" -> auditVerify(rest);
			case "prove" -> auditProve(rest);
			default -> {
				if (!helpAsked(args, Usage.AUDIT)) {
					throw new UsageException("unknown audit command " + command, Usage.AUDIT);
				}
			}
		}
	}

	private void auditKeygen(List<String> args) {
		if (helpAsked(args, Usage.AUDIT_KEYGEN)) {
			return;
		}
		Arguments arguments = Arguments.parse(args, Set.of("--out", "--name"), Set.of("--force"), Usage.AUDIT_KEYGEN);
		arguments.positionals(new String[0]);
		new AuditCommands(this.out).keygen(arguments.requiredPath("--out"),
				arguments.option("--name").orElse(AUDIT_LOG_NAME), arguments.flag("--force"));
	}

	private void auditVerify(List<String> args) {
		if (helpAsked(args, Usage.AUDIT_VERIFY)) {
			return;
		}
		Arguments arguments = Arguments.parse(args, Set.of("--log-key"), Set.of(), Usage.AUDIT_VERIFY);
		Path export = Path.of(arguments.positionals("the export to verify (export.jsonl)").get(0));
		new AuditCommands(this.out).verify(export, arguments.requiredPath("--log-key"));
	}

	private void auditProve(List<String> args) {
		if (helpAsked(args, Usage.AUDIT_PROVE)) {
			return;
		}
		Arguments arguments = Arguments.parse(args, Set.of("--export", "--seq", "--entry", "--log-key"), Set.of(),
				Usage.AUDIT_PROVE);
		arguments.positionals(new String[0]);
		Optional<String> seq = arguments.option("--seq");
		Optional<String> entry = arguments.option("--entry");
		if (seq.isPresent() == entry.isPresent()) {
			throw arguments.usage("give --seq N or --entry ID (the id a receipt names), one of them");
		}
		AuditCommands audit = new AuditCommands(this.out);
		if (entry.isPresent()) {
			audit.proveEntry(arguments.requiredPath("--export"), entry.get(), arguments.requiredPath("--log-key"));
			return;
		}
		if (!seq.get().matches("0|[1-9][0-9]{0,17}")) {
			throw arguments.usage("--seq takes a sequence number such as 42, not " + seq.get());
		}
		audit.prove(arguments.requiredPath("--export"), Long.parseLong(seq.get()), arguments.requiredPath("--log-key"));
	}

	/** A message on one line, as the exit contract promises. */
	static String oneLine(String text) {
		return (text != null) ? text.replaceAll("\\s*\\R\\s*", " ").strip() : "";
	}

}
