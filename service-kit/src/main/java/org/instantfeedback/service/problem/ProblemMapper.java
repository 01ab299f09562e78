package org.instantfeedback.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a service's failures become answers: every exception a handler throws, and
 * Javalin's own for requests no route matches, leaves as an {@code application/problem+json}
 * document. {@link ProblemException}s say their problem themselves; a service names how its other
 * exceptions read ({@link #translating}); anything else is a 500 that is logged here with its stack
 * trace and answered without it.
 */
public final class ProblemMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private final ObjectMapper json;
    private final List<Translation<?>> translations;
    private final Consumer<Context> beforeAnswer;
    private final ProblemView view;

    private ProblemMapper(ObjectMapper json, List<Translation<?>> translations, Consumer<Context> beforeAnswer,
                          ProblemView view) {
        this.json = json;
        this.translations = List.copyOf(translations);
        this.beforeAnswer = beforeAnswer;
        this.view = view;
    }

    /** Answers with problem documents written by {@code json}. */
    public static ProblemMapper writingWith(ObjectMapper json) {
        return new ProblemMapper(json, List.of(), ctx -> { }, null);
    }

    /**
     * Also reads failures of {@code type} as the problem {@code translation} makes of them (it may
     * log, knowing the request); a translation to a 500 is logged with the failure's stack trace.
     */
    public <E extends Exception> ProblemMapper translating(Class<E> type,
            BiFunction<? super E, Context, ProblemException> translation) {
        List<Translation<?>> more = new ArrayList<>(translations);
        more.add(new Translation<>(type, translation));
        return new ProblemMapper(json, more, beforeAnswer, view);
    }

    /** Does {@code step} before every error answer (for example, drop what is left of the body). */
    public ProblemMapper beforeEveryAnswer(Consumer<Context> step) {
        return new ProblemMapper(json, translations, beforeAnswer.andThen(step), view);
    }

    /** Lets {@code alternative} answer the requests it claims (a page for people) in its own way. */
    public ProblemMapper answeringSomeWith(ProblemView alternative) {
        return new ProblemMapper(json, translations, beforeAnswer, alternative);
    }

    /** Sends every failure of the routes here. */
    public void registerOn(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, this::handle);
        routes.exception(Exception.class, this::handle);
    }

    /** Answers the request with the problem {@code failure} stands for. */
    public void handle(Exception failure, Context ctx) {
        ProblemException problem = problemOf(failure, ctx);
        if (problem.status() == 500) {
            LOG.error("{} {} failed", ctx.method().name(), ctx.path(), failure);
        }
        problem.headers().forEach(ctx::header);
        beforeAnswer.accept(ctx);
        Problem document = problem.problemAt(ctx.path());
        if (view != null && view.answers(ctx)) {
            view.write(ctx, document);
            return;
        }
        write(ctx, document);
    }

    /** Writes {@code document} as the answer, with its status. */
    public void write(Context ctx, Problem document) {
        try {
            ctx.status(document.status()).contentType(Problem.CONTENT_TYPE).result(json.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always serialisable", e);
        }
    }

    private ProblemException problemOf(Exception failure, Context ctx) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        for (Translation<?> translation : translations) {
            if (translation.type().isInstance(failure)) {
                return translation.apply(failure, ctx);
            }
        }
        if (failure instanceof HttpResponseException http) {
            return fromJavalin(ctx, http);
        }
        return internalError("the request failed unexpectedly; the failure has been logged");
    }

    /** The 500 of a failure nobody expected; the detail says nothing about the inside of the process. */
    public static ProblemException internalError(String detail) {
        return new ProblemException(500, "internal-error", "Internal server error", detail);
    }

    private static ProblemException fromJavalin(Context ctx, HttpResponseException failure) {
        int status = failure.getStatus();
        if (status == 404) {
            return new ProblemException(404, "not-found", "Not found",
                    "there is no " + ctx.method().name() + " " + ctx.path());
        }
        if (status == 405) {
            ProblemException problem = new ProblemException(405, "method-not-allowed", "Method not allowed",
                    ctx.path() + " does not accept " + ctx.method().name());
            String allowed = failure.getDetails().get("availableMethods");
            return allowed == null ? problem : problem.withHeader("Allow", allowed.replace("[", "").replace("]", ""));
        }
        return ProblemException.ofStatus(status, failure.getMessage());
    }

    /** A page for people in place of the JSON document, for the requests it claims. */
    public interface ProblemView {
        boolean answers(Context ctx);

        void write(Context ctx, Problem problem);
    }

    private record Translation<E extends Exception>(Class<E> type,
            BiFunction<? super E, Context, ProblemException> translation) {
        ProblemException apply(Exception failure, Context ctx) {
            return translation.apply(type.cast(failure), ctx);
        }
    }
}
