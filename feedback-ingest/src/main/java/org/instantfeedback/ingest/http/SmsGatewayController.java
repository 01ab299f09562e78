package org.instantfeedback.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.ingest.config.Secret;
import org.instantfeedback.ingest.config.SmsGatewaySettings;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.InvalidFeedbackException;
import org.instantfeedback.ingest.http.RejectedRequestException.Reason;
import org.instantfeedback.ingest.intake.FeedbackIntake;
import org.instantfeedback.actions.ConversationAction.Kind;
import org.instantfeedback.contacts.ContactKeysUnavailableException;
import org.instantfeedback.ingest.intake.FeedbackIntake.ItemResult;
import org.instantfeedback.ingest.intake.FeedbackIntake.Status;
import org.instantfeedback.ingest.kafka.PublishFailedException;
import org.instantfeedback.ingest.kafka.PublishUnavailableException;
import org.instantfeedback.ingest.sms.ContactRequests;
import org.instantfeedback.ingest.sms.InboundSms;
import org.instantfeedback.ingest.sms.SmsInterpreter;
import org.instantfeedback.service.problem.FieldError;

/**
 * {@code POST /v1/sms}: inbound SMS from any gateway, as JSON ({@code {from, to, text, messageId,
 * receivedAt}}, or Infobip's {@code {"results": [...]}} with several) or form-encoded (46elks),
 * with the field names described in {@link GatewaySms}. Authenticated by an API key
 * ({@code INGEST_SMS_API_KEYS}: {@code X-Api-Key}, Bearer or Basic password) or by an HMAC-SHA256
 * signature of the body ({@code INGEST_SMS_HMAC_SECRET}: {@code X-Signature: sha256=<hex>}).
 * Answers {@code 202 {"id": ...}} once Kafka has the event; several messages get one result each
 * (see {@link BatchResults}). A message that is only an opt-out word, an opt-in word or a forget phrase
 * is a request, not feedback ({@link ContactRequests}): once Kafka has it the answer is
 * {@code 202 {"id": ..., "stored": false, "action": "opt-out"}} ({@code opt-in}, {@code forget}); the
 * gateway sends any confirmation the passenger gets.
 */
public final class SmsGatewayController {
    public static final String PATH = "/v1/sms";
    private static final int MAX_MESSAGES = 100;

    private final ApiKeys apiKeys;
    private final Optional<Secret> hmacSecret;
    private final JsonRequestBody json;
    private final int maxBodyBytes;
    private final SmsInterpreter interpreter;
    private final FeedbackIntake intake;
    private final JsonResponses responses;
    private final BatchResults batchResults;
    private final ContactRequests requests;

    public SmsGatewayController(SmsGatewaySettings config, int maxBodyBytes, JsonRequestBody json,
            SmsInterpreter interpreter, FeedbackIntake intake, JsonResponses responses, BatchResults batchResults,
            ContactRequests requests) {
        this.apiKeys = new ApiKeys(config.apiKeys());
        this.hmacSecret = config.hmacSecret();
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.interpreter = interpreter;
        this.intake = intake;
        this.responses = responses;
        this.batchResults = batchResults;
        this.requests = requests;
    }

    public void receive(Context ctx) {
        if (!apiKeys.configured() && hmacSecret.isEmpty()) {
            throw new RejectedRequestException(Reason.CHANNEL_NOT_CONFIGURED,
                    "SMS gateways are not enabled on this service; the operator sets "
                            + SmsGatewaySettings.SMS_API_KEYS + " or " + SmsGatewaySettings.SMS_HMAC_SECRET);
        }
        String mediaType = BoundedBody.requireMediaType(ctx.contentType(), BoundedBody.JSON, BoundedBody.FORM);
        byte[] body = BoundedBody.read(ctx, maxBodyBytes);
        authenticate(ctx, body);
        String gateway = gatewayInQuery(ctx.queryString());
        if (mediaType.equals(BoundedBody.FORM)) {
            acceptOne(ctx, GatewaySms.fromForm(FormParameters.parse(body), gateway));
            return;
        }
        ObjectNode message = json.parseObject(body);
        JsonNode results = message.get("results");
        if (results == null) {
            acceptOne(ctx, GatewaySms.fromJson(message, gateway));
        } else {
            acceptSeveral(ctx, results, gateway);
        }
    }

