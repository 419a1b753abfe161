package kiji.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;

/** What every answer of one kind must look like: an HTML page in the site's frame, or API JSON. */
public final class HttpAssertions {
    private HttpAssertions() {}

    /** An HTML page with the site's header, navigation, main column and footer. */
    public static void assertSitePage(HttpResponse<String> res) {
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        var doc = Jsoup.parse(res.body());
        assertThat(doc.select("html").attr("lang")).isEqualTo("ja");
        assertThat(doc.select("header.site-header nav.site-nav a")).isNotEmpty();
        assertThat(doc.select("main#main")).hasSize(1);
        assertThat(doc.select("footer.site-footer")).hasSize(1);
    }

    /** A JSON error or answer with this status; errors carry an {@code error} reason. */
    public static void assertJson(HttpResponse<String> res, int status) {
        assertThat(res.statusCode()).as(res.request().method() + " " + res.uri() + " → " + res.body()).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("application/json"));
        if (status >= 400) assertThat(res.body()).startsWith("{").contains("\"error\":");
    }
}
