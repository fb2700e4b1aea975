package org.vigil.gateway.submission;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.vigil.protocol.dispatch.Response;
import org.vigil.protocol.dispatch.ResponseKind;

/**
 * The bodies of what follows an acknowledgement: the requested Party's answer, a snooze,
 * and the requester's reply to a question.
 */
final class AnswerForms {

	private AnswerForms() {
	}

	/**
	 * {@code POST /api/v1/requests/{id}/response}.
	 *
	 * @param kind the answer
	 * @param preservedUntil for PRESERVED: the last day the data is kept, in the
	 * requested Party's calendar; left out for the Party's preservation period
	 * @param note the reason of a refusal, the information needed, or a reference
	 */
	record ResponseForm(
			@NotNull(message = "is required: PRESERVED, DISCLOSED, REFUSED or NEEDS_INFORMATION") ResponseKind kind,
			LocalDate preservedUntil, @Size(max = Response.MAX_NOTE_LENGTH) String note) {
	}

	/**
	 * {@code POST /api/v1/requests/{id}/snooze}.
	 *
	 * @param minutes how long until the alert comes back
	 */
	record SnoozeForm(@NotNull(message = "is required: how many minutes to snooze") @Positive(
			message = "must be at least 1") @Max(value = 24 * 60, message = "must be at most a day") Integer minutes) {
	}

	/**
	 * {@code POST /api/v1/requests/{id}/information}.
	 *
	 * @param note the information the requested Party asked for
	 */
	record InformationForm(@NotBlank(message = "is required: the information asked for") @Size(
			max = Response.MAX_NOTE_LENGTH) String note) {
	}

}
