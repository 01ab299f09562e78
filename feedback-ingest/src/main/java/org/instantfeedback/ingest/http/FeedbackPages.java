package org.instantfeedback.ingest.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.service.problem.FieldError;
import org.instantfeedback.service.problem.Problem;

/**
 * The HTML of the QR feedback page: the form, the thank-you page and error pages, filled from
 * small templates on the class path. Everything put into a page is HTML-escaped, whatever rules it
 * already passed. Templates are read once, when the service is built.
 */
public final class FeedbackPages {
    public static final String PATH_PREFIX = "/f/";
    /** What pages may load and where they may send data: only this service. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final String layout;
    private final String form;
    private final String thanks;
    private final String problem;

    private FeedbackPages(String layout, String form, String thanks, String problem) {
        this.layout = layout;
        this.form = form;
        this.thanks = thanks;
        this.problem = problem;
    }

    public static FeedbackPages load() {
        return new FeedbackPages(resource("layout.html"), resource("form.html"), resource("thanks.html"),
                resource("problem.html"));
    }

    static String resource(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }

    static byte[] resourceBytes(String name) {
        try (InputStream in = FeedbackPages.class.getResourceAsStream("/org/instantfeedback/ingest/page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("page resource " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read page resource " + name, e);
        }
    }

    /** The feedback form for {@code subject}; {@code token} makes the event id, so a double submit counts once. */
    String form(String subject, String token) {
        String main = fill(form, Map.of(
                "subject", MarkupEscaping.escaped(subject),
                "action", MarkupEscaping.escaped(pathOf(subject)),
                "token", MarkupEscaping.escaped(token),
                "maxComment", String.valueOf(FeedbackValidator.COMMENT_MAX_LENGTH)));
        return page("Feedback: " + subject, main);
    }

    String thanks(String subject) {
        return page("Thank you", fill(thanks, Map.of("subject", MarkupEscaping.escaped(subject))));
    }

    /** An error page; {@code back} is the form to return to, or null. */
    String problem(Problem details, String back) {
        StringBuilder errors = new StringBuilder();
        List<FieldError> fieldErrors = details.errors() == null ? List.of() : details.errors();
        if (!fieldErrors.isEmpty()) {
            errors.append("<ul class=\"errors\">");
            fieldErrors.forEach(error -> errors.append("<li>").append(MarkupEscaping.escaped(error.field())).append(' ')
                    .append(MarkupEscaping.escaped(error.message())).append("</li>"));
            errors.append("</ul>");
        }
        String link = back == null ? "" : "<p><a href=\"" + MarkupEscaping.escaped(back) + "\">Back to the feedback form</a></p>";
        String main = fill(problem, Map.of("title", MarkupEscaping.escaped(details.title()), "detail", MarkupEscaping.escaped(details.detail()),
                "errors", errors.toString(), "back", link));
        return page(details.title(), main);
    }

    /** The page path of a subject, {@code /f/route%2042}. */
    static String pathOf(String subject) {
        return PATH_PREFIX + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String page(String title, String main) {
        return fill(layout, Map.of("title", MarkupEscaping.escaped(title), "main", main));
    }

    /** Replaces each {@code {{name}}} in one pass, so a value can never be read as a placeholder. */
    private static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            int close = open < 0 ? -1 : template.indexOf("}}", open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String name = template.substring(open + 2, close);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("no value for {{" + name + "}}");
            }
            out.append(template, i, open).append(value);
            i = close + 2;
        }
        return out.toString();
    }
}
