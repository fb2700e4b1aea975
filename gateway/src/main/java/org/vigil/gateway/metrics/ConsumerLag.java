package org.vigil.gateway.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * {@code vigil.consumer.lag}, tagged {@code group} and {@code topic}: how many committed
 * records of a topic a consumer group has not yet committed past, summed over partitions,
 * measured every {@code lagInterval} with the Kafka admin client. A group that has not
 * committed anything yet is not reported. Every gateway instance measures the same
 * groups, so dashboards take the max over instances.
 */
public final class ConsumerLag implements SmartLifecycle {

	public static final String CONSUMER_LAG = "vigil.consumer.lag";

	private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

	private final Admin admin;

	private final List<String> groups;

	private final Duration interval;

	private final MultiGauge gauge;

	private ScheduledExecutorService scheduler;

	public ConsumerLag(Admin admin, List<String> groups, Duration interval, MeterRegistry registry) {
		this.admin = admin;
		this.groups = List.copyOf(groups);
		this.interval = interval;
		this.gauge = MultiGauge.builder(CONSUMER_LAG)
			.description("Records a consumer group has yet to process, per topic (committed offsets)")
			.register(registry);
	}

	/**
	 * Measures every group once and publishes the rows; a group that fails is left out.
	 */
	void measure() {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		for (String group : this.groups) {
			try {
				lag(group)
					.forEach((topic, lag) -> rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), lag)));
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
					return;
				}
				log.debug("Could not measure the lag of consumer group {}: {}", group, ex.toString());
			}
		}
		this.gauge.register(rows, true);
	}

	private Map<String, Long> lag(String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		committed.forEach((partition, offset) -> {
			if (offset != null) {
				latest.put(partition, OffsetSpec.latest());
			}
		});
		Map<String, Long> byTopic = new HashMap<>();
		if (latest.isEmpty()) {
			return byTopic;
		}
		Map<TopicPartition, ListOffsetsResultInfo> ends = this.admin
			.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
			.all()
			.get(10, TimeUnit.SECONDS);
		ends.forEach((partition, end) -> {
			long lag = Math.max(0, end.offset() - committed.get(partition).offset());
			byTopic.merge(partition.topic(), lag, Long::sum);
		});
		return byTopic;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "vigil-consumer-lag");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::measure, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.scheduler.shutdownNow();
		this.admin.close(Duration.ofSeconds(5));
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null && !this.scheduler.isShutdown();
	}

}
