package org.vigil.protocol.signing;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The algorithms the verifier accepts. Everything not named here is refused, always: RSA
 * of any size, DSA, SHA-1, MD5, other curves, explicit curve parameters, Ed448. A policy
 * can only narrow this list.
 *
 * <p>
 * The same list applies to the CMS signature, to the signer's key, and to the signatures
 * and keys of the certificates the document carries. For ECDSA the CMS digest algorithm
 * must be the signature's own hash (ECDSA-with-SHA256 with SHA-256); for Ed25519 it must
 * be SHA-512 (RFC 8419).
 */
public final class AlgorithmPolicy {

	/** Signature algorithms, each with the CMS digest algorithm that must go with it. */
	public enum SignatureAlgorithm {

		ECDSA_SHA256(X9ObjectIdentifiers.ecdsa_with_SHA256, NISTObjectIdentifiers.id_sha256, "SHA256withECDSA"),

		ECDSA_SHA384(X9ObjectIdentifiers.ecdsa_with_SHA384, NISTObjectIdentifiers.id_sha384, "SHA384withECDSA"),

		ECDSA_SHA512(X9ObjectIdentifiers.ecdsa_with_SHA512, NISTObjectIdentifiers.id_sha512, "SHA512withECDSA"),

		ED25519(EdECObjectIdentifiers.id_Ed25519, NISTObjectIdentifiers.id_sha512, "Ed25519");

		private final ASN1ObjectIdentifier oid;

		private final ASN1ObjectIdentifier cmsDigest;

		private final String jcaName;

		SignatureAlgorithm(ASN1ObjectIdentifier oid, ASN1ObjectIdentifier cmsDigest, String jcaName) {
			this.oid = oid;
			this.cmsDigest = cmsDigest;
			this.jcaName = jcaName;
		}

		ASN1ObjectIdentifier oid() {
			return this.oid;
		}

		ASN1ObjectIdentifier cmsDigest() {
			return this.cmsDigest;
		}

		String jcaName() {
			return this.jcaName;
		}

		boolean isEcdsa() {
			return this != ED25519;
		}

		static Optional<SignatureAlgorithm> of(ASN1ObjectIdentifier oid) {
			for (SignatureAlgorithm algorithm : values()) {
				if (algorithm.oid.equals(oid)) {
					return Optional.of(algorithm);
				}
			}
			return Optional.empty();
		}

	}

	/** Named curves for ECDSA keys. */
	public enum Curve {

		P256(SECObjectIdentifiers.secp256r1),

		P384(SECObjectIdentifiers.secp384r1);

		private final ASN1ObjectIdentifier oid;

		Curve(ASN1ObjectIdentifier oid) {
			this.oid = oid;
		}

		static Optional<Curve> of(ASN1ObjectIdentifier oid) {
			for (Curve curve : values()) {
				if (curve.oid.equals(oid)) {
					return Optional.of(curve);
				}
			}
			return Optional.empty();
		}

	}

	/** The kinds of public key the policy knows. */
	enum KeyKind {

		EC_P256, EC_P384, ED25519

	}

	private static final AlgorithmPolicy STRICT = new AlgorithmPolicy(EnumSet.allOf(SignatureAlgorithm.class),
			EnumSet.allOf(Curve.class));

	private final Set<SignatureAlgorithm> signatures;

	private final Set<Curve> curves;

	private AlgorithmPolicy(Set<SignatureAlgorithm> signatures, Set<Curve> curves) {
		this.signatures = Set.copyOf(signatures);
		this.curves = Set.copyOf(curves);
	}

	/**
	 * The default: ECDSA with SHA-256, SHA-384 or SHA-512 on P-256 or P-384, and Ed25519.
	 */
	public static AlgorithmPolicy strict() {
		return STRICT;
	}

	/** A narrower policy. */
	public static AlgorithmPolicy of(Set<SignatureAlgorithm> signatures, Set<Curve> curves) {
		Objects.requireNonNull(signatures, "signatures");
		Objects.requireNonNull(curves, "curves");
		if (signatures.isEmpty()) {
			throw new IllegalArgumentException("a policy that accepts no signature accepts nothing");
		}
		return new AlgorithmPolicy(signatures, curves);
	}

	public Set<SignatureAlgorithm> signatures() {
		return this.signatures;
	}

	public Set<Curve> curves() {
		return this.curves;
	}

	/** The signature algorithm, if the policy allows it. */
	Optional<SignatureAlgorithm> signature(ASN1ObjectIdentifier oid) {
		return SignatureAlgorithm.of(oid).filter(this.signatures::contains);
	}

	/** The kind of a public key, if the policy allows such keys. */
	Optional<KeyKind> key(SubjectPublicKeyInfo key) {
		AlgorithmIdentifier algorithm = key.getAlgorithm();
		if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm.getAlgorithm())) {
			return this.signatures.contains(SignatureAlgorithm.ED25519) ? Optional.of(KeyKind.ED25519)
					: Optional.empty();
		}
		if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
				&& algorithm.getParameters() instanceof ASN1ObjectIdentifier namedCurve) {
			return Curve.of(namedCurve)
				.filter(this.curves::contains)
				.map((curve) -> (curve == Curve.P256) ? KeyKind.EC_P256 : KeyKind.EC_P384);
		}
		return Optional.empty();
	}

	/** Whether a key of that kind can make signatures of that algorithm. */
	static boolean fits(KeyKind key, SignatureAlgorithm signature) {
		return (key == KeyKind.ED25519) == (signature == SignatureAlgorithm.ED25519);
	}

}
