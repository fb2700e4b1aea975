package org.vigil.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.GatewayProperties;
import org.vigil.gateway.signing.NetworkTrust;
import org.vigil.protocol.pki.PkiLayout;

/**
 * Mutual TLS for national systems, on a port of its own
 * ({@code vigil.gateway.mtls.port}): TLS with a client certificate required
 * ({@code need}), a trust store holding the network CA alone, and a filter chain of its
 * own on which the client certificate is the only way in — no form login, no HTTP Basic,
 * no session, so a person's session cookie counts for nothing there. The console's port
 * and its chain stay as they are.
 *
 * <p>
 * A port of its own rather than {@code want} on the console's port: a browser is never
 * asked for a certificate, the two ways in cannot be mixed up in one request, and the
 * port can be exposed to national systems only (a firewall rule), apart from the
 * console's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MutualTlsProperties.class)
@ConditionalOnProperty(prefix = "vigil.gateway.mtls", name = "port")
public class MutualTlsConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> mutualTlsConnector(MutualTlsProperties mtls,
			GatewayProperties gateway, NetworkTrust trust, Environment environment) {
		Path keyStore = (mtls.keyStore() != null) ? mtls.keyStore()
				: new PkiLayout(gateway.pkiDir()).gatewayTlsServer();
		String password = (mtls.keyStorePassword() != null) ? mtls.keyStorePassword() : gateway.pkiPassword();
		String address = (mtls.address() != null) ? mtls.address() : environment.getProperty("server.address");
		return (factory) -> factory
			.addAdditionalConnectors(connector(mtls.port(), address, keyStore, password, trustStore(trust)));
	}

	@Bean
	@Order(0)
	SecurityFilterChain nationalSystemSecurity(HttpSecurity http, MutualTlsProperties mtls, NetworkTrust trust,
			DirectoryView directory, Clock clock) throws Exception {
		int port = mtls.port();
		http.securityMatcher((request) -> request.getLocalPort() == port)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/api/**").authenticated().anyRequest().denyAll())
			.addFilterBefore(new NationalSystemAuthentication(new ClientCertificates(trust, clock), directory),
					AnonymousAuthenticationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(AbstractHttpConfigurer::disable)
			// No cookie authenticates anyone here, so a cross-site request carries no
			// credentials the client did not choose to send.
			.csrf(AbstractHttpConfigurer::disable)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ProblemResponses.unauthenticated())
				.accessDeniedHandler(ProblemResponses.denied()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	private static Connector connector(int port, String address, Path keyStore, String password, KeyStore trusted) {
		Connector connector = new Connector(Http11NioProtocol.class.getName());
		connector.setPort(port);
		connector.setScheme("https");
		connector.setSecure(true);
		if (address != null && !address.isBlank()) {
			connector.setProperty("address", address);
		}
		Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
		protocol.setSSLEnabled(true);
		SSLHostConfig ssl = new SSLHostConfig();
		ssl.setHostName("_default_");
		ssl.setCertificateVerification("required");
		ssl.setTrustStore(trusted);
		ssl.setProtocols("TLSv1.3+TLSv1.2");
		SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl,
				SSLHostConfigCertificate.Type.UNDEFINED);
		certificate.setCertificateKeystore(readPkcs12(keyStore, password));
		certificate.setCertificateKeystorePassword(password);
		certificate.setCertificateKeyAlias(PkiLayout.TLS_SERVER_ALIAS);
		ssl.addCertificate(certificate);
		connector.addSslHostConfig(ssl);
		return connector;
	}

	/** The network CA and nothing else: no JDK default roots. */
	private static KeyStore trustStore(NetworkTrust trust) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("vigil-network-ca", trust.caCertificate());
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot make the mutual-TLS trust store", ex);
		}
	}

	private static KeyStore readPkcs12(Path file, String password) {
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password.toCharArray());
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the mutual-TLS server key store " + file
					+ " (vigil.gateway.mtls.key-store; the standalone network makes one with its dev PKI)", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the mutual-TLS server key store " + file, ex);
		}
	}

}
