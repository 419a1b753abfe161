package kiji.page;

import static org.assertj.core.api.Assertions.assertThat;

import kiji.article.Permalinks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a fixed page may live: never on the site's own paths, nor where articles live. */
class PagePathTest {
    final PagePath paths = new PagePath(new Permalinks(Permalinks.DEFAULT_PATTERN));

    @ParameterizedTest
    @ValueSource(strings = {"/about/", "/company/privacy/", "/会社概要/", "/ad_info.v2/", "/About-Us/"})
    void a_path_of_segments_with_a_trailing_slash_can_be_a_page(String path) {
        assertThat(paths.problem(path)).isEmpty();
        assertThat(paths.couldBe(PagePath.url(path))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/category/about/", "/tag/x/", "/author/x/", "/api/pages/", "/static/x/", "/assets/x/",
        "/media/x/", "/search/", "/searching/", "/feed/", "/feed.xml/", "/atom.xml/", "/sitemap/", "/sitemaps/x/",
        "/robots.txt/", "/newsroom/", "/newsroom/pages/", "/admin/", "/Admin/", "/jinji/", "/docs/", "/docs/about/"})
    void the_sites_own_paths_and_the_permalink_prefix_are_refused(String path) {
        assertThat(paths.problem(path)).hasValueSatisfying(p -> assertThat(p).startsWith("taken"));
        assertThat(paths.couldBe(path)).as("never kept as a fixed page by the render cache").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "about/", "/a//b/", "/../", "/./", "/a b/", "/a?b/", "/<script>/", "/a%2Fb/"})
    void malformed_paths_are_refused(String path) {
        assertThat(paths.problem(path)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void another_permalink_pattern_reserves_its_own_first_segment() {
        var other = new PagePath(new Permalinks("/news/{id}/"));
        assertThat(other.problem("/news/about/")).isPresent();
        assertThat(other.problem("/docs/about/")).isEmpty();
    }
}
