package org.vigil.gateway.problem;

import java.net.URI;
import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * A submission the network refuses, with the problem type and status that say why. Used
 * where each kind of refusal needs its own type, such as the checks of a signed request.
 */
public class Refused extends RuntimeException {

	private final HttpStatus status;

	private final URI type;

	private final String title;

	public Refused(HttpStatus status, URI type, String title, String detail) {
		super(detail);
		this.status = Objects.requireNonNull(status, "status");
		this.type = Objects.requireNonNull(type, "type");
		this.title = Objects.requireNonNull(title, "title");
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

}
