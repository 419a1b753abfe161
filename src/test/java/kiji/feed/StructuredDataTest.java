package kiji.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructuredDataTest {
    static final Pattern LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
    final ObjectMapper json = new ObjectMapper();
    TestKiji app;
    String page;

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"));
        FeedFixtures.article(app, "防衛大臣が会談(10月17日)", "japan-defense", List.of("防衛大臣", "会談"), List.of("山田記者"), 3);
        page = app.get("/docs/mod/000001.html").body();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void news_article_json_ld_parses_and_carries_every_field_with_japan_offsets() throws Exception {
        var ld = jsonLd(page);
        var article = ld.stream().filter(n -> n.path("@type").asText().equals("NewsArticle")).findFirst().orElseThrow();
        assertThat(article.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(article.path("headline").asText()).isEqualTo("防衛大臣が会談(10月17日)");
        assertThat(article.path("datePublished").asText()).isEqualTo("2024-10-21T07:58:00+09:00");
        assertThat(article.path("dateModified").asText()).isEqualTo("2024-10-21T10:58:00+09:00");
        assertThat(article.path("author").get(0).path("@type").asText()).isEqualTo("Person");
        assertThat(article.path("author").get(0).path("name").asText()).isEqualTo("山田記者");
        assertThat(article.path("publisher").path("name").asText()).isEqualTo("Kiji 防衛ニュース");
        assertThat(article.path("publisher").path("logo").path("url").asText())
                .matches("http://localhost:8080/assets/kiji-logo\\.[0-9a-f]{10}\\.png");
        assertThat(article.path("image").get(0).path("url").asText())
                .matches("http://localhost:8080/assets/kiji-og\\.[0-9a-f]{10}\\.png");
        assertThat(article.path("mainEntityOfPage").path("@id").asText()).isEqualTo("http://localhost:8080/docs/mod/000001.html");
        assertThat(article.path("articleSection").asText()).isEqualTo("日本の防衛");
        assertThat(article.path("inLanguage").asText()).isEqualTo("ja");
    }

    @Test
    void breadcrumb_list_goes_home_category_article() throws Exception {
        var crumbs = jsonLd(page).stream().filter(n -> n.path("@type").asText().equals("BreadcrumbList")).findFirst()
                .orElseThrow().path("itemListElement");
        assertThat(crumbs).hasSize(3);
        assertThat(crumbs.get(0).path("item").asText()).isEqualTo("http://localhost:8080/");
        assertThat(crumbs.get(1).path("name").asText()).isEqualTo("日本の防衛");
        assertThat(crumbs.get(1).path("item").asText()).isEqualTo("http://localhost:8080/category/japan-defense");
        assertThat(crumbs.get(2).path("position").asInt()).isEqualTo(3);
    }

    @Test
    void open_graph_and_twitter_card_are_in_the_head() {
        var head = page.substring(0, page.indexOf("</head>"));
        assertThat(head)
                .contains("<meta property=\"og:type\" content=\"article\">")
                .contains("<meta property=\"og:title\" content=\"防衛大臣が会談(10月17日)\">")
                .contains("<meta property=\"og:url\" content=\"http://localhost:8080/docs/mod/000001.html\">")
                .contains("<meta property=\"article:published_time\" content=\"2024-10-21T07:58:00+09:00\">")
                .contains("<meta property=\"article:modified_time\" content=\"2024-10-21T10:58:00+09:00\">")
                .contains("<meta property=\"article:section\" content=\"日本の防衛\">")
                .contains("<meta property=\"article:tag\" content=\"防衛大臣\">")
                .contains("<meta property=\"article:tag\" content=\"会談\">")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
                .contains("<link rel=\"canonical\" href=\"http://localhost:8080/docs/mod/000001.html\">")
                .containsPattern("<meta property=\"og:image\" content=\"http://localhost:8080/assets/kiji-og\\.[0-9a-f]{10}\\.png\">");
    }

    @Test
    void a_title_with_a_closing_script_tag_cannot_leave_the_json_ld_block() throws Exception {
        var a = FeedFixtures.article(app, "見出し</script><script>alert(1)</script>", "japan-defense", List.of(), List.of(), 1);
        var html = app.get("/docs/mod/" + String.format("%06d", a.id()) + ".html").body();
        assertThat(html).doesNotContain("<script>alert(1)");
        var article = jsonLd(html).get(0);
        assertThat(article.path("headline").asText()).isEqualTo("見出し</script><script>alert(1)</script>");
    }

    @Test
    void home_page_declares_the_website_with_its_search_action() throws Exception {
        var site = jsonLd(app.get("/").body()).get(0);
        assertThat(site.path("@type").asText()).isEqualTo("WebSite");
        assertThat(site.path("url").asText()).isEqualTo("http://localhost:8080/");
        assertThat(site.path("potentialAction").path("@type").asText()).isEqualTo("SearchAction");
        assertThat(site.path("potentialAction").path("target").path("urlTemplate").asText())
                .isEqualTo("http://localhost:8080/search?q={search_term_string}");
        assertThat(site.path("potentialAction").path("query-input").asText()).isEqualTo("required name=search_term_string");
    }

    List<JsonNode> jsonLd(String html) throws Exception {
        var out = new ArrayList<JsonNode>();
        var m = LD.matcher(html);
        while (m.find()) out.add(json.readTree(m.group(1)));
        return out;
    }
}
