package org.vigil.directory;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.vigil.directory.publication.DirectoryServiceConfiguration;

/**
 * Runs the directory service on its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DirectoryServiceConfiguration.class)
public class DirectoryApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(DirectoryApplication.class, args);
	}

}
