package org.vigil.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The password of the PKCS#12 files, and where it came from: the first line of
 * {@code --password-file}, else the environment variable {@value #ENV}, else the dev
 * default {@value #DEV_DEFAULT}, with a warning on stderr.
 *
 * @param value the password
 * @param source where it came from, for messages (never the password itself)
 */
public record Password(char[] value, String source) {

	/** The environment variable that may hold the password. */
	public static final String ENV = "VIGIL_PKI_PASSWORD";

	/** The password of the dev PKI when none is given. */
	public static final String DEV_DEFAULT = "vigil-dev-pki";

	/**
	 * @param file the {@code --password-file}, if given: its first line is the password
	 * @param env the environment
	 * @param err where the warning about the dev default goes
	 * @throws Failure if the file cannot be read or holds an empty first line
	 */
	public static Password resolve(Optional<Path> file, Map<String, String> env, PrintStream err) {
		if (file.isPresent()) {
			String text;
			try {
				text = Files.readString(file.get(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new Failure("cannot read the password file " + file.get() + ": " + Io.describe(ex), ex);
			}
			String firstLine = text.lines().findFirst().orElse("");
			if (firstLine.isEmpty()) {
				throw new Failure("the password file " + file.get() + " is empty");
			}
			return new Password(firstLine.toCharArray(), "the password file " + file.get());
		}
		String fromEnv = env.get(ENV);
		if (fromEnv != null && !fromEnv.isEmpty()) {
			return new Password(fromEnv.toCharArray(), "$" + ENV);
		}
		err.println("vigil: warning: no --password-file and no " + ENV + ": using the dev default password '"
				+ DEV_DEFAULT + "' (development only)");
		return new Password(DEV_DEFAULT.toCharArray(), "the dev default password");
	}

}
