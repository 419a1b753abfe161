package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revisions on both engines, and the line diff they are compared with. */
class RevisionsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void revisions_are_capped_at_fifty_and_the_oldest_go_first(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var clock = MutableClock.at("2024-10-21T01:00:00Z");
            var service = new ArticleService(new ArticleStore(db.jdbi(), db.dialect()), new CategoryStore(db.jdbi()),
                    new MarkdownRenderer(), clock);
            service.createCategory("japan-defense", "日本の防衛", "mod");
            var user = new Users(db.jdbi(), clock).add("sato", null, Role.EDITOR, "long enough password");
            var revisions = new Revisions(db.jdbi(), clock);
            var article = service.create(new ArticleDraft(Optional.empty(), "版0", "", "本文", "japan-defense",
                    List.of(), List.of(), Status.DRAFT, Optional.empty()));
            for (int i = 0; i < 53; i++) {
                var saved = service.update(article.id(), new ArticleDraft(Optional.empty(), "版" + i, "", "本文" + i,
                        "japan-defense", List.of("タグ"), List.of(), Status.DRAFT, Optional.empty())).orElseThrow();
                revisions.save(saved, user);
            }
            var kept = revisions.list(article.id());
            assertThat(kept).hasSize(Revisions.CAP);
            assertThat(kept.get(0).snapshot().title()).isEqualTo("版52");
            assertThat(kept.get(Revisions.CAP - 1).snapshot().title()).isEqualTo("版3");
            assertThat(kept.get(0).snapshot().tags()).containsExactly("タグ");
            assertThat(revisions.find(article.id(), kept.get(0).id())).isPresent();
        }
    }

    @Test
    void the_line_diff_marks_added_and_removed_lines_and_keeps_the_rest() {
        var lines = LineDiff.of("一\n二\n三\n四", "一\n二改\n三\n四\n五");
        assertThat(lines).containsExactly(
                new LineDiff.Line(LineDiff.Kind.SAME, "一"),
                new LineDiff.Line(LineDiff.Kind.REMOVED, "二"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "二改"),
                new LineDiff.Line(LineDiff.Kind.SAME, "三"),
                new LineDiff.Line(LineDiff.Kind.SAME, "四"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "五"));
    }

    @Test
    void identical_texts_have_no_changes_and_huge_ones_still_diff_correctly() {
        assertThat(LineDiff.of("a\nb", "a\nb")).allMatch(l -> l.kind() == LineDiff.Kind.SAME);
        var before = new StringBuilder();
        var after = new StringBuilder();
        for (int i = 0; i < 2100; i++) {
            before.append("old ").append(i).append('\n');
            after.append("new ").append(i).append('\n');
        }
        var lines = LineDiff.of("head\n" + before, "head\n" + after);
        assertThat(lines.get(0)).isEqualTo(new LineDiff.Line(LineDiff.Kind.SAME, "head"));
        assertThat(lines.stream().filter(l -> l.kind() == LineDiff.Kind.REMOVED)).hasSize(2100);
        assertThat(lines.stream().filter(l -> l.kind() == LineDiff.Kind.ADDED)).hasSize(2100);
    }
}
