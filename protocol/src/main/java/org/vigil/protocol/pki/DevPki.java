package org.vigil.protocol.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.vigil.protocol.CountryCode;

/**
 * A development PKI for the network, made with Bouncy Castle: the network CA, for each
 * contact point a signing and a TLS client certificate, a signing certificate for the
 * network itself, and the CA's CRL. Not for production: the CA key sits in a file.
 *
 * <h2>What it issues</h2>
 * <ul>
 * <li>The <b>network CA</b>: EC P-256, self-signed with ECDSA-SHA256, valid 10 years;
 * basicConstraints CA=true (critical), keyUsage keyCertSign|cRLSign (critical),
 * subjectKeyIdentifier.</li>
 * <li>Per contact point, a <b>TLS client certificate</b>: EC P-256; basicConstraints
 * CA=false (critical), keyUsage digitalSignature (critical), extendedKeyUsage clientAuth,
 * subjectAltName URI {@code urn:vigil:party:FR}.</li>
 * <li>Per contact point, a <b>signing certificate</b>: EC P-256 by default, P-384 or
 * Ed25519 on request; basicConstraints CA=false (critical), keyUsage
 * digitalSignature|nonRepudiation (critical), extendedKeyUsage
 * {@link VigilOids#KP_DOCUMENT_SIGNING} only (non-critical; the verifier demands it),
 * subjectAltName URI {@code urn:vigil:party:FR}.</li>
 * <li>The <b>network signing certificate</b>: as a party's signing certificate, with the
 * URI {@code urn:vigil:network}; for receipts.</li>
 * <li>The <b>CRL</b>: v2, signed by the CA, with CRL number and authorityKeyIdentifier,
 * valid 7 days by default (nextUpdate). No distribution point is named: relying parties
 * are handed the CRL.</li>
 * </ul>
 * End-entity certificates carry subject and authority key identifiers and are valid 2
 * years by default. Serial numbers are random, 159 bits. Every instant comes from the
 * injected {@link Clock}, truncated to the second, so tests can make expired and
 * not-yet-valid certificates by moving a clock, never by waiting.
 *
 * <p>
 * On disk it takes the shape of a {@link PkiLayout}. Instances are not thread-safe.
 */
public final class DevPki {

	/** Validity of the network CA. */
	public static final Period CA_VALIDITY = Period.ofYears(10);

	/** Default validity of end-entity certificates. */
	public static final Period DEFAULT_LEAF_VALIDITY = Period.ofYears(2);

	/** Default time from a CRL's thisUpdate to its nextUpdate. */
	public static final Duration DEFAULT_CRL_VALIDITY = Duration.ofDays(7);

	private static final String ORGANISATION = "Vigil 24/7 Network (dev)";

	private static final String CA_COMMON_NAME = "Vigil Network CA (dev)";

	private static final String CA_SIGNATURE = "SHA256withECDSA";

	private static final int SIGNING_KEY_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Credential ca;

	private final Period leafValidity;

	private Duration crlValidity = DEFAULT_CRL_VALIDITY;

	private Credential networkSigning;

	private final Map<CountryCode, PartyCredentials> parties = new TreeMap<>(Comparator.comparing(CountryCode::value));

	private final Map<BigInteger, Instant> revoked = new LinkedHashMap<>();

	private BigInteger crlNumber = BigInteger.ZERO;

	private X509CRL crl;

