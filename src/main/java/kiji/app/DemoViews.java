package kiji.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kiji.article.Article;
import kiji.article.TokyoTime;
import kiji.ranking.HourBucket;
import kiji.ranking.HourBucketStore.HourViews;

/**
 * A simulated reading history for the demo articles, so the sidebar's 24時間 / 1週間 / 1ヶ月
 * tabs are full on the first run. It goes through the same hourly buckets real views use, and
 * only {@code --demo} writes it. The shape follows a news site: a burst in the hours after
 * publication that fades over a day or two, a long tail, readers by day rather than by night
 * (Tokyo time), and personnel orders read most, as on the defense site Kiji was built for.
 * Seeded by article id, so the same demo gives the same ranking.
 */
final class DemoViews {
    /** Relative readership by hour of day in Tokyo, 0 h to 23 h. */
    private static final double[] DAY_SHAPE = {
        0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.8, 1.0, 0.9, 0.85, 0.9,
        1.0, 0.95, 0.8, 0.75, 0.75, 0.8, 0.85, 0.9, 0.85, 0.7, 0.55, 0.4};
    private static final double PEAK_PER_HOUR = 60;
    private static final double FADE_HOURS = 30;
    private static final double TAIL = 0.03;

    private DemoViews() {}

    /** Hours with at least one view, for every article published before {@code now}. */
    static List<HourViews> history(List<Article> articles, Instant now) {
        var out = new ArrayList<HourViews>();
        long nowHour = HourBucket.of(now).epochHour();
        for (var a : articles) {
            if (a.publishedAt().isEmpty() || a.publishedAt().get().isAfter(now)) continue;
            var random = new Random(a.id() * 7_919L);
            double peak = PEAK_PER_HOUR * appeal(a, random);
            long first = HourBucket.of(a.publishedAt().get()).epochHour();
            for (long hour = first; hour <= nowHour; hour++) {
                double level = peak * (Math.exp(-(hour - first) / FADE_HOURS) + TAIL) * dayShape(hour);
                long views = (long) Math.floor(level + random.nextDouble());
                if (views > 0) out.add(new HourViews(a.id(), hour, views));
            }
        }
        return out;
    }

    /** Personnel orders draw three times the readers; each article varies between 0.3× and 2×. */
    private static double appeal(Article a, Random random) {
        double kind = a.category().slug().equals("personnel") ? 3 : 1;
        return kind * (0.3 + 1.7 * random.nextDouble() * random.nextDouble());
    }

    private static double dayShape(long epochHour) {
        return DAY_SHAPE[new HourBucket(epochHour).start().atZone(TokyoTime.ZONE).getHour()];
    }
}
