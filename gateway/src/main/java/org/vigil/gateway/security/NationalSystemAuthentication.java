package org.vigil.gateway.security;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vigil.directory.party.CertificateEntry;
import org.vigil.directory.party.CertificateUse;
import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.problem.ProblemTypes;
import org.vigil.gateway.problem.Problems;
import org.vigil.protocol.CountryCode;
import org.vigil.protocol.OfficerId;
import org.vigil.protocol.pki.PartyIdentity;
import org.vigil.protocol.pki.UnknownPartyException;

/**
 * Authenticates a national system on the mutual-TLS port by the client certificate of its
 * handshake: the certificate must pass {@link ClientCertificates}, name exactly one Party
 * in its subjectAltName ({@code urn:vigil:party:FR}), and be registered for that Party's
 * contact point in the directory as its TLS client certificate (by SHA-256 fingerprint),
 * so that the directory, not the certificate alone, says who speaks for a Party. The
 * principal is then the Party's national system ({@link #principalOf}), a requester of
 * that Party.
 *
 * <p>
 * A certificate that fails the checks is answered 401
 * {@code /problems/client-certificate-refused}; one that names a Party without a contact
 * point, or that the directory does not register, 403 {@code /problems/not-allowed}.
 */
final class NationalSystemAuthentication extends OncePerRequestFilter {

	private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

	private final ClientCertificates certificates;

	private final DirectoryView directory;

	NationalSystemAuthentication(ClientCertificates certificates, DirectoryView directory) {
		this.certificates = certificates;
		this.directory = directory;
	}

	/**
	 * The name a Party's national system acts under: in audit entries and submissions.
	 */
	static OfficerId principalOf(CountryCode country) {
		return OfficerId.of(country.value().toLowerCase(Locale.ROOT) + ".national-system");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object attribute = request.getAttribute(CERTIFICATES);
		if (!(attribute instanceof X509Certificate[] presented) || presented.length == 0) {
			refuse(request, response, "No client certificate was presented");
			return;
		}
		X509Certificate certificate = presented[0];
		CountryCode country;
		try {
			this.certificates.check(certificate);
			PartyIdentity identity = PartyIdentity.of(certificate);
			country = identity.country()
				.orElseThrow(
						() -> new ClientCertificates.Refused("it is the network's own certificate, not a Party's"));
		}
		catch (ClientCertificates.Refused | UnknownPartyException ex) {
			refuse(request, response, "The client certificate is refused: " + ex.getMessage());
			return;
		}
		Optional<ContactPoint> contactPoint = this.directory.contactPoint(country);
		if (contactPoint.isEmpty()) {
			forbid(request, response, "The client certificate names " + country
					+ ", which has no contact point in the directory: the network serves no national system of it");
			return;
		}
		String fingerprint = CertificateEntry.fingerprint(certificate);
		if (!contactPoint.get().registers(CertificateUse.TLS_CLIENT, fingerprint)) {
			forbid(request, response,
					"The directory registers no TLS client certificate " + fingerprint + " for " + country);
			return;
		}
		VigilUser system = VigilUser.nationalSystem(principalOf(country), country);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(new PreAuthenticatedAuthenticationToken(system, certificate, system.getAuthorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		ProblemResponses.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED,
				ProblemTypes.CLIENT_CERTIFICATE_REFUSED, "Client certificate refused", detail));
	}

	private static void forbid(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		ProblemResponses.write(request, response,
				Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.NOT_ALLOWED, "Not allowed", detail));
	}

}
