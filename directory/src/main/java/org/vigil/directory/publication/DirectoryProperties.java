package org.vigil.directory.publication;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory service ({@code vigil.directory.*}).
 *
 * @param seed a JSON directory to publish for every Party not yet in the directory topic;
 * empty for the demo directory that ships with Vigil
 * @param publishSeed whether to publish the seed at all
 */
@ConfigurationProperties("vigil.directory")
public record DirectoryProperties(Path seed, Boolean publishSeed) {

	public DirectoryProperties {
		publishSeed = (publishSeed != null) ? publishSeed : Boolean.TRUE;
	}

}
