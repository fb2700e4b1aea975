package org.vigil.directory.kafka;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.vigil.protocol.Topics;

/**
 * Every Vigil topic as a {@link NewTopic}, from {@link Topics#all()}. Whichever service
 * starts first creates them; for the others it is a no-op. Partitions and replicas are
 * left to the broker's defaults ({@code num.partitions},
 * {@code default.replication.factor}), which is where an operator sizes a cluster, except
 * for a topic that declares its partitions ({@code vigil.audit}: one).
 */
@Configuration(proxyBeanMethods = false)
public class TopicConfiguration {

	@Bean
	KafkaAdmin.NewTopics vigilTopics() {
		return new KafkaAdmin.NewTopics(Topics.all().stream().map((topic) -> {
			TopicBuilder builder = TopicBuilder.name(topic.name()).configs(topic.config());
			return (topic.partitions() > 0) ? builder.partitions(topic.partitions()).build() : builder.build();
		}).toArray(NewTopic[]::new));
	}

}
