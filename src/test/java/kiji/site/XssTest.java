package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Script injection through the admin API, in every field an editor (or a stolen token) can
 * fill, never reaches a reader's page as active content. Pages are parsed with a real HTML5
 * parser (jsoup), so what is checked is what a browser would build.
 */
class XssTest {
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "[x](&#x6A;avascript:alert(1))",
            "[x](javascript&colon;alert(1))",
            "[x](data:text/html,<script>alert(1)</script>)",
            "[x]( javascript:alert(1) \"t\")",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "![x](javascript:alert(1))",
            "![x](data:image/svg+xml,<svg onload=alert(1)>)",
            "![x\" onerror=\"alert(1)](https://example.com/a.png)",
            "<img src=\"/media/1/960.jpg\" srcset=\"javascript:alert(1) 1x\">",
            "<img src=\"/a.jpg\" srcset=\"/a.jpg 480w, data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+ 960w\">",
            "<img srcset=\"&#x6A;avascript:alert(1) 2x\" sizes=\"url(javascript:alert(1))\">",
            "![x](/media/1/960.jpg \"t\\\" srcset=\\\"javascript:alert(1) 1x\")",
            "<picture><source srcset=\"javascript:alert(1)\"><img src=x></picture>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<body onload=alert(1)>",
            "<form action=\"javascript:alert(1)\"><button>x</button></form>",
            "<button formaction=\"javascript:alert(1)\">x</button>",
            "<base href=\"javascript:alert(1)//\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<style>@import 'javascript:alert(1)';</style>",
            "<link rel=stylesheet href=\"javascript:alert(1)\">",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "\" onmouseover=\"alert(1)",
            "' onmouseover='alert(1)",
            "</title><script>alert(1)</script>",
            "</textarea><script>alert(1)</script>",
            "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<p class=\"note\" onclick=\"alert(1)\">※</p>",
            "<a href=\"https://example.com\" onclick=\"alert(1)\">ok</a>",
            "<div>\n<script>alert(1)</script>\n</div>",
            "<table><tr><td onmouseover=alert(1)>x</td></tr></table>",
            "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
            "```\n</code><script>alert(1)</script>\n```",
            "<a href=\"/docs/mod/1.html\" target=\"_blank\" rel=\"opener\">x</a>",
            "javascript:alert(1)");

    /** Elements that run code or load other documents; none may appear from content. */
    static final List<String> FORBIDDEN = List.of("iframe", "frame", "frameset", "object", "embed", "applet", "svg",
            "math", "base", "style", "template", "portal", "textarea", "select", "button", "input");

    @TempDir
    Path dir;

    @Test
    void script_in_any_field_never_reaches_a_readers_page_as_active_content() throws Exception {
        var json = new ObjectMapper();
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T02:00:00Z"))) {
            var categoryName = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
            var cat = app.admin("POST", "/api/admin/categories",
                    json.writeValueAsString(Map.of("slug", "xss", "name", categoryName, "section", "xss")));
            assertThat(cat.statusCode()).as(cat.body()).isEqualTo(201);

            var urls = new java.util.ArrayList<String>();
            for (var payload : PAYLOADS) {
                var oneLine = payload.replace('\n', ' ');
                var name = oneLine.replace("/", "").substring(0, Math.min(100, oneLine.replace("/", "").length()));
                var article = new LinkedHashMap<String, Object>();
                article.put("title", oneLine);
                article.put("lead", payload);
                article.put("body", payload + "\n\n本文 " + payload + "\n\n※" + payload);
                article.put("category", "xss");
                article.put("tags", List.of(name));
                article.put("authors", List.of(name));
                article.put("status", "published");
                article.put("publishedAt", "2024-10-21T10:00:00+09:00");
                var res = app.admin("POST", "/api/admin/articles", json.writeValueAsString(article));
                assertThat(res.statusCode()).as(payload + " → " + res.body()).isEqualTo(201);
                var url = json.readTree(res.body()).get("url").asText();
                urls.add(url);

                var page = app.get(url);
                assertThat(page.statusCode()).as(url).isEqualTo(200);
                var doc = Jsoup.parse(page.body());
                assertInert(doc, payload);
                // escaped, not dropped: the reader sees exactly what the editor typed
                assertThat(doc.select("h1.article-title").text()).as(payload)
                        .isEqualTo(oneLine.strip().replaceAll("\\s+", " "));
                assertThat(doc.select("a.category-link").text()).isEqualTo(categoryName);
                var tagLink = doc.select(".article-tags a").first();
                assertInert(Jsoup.parse(app.get(tagLink.attr("href")).body()), "tag page of " + payload);
                var authorLink = doc.select(".article-authors a").first();
                assertInert(Jsoup.parse(app.get(authorLink.attr("href")).body()), "author page of " + payload);
            }
            for (var listing : List.of("/", "/?page=2", "/?page=3", "/category/xss", "/category/xss?page=2")) {
                var res = app.get(listing);
                assertThat(res.statusCode()).as(listing).isEqualTo(200);
                assertInert(Jsoup.parse(res.body()), listing);
            }
            assertInert(Jsoup.parse(app.get("/docs/mod/999999.html").body()), "404 page");
        }
    }

    /** The site's own controls: the search form and the ranking widget's tabs. */
    static boolean siteChrome(Element e) {
        return e.closest("form.site-search") != null
                || (e.normalName().equals("button") && e.attr("role").equals("tab") && e.closest("aside.sidebar") != null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static void assertInert(Document doc, String context) {
        var ownScripts = List.of(StaticAssets.url("kiji.js"), StaticAssets.url("ranking.js"));
        for (var script : doc.select("script")) {
            if (script.attr("type").equals("application/ld+json") && script.attr("src").isEmpty()) {
                // structured data is inert for the browser, as long as nothing breaks out of it:
                // the block must still parse as one JSON document, with no raw '<' in it
                assertThat(script.data()).as(context + ": JSON-LD").doesNotContain("<");
                assertThatCode(() -> JSON.readTree(script.data())).as(context + ": JSON-LD parses")
                        .doesNotThrowAnyException();
                continue;
            }
            assertThat(script.attr("src")).as(context + ": " + script.outerHtml()).isIn(ownScripts);
            assertThat(script.data()).as(context).isEmpty();
        }
        for (var tag : FORBIDDEN) {
            var found = doc.select(tag).stream().filter(e -> !siteChrome(e)).toList();
            assertThat(found).as(context + ": <" + tag + ">").isEmpty();
        }
        assertThat(doc.select("form").stream().map(e -> e.className()).toList()).as(context).containsOnly("site-search");
        assertThat(doc.select("meta[http-equiv]")).as(context).isEmpty();
        assertThat(doc.select("body link, body meta")).as(context).isEmpty();
        for (Element e : doc.getAllElements()) {
            for (var attr : e.attributes()) {
                var key = attr.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as(context + ": " + e.outerHtml()).doesNotStartWith("on");
                assertThat(key).as(context + ": " + e.outerHtml()).isNotIn("style", "srcdoc", "formaction", "xlink:href");
                if (isTextMeta(e) && key.equals("content")) continue; // text for crawlers, never a URL
                var value = attr.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Cntrl}]", "");
                assertThat(value).as(context + ": " + key + " in " + e.outerHtml())
                        .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                if (key.equals("target")) assertThat(e.attr("rel")).as(context).contains("noopener");
                if (key.equals("srcset")) {
                    // every candidate is a URL: none may hide a scheme behind a comma
                    for (var candidate : value.split(",")) {
                        assertThat(candidate).as(context + ": srcset in " + e.outerHtml())
                                .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                    }
                }
            }
        }
    }

    /** A {@code <meta>} whose content is plain text (description, titles, section, tags), not a URL. */
    static boolean isTextMeta(Element e) {
        if (!e.normalName().equals("meta")) return false;
        var name = (e.attr("name") + e.attr("property")).toLowerCase(Locale.ROOT);
        // og:image:alt and twitter:image:alt are the photo's caption, text like the title
        return !name.isEmpty() && !name.contains("url") && (!name.contains("image") || name.endsWith(":alt"));
    }
}
