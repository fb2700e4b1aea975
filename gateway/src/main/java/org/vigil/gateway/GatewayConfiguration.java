package org.vigil.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.vigil.directory.replica.DirectoryReplica;
import org.vigil.directory.replica.DirectoryReplicaConfiguration;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.alerting.AlertFanOut;
import org.vigil.gateway.audit.AuditTrail;
import org.vigil.gateway.audit.SubmissionAuditFilter;
import org.vigil.gateway.command.CommandPublisher;
import org.vigil.gateway.directory.DirectoryEditor;
import org.vigil.gateway.drill.DrillProperties;
import org.vigil.gateway.drill.DrillResults;
import org.vigil.gateway.drill.DrillScheduler;
import org.vigil.gateway.drill.Drills;
import org.vigil.gateway.metrics.GatewayMetrics;
import org.vigil.gateway.receipt.Receipts;
import org.vigil.gateway.problem.RequestSizeFilter;
import org.vigil.gateway.security.RateLimitFilter;
import org.vigil.gateway.signing.NetworkTrust;
import org.vigil.gateway.signing.SignedRequests;
import org.vigil.gateway.status.EventProjector;
import org.vigil.gateway.status.ProjectionMarks;
import org.vigil.gateway.status.RequestStatuses;
import org.vigil.protocol.json.UnreadableRecord;

