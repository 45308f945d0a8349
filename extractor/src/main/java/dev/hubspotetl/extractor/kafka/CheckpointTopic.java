package dev.hubspotetl.extractor.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Makes sure the compacted checkpoint topic has at least as many partitions as the request topic,
 * because a scan's checkpoint goes to the partition number of its request. Runs after KafkaAdmin has
 * declared the topics and before any consumer starts.
 */
public final class CheckpointTopic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointTopic.class);
    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;
    private final String requestTopic;
    private final String checkpointTopic;
    private final short replicationFactor;
    private volatile boolean running;

    public CheckpointTopic(Admin admin, String requestTopic, String checkpointTopic, short replicationFactor) {
        this.admin = admin;
        this.requestTopic = requestTopic;
        this.checkpointTopic = checkpointTopic;
        this.replicationFactor = replicationFactor;
    }

    @Override
    public void start() {
        try {
            int wanted = partitions(requestTopic);
            if (wanted < 0) {
                throw new IllegalStateException("The scan-request topic " + requestTopic + " does not exist");
            }
            int existing = partitions(checkpointTopic);
            if (existing < 0) {
                admin.createTopics(List.of(new NewTopic(checkpointTopic, wanted, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                log.info("Created checkpoint topic {} with {} partitions", checkpointTopic, wanted);
            } else if (existing < wanted) {
                admin.createPartitions(Map.of(checkpointTopic, NewPartitions.increaseTo(wanted)))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                log.info("Grew checkpoint topic {} from {} to {} partitions", checkpointTopic, existing, wanted);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while preparing " + checkpointTopic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new KafkaException("Cannot prepare the checkpoint topic " + checkpointTopic, e);
            }
        }
        running = true;
    }

    private int partitions(String topic) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return described.get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return -1;
            }
            throw e;
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return ControlReader.PHASE - 100;
    }
}
