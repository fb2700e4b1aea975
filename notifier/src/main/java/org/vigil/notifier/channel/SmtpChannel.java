package org.vigil.notifier.channel;

import java.time.Duration;
import java.util.Properties;

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
 */
public class SmtpChannel implements Channel {

	/** How the connection is protected. */
	public enum Security {

		/** STARTTLS, and refuse a relay that does not offer it. */
		STARTTLS_REQUIRED,

		/** STARTTLS when the relay offers it (a relay on loopback, in tests). */
		STARTTLS_OPTIONAL,

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
	 * @param host the relay
	 * @param port its port (587 for submission with STARTTLS)
	 * @param security how the connection is protected
	 * @param sslTrust hosts whose certificates are trusted without a chain to the JDK's
	 * roots ("*" for all, as for a test relay's self-signed certificate); empty for none
	 * @param username for SMTP AUTH; empty for none
	 * @param password for SMTP AUTH
	 * @param from the sender address
	 * @param timeout for connecting, reading and writing
	 */
	public SmtpChannel(String host, int port, Security security, String sslTrust, String username, String password,
			String from, Duration timeout) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", Integer.toString(port));
		properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
		properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
		properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
		properties.put("mail.smtp.starttls.enable", Boolean.toString(security != Security.NONE));
		properties.put("mail.smtp.starttls.required", Boolean.toString(security == Security.STARTTLS_REQUIRED));
		properties.put("mail.smtp.ssl.checkserveridentity", "true");
		if (sslTrust != null && !sslTrust.isEmpty()) {
			properties.put("mail.smtp.ssl.trust", sslTrust);
		}
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
			return SendOutcome.failed("SMTP: " + ex.getMessage());
		}
	}

}
