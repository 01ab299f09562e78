package org.instantfeedback.ingest.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.instantfeedback.service.health.DependencyCheck;

/** Kafka counts as reachable when a broker answers a cluster description. */
public final class KafkaCheck implements DependencyCheck {
    private final Admin admin;

    public KafkaCheck(Admin admin) {
        this.admin = admin;
    }

    /** An admin client with the operator's connection settings (those that apply to admin clients). */
    public static KafkaCheck create(Map<String, Object> kafkaSettings) {
        Map<String, Object> props = new HashMap<>(kafkaSettings);
        // Producer-only settings would only make the admin client log warnings about unknown configs.
        props.keySet().retainAll(AdminClientConfig.configNames());
        return new KafkaCheck(Admin.create(props));
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public boolean isReachable(Duration timeout) {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
        try {
            return !admin.describeCluster(options).nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
