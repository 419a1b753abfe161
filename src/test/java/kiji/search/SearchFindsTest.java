package kiji.search;

import static kiji.search.SearchFixtures.api;
import static kiji.search.SearchFixtures.article;
import static kiji.search.SearchFixtures.enc;
import static kiji.search.SearchFixtures.titles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Japanese reader types finds what they mean; one server and one small corpus for all. */
class SearchFindsTest {
    @TempDir
    static Path dir;

    static final MutableClock clock = MutableClock.at("2024-10-21T03:00:00Z");
    static TestKiji app;

    @BeforeAll
    static void corpus() {
        app = TestKiji.start(dir, clock);
        var now = clock.instant();
        article(app, "japan-defense", "防衛装備庁が新型レーダーを公開(10月17日)",
                "防衛装備庁は17日、新型レーダーの試験結果を公表した。", Status.PUBLISHED, now.minus(Duration.ofDays(4)));
        article(app, "japan-defense", "NATO国防相会合に出席(10月18日)",
                "防衛大臣はNATOの会合に出席し、ルッテ事務総長と会談した。", Status.PUBLISHED, now.minus(Duration.ofDays(3)));
        article(app, "japan-defense", "東京都内で災害派遣訓練(10月19日)",
                "陸自は東京都の要請を想定した訓練を実施した。", Status.PUBLISHED, now.minus(Duration.ofDays(2)));
        article(app, "japan-defense", "京都で記念式典(10月20日)",
                "京都の駐屯地で創立記念式典が行われた。", Status.PUBLISHED, now.minus(Duration.ofDays(1)));
        article(app, "personnel", "統合幕僚学校長の人事(10月20日)",
                "統合幕僚学校長に海将補が着任する。レールガンの研究を担当した。", Status.PUBLISHED, now.minus(Duration.ofHours(20)));
        article(app, "japan-defense", "もがみ型護衛艦の進水式(10月21日)",
                "もがみ型護衛艦の新しい艦が進水した。訓練は来年から。", Status.PUBLISHED, now.minus(Duration.ofHours(2)));
        article(app, "japan-defense", "下書き: 防衛装備庁の未発表計画", "まだ出せない防衛装備庁の話。", Status.DRAFT,
                now.minus(Duration.ofHours(1)));
        article(app, "japan-defense", "予約: 防衛装備庁の来週の発表", "防衛装備庁は来週発表する。", Status.SCHEDULED,
                now.plus(Duration.ofDays(2)));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void compound_word_is_found_by_each_of_its_parts() {
        assertThat(titles(app, "装備庁")).containsExactly("防衛装備庁が新型レーダーを公開(10月17日)");
        assertThat(titles(app, "防衛装備庁")).containsExactly("防衛装備庁が新型レーダーを公開(10月17日)");
        assertThat(titles(app, "防衛")).contains("防衛装備庁が新型レーダーを公開(10月17日)");
        assertThat(titles(app, "学校長")).containsExactly("統合幕僚学校長の人事(10月20日)");
        assertThat(titles(app, "もがみ")).containsExactly("もがみ型護衛艦の進水式(10月21日)");
    }

    @Test
    void full_width_lower_case_and_half_width_katakana_find_the_same_words() {
        var nato = "NATO国防相会合に出席(10月18日)";
        assertThat(titles(app, "ＮＡＴＯ")).containsExactly(nato);
        assertThat(titles(app, "ｎａｔｏ")).containsExactly(nato);
        assertThat(titles(app, "nato")).containsExactly(nato);
        assertThat(titles(app, "ﾚｰﾙｶﾞﾝ")).containsExactly("統合幕僚学校長の人事(10月20日)");
        assertThat(titles(app, "ﾙｯﾃ")).containsExactly(nato);
    }

    @Test
    void kyoto_does_not_match_an_article_that_only_says_tokyo_to() {
        assertThat(titles(app, "京都")).containsExactly("京都で記念式典(10月20日)");
        assertThat(titles(app, "東京都")).containsExactly("東京都内で災害派遣訓練(10月19日)");
    }

    @Test
    void words_must_all_match_phrases_match_exactly_minus_excludes_and_or_widens() {
        assertThat(titles(app, "護衛艦 進水")).containsExactly("もがみ型護衛艦の進水式(10月21日)");
        assertThat(titles(app, "護衛艦 京都")).isEmpty();
        assertThat(titles(app, "\"試験結果を公表\"")).containsExactly("防衛装備庁が新型レーダーを公開(10月17日)");
        assertThat(titles(app, "\"公表 試験結果\"")).isEmpty();
        assertThat(titles(app, "訓練 -東京都")).containsExactly("もがみ型護衛艦の進水式(10月21日)");
        assertThat(titles(app, "京都 OR レーダー"))
                .containsExactlyInAnyOrder("京都で記念式典(10月20日)", "防衛装備庁が新型レーダーを公開(10月17日)");
    }

    @Test
    void drafts_and_articles_scheduled_for_later_are_never_returned() {
        assertThat(titles(app, "防衛装備庁")).noneMatch(t -> t.startsWith("下書き") || t.startsWith("予約"));
        assertThat(titles(app, "未発表計画")).isEmpty();
    }

    @Test
    void category_filter_and_date_range_in_japan_time_narrow_the_hits() {
        assertThat(titles(api(app, "q=" + enc("レールガン OR 防衛") + "&category=personnel")))
                .containsExactly("統合幕僚学校長の人事(10月20日)");
        // 2024-10-20 JST runs from 10-19T15:00Z; the 京都 article is at 10-20T03:00Z
        assertThat(titles(api(app, "q=" + enc("式典 OR 訓練") + "&from=2024-10-20&to=2024-10-20")))
                .containsExactly("京都で記念式典(10月20日)");
        assertThat(titles(api(app, "q=" + enc("式典 OR 訓練") + "&to=2024-10-19")))
                .containsExactly("東京都内で災害派遣訓練(10月19日)");
    }

    @Test
    void date_sort_puts_newest_first_and_paging_splits_the_hits() {
        var byDate = api(app, "q=" + enc("訓練 OR 式典 OR 会合") + "&sort=date");
        assertThat(byDate.get("total").asLong()).isEqualTo(4);
        assertThat(titles(byDate)).containsExactly("もがみ型護衛艦の進水式(10月21日)", "京都で記念式典(10月20日)",
                "東京都内で災害派遣訓練(10月19日)", "NATO国防相会合に出席(10月18日)");
        var second = api(app, "q=" + enc("訓練 OR 式典 OR 会合") + "&sort=date&size=3&page=2");
        assertThat(second.get("total").asLong()).isEqualTo(4);
        assertThat(titles(second)).containsExactly("NATO国防相会合に出席(10月18日)");
    }

    @Test
    void relevance_sort_ranks_a_title_match_above_a_body_mention() {
        var hits = titles(app, "レールガン OR 進水式");
        assertThat(hits).hasSize(2);
        assertThat(hits.getFirst()).isEqualTo("もがみ型護衛艦の進水式(10月21日)");
    }

    @Test
    void api_answers_the_contract_fields_with_a_marked_snippet() {
        var answer = api(app, "q=" + enc("レーダー"));
        assertThat(answer.get("total").asLong()).isEqualTo(1);
        var item = answer.get("items").get(0);
        assertThat(item.get("articleId").asLong()).isPositive();
        assertThat(item.get("url").asText()).matches("/docs/mod/\\d{6}\\.html");
        assertThat(Instant.parse(item.get("publishedAt").asText())).isEqualTo(Instant.parse("2024-10-17T03:00:00Z"));
        assertThat(item.get("category").asText()).isEqualTo("japan-defense");
        assertThat(item.get("snippet").asText()).contains("新型<mark>レーダー</mark>の試験結果");
    }

    @Test
    void a_scheduled_article_becomes_findable_when_its_time_comes() {
        var later = MutableClock.at("2024-10-21T03:00:00Z");
        try (var other = TestKiji.start(dir.resolve("scheduled"), later)) {
            article(other, "japan-defense", "予約記事: 観艦式の予定", "観艦式を行う。", Status.SCHEDULED,
                    later.instant().plus(Duration.ofMinutes(30)));
            assertThat(titles(other, "観艦式")).isEmpty();
            later.advance(Duration.ofMinutes(31));
            assertThat(titles(other, "観艦式")).containsExactly("予約記事: 観艦式の予定");
        }
    }
}
