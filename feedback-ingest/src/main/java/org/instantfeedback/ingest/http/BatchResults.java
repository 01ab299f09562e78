package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.instantfeedback.ingest.intake.FeedbackIntake.ItemResult;
import org.instantfeedback.ingest.intake.FeedbackIntake.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a request carrying several items (a kiosk batch, several SMS): one result per
 * item, in order, with {@code status} {@code accepted} (stored now), {@code duplicate} (stored
 * before; nothing done), {@code rejected} (invalid, with {@code errors}; sending it again will not
 * help) or {@code unavailable} (not stored; send it again). The status code is {@code 200} when
 * every item has a final outcome, and {@code 503} with {@code Retry-After} when at least one is
 * unavailable, so a client may drop what it buffered exactly when it gets a 2xx. Re-sending the
 * whole batch is safe: stored items come back as duplicates. An SMS that was a passenger's request
 * rather than feedback is {@code accepted} once Kafka has the request, with the request in {@code action}.
 */
public final class BatchResults {
    private static final Logger LOG = LoggerFactory.getLogger(BatchResults.class);

    private final JsonResponses responses;
    private final int retryAfterSeconds;

    public BatchResults(JsonResponses responses, int retryAfterSeconds) {
        this.responses = responses;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * @param ids     the event id of each item, null where it could not be derived
     * @param itemIds the client's id of each item (echoed back), or null
     */
    void write(Context ctx, List<String> ids, List<String> itemIds, List<ItemResult> results) {
        write(ctx, ids, itemIds, results, null);
    }

    /** As above; {@code actions} holds, for each item that was a request, its name ({@code opt-out}), else null. */
    void write(Context ctx, List<String> ids, List<String> itemIds, List<ItemResult> results, List<String> actions) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        List<Map<String, Object>> items = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            counts.merge(result.status(), 1, Integer::sum);
            Map<String, Object> item = item(i, itemIds == null ? null : itemIds.get(i),
                    result.eventId() != null ? result.eventId() : ids.get(i), result);
            if (actions != null && actions.get(i) != null) {
                item.put("action", actions.get(i));
            }
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", counts.getOrDefault(Status.ACCEPTED, 0));
        body.put("duplicates", counts.getOrDefault(Status.DUPLICATE, 0));
        body.put("rejected", counts.getOrDefault(Status.REJECTED, 0));
        body.put("unavailable", counts.getOrDefault(Status.UNAVAILABLE, 0));
        body.put("items", items);
        int unavailable = counts.getOrDefault(Status.UNAVAILABLE, 0);
        if (unavailable > 0) {
            LOG.warn("{} {}: {} of {} items could not be stored", ctx.method().name(), ctx.path(), unavailable,
                    results.size());
            ctx.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        responses.write(ctx, unavailable > 0 ? 503 : 200, body);
    }

    private static Map<String, Object> item(int index, String itemId, String eventId, ItemResult result) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("index", index);
        if (itemId != null) {
            item.put("itemId", itemId);
        }
        if (eventId != null) {
            item.put("id", eventId);
        }
        item.put("status", result.status().name().toLowerCase(Locale.ROOT));
        if (result.invalid() != null) {
            item.put("errors", result.invalid().errors());
        }
        if (result.failure() != null) {
            item.put("detail", "not stored right now; send it again");
        }
        return item;
    }
}
