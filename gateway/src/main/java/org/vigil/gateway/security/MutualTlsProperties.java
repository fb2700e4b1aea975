package org.vigil.gateway.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The port national systems connect to with their TLS client certificate
 * ({@code vigil.gateway.mtls.*}).
 *
 * @param port the HTTPS port on which a client certificate of the network PKI is required
 * ({@code need}) and is the only way in; none (the default) for no such port
 * @param address the address it listens on; default {@code server.address}, else every
 * address
 * @param keyStore the gateway's TLS server key and chain (PKCS#12); default
 * {@code <vigil.gateway.pki-dir>/gateway/tls-server.p12}
 * @param keyStorePassword its password; default {@code vigil.gateway.pki-password}
 */
@ConfigurationProperties("vigil.gateway.mtls")
public record MutualTlsProperties(Integer port, String address, Path keyStore, String keyStorePassword) {

	public MutualTlsProperties {
		if (port != null && (port < 1 || port > 65535)) {
			throw new IllegalArgumentException("vigil.gateway.mtls.port must be a port number (1-65535), not " + port);
		}
	}

	public boolean enabled() {
		return this.port != null;
	}

}
