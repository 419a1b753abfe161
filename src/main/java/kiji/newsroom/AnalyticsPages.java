package kiji.newsroom;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import kiji.article.Permalinks;
import kiji.article.TokyoTime;
import kiji.ranking.RankingWindow;

/**
 * The analytics pages: one article's views per hour and ranking standings, and the current top
 * lists with 1-hour trending. Editors and admins see every article's numbers; a writer sees
 * those of the articles they own (whatever their status), since the numbers of a colleague's
 * piece are the desk's business, not the writer's. The top lists are what the public site shows,
 * so every signed-in user may read them.
 */
final class AnalyticsPages {
    static final int TOP_SIZE = 20;

    private final Editorial editorial;
    private final Readership readership;
    private final Permalinks permalinks;

    AnalyticsPages(Editorial editorial, Readership readership, Permalinks permalinks) {
        this.editorial = editorial;
        this.readership = readership;
        this.permalinks = permalinks;
    }

    void article(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var item = editorial.get(NewsroomParams.id(ctx, "id"));
        if (!canSee(session.user(), item)) throw NewsroomException.forbidden();
        var a = item.article();
        var model = new AnalyticsView.ArticlePage(a.id(), a.title(), ArticleRows.label(ArticleRows.state(a, item.facts())),
                permalinks.of(a), Editorial.canEdit(session.user(), item), ViewChart.of(readership.lastWeek(a.id())),
                readership.standings(a.id()));
        ctx.render("newsroom/analytics.jte", Map.of("view", NewsroomView.of(session, "アクセス解析: " + a.title(),
                "analytics"), "page", model));
    }

    void top(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var lists = List.of(RankingWindow.HOUR, RankingWindow.DAY, RankingWindow.WEEK, RankingWindow.MONTH).stream()
                .map(w -> {
                    var r = readership.top(w, TOP_SIZE);
                    var span = TokyoTime.stamp(r.from()) + " 〜 " + TokyoTime.stamp(r.to());
                    var label = w == RankingWindow.HOUR ? "急上昇（1時間）" : w.label();
                    return new AnalyticsView.TopList(w.key(), label, span, r.items());
                }).toList();
        ctx.render("newsroom/ranking.jte", Map.of("view", NewsroomView.of(session, "ランキング", "analytics"),
                "lists", lists));
    }

    /** Editors and admins: every article; writers: the articles they own. */
    static boolean canSee(User user, Editorial.Item item) {
        return user.role().canPublish() || item.facts().ownerId().filter(o -> o == user.id()).isPresent();
    }
}
