package kiji.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kiji.app.Config;
import kiji.app.Kiji;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.storage.Database;

/**
 * A real Kiji on a random loopback port, over a real database, with an HTTP client and an
 * admin token. Close it after the test (try-with-resources or @AfterEach).
 */
public final class TestKiji implements AutoCloseable {
    private static final java.util.concurrent.atomic.AtomicInteger TOKENS = new java.util.concurrent.atomic.AtomicInteger();
    public final Kiji kiji;
    public final String token;
    // HTTP/1.1 unless a request asks for h2c: over HTTP/2 a server may answer a POST early (401
    // before the body is read) and reset the stream, which the JDK client reports as an
    // IOException instead of the answer (ViewImportTest and SigninTest failed so now and then)
    /**
     * A client for tests that build their own requests: HTTP/1.1, as TestKiji's own. The JDK's
     * default asks every plain-HTTP request to upgrade to h2c, and Jetty may then reset or cut a
     * stream (an early 401 to a POST, an answer under load), which the client throws as an
     * IOException; the h2c tests ask for HTTP/2 themselves.
     */
    public static HttpClient http11() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private TestKiji(Kiji kiji) {
        this.kiji = kiji.start();
        // The search index opens in the background (see StartingSearchIndex); tests that are not
        // about that moment start from an open one. StartingSearchIndexTest covers the moment.
        kiji.search.awaitOpen(java.time.Duration.ofMinutes(2));
        // unique, so a test can restart Kiji on the same data folder
        this.token = kiji.tokens.create("test-" + TOKENS.incrementAndGet());
    }

    public static TestKiji start(Path dataDir, Clock clock) {
        return start(Config.defaults(dataDir), Database.sqlite(dataDir), clock);
    }

    public static TestKiji start(Config config, Database db, Clock clock) {
        return new TestKiji(Kiji.create(config, db, clock));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + kiji.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    /**
     * The status code for a request target sent byte for byte (no client-side checks, so
     * malformed escapes such as {@code %ZZ} reach the server).
     */
    public int rawStatus(String target) {
        try (var socket = new java.net.Socket("127.0.0.1", kiji.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            try {
                out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // a request over the server's limits is answered (414/431) and the connection closed
                // before it is read whole: the rest cannot be sent, but the answer is there to read
            }
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            var statusLine = in.readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> admin(String method, String path, String jsonBody) {
        var b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Adds the category if it is missing. */
    public void category(String slug, String name, String section) {
        if (kiji.categories.findBySlug(slug).isEmpty()) kiji.articleService.createCategory(slug, name, section);
    }

    /** A published article in category {@code japan-defense} (created on first use). */
    public Article publish(String title, String body) {
        category("japan-defense", "日本の防衛", "mod");
        return kiji.articleService.create(new ArticleDraft(Optional.empty(), title, "", body, "japan-defense",
                List.of(), List.of(), Status.PUBLISHED, Optional.of(kiji.clock.instant())));
    }

    @Override
    public void close() {
        kiji.close();
    }
}
