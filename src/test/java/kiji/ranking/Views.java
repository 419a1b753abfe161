package kiji.ranking;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kiji.testing.TestKiji;

/** Sends beacons to a test Kiji, as browsers would. */
final class Views {
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private Views() {}

    /** A reader's beacon; {@code reader} makes the User-Agent distinct, so it is a distinct visitor. */
    static HttpResponse<String> beacon(TestKiji app, long articleId, String userAgent, String... headers) {
        return post(app, "{\"articleId\": " + articleId + "}", userAgent, headers);
    }

    static HttpResponse<String> post(TestKiji app, String body, String userAgent, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(app.url("/api/views")))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain;charset=UTF-8");
        if (userAgent != null) b.header("User-Agent", userAgent);
        if (headers.length > 0) b.headers(headers);
        return app.send(b.build());
    }

    /** A distinct reader number {@code n}: same browser, another device. */
    static String reader(long n) {
        return CHROME + " reader/" + n;
    }

    /** {@code n} distinct readers view the article once each. */
    static void readers(TestKiji app, long articleId, int n) {
        for (int i = 0; i < n; i++) beacon(app, articleId, reader(articleId * 1000 + i));
    }
}
