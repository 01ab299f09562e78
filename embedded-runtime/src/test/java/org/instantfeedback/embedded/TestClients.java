package org.instantfeedback.embedded;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka and HTTP clients the tests use to prove that broker and registry really work. */
public final class TestClients {

    public static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestClients() {
    }

    public static void produce(String bootstrapServers, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DEADLINE.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the start until {@code expected} values arrived (or the deadline passed). */
    public static List<String> consumeValues(String bootstrapServers, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                    values.add(rec.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }

    public static boolean acceptsConnections(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 1_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Whether a broker answers Kafka requests there within two seconds. Unlike
     * {@link #acceptsConnections}, this holds for every backend: a paused container's port still
     * accepts connections (Docker's proxy takes them) but nothing answers.
     */
    public static boolean answersKafka(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000))) {
            admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> postConfluentJson(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", CONFLUENT_JSON)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Registers an Avro schema under {@code subject} and returns the id the registry assigned. */
    public static long registerAvroSchema(String registryUrl, String subject, String schema) throws Exception {
        String quoted = "\"" + schema.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        HttpResponse<String> response =
                postConfluentJson(registryUrl + "/subjects/" + subject + "/versions", "{\"schema\":" + quoted + "}");
        if (response.statusCode() != 200) {
            throw new AssertionError("Registering " + subject + " answered " + response.statusCode() + ": " + response.body());
        }
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
        if (!id.find()) {
            throw new AssertionError("No id in " + response.body());
        }
        return Long.parseLong(id.group(1));
    }

    public static String uniqueTopic() {
        return "topic-" + UUID.randomUUID();
    }
}
