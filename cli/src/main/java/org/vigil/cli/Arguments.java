package org.vigil.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command: positionals, options with a value ({@code --out DIR} or
 * {@code --out=DIR}) and flags ({@code --force}). Options may come in any order, each at
 * most once; {@code --} ends the options. A value that starts with {@code --} must be
 * given as {@code --out=--odd}, so that a forgotten value is not silently the next
 * option. Anything else is a {@link UsageException} carrying the command's usage text.
 */
public final class Arguments {

	private final List<String> positionals;

	private final Map<String, String> values;

	private final Set<String> flags;

	private final String usage;

	private Arguments(List<String> positionals, Map<String, String> values, Set<String> flags, String usage) {
		this.positionals = List.copyOf(positionals);
		this.values = Map.copyOf(values);
		this.flags = Set.copyOf(flags);
		this.usage = usage;
	}

	/**
	 * @param args the arguments after the command's name
	 * @param valueOptions the options that take a value, such as {@code --out}
	 * @param flagOptions the options that take none, such as {@code --force}
	 * @param usage the command's usage text, for errors
	 */
	public static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions, String usage) {
		List<String> positionals = new ArrayList<>();
		Map<String, String> values = new LinkedHashMap<>();
		Set<String> flags = new LinkedHashSet<>();
		boolean optionsEnded = false;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
				positionals.add(arg);
				continue;
			}
			if (arg.equals("--")) {
				optionsEnded = true;
				continue;
			}
			int equals = arg.indexOf('=');
			String name = (equals >= 0) ? arg.substring(0, equals) : arg;
			if (valueOptions.contains(name)) {
				String value;
				if (equals >= 0) {
					value = arg.substring(equals + 1);
				}
				else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
					value = args.get(++i);
				}
				else {
					throw new UsageException(name + " needs a value", usage);
				}
				if (value.isEmpty()) {
					throw new UsageException(name + " needs a value", usage);
				}
				if (values.put(name, value) != null) {
					throw new UsageException(name + " is given more than once", usage);
				}
			}
			else if (flagOptions.contains(name) && equals < 0) {
				if (!flags.add(name)) {
					throw new UsageException(name + " is given more than once", usage);
				}
			}
			else if (flagOptions.contains(name)) {
				throw new UsageException(name + " takes no value", usage);
			}
			else {
				throw new UsageException("unknown option " + name, usage);
			}
		}
		return new Arguments(positionals, values, flags, usage);
	}

	public List<String> positionals() {
		return this.positionals;
	}

	/** Exactly that many positionals, named for the error message. */
	public List<String> positionals(String... names) {
		if (this.positionals.size() < names.length) {
			throw usage("missing " + names[this.positionals.size()]);
		}
		if (this.positionals.size() > names.length) {
			throw usage("unexpected argument " + this.positionals.get(names.length));
		}
		return this.positionals;
	}

	public Optional<String> option(String name) {
		return Optional.ofNullable(this.values.get(name));
	}

	public String required(String name) {
		return option(name).orElseThrow(() -> usage("missing " + name));
	}

	public Optional<Path> path(String name) {
		return option(name).map(Path::of);
	}

	public Path requiredPath(String name) {
		return Path.of(required(name));
	}

	/** An ISO-8601 instant such as {@code 2026-11-22T03:00:00Z}. */
	public Optional<Instant> instant(String name) {
		return option(name).map((value) -> {
			try {
				return Instant.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw usage(name + " takes an instant in UTC such as 2026-11-22T03:00:00Z, not " + value);
			}
		});
	}

	public boolean flag(String name) {
		return this.flags.contains(name);
	}

	/** A usage error of this command. */
	public UsageException usage(String message) {
		return new UsageException(message, this.usage);
	}

}
