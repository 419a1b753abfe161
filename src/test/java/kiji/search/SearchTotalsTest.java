package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import kiji.article.Article;
import kiji.article.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past 1,000 hits the total is a floor, and the pages are still exactly the right hits: the
 * newest first in date order (the index is sorted by date, so Lucene stops early), the same
 * order on every page.
 */
class SearchTotalsTest {
    static final Instant NOW = Instant.parse("2024-10-21T00:00:00Z");
    static final int COMMON = 1_500;

    @TempDir
    static Path dir;

    static LuceneSearchIndex index;
    static final List<Article> corpus = new ArrayList<>();

    /** Article i is i hours old when i is even and written late; ids and dates do not agree. */
    static Article article(long id) {
        var at = NOW.minusSeconds(3600 * ((id * 7919) % COMMON));
        var rare = id % 5 == 0 ? "音楽隊が演奏した。" : "";
        return new Article(id, "定例の演習 " + id, "", "<p>演習を行った。" + rare + "</p>", "<p>演習を行った。" + rare + "</p>",
                LuceneSearchIndexTest.DEFENSE, List.of(), List.of(), Status.PUBLISHED, Optional.of(at), at, at);
    }

    @BeforeAll
    static void build() {
        for (long id = 1; id <= COMMON; id++) corpus.add(article(id));
        var firstHalf = corpus.subList(0, COMMON / 2);
        index = LuceneSearchIndex.open(dir, LuceneSearchIndexTest.analysis, new ArticleSource() {
            public long count() {
                return firstHalf.size();
            }

            public void forEach(Consumer<Article> each) {
                firstHalf.forEach(each);
            }
        }, id -> Optional.empty());
        // the second half arrives as edits: more segments, each sorted on its own
        corpus.subList(COMMON / 2, COMMON).forEach(index::put);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static SearchRequest request(String q, SearchRequest.Order order, int page, int size) {
        return new SearchRequest(q, Optional.empty(), Optional.empty(), Optional.empty(), order, page, size);
    }

    @Test
    void more_than_a_thousand_hits_is_reported_as_at_least_a_thousand() {
        var r = index.search(SearchRequest.of("演習"), NOW);
        assertThat(r.total()).isEqualTo(1_000);
        assertThat(r.totalIsLowerBound()).isTrue();
        assertThat(r.items()).hasSize(10);
        assertThat(r.pageCount()).isEqualTo(101);
    }

    @Test
    void fewer_than_a_thousand_hits_are_counted_exactly() {
        var r = index.search(SearchRequest.of("音楽隊"), NOW);
        assertThat(r.total()).isEqualTo(COMMON / 5);
        assertThat(r.totalIsLowerBound()).isFalse();
        assertThat(r.pageCount()).isEqualTo(30);
    }

    @Test
    void date_order_pages_are_the_newest_articles_in_order() {
        var newest = corpus.stream()
                .sorted(Comparator.comparing((Article a) -> a.publishedAt().orElseThrow()).reversed()
                        .thenComparing(Comparator.comparingLong(Article::id).reversed()))
                .map(Article::id).toList();
        var seen = new ArrayList<Long>();
        for (int page = 1; page <= 3; page++) {
            index.search(request("演習", SearchRequest.Order.DATE, page, 50), NOW).items()
                    .forEach(h -> seen.add(h.articleId()));
        }
        assertThat(seen).containsExactlyElementsOf(newest.subList(0, 150));
    }

    @Test
    void a_page_past_the_thousandth_hit_is_served_and_counted_to_its_end() {
        var r = index.search(request("演習", SearchRequest.Order.RELEVANCE, 25, 50), NOW);
        assertThat(r.items()).hasSize(50);
        assertThat(r.total()).isEqualTo(1_250);
        assertThat(r.totalIsLowerBound()).isTrue();
        assertThat(r.pageCount()).isGreaterThan(25);
    }

    @Test
    void a_date_range_filter_keeps_exact_counts_below_the_threshold() {
        var from = LocalDate.of(2024, 10, 14);
        var r = index.search(new SearchRequest("演習", Optional.empty(), Optional.of(from), Optional.empty(),
                SearchRequest.Order.DATE, 1, 10), NOW);
        long expected = corpus.stream().filter(a -> !a.publishedAt().orElseThrow()
                .isBefore(from.atStartOfDay(kiji.article.TokyoTime.ZONE).toInstant())).count();
        assertThat(expected).isLessThan(1_000);
        assertThat(r.total()).isEqualTo(expected);
        assertThat(r.totalIsLowerBound()).isFalse();
    }
}
