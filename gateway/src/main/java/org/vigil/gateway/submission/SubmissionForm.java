package org.vigil.gateway.submission;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.vigil.protocol.Urgency;
import org.vigil.protocol.request.PreservationRequest;

/**
 * The body of {@code POST /api/v1/requests}: a preservation request with the elements of
 * Art. 29(2) of the Convention. {@code id} and {@code from} may be left out: the network
 * then picks an id, and {@code from} is the sender's own country.
 */
record SubmissionForm(
		@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{7,63}",
				message = "must be 8 to 64 letters, digits, '.', '_' or '-'") String id,
		@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String from,
		@NotNull(message = "is required: the requested Party, such as DE") @Pattern(regexp = "[A-Z]{2}",
				message = "must be an ISO 3166-1 alpha-2 code such as DE") String to,
		@NotNull(message = "is required: EMERGENCY, URGENT or ROUTINE") Urgency urgency,
		@NotBlank(message = "is required: the authority seeking preservation (Art. 29(2)(a))") @Size(
				max = PreservationRequest.MAX_TEXT) String requestingAuthority,
		@NotBlank(message = "is required: the offence under investigation (Art. 29(2)(b))") @Size(
				max = PreservationRequest.MAX_TEXT) String offence,
		@NotBlank(message = "is required: a brief summary of the facts (Art. 29(2)(b))") @Size(
				max = PreservationRequest.MAX_TEXT) String summaryOfFacts,
		@NotBlank(message = "is required: the stored data to preserve (Art. 29(2)(c))") @Size(
				max = PreservationRequest.MAX_TEXT) String dataToPreserve,
		@NotBlank(message = "is required: how the data relates to the offence (Art. 29(2)(c))") @Size(
				max = PreservationRequest.MAX_TEXT) String relationToOffence,
		@Size(max = PreservationRequest.MAX_TEXT) String custodian,
		@NotBlank(message = "is required: why preservation is necessary (Art. 29(2)(e))") @Size(
				max = PreservationRequest.MAX_TEXT) String necessity,
		@NotNull(
				message = "is required: whether a mutual assistance request will follow (Art. 29(2)(f))") Boolean mutualAssistanceToFollow) {
}
