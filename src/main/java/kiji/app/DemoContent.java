package kiji.app;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.ArticleFilter;
import kiji.article.PageRequest;
import kiji.article.ReiwaDate;
import kiji.article.Status;
import kiji.article.TokyoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo articles written for Kiji (fictional, not copied from any site), shaped like a
 * defense-news site's pages: title ending with the event date, an official statement, ※ notes
 * and (以上). Used by {@code kiji serve --demo} on an empty data folder.
 */
public final class DemoContent {
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private DemoContent() {}

    public static void fillIfEmpty(Kiji kiji) {
        if (kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 1), Optional.empty()).total() > 0) return;
        var service = kiji.articleService;
        if (kiji.categories.all().isEmpty()) {
            service.createCategory("japan-defense", "日本の防衛", "mod");
            service.createCategory("personnel", "人事発令", "jinji");
            service.createCategory("world", "国際・同盟", "world");
            service.createCategory("equipment", "防衛装備", "equip");
        }
        var now = kiji.clock.instant();
        var articles = DemoArticles.all();
        for (int i = 0; i < articles.size(); i++) {
            var a = articles.get(i);
            // spread over the last 40 days, newest first in the list
            var at = now.minus(Duration.ofHours(3 + (long) i * 40 * 24 / articles.size())).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            var eventDay = LocalDate.ofInstant(at.minus(Duration.ofDays(1)), TokyoTime.ZONE);
            var title = a.title() + "(" + eventDay.getMonthValue() + "月" + eventDay.getDayOfMonth() + "日)";
            var body = a.body().replace("{date}", ReiwaDate.format(eventDay));
            service.create(new ArticleDraft(Optional.empty(), title, a.lead(), body, a.category(), a.tags(),
                    List.of("Kiji編集部"), Status.PUBLISHED, Optional.of(at)));
        }
        log.info("demo: {} articles written", articles.size());
    }
}