	private DevPki(Clock clock, Credential ca, Period leafValidity) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.ca = ca;
		this.leafValidity = Objects.requireNonNull(leafValidity, "leafValidity");
	}

	/** A new CA, network signing certificate and empty CRL; no contact points yet. */
	public static DevPki generate(Clock clock) {
		return generate(clock, DEFAULT_LEAF_VALIDITY);
	}

	/** A new PKI with credentials for each of the given contact points. */
	public static DevPki generate(Clock clock, Collection<CountryCode> parties) {
		DevPki pki = generate(clock);
		parties.forEach(pki::issueParty);
		return pki;
	}

	/** A new PKI whose end-entity certificates are valid for the given period. */
	public static DevPki generate(Clock clock, Period leafValidity) {
		SecureRandom random = new SecureRandom();
		KeyPair keys = generateKeyPair(SigningKeyType.EC_P256);
		Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		X500Name name = caName();
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
					Date.from(notBefore), Date.from(plus(notBefore, CA_VALIDITY)), name, keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keys.getPublic()));
			X509Certificate certificate = toJdk(builder.build(signer(CA_SIGNATURE, keys.getPrivate())));
			DevPki pki = new DevPki(clock, new Credential(keys.getPrivate(), List.of(certificate)), leafValidity);
			pki.networkSigning = pki.issue(pki.signingSpec(null, SigningKeyType.EC_P256));
			pki.issueCrl();
			return pki;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot make the network CA", ex);
		}
	}

	/** Loads a PKI written by {@link #write}, with the system clock in UTC. */
	public static DevPki load(Path root, char[] password) throws IOException {
		return load(root, password, Clock.systemUTC());
	}

	/**
	 * Loads a PKI written by {@link #write}. Revocations and the CRL number are read back
	 * from {@code crl.pem}; the CRL validity is that of the stored CRL; the validity of
	 * further end-entity certificates is the default.
	 * @throws IOException if a file is missing or unreadable, the password is wrong, or
	 * the files do not belong together
	 */
	public static DevPki load(Path root, char[] password, Clock clock) throws IOException {
		PkiLayout layout = new PkiLayout(root);
		Credential ca = Credential.readPkcs12(layout.caKeyStore(), password);
		X509Certificate caCertificate = Pem.readCertificate(layout.caCertificate());
		if (!caCertificate.equals(ca.certificate())) {
			throw new IOException(layout.caCertificate() + " is not the certificate of " + layout.caKeyStore());
		}
		DevPki pki = new DevPki(clock, new Credential(ca.privateKey(), List.of(caCertificate)), DEFAULT_LEAF_VALIDITY);
		X509CRL crl = Pem.readCrl(layout.crl());
		try {
			crl.verify(caCertificate.getPublicKey());
		}
		catch (GeneralSecurityException ex) {
			throw new IOException(layout.crl() + " is not signed by the CA", ex);
		}
		pki.crl = crl;
		pki.crlNumber = crlNumber(crl);
		if (crl.getNextUpdate() != null) {
			pki.crlValidity = Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant());
		}
		Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
		if (entries != null) {
			for (X509CRLEntry entry : entries) {
				pki.revoked.put(entry.getSerialNumber(), entry.getRevocationDate().toInstant());
			}
		}
		pki.networkSigning = Credential.readPkcs12(layout.networkSigning(), password);
		if (Files.isDirectory(layout.parties())) {
			List<Path> folders;
			try (Stream<Path> listing = Files.list(layout.parties())) {
				folders = listing.filter(Files::isDirectory).toList();
			}
			for (Path folder : folders) {
				CountryCode country;
				try {
					country = CountryCode.of(folder.getFileName().toString());
				}
				catch (IllegalArgumentException ex) {
					throw new IOException("not a contact point folder: " + folder, ex);
				}
				pki.parties.put(country,
						new PartyCredentials(country, Credential.readPkcs12(layout.partySigning(country), password),
								Credential.readPkcs12(layout.partyTlsClient(country), password)));
			}
		}
		return pki;
	}

	/**
	 * Writes every file of the {@link PkiLayout} under the folder, replacing what is
	 * there; all PKCS#12 files get the one password.
	 */
	public PkiLayout write(Path root, char[] password) throws IOException {
		PkiLayout layout = new PkiLayout(root);
		Files.createDirectories(root);
		Pem.writeCertificate(layout.caCertificate(), caCertificate());
		this.ca.writePkcs12(layout.caKeyStore(), PkiLayout.CA_ALIAS, password);
		Pem.writeCrl(layout.crl(), this.crl);
		this.networkSigning.writePkcs12(layout.networkSigning(), PkiLayout.SIGNING_ALIAS, password);
		for (PartyCredentials party : this.parties.values()) {
			party.signing().writePkcs12(layout.partySigning(party.country()), PkiLayout.SIGNING_ALIAS, password);
			party.tlsClient().writePkcs12(layout.partyTlsClient(party.country()), PkiLayout.TLS_CLIENT_ALIAS, password);
			writeTlsClientPem(layout, party);
		}
		return layout;
	}

	/**
	 * Writes a contact point's TLS client certificate chain and key as PEM, beside its
	 * PKCS#12 file, for tools such as curl ({@code --cert}, {@code --key}).
	 */
	public static void writeTlsClientPem(PkiLayout layout, PartyCredentials party) throws IOException {
		Pem.writeCertificates(layout.partyTlsClientCertificatePem(party.country()), party.tlsClient().chain());
		Pem.writePrivateKey(layout.partyTlsClientKeyPem(party.country()), party.tlsClient().privateKey());
	}

	// ------------------------------------------------------------------ what it holds

	public Clock clock() {
		return this.clock;
	}

	/** The trust anchor of the network. */
	public X509Certificate caCertificate() {
		return this.ca.certificate();
	}

	/** The CA's own key and certificate (for tests that make the CA sign documents). */
	public Credential caCredential() {
		return this.ca;
	}

	/** The current CRL. */
	public X509CRL crl() {
		return this.crl;
	}

	/** The network's signing credential ({@code urn:vigil:network}). */
	public Credential networkSigning() {
		return this.networkSigning;
	}

	/** The contact points that have credentials, in alphabetical order. */
	public Set<CountryCode> parties() {
		return Set.copyOf(this.parties.keySet());
	}

	/**
	 * @throws NoSuchElementException if that contact point has no credentials
	 */
	public PartyCredentials party(CountryCode country) {
		PartyCredentials party = this.parties.get(country);
		if (party == null) {
			throw new NoSuchElementException("no credentials for " + country);
		}
		return party;
	}

	public Credential signing(CountryCode country) {
		return party(country).signing();
	}

	public Credential tlsClient(CountryCode country) {
		return party(country).tlsClient();
	}

	/** The revoked serial numbers and when they were revoked. */
	public Map<BigInteger, Instant> revoked() {
		return Map.copyOf(this.revoked);
	}

	// ------------------------------------------------------------------ issuing

	/**
	 * Issues (or re-issues) a contact point's credentials, with an EC P-256 signing key.
	 */
	public PartyCredentials issueParty(CountryCode country) {
		return issueParty(country, SigningKeyType.EC_P256);
	}

	/** Issues (or re-issues) a contact point's credentials. */
	public PartyCredentials issueParty(CountryCode country, SigningKeyType signingKey) {
		Objects.requireNonNull(country, "country");
		PartyCredentials party = new PartyCredentials(country, issue(signingSpec(country, signingKey)),
				issue(tlsClientSpec(country)));
		this.parties.put(country, party);
		return party;
	}

	/**
	 * A TLS server certificate for the gateway's mutual-TLS port: EC P-256;
	 * basicConstraints CA=false (critical), keyUsage digitalSignature (critical),
	 * extendedKeyUsage serverAuth, subjectAltName with the DNS names and IP addresses
	 * given. Not recorded among the contact points' credentials.
	 * @param dnsNames host names, such as {@code localhost}
	 * @param ipAddresses literal addresses, such as {@code 127.0.0.1}
	 */
	public Credential issueTlsServer(List<String> dnsNames, List<String> ipAddresses) {
		if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
			throw new IllegalArgumentException("a TLS server certificate names at least one host");
		}
		KeyPair keys = generateKeyPair(SigningKeyType.EC_P256);
		Instant notBefore = now();
		List<GeneralName> names = new ArrayList<>();
		dnsNames.forEach((name) -> names.add(new GeneralName(GeneralName.dNSName, name)));
		ipAddresses.forEach((address) -> names.add(new GeneralName(GeneralName.iPAddress, address)));
		String host = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name(caCertificate()),
					serial(this.random), Date.from(notBefore), Date.from(plus(notBefore, this.leafValidity)),
					subject(null, host + " gateway TLS server"), keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
				.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(names.toArray(GeneralName[]::new)))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keys.getPublic()))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(caCertificate().getPublicKey()));
			X509Certificate certificate = toJdk(builder.build(signer(CA_SIGNATURE, this.ca.privateKey())));
			return new Credential(keys.getPrivate(), List.of(certificate, caCertificate()));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot issue the TLS server certificate of " + host, ex);
		}
	}

	/** Sets how long the CRLs issued from now on are valid. */
	public DevPki crlValidity(Duration validity) {
		if (validity.isNegative() || validity.isZero()) {
			throw new IllegalArgumentException("a CRL must be valid for some time");
		}
		this.crlValidity = validity;
		return this;
	}

	/** Revokes a serial number (at the clock's instant) and issues a new CRL. */
	public X509CRL revoke(BigInteger serial) {
		this.revoked.putIfAbsent(serial, now());
		return issueCrl();
	}

	/** Revokes a certificate issued by this CA and issues a new CRL. */
	public X509CRL revoke(X509Certificate certificate) {
		return revoke(certificate.getSerialNumber());
	}

	/**
	 * Issues a new CRL listing every revocation so far: thisUpdate is the clock's
	 * instant, nextUpdate the CRL validity later, the CRL number one more than before.
	 */
	public X509CRL issueCrl() {
		Instant thisUpdate = now();
		try {
			X509v2CRLBuilder builder = new X509v2CRLBuilder(name(caCertificate()), Date.from(thisUpdate));
			builder.setNextUpdate(Date.from(thisUpdate.plus(this.crlValidity)));
			for (Map.Entry<BigInteger, Instant> entry : this.revoked.entrySet()) {
				builder.addCRLEntry(entry.getKey(), Date.from(entry.getValue()), 0);
			}
			this.crlNumber = this.crlNumber.add(BigInteger.ONE);
			builder.addExtension(Extension.cRLNumber, false, new CRLNumber(this.crlNumber));
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate().getPublicKey()));
			X509CRLHolder holder = builder.build(signer(CA_SIGNATURE, this.ca.privateKey()));
			this.crl = Pem.parseCrl(holder.getEncoded());
			return this.crl;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot issue the CRL", ex);
		}
	}

	// ------------------------------------------------------------------ for tests

	/**
	 * A signing certificate with the given validity; the other fields as usual. Not
	 * recorded as the party's credentials.
	 */
	public Credential issueSigning(CountryCode country, SigningKeyType keyType, Instant notBefore, Instant notAfter) {
		return issue(signingSpec(Objects.requireNonNull(country), keyType).validity(notBefore, notAfter));
	}

	/** A signing certificate whose validity ended a day before the clock's instant. */
	public Credential issueExpiredSigning(CountryCode country) {
		Instant end = now().minus(Duration.ofDays(1));
		return issueSigning(country, SigningKeyType.EC_P256, minus(end, this.leafValidity), end);
	}

	/** A signing certificate whose validity starts a day after the clock's instant. */
	public Credential issueNotYetValidSigning(CountryCode country) {
		Instant start = now().plus(Duration.ofDays(1));
		return issueSigning(country, SigningKeyType.EC_P256, start, plus(start, this.leafValidity));
	}

	/**
	 * A signing certificate with another keyUsage (Bouncy Castle {@link KeyUsage} bits),
	 * e.g. {@code KeyUsage.keyEncipherment}.
	 */
	public Credential issueSigningWithKeyUsage(CountryCode country, int keyUsage) {
		return issue(signingSpec(country, SigningKeyType.EC_P256).keyUsage(keyUsage));
	}

	/** A signing certificate whose only key usage is keyEncipherment. */
	public Credential issueKeyEnciphermentOnlySigning(CountryCode country) {
		return issueSigningWithKeyUsage(country, KeyUsage.keyEncipherment);
	}

	/** A signing certificate that also says it is a CA (basicConstraints CA=true). */
	public Credential issueCaFlaggedSigning(CountryCode country) {
		return issue(signingSpec(country, SigningKeyType.EC_P256).asCa());
	}

	/**
	 * A signing certificate issued by a fresh CA that the network does not know, with the
	 * very same name as the network CA (so only its key tells it apart). The chain ends
	 * with that unknown CA.
	 */
	public Credential issueSigningByUnknownCa(CountryCode country) {
		return issue(signingSpec(country, SigningKeyType.EC_P256).issuer(unknownCa()));
	}

	/** A fresh CA with the network CA's very name: only its key tells it apart. */
	private Credential unknownCa() {
		KeyPair keys = generateKeyPair(SigningKeyType.EC_P256);
		Instant notBefore = now();
		try {
			X500Name name = name(caCertificate());
			X509Certificate rogue = toJdk(new JcaX509v3CertificateBuilder(name, serial(this.random),
					Date.from(notBefore), Date.from(plus(notBefore, CA_VALIDITY)), name, keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()))
				.build(signer(CA_SIGNATURE, keys.getPrivate())));
			return new Credential(keys.getPrivate(), List.of(rogue));
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A TLS client certificate for a country, as {@link #issueParty} makes them, but not
	 * recorded as its credentials (so not registered in a directory seeded from this
	 * PKI).
	 */
	public Credential issueTlsClient(CountryCode country) {
		return issue(tlsClientSpec(Objects.requireNonNull(country, "country")));
	}

	/**
	 * A TLS client certificate issued by a fresh CA the network does not know, with the
	 * network CA's very name. The chain ends with that unknown CA.
	 */
	public Credential issueTlsClientByUnknownCa(CountryCode country) {
		return issue(tlsClientSpec(country).issuer(unknownCa()));
	}

	/** A signing certificate that the network CA signed with ECDSA-with-SHA1. */
	public Credential issueSha1SignedSigning(CountryCode country) {
		return issue(signingSpec(country, SigningKeyType.EC_P256).signatureAlgorithm("SHA1withECDSA"));
	}

	/**
	 * A signing certificate for a key pair of the caller's (e.g. RSA, or another curve).
	 */
	public Credential issueSigningForKeyPair(CountryCode country, KeyPair keyPair) {
		return issue(signingSpec(country, SigningKeyType.EC_P256).keyPair(keyPair));
	}

	/**
	 * A signing certificate whose subjectAltName holds exactly these URIs (none, several,
	 * malformed...), named after {@code XX} in its subject.
	 */
	public Credential issueSigningWithSanUris(List<String> uris) {
		return issue(signingSpec(null, SigningKeyType.EC_P256).sanUris(uris));
	}

	/** Makes a key pair of the kind given, with the JDK's providers. */
	public static KeyPair generateKeyPair(SigningKeyType type) {
		try {
			KeyPairGenerator generator;
			switch (type) {
				case EC_P256 -> {
					generator = KeyPairGenerator.getInstance("EC");
					generator.initialize(new ECGenParameterSpec("secp256r1"));
				}
				case EC_P384 -> {
					generator = KeyPairGenerator.getInstance("EC");
					generator.initialize(new ECGenParameterSpec("secp384r1"));
				}
				case ED25519 -> generator = KeyPairGenerator.getInstance("Ed25519");
				default -> throw new IllegalArgumentException(type.name());
			}
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot make a " + type + " key", ex);
		}
	}

	// ------------------------------------------------------------------ machinery

	private Spec signingSpec(CountryCode country, SigningKeyType keyType) {
		String who = (country != null) ? country.value() + " contact point" : "Vigil network";
		List<String> uris = List
			.of((country != null) ? PartyIdentity.party(country).uri() : PartyIdentity.network().uri());
		Instant notBefore = now();
		return new Spec(subject(country, who + " signing"), null, keyType, notBefore,
				plus(notBefore, this.leafValidity), SIGNING_KEY_USAGE,
				List.of(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(VigilOids.KP_DOCUMENT_SIGNING))), uris, false,
				CA_SIGNATURE, this.ca);
	}

	private Spec tlsClientSpec(CountryCode country) {
		Instant notBefore = now();
		return new Spec(subject(country, country.value() + " contact point TLS client"), null, SigningKeyType.EC_P256,
				notBefore, plus(notBefore, this.leafValidity), KeyUsage.digitalSignature,
				List.of(KeyPurposeId.id_kp_clientAuth), List.of(PartyIdentity.party(country).uri()), false,
				CA_SIGNATURE, this.ca);
	}

	private Credential issue(Spec spec) {
		KeyPair keys = (spec.keyPair() != null) ? spec.keyPair() : generateKeyPair(spec.keyType());
		Credential issuer = spec.issuer();
		X509Certificate issuerCertificate = issuer.certificate();
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name(issuerCertificate),
					serial(this.random), Date.from(spec.notBefore()), Date.from(spec.notAfter()), spec.subject(),
					keys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(spec.ca()))
				.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(keys.getPublic()))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(issuerCertificate.getPublicKey()));
			if (!spec.purposes().isEmpty()) {
				builder.addExtension(Extension.extendedKeyUsage, false,
						new ExtendedKeyUsage(spec.purposes().toArray(new KeyPurposeId[0])));
			}
			if (!spec.sanUris().isEmpty()) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(spec.sanUris()
							.stream()
							.map((uri) -> new GeneralName(GeneralName.uniformResourceIdentifier, uri))
							.toArray(GeneralName[]::new)));
			}
			X509Certificate certificate = toJdk(builder.build(signer(spec.signatureAlgorithm(), issuer.privateKey())));
			List<X509Certificate> chain = new ArrayList<>();
			chain.add(certificate);
			chain.addAll(issuer.chain());
			return new Credential(keys.getPrivate(), chain);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot issue " + spec.subject(), ex);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private static X500Name caName() {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, ORGANISATION)
			.addRDN(BCStyle.CN, CA_COMMON_NAME)
			.build();
	}

	private static X500Name subject(CountryCode country, String commonName) {
		X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
		if (country != null) {
			builder.addRDN(BCStyle.C, country.value());
		}
		return builder.addRDN(BCStyle.O, ORGANISATION).addRDN(BCStyle.CN, commonName).build();
	}

	private static X500Name name(X509Certificate certificate) {
		return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
	}

	private static BigInteger serial(SecureRandom random) {
		return new BigInteger(158, random).setBit(158);
	}

	private static Instant plus(Instant instant, Period period) {
		return instant.atOffset(ZoneOffset.UTC).plus(period).toInstant();
	}

	private static Instant minus(Instant instant, Period period) {
		return instant.atOffset(ZoneOffset.UTC).minus(period).toInstant();
	}

	private static ContentSigner signer(String algorithm, java.security.PrivateKey key)
			throws GeneralSecurityException {
		try {
			return new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.provider())
				.build(BouncyCastle.toBouncyCastle(key));
		}
		catch (OperatorCreationException ex) {
			throw new GeneralSecurityException(ex);
		}
	}

	private static X509Certificate toJdk(X509CertificateHolder holder) throws GeneralSecurityException, IOException {
		return Pem.parseCertificate(holder.getEncoded());
	}

	private static BigInteger crlNumber(X509CRL crl) throws IOException {
		byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
		if (value == null) {
			return BigInteger.ZERO;
		}
		ASN1Encodable number = JcaX509ExtensionUtils.parseExtensionValue(value);
		return ASN1Integer.getInstance(number).getPositiveValue();
	}

	/** What one certificate to issue looks like; the with-ers make variants for tests. */
	private record Spec(X500Name subject, KeyPair keyPair, SigningKeyType keyType, Instant notBefore, Instant notAfter,
			int keyUsage, List<KeyPurposeId> purposes, List<String> sanUris, boolean ca, String signatureAlgorithm,
			Credential issuer) {

		Spec validity(Instant from, Instant to) {
			return new Spec(this.subject, this.keyPair, this.keyType, from.truncatedTo(ChronoUnit.SECONDS),
					to.truncatedTo(ChronoUnit.SECONDS), this.keyUsage, this.purposes, this.sanUris, this.ca,
					this.signatureAlgorithm, this.issuer);
		}

		Spec keyUsage(int bits) {
			return new Spec(this.subject, this.keyPair, this.keyType, this.notBefore, this.notAfter, bits,
					this.purposes, this.sanUris, this.ca, this.signatureAlgorithm, this.issuer);
		}

		Spec asCa() {
			return new Spec(this.subject, this.keyPair, this.keyType, this.notBefore, this.notAfter,
					this.keyUsage | KeyUsage.keyCertSign, this.purposes, this.sanUris, true, this.signatureAlgorithm,
					this.issuer);
		}

		Spec issuer(Credential other) {
			return new Spec(this.subject, this.keyPair, this.keyType, this.notBefore, this.notAfter, this.keyUsage,
					this.purposes, this.sanUris, this.ca, this.signatureAlgorithm, other);
		}

		Spec signatureAlgorithm(String algorithm) {
			return new Spec(this.subject, this.keyPair, this.keyType, this.notBefore, this.notAfter, this.keyUsage,
					this.purposes, this.sanUris, this.ca, algorithm, this.issuer);
		}

		Spec keyPair(KeyPair keys) {
			return new Spec(this.subject, keys, this.keyType, this.notBefore, this.notAfter, this.keyUsage,
					this.purposes, this.sanUris, this.ca, this.signatureAlgorithm, this.issuer);
		}

		Spec sanUris(List<String> uris) {
			return new Spec(DevPki.subject(null, "XX test signing"), this.keyPair, this.keyType, this.notBefore,
					this.notAfter, this.keyUsage, this.purposes, List.copyOf(uris), this.ca, this.signatureAlgorithm,
					this.issuer);
		}

	}

}
