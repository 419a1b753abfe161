package kiji.feed;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.testing.TestKiji;

/** A small site written for these tests: two categories, tags and authors, one draft. */
final class FeedFixtures {
    private FeedFixtures() {}

    static void categories(TestKiji app) {
        app.category("japan-defense", "日本の防衛", "mod");
        app.category("personnel", "人事発令", "jinji");
    }

    /** Published {@code hoursAgo} before the app's clock. */
    static Article article(TestKiji app, String title, String category, List<String> tags, List<String> authors,
                           long hoursAgo) {
        categories(app);
        var at = app.kiji.clock.instant().minus(Duration.ofHours(hoursAgo));
        return app.kiji.articleService.create(new ArticleDraft(Optional.empty(), title, title + "のリード。",
                "本文の一段落目。\n\n※注記です。\n\n(以上)", category, tags, authors, Status.PUBLISHED, Optional.of(at)));
    }

    static Article draft(TestKiji app, String title) {
        categories(app);
        return app.kiji.articleService.create(new ArticleDraft(Optional.empty(), title, "", "下書きの本文", "japan-defense",
                List.of("防衛大臣"), List.of(), Status.DRAFT, Optional.empty()));
    }
}
