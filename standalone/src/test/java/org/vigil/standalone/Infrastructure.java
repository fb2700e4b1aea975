package org.vigil.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.vigil.directory.party.ContactPoint;
import org.vigil.directory.seed.SeedDirectory;
import org.vigil.embedded.FreePorts;
import org.vigil.embedded.kafka.KafkaBroker;
import org.vigil.embedded.provider.ProviderSimulator;
import org.vigil.embedded.push.PushServiceSimulator;
import org.vigil.notifier.push.EcKeys;
import org.vigil.embedded.redis.RedisServer;
import org.vigil.protocol.pki.DevPki;
import org.vigil.protocol.pki.PkiLayout;

/**
 * One real Kafka broker and one real redis-server for the integration tests of this
 * module, started once per JVM on free loopback ports and stopped when the JVM exits.
 */
final class Infrastructure {

	private static Infrastructure instance;

	final KafkaBroker kafka;

	final RedisServer redis;

	/** The network PKI the gateway trusts; tests issue more certificates from it. */
	final DevPki pki;

	final PkiLayout pkiLayout;

	/** The audit ledger's log key, as the standalone creates it on first start. */
	final Path auditKeyDir;

	/** The gateway's mutual-TLS port for national systems. */
	final int mtlsPort;

	/** The SMTP relay the officers' mailboxes are on. */
	final GreenMail mail;

	/** The SMS provider. */
	final ProviderSimulator sms;

	/** The voice provider. */
	final ProviderSimulator voice;

	/** The push service the officers' browsers subscribe at. */
	final PushServiceSimulator push;

	/** The notifier's VAPID key pair: public, private (base64url). */
	static final String[] VAPID = vapidKeys();

	/** The bearer token the providers' delivery callbacks present. */
	static final String CALLBACK_TOKEN = "provider-callback-token-for-tests";

	/** The acknowledgement links' key, shared by the notifier and the gateway. */
	static final String LINK_KEY = "dGVzdC1saW5rLWtleS10ZXN0LWxpbmsta2V5LXRlc3QtbGluaw==";

	static final String PKI_PASSWORD = "test-pki";

	private Infrastructure(KafkaBroker kafka, RedisServer redis, DevPki pki, PkiLayout pkiLayout, Path auditKeyDir,
			int mtlsPort, GreenMail mail, ProviderSimulator sms, ProviderSimulator voice, PushServiceSimulator push) {
		this.kafka = kafka;
		this.redis = redis;
		this.pki = pki;
		this.pkiLayout = pkiLayout;
		this.auditKeyDir = auditKeyDir;
		this.mtlsPort = mtlsPort;
		this.mail = mail;
		this.sms = sms;
		this.voice = voice;
		this.push = push;
	}

	private static String[] vapidKeys() {
		KeyPair keys = EcKeys.generate();
		return new String[] { EcKeys.encode(EcKeys.uncompressed((ECPublicKey) keys.getPublic())),
				EcKeys.encode(EcKeys.scalar((ECPrivateKey) keys.getPrivate())) };
	}

	static synchronized Infrastructure get() {
		if (instance == null) {
			try {
				Path data = Files.createTempDirectory("vigil-it-");
				RedisServer redis = RedisServer.start(data.resolve("redis"), 0);
				KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), 0);
				// No shutdown hook: the broker dies with this JVM, and redis-server is
				// killed by its
				// own hook. Closing them here would race the test contexts still using
				// them.
				// Issued a day before the tests' clock starts, with a CRL good for years:
				// the tests
				// move their clock hours ahead.
				// Certificates valid for nine years: TLS handshakes check them at the
				// real
				// time, not the tests' clock.
				DevPki pki = DevPki.generate(Clock.fixed(NetworkTest.START.minus(Duration.ofDays(1)), ZoneOffset.UTC),
						Period.ofYears(9));
				SeedDirectory.demo().contactPoints().stream().map(ContactPoint::country).forEach(pki::issueParty);
				pki.crlValidity(Duration.ofDays(3650)).issueCrl();
				PkiLayout layout = pki.write(data.resolve("pki"), PKI_PASSWORD.toCharArray());
				pki.issueTlsServer(List.of("localhost"), List.of("127.0.0.1"))
					.writePkcs12(layout.gatewayTlsServer(), PkiLayout.TLS_SERVER_ALIAS, PKI_PASSWORD.toCharArray());
				GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
				mail.start();
				instance = new Infrastructure(kafka, redis, pki, layout, DevLogKey.ensure(data.resolve("audit-key")),
						FreePorts.pick(), mail, ProviderSimulator.start(0, CALLBACK_TOKEN),
						ProviderSimulator.start(0, CALLBACK_TOKEN), PushServiceSimulator.start(0));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

}
