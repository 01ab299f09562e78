package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.instantfeedback.events.Channel;
import org.instantfeedback.ingest.feedback.FeedbackSubmission;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.instantfeedback.ingest.http.RejectedRequestException.Reason;
import org.instantfeedback.ingest.intake.FeedbackIntake;
import org.instantfeedback.ingest.ratelimit.RateLimiter;
import org.instantfeedback.service.problem.FieldError;

/**
 * The page a QR code opens: {@code GET /f/{subject}} serves a small form (1-5 stars and an
 * optional comment; no account, no framework, no external resources) that posts JSON to
 * {@code POST /v1/feedback} and thanks the user in place. Without JavaScript the form posts
 * form-encoded to {@code POST /f/{subject}}, answered with a thank-you page. The subject must
 * follow the subject rules (and the allow-list, when there is one), else 404. Each page carries a
 * random token that becomes the event id {@code qr:<token>}, so submitting twice counts once.
 */
public final class FeedbackPageController {
    public static final String PATH = FeedbackPages.PATH_PREFIX + "{subject}";
    public static final String STYLE_PATH = "/assets/feedback-page.css";
    public static final String SCRIPT_PATH = "/assets/feedback-page.js";
    private static final String EVENT_ID_PREFIX = "qr:";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final FeedbackPages pages;
    private final FeedbackIntake intake;
    private final RateLimiter limits;
    private final ClientAddresses clients;
    private final int maxBodyBytes;
    private final SecureRandom random = new SecureRandom();
    private final byte[] style = FeedbackPages.resourceBytes("feedback-page.css");
    private final byte[] script = FeedbackPages.resourceBytes("feedback-page.js");

    public FeedbackPageController(FeedbackPages pages, FeedbackIntake intake, RateLimiter limits,
            ClientAddresses clients, int maxBodyBytes) {
        this.pages = pages;
        this.intake = intake;
        this.limits = limits;
        this.clients = clients;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void show(Context ctx) {
        String subject = subjectOf(ctx);
        html(ctx, 200, pages.form(subject, newToken()));
    }

    public void submit(Context ctx) {
        limits.checkClient(clients.of(ctx));
        String subject = subjectOf(ctx);
        BoundedBody.requireMediaType(ctx.contentType(), BoundedBody.FORM);
        FormParameters form = FormParameters.parse(BoundedBody.read(ctx, maxBodyBytes));
        List<FieldError> errors = new ArrayList<>();
        Long rating = null;
        String given = form.first(FeedbackValidator.RATING).orElse("").strip();
        if (!given.isEmpty()) {
            try {
                rating = Long.parseLong(given);
            } catch (NumberFormatException e) {
                errors.add(new FieldError(FeedbackValidator.RATING, "must be a whole number"));
            }
        }
        String token = form.first("token").filter(t -> TOKEN.matcher(t).matches()).orElse(null);
        FeedbackSubmission submission = new FeedbackSubmission(subject, rating, SupportedScale.STARS_5.wireName(),
                form.first(FeedbackValidator.COMMENT).orElse(null), null,
                token == null ? null : EVENT_ID_PREFIX + token, Channel.QR, null, errors);
        intake.accept(submission);
        html(ctx, 200, pages.thanks(subject));
    }

    public void style(Context ctx) {
        asset(ctx, "text/css; charset=utf-8", style);
    }

    public void script(Context ctx) {
        asset(ctx, "text/javascript; charset=utf-8", script);
    }

    private String subjectOf(Context ctx) {
        return intake.validator().acceptedSubject(ctx.pathParam("subject")).orElseThrow(() ->
                new RejectedRequestException(Reason.NO_PAGE,
                        "there is no feedback page for this code; check the link or QR code"));
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void html(Context ctx, int status, String html) {
        securityHeaders(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    private static void asset(Context ctx, String contentType, byte[] content) {
        securityHeaders(ctx);
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.status(200).contentType(contentType).result(content);
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", FeedbackPages.CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
