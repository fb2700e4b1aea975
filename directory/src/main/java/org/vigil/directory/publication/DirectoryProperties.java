package org.vigil.directory.publication;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory service ({@code vigil.directory.*}).
 *
 * @param seed a JSON directory to publish for every Party not yet in the directory topic;
 * empty for the built-in seed
 * @param builtInSeed which directory that ships with Vigil to publish when no
 * {@code seed} file is given: {@code demo} (five Parties) when absent
 * @param publishSeed whether to publish the seed at all
 * @param pkiDir a dev network PKI (as written by {@code vigil pki init}) whose
 * certificates are registered for the seed's contact points; empty for none
 * @param pkiPassword the password of that PKI's key stores
 */
@ConfigurationProperties("vigil.directory")
public record DirectoryProperties(Path seed, BuiltInSeed builtInSeed, Boolean publishSeed, Path pkiDir,
		String pkiPassword) {

	public DirectoryProperties {
		builtInSeed = (builtInSeed != null) ? builtInSeed : BuiltInSeed.DEMO;
		publishSeed = (publishSeed != null) ? publishSeed : Boolean.TRUE;
	}

	/** The directories that ship with Vigil. */
	public enum BuiltInSeed {

		/** Five Parties: France, Germany, the Netherlands, the United States, Japan. */
		DEMO,

		/** Every Party to the Convention, the five demo Parties' staff included. */
		PARTIES

	}

}
