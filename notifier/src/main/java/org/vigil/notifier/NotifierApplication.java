package org.vigil.notifier;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The notifier on its own, for a deployment that runs it apart from the other services;
 * it serves only the providers' delivery callbacks and health.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(NotifierConfiguration.class)
public class NotifierApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(NotifierApplication.class, args);
	}

}
