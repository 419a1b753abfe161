package kiji.personnel;

import java.util.List;
import kiji.article.ReiwaDate;

/** What the post page shows: who took the post, oldest first. */
public record PostPageView(Post post, List<Row> rows) {

    /** One holder. */
    public record Row(String date, String isoDate, String name, String personUrl, String rank, String service,
                      boolean concurrent, String articleUrl) {}

    static PostPageView of(Post post, List<Holding> holdings) {
        return new PostPageView(post, holdings.stream().map(h -> new Row(ReiwaDate.formatWithoutWeekday(h.effectiveDate()),
                h.effectiveDate().toString(), h.person().name(), h.person().url(), h.rank(), h.person().service().fullName(),
                h.concurrent(), h.articleUrl())).toList());
    }
}
