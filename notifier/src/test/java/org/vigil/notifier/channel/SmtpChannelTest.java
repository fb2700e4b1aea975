package org.vigil.notifier.channel;

import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.vigil.protocol.OfficerId;
import org.vigil.protocol.RequestId;
import org.vigil.protocol.notification.ContactChannel;
import org.vigil.protocol.notification.DeliveryKey;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mail to a real SMTP server (GreenMail) on loopback. */
class SmtpChannelTest {

	@RegisterExtension
	static final GreenMailExtension relay = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final DeliveryKey KEY = new DeliveryKey(RequestId.of("req-mail-0001"), 1, 1,
			OfficerId.of("de.mueller"), ContactChannel.EMAIL);

	private static OutgoingMessage message() {
		return new OutgoingMessage(KEY, "de.mueller@contact.vigil.example", "[Vigil] EMERGENCY",
				"Acknowledge: http://127.0.0.1:8080/ack?t=abc", "http://127.0.0.1:8080/ack?t=abc");
	}

	private static SmtpChannel channel(SmtpChannel.Security security) {
		return new SmtpChannel("127.0.0.1", relay.getSmtp().getPort(), security, null, "", "", "vigil@network.example",
				Duration.ofSeconds(5));
	}

	@Test
	void theRelayGetsTheMessageWithItsKeyAsMessageId() throws Exception {
		SendOutcome outcome = channel(SmtpChannel.Security.STARTTLS_OPTIONAL).send(message());

		assertThat(outcome.accepted()).isTrue();
		MimeMessage[] received = relay.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("de.mueller@contact.vigil.example");
		assertThat(received[0].getSubject()).isEqualTo("[Vigil] EMERGENCY");
		assertThat(received[0].getMessageID()).isEqualTo("<req-mail-0001.1.1.de.mueller.EMAIL@vigil>");
		assertThat(received[0].getHeader(SmtpChannel.KEY_HEADER)[0]).isEqualTo(KEY.value());
		assertThat(received[0].getContent().toString()).contains("/ack?t=abc");
	}

	@Test
	void refusesARelayWithoutStartTlsWhenItIsRequired() {
		SendOutcome outcome = channel(SmtpChannel.Security.STARTTLS_REQUIRED).send(message());

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.detail()).containsIgnoringCase("STARTTLS");
		assertThat(relay.getReceivedMessages()).isEmpty();
	}

	@Test
	void aRelayThatIsDownIsAFailureNotAnException() {
		SmtpChannel nowhere = new SmtpChannel("127.0.0.1", 1, SmtpChannel.Security.NONE, null, "", "",
				"vigil@network.example", Duration.ofSeconds(2));

		assertThat(nowhere.send(message()).accepted()).isFalse();
	}

}
