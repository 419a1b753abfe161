package kiji.newsroom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import kiji.article.TokyoTime;

/**
 * Views per hour as a bar chart, laid out on the server for an inline SVG: readable without
 * JavaScript, with hours and dates in JST on the x axis, counts on the y axis, a title and a
 * text description, and the same numbers per JST day for a table beside it.
 */
public record ViewChart(String title, String description, List<Bar> bars, List<Tick> xTicks, List<Tick> yTicks,
                        List<DayTotal> days, long total) {
    public static final int WIDTH = 920;
    public static final int HEIGHT = 290;
    public static final int LEFT = 56;
    public static final int TOP = 20;
    public static final int PLOT_HEIGHT = 200;
    public static final int BAR_STEP = 5;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("M月d日 H時台", Locale.JAPANESE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d(E)", Locale.JAPANESE);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("M月d日(E)", Locale.JAPANESE);

    /** One hour with views; {@code hour} is the bucket's start (ISO, UTC) for scripts and tests. */
    public record Bar(double x, double y, double width, double height, String hour, String label, long views) {}

    /** An axis mark: its position along the axis, its text, and whether it is a major (day or grid) line. */
    public record Tick(double at, String label, boolean major) {}

    public record DayTotal(String label, long views) {}

    /** The chart is always the seven-day window: 168 hours. */
    public int plotWidth() {
        return 168 * BAR_STEP;
    }

    public int plotBottom() {
        return TOP + PLOT_HEIGHT;
    }

    static ViewChart of(HourlyViews series) {
        long[] views = series.views();
        long max = 0;
        int busiest = 0;
        for (int i = 0; i < views.length; i++) {
            if (views[i] > max) {
                max = views[i];
                busiest = i;
            }
        }
        long step = niceStep(max);
        long top = Math.max(step, (max + step - 1) / step * step);
        var yTicks = new ArrayList<Tick>();
        for (long v = 0; v <= top; v += step) yTicks.add(new Tick(y(v, top), Long.toString(v), v > 0));

        var bars = new ArrayList<Bar>();
        var xTicks = new ArrayList<Tick>();
        var days = new LinkedHashMap<LocalDate, Long>();
        for (int i = 0; i < views.length; i++) {
            Instant start = series.hourStart(i);
            ZonedDateTime jst = start.atZone(TokyoTime.ZONE);
            days.merge(jst.toLocalDate(), views[i], Long::sum);
            double x = LEFT + (double) i * BAR_STEP;
            if (jst.getHour() == 0) xTicks.add(new Tick(x, DAY.format(jst), true));
            else if (jst.getHour() % 6 == 0) xTicks.add(new Tick(x, jst.getHour() + "時", false));
            if (views[i] == 0) continue;
            double y = Math.min(y(views[i], top), TOP + PLOT_HEIGHT - 1.0); // one view stays visible
            bars.add(new Bar(x + 0.5, y, BAR_STEP - 1, Math.round((TOP + PLOT_HEIGHT - y) * 10) / 10.0, start.toString(), HOUR.format(jst),
                    views[i]));
        }
        var dayTotals = days.entrySet().stream()
                .map(e -> new DayTotal(LONG_DAY.format(e.getKey()), e.getValue())).toList();
        long total = series.total();
        String first = HOUR.format(series.hourStart(0).atZone(TokyoTime.ZONE));
        String last = HOUR.format(series.hourStart(views.length - 1).atZone(TokyoTime.ZONE));
        String description = first + "から" + last + "まで（日本時間）の1時間ごとの閲覧数。"
                + (total == 0 ? "この期間の閲覧はありません。"
                : "合計 " + total + " 回、最も多いのは " + HOUR.format(series.hourStart(busiest).atZone(TokyoTime.ZONE))
                        + " の " + max + " 回。");
        return new ViewChart("過去7日間の1時間ごとの閲覧数", description, bars, xTicks, yTicks, dayTotals, total);
    }

    private static double y(long v, long top) {
        return Math.round((TOP + PLOT_HEIGHT - (double) v / top * PLOT_HEIGHT) * 10) / 10.0;
    }

    /** 1, 2 or 5 times a power of ten, so the axis has four or five whole-number marks. */
    static long niceStep(long max) {
        if (max <= 4) return 1;
        double raw = max / 4.0;
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) return m * magnitude;
        }
        return 10 * magnitude;
    }
}
