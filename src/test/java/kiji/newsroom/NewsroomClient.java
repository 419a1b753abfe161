package kiji.newsroom;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kiji.testing.TestKiji;

/**
 * A browser-like HTTP client for newsroom tests: keeps cookies, and remembers the last CSRF
 * token a page showed so {@link #post} can send it like a form would.
 */
final class NewsroomClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Function<String, URI> url;
    String csrf = "";

    NewsroomClient(TestKiji app) {
        this(path -> URI.create(app.url(path)));
    }

    /** A client of the server at {@code url(path)}: one node, or a balancer in front of several. */
    NewsroomClient(Function<String, URI> url) {
        this.url = url;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client already signed in as {@code username}. */
    static NewsroomClient signedIn(TestKiji app, String username, String password) {
        return signedIn(path -> URI.create(app.url(path)), username, password);
    }

    static NewsroomClient signedIn(Function<String, URI> url, String username, String password) {
        var client = new NewsroomClient(url);
        client.signIn(username, password);
        return client;
    }

    HttpResponse<String> get(String path) {
        var response = send(HttpRequest.newBuilder(url.apply(path)).GET().build());
        var m = CSRF.matcher(response.body());
        if (m.find()) csrf = m.group(1);
        return response;
    }

    /** A form post carrying the remembered CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        var withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrf);
        return postRaw(path, withToken);
    }

    /** A form post exactly as given (no token added). */
    HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        var body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        var response = send(HttpRequest.newBuilder(url.apply(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        var m = CSRF.matcher(response.body());
        if (m.find()) csrf = m.group(1);
        return response;
    }

    HttpResponse<String> signIn(String username, String password) {
        get("/newsroom/signin");
        var response = post("/newsroom/signin", Map.of("username", username, "password", password));
        if (response.statusCode() == 303) get("/newsroom/password");
        return response;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
