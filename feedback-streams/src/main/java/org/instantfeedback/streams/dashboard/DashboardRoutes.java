package org.instantfeedback.streams.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.instantfeedback.streams.http.QueryProblems;

/**
 * The live dashboard's routes: {@code GET /} and {@code GET /dashboard} lead to
 * {@code /dashboard/}, the page (plain HTML, CSS and JavaScript from the classpath, nothing from
 * elsewhere), and {@code GET /v1/live}, the stream of updates. The figures themselves come from the
 * query API, so the page works against any instance.
 */
public final class DashboardRoutes {
    public static final String ROOT_PATH = "/";
    public static final String PAGE_PATH = "/dashboard/";
    public static final String ASSET_PATH = "/dashboard/{asset}";
    /** Only our own files, and the API on the same origin; the page needs nothing else. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final String RESOURCE_FOLDER = "/dashboard/";
    private static final Map<String, String> ASSETS = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "icon.svg", "image/svg+xml");

    private final Map<String, byte[]> content;
    private final LiveStreamHandler live;

    private DashboardRoutes(Map<String, byte[]> content, LiveStreamHandler live) {
        this.content = content;
        this.live = live;
    }

    /** Adds the page, its files and the live stream to the routes. */
    public static void register(RoutesConfig routes, LiveBroadcaster broadcaster) {
        DashboardRoutes dashboard = new DashboardRoutes(loadAssets(), new LiveStreamHandler(broadcaster));
        routes.get(ROOT_PATH, ctx -> ctx.redirect(PAGE_PATH, HttpStatus.FOUND));
        routes.get(PAGE_PATH, dashboard::page);
        routes.get(ASSET_PATH, dashboard::asset);
        routes.get(LiveStreamHandler.PATH, dashboard.live);
    }

    private void page(Context ctx) {
        // Routes ignore a trailing slash, but the page's relative links need it.
        if (!ctx.path().endsWith("/")) {
            ctx.redirect(PAGE_PATH, HttpStatus.FOUND);
            return;
        }
        serve(ctx, "index.html");
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        if (!content.containsKey(name) || "index.html".equals(name)) {
            throw QueryProblems.notFound("not-found", "Not found", "The dashboard has no file named '" + name + "'.");
        }
        serve(ctx, name);
    }

    private void serve(Context ctx, String name) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // Small files; always fresh after an upgrade matters more than a saved round trip.
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(ASSETS.get(name)).result(content.get(name));
    }

    private static Map<String, byte[]> loadAssets() {
        Map<String, byte[]> loaded = new HashMap<>();
        for (String name : ASSETS.keySet()) {
            try (InputStream in = DashboardRoutes.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("dashboard file missing from the classpath: " + name);
                }
                loaded.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dashboard file " + name, e);
            }
        }
        return Map.copyOf(loaded);
    }
}
