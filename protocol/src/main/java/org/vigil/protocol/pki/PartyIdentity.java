package org.vigil.protocol.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.vigil.protocol.CountryCode;

/**
 * Who holds a certificate: a contact point, by its country, or the network itself.
 *
 * <p>
 * The identity lives in the subjectAltName, as exactly one URI of the Vigil namespace:
 * {@code urn:vigil:party:FR} for a contact point, {@code urn:vigil:network} for the
 * network. Other URIs and other kinds of name are ignored; the subject DN is never looked
 * at. A certificate with no Vigil URI, with several (even equal ones), or with a Vigil
 * URI that is not exactly one of these two forms (such as {@code urn:vigil:party:fr} or
 * {@code urn:vigil:party:FRA}) has no identity.
 */
public final class PartyIdentity {

	private static final PartyIdentity NETWORK = new PartyIdentity(null);

	private final CountryCode country;

	private PartyIdentity(CountryCode country) {
		this.country = country;
	}

	/** The contact point of a country. */
	public static PartyIdentity party(CountryCode country) {
		return new PartyIdentity(Objects.requireNonNull(country, "country"));
	}

	/** The network itself (receipts, notices). */
	public static PartyIdentity network() {
		return NETWORK;
	}

	/**
	 * Reads one of the two URI forms.
	 * @throws UnknownPartyException if the URI is neither form
	 */
	public static PartyIdentity fromUri(String uri) {
		if (VigilOids.NETWORK_URN.equals(uri)) {
			return NETWORK;
		}
		if (uri != null && uri.startsWith(VigilOids.PARTY_URN_PREFIX)) {
			try {
				return party(CountryCode.of(uri.substring(VigilOids.PARTY_URN_PREFIX.length())));
			}
			catch (IllegalArgumentException ex) {
				throw new UnknownPartyException("not a Vigil party URI: " + uri, ex);
			}
		}
		throw new UnknownPartyException("not a Vigil party URI: " + uri);
	}

	/**
	 * The identity a certificate names.
	 * @throws UnknownPartyException if it names none, several, or a malformed one
	 */
	public static PartyIdentity of(X509Certificate certificate) {
		Collection<List<?>> names;
		try {
			names = certificate.getSubjectAlternativeNames();
		}
		catch (CertificateParsingException ex) {
			throw new UnknownPartyException("unreadable subjectAltName", ex);
		}
		List<String> vigilUris = new ArrayList<>();
		if (names != null) {
			for (List<?> name : names) {
				if (name.size() >= 2 && Integer.valueOf(6).equals(name.get(0)) && name.get(1) instanceof String uri
						&& uri.toLowerCase(Locale.ROOT).startsWith(VigilOids.VIGIL_URN_PREFIX)) {
					vigilUris.add(uri);
				}
			}
		}
		if (vigilUris.isEmpty()) {
			throw new UnknownPartyException("the certificate names no Vigil party");
		}
		if (vigilUris.size() > 1) {
			throw new UnknownPartyException("the certificate names several Vigil parties: " + vigilUris);
		}
		return fromUri(vigilUris.get(0));
	}

	public boolean isNetwork() {
		return this.country == null;
	}

	/** The country of a contact point; empty for the network. */
	public Optional<CountryCode> country() {
		return Optional.ofNullable(this.country);
	}

	/** The subjectAltName URI of this identity. */
	public String uri() {
		return isNetwork() ? VigilOids.NETWORK_URN : VigilOids.PARTY_URN_PREFIX + this.country.value();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PartyIdentity that && Objects.equals(this.country, that.country);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.country);
	}

	/** {@code FR}, or {@code network}. */
	@Override
	public String toString() {
		return isNetwork() ? "network" : this.country.value();
	}

}
