package org.vigil.notifier.channel;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;
import org.vigil.protocol.pki.Credential;
import org.vigil.protocol.pki.DevPki;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail over TLS to a real SMTP server (SubEthaSMTP) on loopback, whose certificate is
 * issued in the test by a CA of its own: STARTTLS negotiated, SMTPS, and the relays a
 * message must not reach (no STARTTLS, an unknown CA, another host's certificate).
 */
class SmtpChannelTlsTest {

	private static final DeliveryKey KEY = new DeliveryKey(RequestId.of("req-mail-0002"), 1, 1,
			OfficerId.of("de.mueller"), ContactChannel.EMAIL);

	private static final String USER = "vigil";

	private static final String PASSWORD = "relay-secret";

	/**
	 * The relay's CA, the one the notifier trusts; certificates are checked at real time.
	 */
	private static final DevPki relayCa = DevPki.generate(Clock.systemUTC());

	private static Path trustStore;

	private final AtomicInteger logins = new AtomicInteger();

	private Wiser relay;

	@BeforeAll
	static void writeTrustStore(@TempDir Path dir) throws IOException, GeneralSecurityException {
		trustStore = dir.resolve("relay-ca.pem");
		Files.writeString(trustStore, TrustedCertificatesTest.pem(relayCa.caCertificate()), StandardCharsets.US_ASCII);
	}

	@AfterEach
	void stopRelay() {
		if (this.relay != null) {
			this.relay.stop();
		}
	}

	@Test
	void negotiatesStartTlsAndLogsInBeforeTheMessageGoes() throws Exception {
		// The relay takes no MAIL before STARTTLS and AUTH: a message that arrives went
		// over TLS, from a client that logged in.
		startRelay((server) -> server.enableTLS()
			.requireTLS()
			.startTlsSocketFactory(serverTls(loopbackCertificate()))
			.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(this::login))
			.requireAuth());

		SendOutcome outcome = channel(SmtpChannel.Security.STARTTLS_REQUIRED, USER).send(message());

		assertThat(outcome.accepted()).as(outcome.detail()).isTrue();
		assertThat(this.logins).hasValue(1);
		assertThat(this.relay.getMessages()).hasSize(1);
		MimeMessage received = this.relay.getMessages().get(0).getMimeMessage();
		assertThat(received.getMessageID()).isEqualTo("<req-mail-0002.1.1.de.mueller.EMAIL@vigil>");
		assertThat(received.getContent().toString()).contains("/ack?t=abc");
	}

	@Test
	void sendsOverImplicitTls() throws Exception {
		startRelay((server) -> server.serverSocketFactory(serverTls(loopbackCertificate())));

		SendOutcome outcome = channel(SmtpChannel.Security.SMTPS, "").send(message());

		assertThat(outcome.accepted()).as(outcome.detail()).isTrue();
		assertThat(this.relay.getMessages()).hasSize(1);
	}

	@Test
	void refusesARelayThatDoesNotOfferStartTlsAndSendsNothingInClear() {
		startRelay((server) -> server.enableTLS(false)
			.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(this::login)));

		SendOutcome outcome = channel(SmtpChannel.Security.STARTTLS_REQUIRED, USER).send(message());

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.detail()).contains("STARTTLS is required");
		assertThat(this.logins).as("the credentials never went in clear").hasValue(0);
		assertThat(this.relay.getMessages()).isEmpty();
	}

	@Test
	void optionalStartTlsLogsInAndSendsInClearToARelayWithoutIt() {
		// Why STARTTLS_OPTIONAL is only for a relay on the same host: the same relay as
		// above, and this time it gets the password and the link in clear.
		startRelay((server) -> server.enableTLS(false)
			.authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(this::login)));

		SendOutcome outcome = channel(SmtpChannel.Security.STARTTLS_OPTIONAL, USER).send(message());

		assertThat(outcome.accepted()).as(outcome.detail()).isTrue();
		assertThat(this.logins).hasValue(1);
		assertThat(this.relay.getMessages()).hasSize(1);
	}

	@Test
	void refusesARelayWhoseCertificateIsFromAnUnknownCa() {
		Credential stranger = DevPki.generate(Clock.systemUTC())
			.issueTlsServer(List.of("localhost"), List.of("127.0.0.1"));
		startRelay((server) -> server.enableTLS().requireTLS().startTlsSocketFactory(serverTls(stranger)));

		SendOutcome outcome = channel(SmtpChannel.Security.STARTTLS_REQUIRED, "").send(message());

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.detail()).contains("TLS").contains("PKIX");
		assertThat(this.relay.getMessages()).isEmpty();
	}

	@Test
	void refusesARelayWhoseCertificateNamesAnotherHost() {
		Credential otherHost = relayCa.issueTlsServer(List.of("relay.elsewhere.example"), List.of());
		startRelay((server) -> server.enableTLS().requireTLS().startTlsSocketFactory(serverTls(otherHost)));

		SendOutcome outcome = channel(SmtpChannel.Security.STARTTLS_REQUIRED, "").send(message());

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.detail()).contains("TLS").contains("127.0.0.1");
		assertThat(this.relay.getMessages()).isEmpty();
	}

	@Test
	void refusesAnUntrustedRelayWhenStartTlsIsOptionalRatherThanFallingBackToClear() {
		Credential stranger = DevPki.generate(Clock.systemUTC())
			.issueTlsServer(List.of("localhost"), List.of("127.0.0.1"));
		startRelay((server) -> server.enableTLS().startTlsSocketFactory(serverTls(stranger)));

		SendOutcome outcome = channel(SmtpChannel.Security.STARTTLS_OPTIONAL, "").send(message());

		assertThat(outcome.accepted()).isFalse();
		assertThat(this.relay.getMessages()).isEmpty();
	}

	private void startRelay(UnaryOperator<SMTPServer.Builder> tls) {
		this.relay = Wiser.create(tls.apply(SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress())));
		this.relay.start();
	}

	private void login(String username, String password, MessageContext context) throws LoginFailedException {
		if (!USER.equals(username) || !PASSWORD.equals(password)) {
			throw new LoginFailedException();
		}
		this.logins.incrementAndGet();
	}

	private SmtpChannel channel(SmtpChannel.Security security, String username) {
		return new SmtpChannel("127.0.0.1", this.relay.getServer().getPortAllocated(), security,
				TrustedCertificates.read(trustStore, ""), username, PASSWORD, "vigil@network.example",
				Duration.ofSeconds(5));
	}

	private static OutgoingMessage message() {
		return new OutgoingMessage(KEY, "de.mueller@contact.vigil.example", "[Vigil] EMERGENCY",
				"Acknowledge: http://127.0.0.1:8080/ack?t=abc", "http://127.0.0.1:8080/ack?t=abc");
	}

	/** The relay's certificate, for the address the channel connects to. */
	private static Credential loopbackCertificate() {
		return relayCa.issueTlsServer(List.of("localhost"), List.of("127.0.0.1"));
	}

	private static SSLContext serverTls(Credential credential) {
		try {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(null, null);
			keys.setKeyEntry("relay", credential.privateKey(), new char[0],
					credential.chain().toArray(Certificate[]::new));
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(keys, new char[0]);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(factory.getKeyManagers(), null, null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
