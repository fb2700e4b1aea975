package org.vigil.notifier.channel;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.vigil.protocol.notification.ContactChannel;

/**
 * E-mail through an SMTP relay (Jakarta Mail, Eclipse Angus). The relay's acceptance is
 * the last thing SMTP tells: a message the relay took is SENT, and there is no receipt.
 * Each message carries its idempotency key as its {@code Message-ID}, so that a message
 * sent twice after a crash is one message to a client that threads or deduplicates.
 *
 * <p>
 * Over TLS (STARTTLS or SMTPS) the relay's certificate must chain to the trust store
 * given (the JDK's roots when none is) and name the host the channel connects to: a
 * message carries an acknowledgement link, which must not reach a relay that merely
 * claims to be the one configured. A relay that cannot be reached, does not offer
 * STARTTLS when it is required, or presents a certificate that fails either check is a
 * failed send, and the next channel is tried; nothing is sent in clear instead.
 */
public class SmtpChannel implements Channel {

	/** How the connection is protected. */
	public enum Security {

		/** STARTTLS, and refuse a relay that does not offer it (submission, port 587). */
		STARTTLS_REQUIRED,

		/**
		 * STARTTLS when the relay offers it, plain SMTP (credentials and links in clear)
		 * when it does not: only for a relay on the same host.
		 */
		STARTTLS_OPTIONAL,

		/** TLS from the first byte (SMTPS, "implicit TLS", port 465). */
		SMTPS,

		/** Plain SMTP; only for a relay on the same host. */
		NONE

	}

	/** The header that names the message's idempotency key, for a relay that wants it. */
	public static final String KEY_HEADER = "Vigil-Delivery-Key";

	private final Session session;

	private final InternetAddress from;

	private final String username;

	private final String password;

	/**
	 * @param host the relay, as its certificate names it (a DNS name or an IP address)
	 * @param port its port (587 for submission with STARTTLS, 465 for SMTPS)
	 * @param security how the connection is protected
	 * @param trustStore the certificates the relay's chain must end in; null for the
	 * JDK's default trust store
	 * @param username for SMTP AUTH; empty or null for none
	 * @param password for SMTP AUTH
	 * @param from the sender address
	 * @param timeout for connecting, reading and writing
	 * @throws IllegalArgumentException if the sender is not an address or the trust store
	 * is unusable
	 */
	public SmtpChannel(String host, int port, Security security, KeyStore trustStore, String username, String password,
			String from, Duration timeout) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", Integer.toString(port));
		properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
		properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
		properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
		boolean startTls = security == Security.STARTTLS_REQUIRED || security == Security.STARTTLS_OPTIONAL;
		properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
		properties.put("mail.smtp.starttls.required", Boolean.toString(security == Security.STARTTLS_REQUIRED));
		properties.put("mail.smtp.ssl.enable", Boolean.toString(security == Security.SMTPS));
		// Angus checks the certificate's names against the host after the handshake, for
		// STARTTLS and SMTPS alike; its socket factory is the one made from the trust
		// store.
		properties.put("mail.smtp.ssl.checkserveridentity", "true");
		properties.put("mail.smtp.ssl.socketFactory", tls(trustStore).getSocketFactory());
		boolean auth = username != null && !username.isEmpty();
		properties.put("mail.smtp.auth", Boolean.toString(auth));
		this.session = Session.getInstance(properties);
		this.username = auth ? username : null;
		this.password = auth ? password : null;
		try {
			this.from = new InternetAddress(from, true);
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("not a sender address: " + from, ex);
		}
	}

	private static SSLContext tls(KeyStore trustStore) {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("cannot use the relay's trust store: " + ex.getMessage(), ex);
		}
	}

	@Override
	public ContactChannel kind() {
		return ContactChannel.EMAIL;
	}

	@Override
	public boolean hasReceipts() {
		return false;
	}

	@Override
	public SendOutcome send(OutgoingMessage message) {
		String messageId = "<" + message.reference().replace('/', '.') + "@vigil>";
		try {
			MimeMessage mime = new MimeMessage(this.session) {

				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}

			};
			mime.setFrom(this.from);
			mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.address(), true));
			mime.setSubject((message.subject() != null) ? message.subject() : "Vigil", "UTF-8");
			mime.setText(message.text(), "UTF-8");
			mime.setHeader(KEY_HEADER, message.reference());
			mime.saveChanges();
			if (this.username != null) {
				Transport.send(mime, this.username, this.password);
			}
			else {
				Transport.send(mime);
			}
			return SendOutcome.accepted(messageId);
		}
		catch (MessagingException ex) {
			return SendOutcome.failed("SMTP: " + why(ex));
		}
	}

	/**
	 * The exception's message and that of the first cause that is not Jakarta Mail's:
	 * "Could not convert socket to TLS" says little without the certificate check that
	 * failed under it ("PKIX path validation failed: …", "No subject alternative names
	 * matching IP address …").
	 */
	private static String why(MessagingException ex) {
		Throwable cause = ex.getCause();
		while (cause instanceof MessagingException && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause == null || cause instanceof MessagingException || cause.getMessage() == null) {
			return String.valueOf(ex.getMessage());
		}
		return ex.getMessage() + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
	}

}
