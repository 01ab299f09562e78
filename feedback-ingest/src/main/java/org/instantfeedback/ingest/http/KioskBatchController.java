package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.config.KioskSettings;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.InvalidFeedbackException;
import org.instantfeedback.ingest.http.RejectedRequestException.Reason;
import org.instantfeedback.ingest.intake.FeedbackIntake;
import org.instantfeedback.ingest.ratelimit.RateLimiter;
import org.instantfeedback.service.problem.FieldError;

/**
 * {@code POST /v1/feedback/batch}: taps a kiosk buffered (while offline, say), sent together:
 *
 * <pre>{@code
 * {"kioskId": "kiosk-7", "subject": "branch-central", "scale": "smiley-4",
 *  "items": [{"itemId": "1842", "rating": 4, "occurredAt": "2026-05-01T08:30:00Z"}, ...]}
 * }</pre>
 *
 * Items take {@code subject} and {@code scale} from the batch unless they give their own, and
 * carry the fields of {@code POST /v1/feedback}. Each item's event id is
 * {@code kiosk:<kioskId>:<itemId>}, or {@code kiosk:<kioskId>:<Idempotency-Key>:<index>} for items
 * without an itemId, so a kiosk that re-sends a batch gets its stored items back as duplicates.
 * Up to {@code INGEST_BATCH_MAX_ITEMS} items; authenticated by an API key
 * ({@code INGEST_KIOSK_API_KEYS}). Results item by item: see {@link BatchResults}.
 */
public final class KioskBatchController {
    public static final String PATH = "/v1/feedback/batch";
    private static final String KIOSK_ID = "kioskId";
    private static final String ITEMS = "items";
    private static final String ITEM_ID = "itemId";
    private static final String EVENT_ID_PREFIX = "kiosk:";
    private static final int BATCH_KEY_MAX_LENGTH = 64;
    private static final Pattern KIOSK_ID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern ITEM_ID_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final ApiKeys apiKeys;
    private final JsonRequestBody json;
    private final int maxItems;
    private final FeedbackIntake intake;
    private final RateLimiter limits;
    private final ClientAddresses clients;
    private final BatchResults batchResults;

    public KioskBatchController(KioskSettings config, JsonRequestBody json, FeedbackIntake intake, RateLimiter limits,
            ClientAddresses clients, BatchResults batchResults) {
        this.apiKeys = new ApiKeys(config.apiKeys());
        this.json = json;
        this.maxItems = config.maxItems();
        this.intake = intake;
        this.limits = limits;
        this.clients = clients;
        this.batchResults = batchResults;
    }

    public void submit(Context ctx) {
        if (!apiKeys.configured()) {
            throw new RejectedRequestException(Reason.CHANNEL_NOT_CONFIGURED,
                    "kiosk batches are not enabled on this service; the operator sets " + KioskSettings.KIOSK_API_KEYS);
        }
        apiKeys.authenticate(ctx);
        limits.checkClient(clients.of(ctx));
        ObjectNode batch = json.readObject(ctx);
        String kioskId = kioskId(batch);
        String batchKey = batchKey(ctx.header(FeedbackController.IDEMPOTENCY_KEY_HEADER));
        JsonNode items = batch.get(ITEMS);
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > maxItems) {
            throw new InvalidFeedbackException(List.of(new FieldError(ITEMS,
                    "must be an array of 1 to " + maxItems + " items")));
        }
        List<FeedbackSubmission> submissions = new ArrayList<>(items.size());
        List<String> ids = new ArrayList<>(items.size());
        List<String> itemIds = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            List<FieldError> errors = new ArrayList<>();
            JsonNode item = items.get(i);
            ObjectNode fields = item.isObject() ? withBatchDefaults((ObjectNode) item, batch) : JsonNodeFactory.instance.objectNode();
            if (!item.isObject()) {
                errors.add(new FieldError(ITEMS + "[" + i + "]", "must be a JSON object"));
            }
            String itemId = FeedbackJson.text(fields, ITEM_ID, errors);
            String eventId = eventId(kioskId, itemId, batchKey, i, errors);
            FeedbackSubmission read = FeedbackJson.submission(fields, eventId, Channel.KIOSK);
            errors.addAll(read.readErrors());
            submissions.add(new FeedbackSubmission(read.subject(), read.rating(), read.scale(), read.comment(),
                    read.occurredAt(), eventId, Channel.KIOSK, null, errors));
            ids.add(eventId);
            itemIds.add(itemId);
        }
        batchResults.write(ctx, ids, itemIds, intake.acceptAll(submissions));
    }

    private static ObjectNode withBatchDefaults(ObjectNode item, ObjectNode batch) {
        ObjectNode merged = item.deepCopy();
        for (String field : List.of(FeedbackValidator.SUBJECT, FeedbackValidator.SCALE)) {
            if ((merged.get(field) == null || merged.get(field).isNull()) && batch.get(field) != null) {
                merged.set(field, batch.get(field));
            }
        }
        return merged;
    }

    private static String kioskId(ObjectNode batch) {
        JsonNode node = batch.get(KIOSK_ID);
        if (node == null || !node.isTextual() || !KIOSK_ID_FORMAT.matcher(node.textValue()).matches()) {
            throw new InvalidFeedbackException(List.of(new FieldError(KIOSK_ID,
                    "is required: 1 to 32 letters, digits and . _ -")));
        }
        return node.textValue();
    }

    private static String batchKey(String header) {
        if (header == null) {
            return null;
        }
        if (!ITEM_ID_FORMAT.matcher(header).matches() || header.length() > BATCH_KEY_MAX_LENGTH) {
            throw new InvalidFeedbackException(List.of(new FieldError(FeedbackController.IDEMPOTENCY_KEY_HEADER,
                    "must be 1 to " + BATCH_KEY_MAX_LENGTH + " visible ASCII characters (no spaces)")));
        }
        return header;
    }

    private static String eventId(String kioskId, String itemId, String batchKey, int index,
            List<FieldError> errors) {
        if (itemId != null) {
            if (ITEM_ID_FORMAT.matcher(itemId).matches()) {
                return EVENT_ID_PREFIX + kioskId + ":" + itemId;
            }
            errors.add(new FieldError(ITEM_ID, "must be 1 to 64 visible ASCII characters (no spaces)"));
            return null;
        }
        if (batchKey != null) {
            return EVENT_ID_PREFIX + kioskId + ":" + batchKey + ":" + index;
        }
        errors.add(new FieldError(ITEM_ID, "is required unless the batch has an Idempotency-Key header:"
                + " without either, a re-sent batch would count twice"));
        return null;
    }
}