/**
 * The gateway's beans. Controllers, security and STOMP configuration are found by
 * scanning this package; the Kafka and Redis plumbing is wired here, in one place.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GatewayProperties.class, DrillProperties.class })
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@Import(DirectoryReplicaConfiguration.class)
public class GatewayConfiguration {

	/** The gateway's one producer: idempotent, {@code acks=all}, no batching delay. */
	@Bean
	KafkaTemplate<String, byte[]> gatewayKafkaTemplate(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// A submission waits for its own write: batching would only add latency.
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "vigil-gateway");
		return new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
	}

	@Bean
	CommandPublisher commandPublisher(KafkaTemplate<String, byte[]> gatewayKafkaTemplate, GatewayProperties properties,
			AuditTrail audit) {
		return new CommandPublisher(gatewayKafkaTemplate, properties.publishTimeout(), audit);
	}

	@Bean
	AuditTrail auditTrail(KafkaTemplate<String, byte[]> gatewayKafkaTemplate) {
		return new AuditTrail(gatewayKafkaTemplate);
	}

	@Bean
	FilterRegistrationBean<SubmissionAuditFilter> submissionAuditFilter(AuditTrail trail, Clock clock,
			GatewayMetrics metrics) {
		FilterRegistrationBean<SubmissionAuditFilter> registration = new FilterRegistrationBean<>(
				new SubmissionAuditFilter(trail, clock, metrics));
		registration.addUrlPatterns("/api/v1/requests");
		return registration;
	}

	/** After Spring Security's filters (the default order), so the principal is known. */
	/**
	 * Bounds every API request body; after the security filters, so a stranger gets 401.
	 */
	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(GatewayProperties properties) {
		FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeFilter(properties.maxRequestBytes()));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(StringRedisTemplate redis, Clock clock,
			GatewayProperties properties) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(redis, clock, properties.requestsPerMinute()));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	@Bean
	RequestStatuses requestStatuses(StringRedisTemplate redis, GatewayMetrics metrics) {
		return new RequestStatuses(redis, metrics);
	}

	@Bean
	AlertFanOut alertFanOut(SimpMessagingTemplate stomp) {
		return new AlertFanOut(stomp);
	}

	@Bean
	RedisMessageListenerContainer alertSubscription(RedisConnectionFactory redis, AlertFanOut fanOut) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(redis);
		container.addMessageListener(fanOut, new ChannelTopic(GatewayKeys.ALERT_CHANNEL));
		return container;
	}

	@Bean
	EventProjector eventProjector(RequestStatuses statuses, StringRedisTemplate redis, Receipts receipts) {
		return new EventProjector(statuses, new ProjectionMarks(redis), receipts);
	}

	@Bean
	DrillResults drillResults(StringRedisTemplate redis) {
		return new DrillResults(redis);
	}

	@Bean
	Drills drills(CommandPublisher commands, RequestStatuses statuses, DrillResults results,
			SignedRequests signedRequests, DirectoryView directory, Clock clock) {
		return new Drills(commands, statuses, results, signedRequests, directory, clock);
	}

	@Bean
	DrillScheduler drillScheduler(Drills drills, StringRedisTemplate redis, Clock clock, DrillProperties properties) {
		return new DrillScheduler(drills, redis, clock, properties);
	}

	@Bean
	NetworkTrust networkTrust(GatewayProperties properties, Clock clock) {
		return new NetworkTrust(properties.pkiDir(), properties.pkiPassword().toCharArray(), clock,
				properties.maxSignedRequestBytes());
	}

	@Bean
	SignedRequests signedRequests(NetworkTrust trust, DirectoryView directory, Clock clock,
			GatewayProperties properties) {
		return new SignedRequests(trust, directory, clock, properties.clockSkew());
	}

	@Bean
	DirectoryEditor directoryEditor(KafkaTemplate<String, byte[]> gatewayKafkaTemplate, DirectoryReplica replica,
			StringRedisTemplate redis, AuditTrail audit, Clock clock) {
		return new DirectoryEditor(gatewayKafkaTemplate, replica, redis, audit, clock);
	}

	@Bean
	Receipts receipts(NetworkTrust trust, StringRedisTemplate redis) {
		return new Receipts(trust, redis);
	}

	/**
	 * Reads committed records only. A record that cannot be read is logged and skipped
	 * (it stays in Kafka); any other failure, such as Redis being down, is retried with
	 * backoff for as long as it takes, because skipping it would leave a hole in the read
	 * model.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> gatewayListenerFactory(KafkaProperties kafka,
			GatewayProperties properties) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// Kafka's default of 45 s would leave a dead instance's partitions unprojected,
		// and their alerts off every console, that long.
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) properties.sessionTimeout().toMillis());
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
				(int) Math.max(500, properties.sessionTimeout().toMillis() / 4));
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
		errors.addNotRetryableExceptions(UnreadableRecord.class);
		factory.setCommonErrorHandler(errors);
		// One thread kept the alert path waiting behind Redis writes and receipt signing
		// under load (docs/benchmarks.md).
		factory.setConcurrency(properties.projectorThreads());
		return factory;
	}

	/**
	 * The projector's: as {@link #gatewayListenerFactory}, but each poll's records come
	 * as one batch, so that the projector checks once per batch that Redis still holds
	 * the read model (see {@link EventProjector}). A record that fails is retried with
	 * backoff from that record on.
	 */
	private static final Duration PROJECTOR_IDLE_CHECK = Duration.ofSeconds(5);

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> gatewayBatchListenerFactory(KafkaProperties kafka,
			GatewayProperties properties) {
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = gatewayListenerFactory(kafka, properties);
		factory.setBatchListener(true);
		// A consumer with nothing to read looks at the read model's marks all the same
		// (EventProjector#onIdleContainer).
		factory.getContainerProperties().setIdleEventInterval(PROJECTOR_IDLE_CHECK.toMillis());
		// Not five times longer for a consumer that has received nothing yet: its
		// partitions may be the ones to rebuild.
		factory.getContainerProperties().setIdleBeforeDataMultiplier(1.0);
		return factory;
	}

	/**
	 * The API reads JSON strictly: an enum given as its index ({@code "urgency": 1}) or
	 * an integer given as a fraction ({@code "minutes": 1.5}) is a malformed request, not
	 * a guess.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictApiJson() {
		return (builder) -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
	}

	/**
	 * Tomcat refuses a URL with an encoded slash ({@code %2F}) itself, with an HTML page.
	 * Passed through, it meets Spring Security's firewall, which refuses it as well, and
	 * the refusal becomes a problem detail like every other
	 * ({@code ProblemErrorController}).
	 */
	@Bean
	TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
		return (connector) -> connector.setEncodedSolidusHandling("passthrough");
	}

	@Bean
	KafkaHealth kafkaHealthIndicator(KafkaProperties kafka) {
		return new KafkaHealth(Admin.create(kafka.buildAdminProperties()));
	}

}
