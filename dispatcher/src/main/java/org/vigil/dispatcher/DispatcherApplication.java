package org.vigil.dispatcher;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Runs a dispatcher instance on its own; start several to share the partitions.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DispatcherConfiguration.class)
public class DispatcherApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(DispatcherApplication.class, args);
	}

}
