package org.instantfeedback.local.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated ops: a program, not people, standing in for a customer-service team in the local run,
 * so that first response, response and handling times exist and move. Every few seconds it reads
 * the inbox ({@code GET /v1/conversations}) and, as {@link OpsDecisions} plans, answers
 * ({@code POST .../replies}) or closes ({@code POST .../close}) conversations through the query API
 * exactly as a person in the dashboard would, signing as "... (simulated ops)".
 */
public final class SimulatedOps implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedOps.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOOK_EVERY = Duration.ofSeconds(2);

    private final URI streamsBaseUri;
    private final OpsDecisions decisions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-ops");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();

    public SimulatedOps(URI streamsBaseUri, OpsDecisions decisions) {
        this.streamsBaseUri = streamsBaseUri;
        this.decisions = decisions;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::readInbox, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Answers the query API accepted so far. */
    public long answered() {
        return answered.get();
    }

    /** Closings the query API accepted so far. */
    public long closed() {
        return closed.get();
    }

    private void readInbox() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            streamsBaseUri.resolve("/v1/conversations?status=open,waiting&order=oldest-unanswered"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debug("the inbox answered {}", response.statusCode());
                return;
            }
            Set<String> listed = new HashSet<>();
            for (JsonNode conversation : JSON.readTree(response.body()).path("conversations")) {
                OpsDecisions.Seen seen = new OpsDecisions.Seen(conversation.path("conversationId").asText(),
                        conversation.path("status").asText(), conversation.path("waitingSince").asText(),
                        conversation.path("lastMessageAt").asText(), conversation.path("replies").asInt());
                listed.add(seen.conversationId());
                decisions.consider(seen).ifPresent(plan -> scheduler.schedule(() -> act(plan),
                        plan.after().toMillis(), TimeUnit.MILLISECONDS));
            }
            decisions.keepOnly(listed);
        } catch (IOException e) {
            LOG.warn("simulated ops could not read the inbox at {}: {}", streamsBaseUri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void act(OpsDecisions.Plan plan) {
        ObjectNode body = JSON.createObjectNode().put("by", plan.by());
        String path = "/v1/conversations/" + URLEncoder.encode(plan.conversationId(), StandardCharsets.UTF_8);
        boolean answer = plan.act() == OpsDecisions.Act.ANSWER;
        if (answer) {
            body.put("text", plan.text());
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            streamsBaseUri.resolve(path + (answer ? "/replies" : "/close")))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                (answer ? answered : closed).incrementAndGet();
            } else {
                // 409 and 404 are the passenger's doing (STOP, FORGET ME) or a closing that came first
                LOG.debug("simulated ops' {} of {} answered {}", plan.act(), plan.conversationId(),
                        response.statusCode());
            }
        } catch (IOException e) {
            LOG.warn("simulated ops could not reach the query API at {}: {}", streamsBaseUri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
