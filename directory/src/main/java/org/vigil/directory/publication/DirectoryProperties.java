package org.vigil.directory.publication;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory service ({@code vigil.directory.*}).
 *
 * @param seed a JSON directory to publish for every Party not yet in the directory topic;
 * empty for the demo directory that ships with Vigil
 * @param publishSeed whether to publish the seed at all
 * @param pkiDir a dev network PKI (as written by {@code vigil pki init}) whose
 * certificates are registered for the seed's contact points; empty for none
 * @param pkiPassword the password of that PKI's key stores
 */
@ConfigurationProperties("vigil.directory")
public record DirectoryProperties(Path seed, Boolean publishSeed, Path pkiDir, String pkiPassword) {

	public DirectoryProperties {
		publishSeed = (publishSeed != null) ? publishSeed : Boolean.TRUE;
	}

}