    /**
     * The {@code gateway} query parameter, decoded as UTF-8 whatever the Content-Type says (Javalin's
     * own query parsing follows the body's charset, and fails on a {@code charset} without a value).
     */
    private static String gatewayInQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        return FormParameters.parse(query.getBytes(StandardCharsets.UTF_8)).first(GatewaySms.GATEWAY).orElse(null);
    }

    private void authenticate(Context ctx, byte[] body) {
        String signature = ctx.header(BodySignature.HEADER);
        if (signature != null && hmacSecret.isPresent()) {
            if (!BodySignature.valid(hmacSecret.get(), body, signature)) {
                throw new ForbiddenException("the " + BodySignature.HEADER + " header does not match the body");
            }
            return;
        }
        if (!apiKeys.configured()) {
            throw new UnauthorizedException("sign the body with HMAC-SHA256 in the " + BodySignature.HEADER
                    + " header (sha256=<hex>)");
        }
        apiKeys.authenticate(ctx);
    }

    private void acceptOne(Context ctx, InboundSms sms) {
        Optional<Kind> request = requests.carryOut(sms);
        if (request.isPresent()) {
            responses.write(ctx, 202, Map.of("id", sms.eventId(), "stored", false,
                    "action", request.get().wireName()));
            return;
        }
        if (!sms.hasText() && sms.readErrors().isEmpty()) {
            responses.write(ctx, 200, Map.of("id", sms.eventId(), "stored", false,
                    "detail", "the message has no text; nothing was stored"));
            return;
        }
        responses.write(ctx, 202, FeedbackController.acceptedBody(intake.accept(interpreter.submission(sms))));
    }

    private void acceptSeveral(Context ctx, JsonNode results, String gateway) {
        if (!results.isArray() || results.isEmpty() || results.size() > MAX_MESSAGES) {
            throw new InvalidFeedbackException(List.of(new FieldError("results",
                    "must be an array of 1 to " + MAX_MESSAGES + " messages")));
        }
        List<InboundSms> messages = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode item = results.get(i);
            messages.add(item.isObject() ? GatewaySms.fromInfobipResult((ObjectNode) item, gateway)
                    : new InboundSms(null, null, null, "", null,
                            List.of(new FieldError("results[" + i + "]", "must be a JSON object"))));
        }
        // Requests are carried out one by one, as they come; the feedback is stored together after them.
        Map<Integer, ItemResult> requestResults = new HashMap<>();
        List<String> actions = new ArrayList<>();
        List<FeedbackSubmission> submissions = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            InboundSms sms = messages.get(i);
            actions.add(null);
            try {
                Optional<Kind> request = requests.carryOut(sms);
                if (request.isPresent()) {
                    actions.set(i, request.get().wireName());
                    requestResults.put(i, new ItemResult(sms.eventId(), Status.ACCEPTED, null, null));
                    continue;
                }
            } catch (PublishUnavailableException | PublishFailedException | ContactKeysUnavailableException e) {
                requestResults.put(i, new ItemResult(sms.eventId(), Status.UNAVAILABLE, null, e));
                continue;
            }
            submissions.add(interpreter.submission(sms));
        }
        Iterator<ItemResult> feedback = intake.acceptAll(submissions).iterator();
        List<ItemResult> all = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            all.add(requestResults.containsKey(i) ? requestResults.get(i) : feedback.next());
        }
        batchResults.write(ctx, messages.stream().map(InboundSms::eventId).toList(), null, all, actions);
    }
}
