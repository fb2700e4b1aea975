package org.vigil.notifier;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.directory.replica.DirectoryReplicaConfiguration;
import org.vigil.notifier.alerting.AlertHandler;
import org.vigil.notifier.alerting.EventConsumer;
import org.vigil.notifier.alerting.IndexRebuild;
import org.vigil.notifier.channel.Channel;
import org.vigil.notifier.channel.HttpProviderChannel;
import org.vigil.notifier.channel.SmtpChannel;
import org.vigil.notifier.channel.TrustedCertificates;
import org.vigil.notifier.direct.CommandConsumer;
import org.vigil.notifier.direct.DirectSender;
import org.vigil.notifier.plan.RulesSnapshots;
import org.vigil.notifier.push.PushChannel;
import org.vigil.notifier.push.PushReceiptController;
import org.vigil.notifier.push.PushReceipts;
import org.vigil.notifier.push.Vapid;
import org.vigil.notifier.queue.DeliveryLog;
import org.vigil.notifier.queue.DeliveryQueue;
import org.vigil.notifier.reply.InboundSmsController;
import org.vigil.notifier.reply.ReplyCodes;
import org.vigil.notifier.sending.RateLimits;
import org.vigil.notifier.sending.ReceiptController;
import org.vigil.notifier.sending.Sender;
import org.vigil.protocol.notification.AckTokens;
import org.vigil.protocol.notification.ContactChannel;

/**
 * The notifier: the channels configured, the queue, the sender and the consumer of
 * {@code vigil.events}. Needs a {@link Clock}, Kafka and Redis. Off with
 * {@code vigil.notifier.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "vigil.notifier", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(NotifierProperties.class)
@Import({ DirectoryReplicaConfiguration.class, ReceiptController.class, InboundSmsController.class,
		PushReceiptController.class })
public class NotifierConfiguration {

	/** Where the gateway serves the acknowledgement page. */
	public static final String ACK_PATH = "/ack";

	@Bean
	DeliveryQueue deliveryQueue(StringRedisTemplate redis, NotifierProperties properties) {
		return new DeliveryQueue(redis, new NotifierKeys(properties.keyPrefix()));
	}

	@Bean(destroyMethod = "close")
	Producer<String, byte[]> notifierProducer(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	@Bean
	DeliveryLog deliveryLog(Producer<String, byte[]> notifierProducer, NotifierProperties properties) {
		return new DeliveryLog(notifierProducer, properties.publishTimeout());
	}

	@Bean(destroyMethod = "")
	ExecutorService notifierSendPool(NotifierProperties properties) {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(properties.senderThreads(), (task) -> {
			Thread thread = new Thread(task, "notifier-send-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	Sender notifierSender(DeliveryQueue queue, DeliveryLog deliveryLog, DirectoryReplica directory,
			NotifierProperties properties, Clock clock, ExecutorService notifierSendPool, ReplyCodes replyCodes,
			PushReceipts pushReceipts) {
		Map<ContactChannel, Channel> channels = new EnumMap<>(ContactChannel.class);
		RateLimits limits = new RateLimits(System::nanoTime);
		NotifierProperties.Mail mail = properties.mail();
		if (mail != null) {
			KeyStore trust = mail.trustStore().isEmpty() ? null
					: TrustedCertificates.read(Path.of(mail.trustStore()), mail.trustStorePassword());
			channels.put(ContactChannel.EMAIL, new SmtpChannel(mail.host(), mail.port(), mail.security(), trust,
					mail.username(), mail.password(), mail.from(), mail.timeout()));
			limits.limit(ContactChannel.EMAIL, mail.perSecond(), mail.burst());
		}
		provider(ContactChannel.SMS, properties.sms(), properties, channels, limits);
		provider(ContactChannel.VOICE, properties.voice(), properties, channels, limits);
		NotifierProperties.Push push = properties.push();
		if (push != null && push.configured()) {
			// The push service checks a VAPID token's expiry against its own clock, the
			// real one, as a TLS peer checks a certificate: signed at the system's time.
			channels.put(ContactChannel.PUSH, new PushChannel(
					new Vapid(push.vapidPublicKey(), push.vapidPrivateKey(), push.subject(), Clock.systemUTC()),
					push.ttl(), push.timeout(), push.allowLoopback(), pushReceipts, properties.pushReceiptUrl()));
			limits.limit(ContactChannel.PUSH, push.perSecond(), push.burst());
		}
		String base = properties.publicUrl().replaceAll("/+$", "");
		Sender sender = new Sender(queue, deliveryLog, channels, limits, directory,
				AckTokens.fromBase64(properties.linkKey()),
				new Sender.Settings(properties.lease(), properties.receiptWithin(), properties.batch(),
						properties.linkValidity(), base + ACK_PATH, base + "/"),
				clock, notifierSendPool);
		sender.replyCodes(replyCodes);
		return sender;
	}

	/** Present without push too: every token is then unknown, and refused. */
	@Bean
	PushReceipts pushReceipts(StringRedisTemplate redis, NotifierProperties properties) {
		return new PushReceipts(redis, new NotifierKeys(properties.keyPrefix()), properties.linkValidity());
	}

	@Bean
	ReplyCodes replyCodes(StringRedisTemplate redis, NotifierProperties properties) {
		return new ReplyCodes(redis, new NotifierKeys(properties.keyPrefix()));
	}

	private static void provider(ContactChannel kind, NotifierProperties.Provider provider,
			NotifierProperties properties, Map<ContactChannel, Channel> channels, RateLimits limits) {
		if (provider == null) {
			return;
		}
		channels.put(kind, new HttpProviderChannel(kind, provider.url(), provider.username(), provider.password(),
				provider.template(), properties.effectiveCallbackUrl(), provider.timeout()));
		limits.limit(kind, provider.perSecond(), provider.burst());
	}

	@Bean
	AlertHandler alertHandler(DeliveryQueue queue, DeliveryLog deliveryLog, DirectoryReplica directory, Clock clock,
			Sender sender, StringRedisTemplate redis, NotifierProperties properties) {
		return new AlertHandler(queue, deliveryLog, directory,
				new RulesSnapshots(redis, new NotifierKeys(properties.keyPrefix()), clock), clock, sender.channels());
	}

	@Bean
	DirectSender directSender(Sender sender, Producer<String, byte[]> notifierProducer, NotifierProperties properties,
			Clock clock) {
		return new DirectSender(sender, notifierProducer, properties.publishTimeout(), clock);
	}

	@Bean
	CommandConsumer notifierCommandConsumer(KafkaProperties kafka, NotifierProperties properties,
			DirectSender directSender) {
		return new CommandConsumer(String.join(",", kafka.getBootstrapServers()),
				properties.consumerGroup() + "-direct", directSender, properties.sessionTimeout());
	}

	@Bean
	NotifierService notifierService(KafkaProperties kafka, NotifierProperties properties, AlertHandler handler,
			Sender sender, ExecutorService notifierSendPool, DeliveryQueue queue, Clock clock) {
		String bootstrap = String.join(",", kafka.getBootstrapServers());
		EventConsumer consumer = new EventConsumer(bootstrap, properties.consumerGroup(), handler,
				properties.sessionTimeout());
		return new NotifierService(new IndexRebuild(bootstrap, handler, queue, clock), consumer, sender,
				notifierSendPool, properties.tick());
	}

}
