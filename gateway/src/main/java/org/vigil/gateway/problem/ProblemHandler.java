package org.vigil.gateway.problem;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.vigil.gateway.security.VigilUser;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.vigil.protocol.signing.SignatureRejected;

/**
 * Maps every failure of the API to a problem detail. Field errors are listed in an
 * {@code errors} member, each naming the JSON property, so a national system can show its
 * user exactly what to fix.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(error.getField(), error.getDefaultMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.toList();
		return problem(new InvalidFields(ProblemTypes.INVALID_FIELDS, errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestTooLarge tooLarge) {
				return tooLarge(tooLarge);
			}
		}
		String detail = "The body is not valid JSON for this request";
		if (ex.getCause() instanceof JacksonException json) {
			String field = json.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			String reason = reason(json);
			detail = field.isEmpty() ? detail + ": " + reason : "Field '" + field + "' cannot be read: " + reason;
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
					"Malformed request", detail);
			if (!field.isEmpty()) {
				problem.setProperty("errors", List.of(new FieldError(field, reason)));
			}
			return ResponseEntity.badRequest().body(problem);
		}
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request", detail));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setDetail(helpfulDetail(ex, request, problem.getDetail()));
			problem.setType(switch (statusCode.value()) {
				case 404 -> ProblemTypes.NOT_FOUND;
				case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
				case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
				case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
				default -> (statusCode.is4xxClientError()) ? ProblemTypes.MALFORMED_REQUEST : ProblemTypes.INTERNAL;
			});
			Problems.remember(problem.getType());
		}
		return response;
	}

	/**
	 * Says what to do instead of Spring's terse defaults: which methods or content types
	 * the path takes, where the list of operations is.
	 */
	private static String helpfulDetail(Exception ex, WebRequest request, String detail) {
		String path = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : "";
		if (ex instanceof NoHandlerFoundException || ex instanceof NoResourceFoundException) {
			String method = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getMethod() : "";
			return "There is no " + method + " " + path
					+ (path.startsWith("/api/") ? " in this API; GET /v3/api-docs lists every operation" : "");
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return method.getMethod() + " is not allowed on " + path + "; it takes "
					+ String.join(", ",
							(method.getSupportedMethods() != null) ? method.getSupportedMethods() : new String[0])
					+ " (see the Allow header)";
		}
		if (ex instanceof HttpMediaTypeNotSupportedException media) {
			return path + " does not read "
					+ ((media.getContentType() != null) ? media.getContentType() : "a body without Content-Type")
					+ "; send "
					+ media.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(" or "));
		}
		return detail;
	}

	/** Says what was expected in words a sender can act on, without our class names. */
	private static String reason(JacksonException json) {
		if (json instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			return "must be one of " + Arrays.stream(format.getTargetType().getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
		}
		if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "expected " + describe(mismatch.getTargetType());
		}
		return json.getOriginalMessage();
	}

	private static String describe(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		return "a value of another type";
	}

	/** A body without a declared length went past the bound while it was read. */
	@ExceptionHandler
	ResponseEntity<Object> tooLarge(RequestTooLarge ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Too large",
					ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidFields(InvalidFields ex) {
		return problem(ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(Refused ex) {
		return response(Problems.of(ex.status(), ex.type(), ex.title(), ex.getMessage()));
	}

	/**
	 * Each reason a signature is refused has its own type; only unreadable input is a
	 * 400.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> signatureRejected(SignatureRejected ex) {
		HttpStatus status = (ex.reason() == SignatureRejected.Reason.MALFORMED) ? HttpStatus.BAD_REQUEST
				: HttpStatus.UNPROCESSABLE_CONTENT;
		return response(Problems.of(status, ProblemTypes.signature(ex.reason()),
				"Signature refused: " + ex.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
				ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(RequestNotFound ex) {
		return response(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> idTaken(RequestIdTaken ex) {
		return response(
				Problems.of(HttpStatus.CONFLICT, ProblemTypes.REQUEST_ID_TAKEN, "Request id taken", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAllowed(NotAllowed ex) {
		return response(Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.NOT_ALLOWED, "Not allowed", ex.getMessage()));
	}

	/**
	 * A {@code @PreAuthorize} refusal: the second line of checks found a role missing
	 * that the controller's own check did not. An administrator role withheld for want of
	 * a second factor is named, so the person knows what to do.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		String detail = "Your roles do not allow this";
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof VigilUser user) {
			// Name them: "which of my roles is missing?" is the first question at 3 a.m.
			detail = "Your roles " + new java.util.TreeSet<>(user.roles()) + " do not allow this"
					+ user.secondFactorHint();
		}
		return response(Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.NOT_ALLOWED, "Not allowed", detail));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(NetworkUnavailable ex) {
		log.error("Not accepted: {}", ex.getMessage(), ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.NETWORK_UNAVAILABLE,
					"Not accepted: the network is unavailable", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> directoryNotReady(DirectoryNotReady ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.DIRECTORY_NOT_READY,
					"The directory is not loaded yet", ex.getMessage()));
	}

	private static ResponseEntity<Object> problem(InvalidFields ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ex.type(),
				(ex.type() == ProblemTypes.UNKNOWN_COUNTRY) ? "Unknown country" : "Invalid fields", ex.getMessage());
		problem.setProperty("errors", ex.errors());
		return ResponseEntity.unprocessableContent().body(problem);
	}

	private static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
