package kiji.ranking;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A ranking window. Window W at instant T covers the W/1h consecutive clock-hour buckets that
 * end with the bucket containing T: 24h at 13:20 covers yesterday 14:00 up to today 14:00.
 */
public enum RankingWindow {
    HOUR("1h", "1時間", 1),
    DAY("24h", "24時間", 24),
    WEEK("7d", "1週間", 168),
    MONTH("30d", "1ヶ月", 720);

    private final String key;
    private final String label;
    private final int hours;

    RankingWindow(String key, String label, int hours) {
        this.key = key;
        this.label = label;
        this.hours = hours;
    }

    public static Optional<RankingWindow> parse(String key) {
        return Arrays.stream(values()).filter(w -> w.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public int hours() {
        return hours;
    }

    public HourRange rangeAt(Instant at) {
        long last = HourBucket.of(at).epochHour();
        return new HourRange(last - hours + 1, last + 1);
    }
}
