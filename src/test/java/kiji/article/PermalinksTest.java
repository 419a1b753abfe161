package kiji.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermalinksTest {
    static final Category MOD = new Category(1, "japan-defense", "日本の防衛", "mod");
    final Permalinks standard = new Permalinks(Permalinks.DEFAULT_PATTERN);

    @Test
    void the_default_pattern_reproduces_the_old_sites_urls() {
        assertThat(standard.of(1922, MOD)).isEqualTo("/docs/mod/001922.html");
        assertThat(standard.of(1, MOD)).isEqualTo("/docs/mod/000001.html");
        assertThat(standard.of(1234567, MOD)).isEqualTo("/docs/mod/1234567.html");
        assertThat(standard.idOf("/docs/mod/001922.html")).contains(1922L);
        assertThat(standard.idOf("/docs/mod/1234567.html")).contains(1234567L);
        assertThat(standard.prefix()).isEqualTo("/docs/");
    }

    @Test
    void any_path_of_the_patterns_shape_names_its_article_so_it_can_be_redirected() {
        assertThat(standard.idOf("/docs/mod/1922.html")).contains(1922L);
        assertThat(standard.idOf("/docs/jinji/001922.html")).contains(1922L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs/mod/abc.html", "/docs/mod/000000.html", "/docs/mod/99999999999999999999.html",
        "/docs/mod/-1.html", "/docs/mod/001922.htm", "/docs/mod/001922.html/", "/docs/mod/", "/docs/",
        "/docs/mod/001922.html\u0000", "/docs/m%00d/001922.html", "/docs/../docs/mod/001922.html", "/docs/mod/x/001922.html",
        "/docs/モッド/001922.html", ""})
    void paths_that_do_not_name_an_article_name_none(String path) {
        assertThat(standard.idOf(path)).isEmpty();
    }

    @Test
    void a_very_long_path_names_no_article() {
        assertThat(standard.idOf("/docs/" + "a".repeat(100_000) + "/001922.html")).isEmpty();
        assertThat(standard.idOf(null)).isEmpty();
    }

    @Test
    void other_patterns_are_accepted() {
        var news = new Permalinks("/news/{id}.html");
        assertThat(news.of(1922, MOD)).isEqualTo("/news/1922.html");
        assertThat(news.idOf("/news/001922.html")).contains(1922L);
        assertThat(news.prefix()).isEqualTo("/news/");
        var byCategory = new Permalinks("/articles/{category}/{id6}");
        assertThat(byCategory.of(1922, MOD)).isEqualTo("/articles/japan-defense/001922");
        assertThat(byCategory.idOf("/articles/japan-defense/001922")).contains(1922L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/{category}/{id}", "/{id}", "docs/{id}", "/docs/{section}.html", "/docs/{id}/{id6}",
        "/docs/{slug}/{id}", "/category/{id}", "/tag/{id}", "/author/{id}", "/api/{id}", "/static/{id}", "/a{id}", ""})
    void patterns_that_cannot_work_are_refused_with_the_reason(String pattern) {
        assertThatThrownBy(() -> new Permalinks(pattern)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permalink pattern");
    }

    @Test
    void no_pattern_is_refused() {
        assertThatThrownBy(() -> new Permalinks(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
