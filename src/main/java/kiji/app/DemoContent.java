package kiji.app;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleDraft;
import kiji.article.ArticleFilter;
import kiji.article.PageRequest;
import kiji.article.ReiwaDate;
import kiji.article.Status;
import kiji.article.TokyoTime;
import kiji.newsroom.Actor;
import kiji.personnel.OrderRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo content written for Kiji (invented, not copied from any site), shaped like a
 * defense-news site: statements and meetings, the symposium report series, and personnel
 * orders with tables, interleaved over the last 40 days, and a simulated reading history
 * ({@link DemoViews}) so the ranking is full on the first run. Used by {@code kiji serve --demo}.
 */
public final class DemoContent {
    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final int DAYS = 39;

    /** One article ready to store: texts with the dates filled in; a personnel order carries its list instead of a body. */
    record Entry(String title, String lead, String body, String category, List<String> tags, Instant publishedAt,
                 Optional<OrderRequest> order) {
        Entry(String title, String lead, String body, String category, List<String> tags, Instant publishedAt) {
            this(title, lead, body, category, tags, publishedAt, Optional.empty());
        }
    }

    private DemoContent() {}

    /**
     * Writes the demo categories and articles when the site has no article yet; otherwise does
     * nothing. Nodes started together on one database fill it once: the one holding the
     * {@code demo-fill} lease writes, the others wait for it and then find the site filled.
     */
    public static void fillIfEmpty(Kiji kiji) {
        if (!kiji.articles.isEmpty()) return; // the usual case, without touching the lease
        try {
            var filled = kiji.leases.lease("demo-fill", Duration.ofMinutes(5)).runAlone(Duration.ofMinutes(5), () -> {
                if (kiji.articles.isEmpty()) fill(kiji);
                return true;
            });
            if (filled.isEmpty()) throw new IllegalStateException("another node has been filling the demo for 5 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another node's demo fill", e);
        }
    }

    private static void fill(Kiji kiji) {
        var service = kiji.articleService;
        createCategory(kiji, "japan-defense", "日本の防衛", "mod");
        createCategory(kiji, "world", "国際・同盟", "world");
        createCategory(kiji, "equipment", "防衛装備", "equip");
        createCategory(kiji, "personnel", "人事発令", "jinji");
        var entries = entries(kiji.clock.instant());
        // Oldest first, so ids grow with time as on a real site.
        for (var e : entries.reversed()) {
            if (e.order().isPresent()) {
                kiji.personnel.service.create(e.order().get(), Actor.system());
                continue;
            }
            service.create(new ArticleDraft(Optional.empty(), e.title(), e.lead(), e.body(), e.category(), e.tags(),
                    List.of("Kiji編集部"), Status.PUBLISHED, Optional.of(e.publishedAt())));
        }
        log.info("demo: {} articles written", entries.size());
        log.info("demo: {} fixed pages written", DemoPages.fillMissing(kiji.pages));
        var published = kiji.articles.list(ArticleFilter.all(), new PageRequest(1, Math.min(entries.size(), PageRequest.MAX_SIZE)), Optional.empty()).items();
        var history = DemoViews.history(published, kiji.clock.instant());
        kiji.ranking.store().addHistory(history);
        kiji.ranking.refresh();
        log.info("demo: {} simulated views over {} hours written to the ranking (demo only)",
                history.stream().mapToLong(h -> h.views()).sum(), history.size());
    }

    private static void createCategory(Kiji kiji, String slug, String name, String section) {
        if (kiji.categories.findBySlug(slug).isEmpty()) kiji.articleService.createCategory(slug, name, section);
    }

    /** The demo articles, newest first, published between now and {@value DAYS} days ago. */
    static List<Entry> entries(Instant now) {
        var news = DemoArticles.all();
        var orders = DemoPersonnel.orders();
        int total = news.size() + orders.size();
        var out = new ArrayList<Entry>();
        int n = 0;
        int o = 0;
        var today = LocalDate.ofInstant(now, TokyoTime.ZONE);
        for (int i = 0; i < total; i++) {
            var at = publishedAt(now, today, i, total);
            var day = LocalDate.ofInstant(at, TokyoTime.ZONE);
            // Personnel orders spread evenly among the news, as a desk publishes them.
            boolean order = o < orders.size() && ((long) (i + 1) * orders.size() / total > o || n >= news.size());
            if (order) {
                var p = orders.get(o++);
                var effective = day.plusDays(p.effectiveInDays());
                var lead = fill(DemoPersonnel.lead(p), effective);
                var request = new OrderRequest(DemoPersonnel.text(p, o, effective), p.kind(), Status.PUBLISHED, Optional.of(at),
                        p.eraInTitle(), Optional.empty(), lead, DemoPersonnel.notes());
                out.add(new Entry("", lead, "", "personnel", List.of("人事発令"), at, Optional.of(request)));
            } else {
                var d = news.get(n++);
                var event = day.minusDays(d.eventDaysBefore());
                out.add(new Entry(fill(d.title(), event), fill(d.lead(), event), fill(d.body(), event), d.category(),
                        d.tags(), at));
            }
        }
        return out;
    }

    /** Business hours in Tokyo, spread over the days; never after {@code now}. */
    private static Instant publishedAt(Instant now, LocalDate today, int i, int total) {
        var day = today.minusDays(Math.round((double) i * DAYS / (total - 1)));
        var time = LocalTime.of(9, 30).plusMinutes((i * 97L) % 480);
        var at = day.atTime(time).atZone(TokyoTime.ZONE).toInstant();
        return at.isAfter(now) ? now.minus(Duration.ofMinutes(20L * (i + 1))).truncatedTo(ChronoUnit.MINUTES) : at;
    }

    private static String nextDay(LocalDate event) {
        var next = event.plusDays(1);
        var day = next.getDayOfMonth() + "日";
        return next.getMonth() == event.getMonth() ? day : next.getMonthValue() + "月" + day;
    }

    static String fill(String text, LocalDate event) {
        var md = event.getMonthValue() + "月" + event.getDayOfMonth() + "日";
        return text.replace("{date}", ReiwaDate.format(event))
                .replace("{mdw}", md + "(" + ReiwaDate.weekday(event) + ")")
                .replace("{md2}", md + "・" + nextDay(event))
                .replace("{era}", ReiwaDate.eraYear(event) + "年")
                .replace("{md}", md);
    }
}
