package kiji.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.Brotli;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import kiji.article.ConflictException;
import kiji.article.ValidationException;
import kiji.site.ErrorPages;
import kiji.site.NotFoundAnswer;
import kiji.site.HeadAsGet;
import kiji.site.StaticAssets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Javalin with Kiji's JSON, templates, errors and security headers; routes come from the features. */
final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    static final String CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** How long a stopping node lets requests in flight finish. */
    static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(5);

    /**
     * Lets the requests in flight finish (up to {@link #STOP_TIMEOUT}) while new ones get 503.
     * Not Jetty's graceful stop (a server stop timeout): that also waits for idle keep-alive
     * connections to close, which clients hold open until the idle timeout.
     */
    static void finishInFlight(GracefulHandler inFlight) {
        try {
            inFlight.shutdown().get(STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("stopping: {} request(s) still running after {} s", inFlight.getCurrentRequestCount(),
                    STOP_TIMEOUT.toSeconds());
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("stopping: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WebServer() {}

    /**
     * The headers every answer carries, for the fast lane's handlers (Javalin's set them per
     * request). A class of its own, built on first use: Jetty's {@code HttpFields} formats a date
     * as it loads (~45 ms of CPU at start), which {@link #prepare} does on its own thread instead
     * of the main one.
     */
    static final class SecurityHeaders {
        static final HttpFields ALL = HttpFields.build()
                .add(new PreEncodedHttpField("Content-Security-Policy", CSP))
                .add(new PreEncodedHttpField("X-Content-Type-Options", "nosniff"))
                .add(new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin"))
                .add(new PreEncodedHttpField("X-Frame-Options", "SAMEORIGIN"))
                .asImmutable();

        private SecurityHeaders() {}
    }

    /** The JSON mapper Kiji shares, and the compressors Javalin uses; see {@link #prepare}. */
    record Parts(ObjectMapper json, CompressionStrategy compression) {}

    /**
     * Builds, on a thread of its own, the parts of the web layer that cost most to set up and need
     * nothing from the database: Jackson, brotli4j's native library, and Jetty's MIME table (which
     * loads the JDK's locale data). The main thread meanwhile opens the search index, the ranking
     * and the pages; the machine Kiji must start on in 1.5 s has two cores (docs/benchmarks.md).
     */
    static CompletableFuture<Parts> prepare() {
        var parts = new CompletableFuture<Parts>();
        Thread.ofPlatform().name("kiji-web-prepare").daemon().start(() -> {
            try {
                SecurityHeaders.ALL.size(); // Jetty's HttpFields load here rather than on the main thread
                var json = Json.mapper();
                MimeTypes.DEFAULTS.getMimeByExtension("kiji.css"); // the table, built once per JVM
                // brotli (brotli4j's native library) when the client takes it, else gzip
                parts.complete(new Parts(json, new CompressionStrategy(new Brotli(4), new Gzip(6))));
            } catch (Throwable e) {
                parts.completeExceptionally(e);
            }
        });
        return parts;
    }

    /** {@code fastLanes} answer ahead of Javalin what they can (see {@link FastLane}). */
    static Javalin create(Parts parts, ErrorPages errorPages, List<Consumer<RoutesConfig>> features,
                          List<Handler> fastLanes, String host, int port) {
        return create(parts, errorPages, features, List.of(), fastLanes, List.of(new GracefulHandler()), host, port);
    }

    /**
     * @param notFound asked in turn, for a GET that no route matched, before the 404 page (see
     *     {@link NotFoundAnswer})
     * @param outermost wrap everything, the last one outside: the request counter for
     *     {@link #finishInFlight} and the metrics
     */
    static Javalin create(Parts parts, ErrorPages errorPages, List<Consumer<RoutesConfig>> features,
                          List<NotFoundAnswer> notFound, List<Handler> fastLanes, List<Handler.Singleton> outermost,
                          String host, int port) {
        return Javalin.create(config -> {
            if (!fastLanes.isEmpty()) config.jetty.modifyServer(server -> server.insertHandler(new FastLane(fastLanes)));
            // inserted last, so outermost: a HEAD is served as the GET it mirrors, fast lane included
            config.jetty.modifyServer(server -> server.insertHandler(new HeadAsGet()));
            // outermost: count every request (fast lane included), so a stopping node can let those in
            // flight finish, and the metrics see every answer
            config.jetty.modifyServer(server -> outermost.forEach(server::insertHandler));
            config.startup.showJavalinBanner = false;
            // HTTP/1.1 and cleartext HTTP/2 (h2c: prior knowledge or Upgrade) on one port; TLS and
            // h2 proper belong to the proxy in front.
            // With the fast lane, Jetty's selector threads do the beacon's and kept pages' work
            // themselves (see FastLane): one selector per core, as nginx runs a worker per core,
            // instead of Jetty's default of one per two cores (one on this 2-core machine, which
            // left a core idle under the beacon benchmark; docs/benchmarks.md).
            int selectors = fastLanes.isEmpty() ? -1 : Runtime.getRuntime().availableProcessors();
            config.jetty.addConnector((server, http) -> {
                var connector = new ServerConnector(server, -1, selectors, new HttpConnectionFactory(http),
                        new HTTP2CServerConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                return connector;
            });
            config.http.compressionStrategy = parts.compression();
            // answers the render cache does not keep (search, admin API) still get an ETag and 304
            config.http.generateEtags = true;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(parts.json(), false));
            config.fileRenderer(new JteRenderer());
            config.http.maxRequestSize = 16 * 1024 * 1024;
            // a known path with the wrong method is 405 (with Allow), not a misleading 404
            config.http.prefer405over404 = true;
            // the folder's plain names (the newsroom's CSS and script) as Javalin serves class-path
            // files, kept an hour; the fingerprinted /assets/ names are StaticAssets' routes
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", StaticAssets.PLAIN_CACHE_CONTROL);
            });
            var routes = config.routes;
            routes.before(WebServer::securityHeaders);
            features.forEach(f -> f.accept(routes));
            routes.exception(ValidationException.class, (e, ctx) ->
                    ctx.status(400).json(Map.of("error", "invalid fields", "fields", e.errors())));
            routes.exception(ConflictException.class, (e, ctx) -> apiOrPage(errorPages, ctx, 409, e.getMessage()));
            routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404 && answeredAfterAll(notFound, ctx)) return;
                apiOrPage(errorPages, ctx, e.getStatus(), e.getMessage());
            });
            routes.exception(Exception.class, (e, ctx) -> {
                log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                apiOrPage(errorPages, ctx, 500, "internal error");
            });
            routes.error(404, ctx -> {
                if (ctx.result() != null && !ctx.result().isEmpty()) return; // a route's own 404 answer
                if (answeredAfterAll(notFound, ctx)) return;
                apiOrPage(errorPages, ctx, 404, "not found");
            });
            routes.error(405, ctx -> apiOrPage(errorPages, ctx, 405, "method not allowed"));
        });
    }

    /**
     * A GET about to be a 404 (no route matched, or a route found nothing) may still be answered:
     * a fixed page, an old URL's redirect ({@link NotFoundAnswer}). Other methods keep their 404
     * or 405.
     */
    private static boolean answeredAfterAll(List<NotFoundAnswer> notFound, Context ctx) {
        if (ctx.method() != HandlerType.GET) return false;
        for (var answer : notFound) {
            if (answer.answer(ctx)) return true;
        }
        return false;
    }

    private static void securityHeaders(Context ctx) {
        for (var field : SecurityHeaders.ALL) ctx.header(field.getName(), field.getValue());
    }

    static void apiOrPage(ErrorPages pages, Context ctx, int status, String message) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(status).json(Map.of("error", message == null ? "error" : message));
        } else {
            pages.render(ctx, status, message);
        }
    }
}
