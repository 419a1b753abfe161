package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.testing.HtmlChecker;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of public page passes the Nu HTML Checker with no errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityTest {
    final HtmlChecker checker = new HtmlChecker();
    TestKiji app;

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"));
        app.category("japan-defense", "日本の防衛", "mod");
        for (int i = 1; i <= 21; i++) {
            app.kiji.articleService.create(new ArticleDraft(Optional.empty(), "防衛大臣が会談 その" + i + "(10月17日)",
                    "両大臣は意見を交換した。", """
                    防衛省は令和6(2024)年10月17日(木)、会談を行った。

                    > 両者は協力を一層推進することで一致しました。

                    | 項目 | 内容 |
                    |---|---|
                    | 日時 | 10月17日 |

                    ※注記です。

                    (以上)""", "japan-defense", List.of("防衛大臣", "会談 2024"), List.of("山田 記者"),
                    Status.PUBLISHED, Optional.of(app.kiji.clock.instant())));
        }
        app.kiji.pages.create(kiji.page.FixedPageDraft.markdown("/about/", "会社概要", """
                | 項目 | 内容 |
                |---|---|
                | 名称 | Kiji デモ編集部 |

                ## 編集方針

                ※架空の内容です。""", kiji.page.PageStatus.PUBLISHED));
        app.kiji.pages.create(kiji.page.FixedPageDraft.html("/広告/", "広告掲載について",
                "<h2>掲載枠</h2><ul><li>バナー</li></ul><p>お問い合わせは<a href=\"mailto:ads@kiji.invalid\">こちら</a></p>",
                kiji.page.PageStatus.PUBLISHED));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @org.junit.jupiter.api.Test
    void the_checker_reports_invalid_html() {
        var errors = checker.errors("<!DOCTYPE html><html lang=\"ja\"><head><title>x</title></head>"
                + "<body><p><div>ブロック</div></span><img src=\"a.png\"></body></html>");
        assertThat(errors).isNotEmpty();
        assertThat(String.join("\n", errors)).contains("alt");
    }

    @org.junit.jupiter.api.Test
    void the_search_pages_checked_include_results_and_the_empty_state() {
        // guards the validity cases below: the query pages must really show hits and the empty state
        assertThat(app.get("/search?q=%E9%98%B2%E8%A1%9B").body()).contains("class=\"search-hit\"");
        assertThat(app.get("/search?q=zzzz").body()).doesNotContain("class=\"search-hit\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?page=2", "/docs/mod/000001.html", "/category/japan-defense",
        "/tag/%E4%BC%9A%E8%AB%87%202024", "/author/%E5%B1%B1%E7%94%B0%20%E8%A8%98%E8%80%85", "/docs/mod/999999.html",
        "/no-such-page", "/search", "/search?q=%E9%98%B2%E8%A1%9B",
        "/search?q=%E9%98%B2%E8%A1%9B&page=3", "/search?q=zzzz", "/newsroom/signin", "/about/", "/%E5%BA%83%E5%91%8A/"})
    void public_page_has_no_html_errors(String path) {
        var html = app.get(path).body();
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(checker.errors(html)).as(path).isEmpty();
    }
}
