package kiji.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's own CSS, script and images under content-hashed names ({@code kiji.3f2a1c9e.css}),
 * served from {@code /assets/} with a one-year, immutable lifetime: a changed file gets a new
 * name, so browsers and CDNs never need to revalidate. The table is computed once from the
 * files in the jar (an immutable constant of the build, like the templates), so templates can
 * ask for {@code StaticAssets.url("kiji.css")} without any wiring.
 *
 * <p>The same folder is also served under its plain names from {@code /static/} (the newsroom's
 * CSS and script), for an hour, by Javalin's static files (see {@code app/WebServer}).
 */
public final class StaticAssets {
    /** The files that get fingerprinted names; anything else in /static keeps its plain name. */
    static final List<String> FINGERPRINTED = List.of("kiji.css", "kiji.js", "ranking.js", "search.css", "kiji-logo.png", "kiji-og.png");
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private record Asset(String name, byte[] bytes, String contentType, String etag) {}

    /** How long browsers keep the folder's plain names under {@code /static/}, which Javalin serves. */
    public static final String PLAIN_CACHE_CONTROL = "public, max-age=3600";

    private static final Map<String, Asset> BY_HASHED_NAME;
    private static final Map<String, String> URLS;

    static {
        var byHashed = new LinkedHashMap<String, Asset>();
        var urls = new LinkedHashMap<String, String>();
        for (var name : FINGERPRINTED) {
            var bytes = read(name);
            var hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, 10);
            int dot = name.lastIndexOf('.');
            var hashed = name.substring(0, dot) + "." + hash + name.substring(dot);
            byHashed.put(hashed, new Asset(name, bytes, contentType(name), "\"" + hash + "\""));
            urls.put(name, "/assets/" + hashed);
        }
        BY_HASHED_NAME = Map.copyOf(byHashed);
        URLS = Map.copyOf(urls);
    }

    private StaticAssets() {}

    /** The fingerprinted URL of one of the site's files, e.g. {@code /assets/kiji.3f2a1c9e0b.css}. */
    public static String url(String name) {
        var url = URLS.get(name);
        if (url == null) throw new IllegalArgumentException("not a fingerprinted asset: " + name);
        return url;
    }

    public static void register(RoutesConfig routes) {
        routes.get("/assets/{file}", StaticAssets::serve);
    }

    private static void serve(Context ctx) {
        var asset = BY_HASHED_NAME.get(ctx.pathParam("file"));
        if (asset == null) throw new NotFoundResponse("ファイルが見つかりません");
        ctx.header("Cache-Control", IMMUTABLE).header("ETag", asset.etag()).contentType(asset.contentType());
        if (asset.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.result(asset.bytes());
    }

    private static byte[] read(String name) {
        return readIfPresent(name).orElseThrow(() -> new IllegalStateException("missing /static/" + name + " in the jar"));
    }

    private static Optional<byte[]> readIfPresent(String name) {
        try (var in = StaticAssets.class.getResourceAsStream("/static/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String UNKNOWN = "application/octet-stream";

    private static String contentType(String name) {
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".ico")) return "image/x-icon";
        if (name.endsWith(".woff2")) return "font/woff2";
        return UNKNOWN;
    }
}
