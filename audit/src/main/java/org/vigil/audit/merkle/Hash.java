package org.vigil.audit.merkle;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 value of the tree: a leaf hash, a node hash or a root. Immutable: the bytes
 * are copied in and out.
 *
 * @param bytes the 32 bytes
 */
public record Hash(byte[] bytes) {

	/** The length of every hash, in bytes. */
	public static final int LENGTH = 32;

	public Hash {
		Objects.requireNonNull(bytes, "bytes");
		if (bytes.length != LENGTH) {
			throw new IllegalArgumentException("a hash has " + LENGTH + " bytes, not " + bytes.length);
		}
		bytes = bytes.clone();
	}

	/**
	 * @return a copy of the 32 bytes
	 */
	@Override
	public byte[] bytes() {
		return this.bytes.clone();
	}

	/**
	 * @param base64 standard Base64 of 32 bytes
	 * @throws IllegalArgumentException if it is not Base64 or not 32 bytes
	 */
	public static Hash fromBase64(String base64) {
		return new Hash(Base64.getDecoder().decode(base64));
	}

	/**
	 * @param hex 64 hexadecimal digits
	 * @throws IllegalArgumentException if it is not 32 bytes of hex
	 */
	public static Hash fromHex(String hex) {
		return new Hash(HexFormat.of().parseHex(hex));
	}

	public String base64() {
		return Base64.getEncoder().encodeToString(this.bytes);
	}

	public String hex() {
		return HexFormat.of().formatHex(this.bytes);
	}

	/**
	 * The bytes themselves, for hashing within the package: callers must not modify them.
	 */
	byte[] raw() {
		return this.bytes;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Hash that) && Arrays.equals(this.bytes, that.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return hex();
	}

}
