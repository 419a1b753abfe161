package kiji.app;

import java.nio.file.Path;
import java.util.Optional;
import kiji.article.Permalinks;
import kiji.media.MediaSettings;
import kiji.ranking.RankingSettings;

/**
 * Everything an operator can set, from options or the environment (KIJI_DATA, KIJI_HOST,
 * KIJI_PORT, KIJI_DB_URL, KIJI_DB_USER, KIJI_DB_PASSWORD, KIJI_PERMALINK, KIJI_SITE_NAME,
 * KIJI_BASE_URL, KIJI_FAST_LANE, for the ranking KIJI_TRUSTED_PROXIES, KIJI_COUNT_ON_RENDER, and for
 * photos KIJI_MEDIA_URL, KIJI_S3_ENDPOINT, KIJI_S3_REGION, KIJI_MEDIA_PUBLIC_URL).
 */
public record Config(
        Path dataDir,
        String host,
        int port,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        String permalinkPattern,
        String siteName,
        String baseUrl,
        boolean demo,
        RankingSettings ranking,
        boolean fastLane,
        MediaSettings media) {

    public static final String DEFAULT_SITE_NAME = "Kiji 防衛ニュース";

    public static Config defaults(Path dataDir) {
        return new Config(dataDir, "127.0.0.1", 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Permalinks.DEFAULT_PATTERN, DEFAULT_SITE_NAME, "http://localhost:8080", false, RankingSettings.defaults(), true,
                MediaSettings.local());
    }

    public Config withPort(int newPort) {
        return new Config(dataDir, host, newPort, dbUrl, dbUser, dbPassword, permalinkPattern, siteName, baseUrl, demo, ranking, fastLane, media);
    }

    public Config withDemo(boolean newDemo) {
        return new Config(dataDir, host, port, dbUrl, dbUser, dbPassword, permalinkPattern, siteName, baseUrl, newDemo, ranking, fastLane, media);
    }

    public Config withRanking(RankingSettings settings) {
        return new Config(dataDir, host, port, dbUrl, dbUser, dbPassword, permalinkPattern, siteName, baseUrl, demo, settings, fastLane, media);
    }

    /**
     * Off: every request goes through Javalin (KIJI_FAST_LANE=false, {@code --no-fast-lane});
     * for comparing the two paths in tests and benchmarks, or ruling the lane out in an incident.
     */
    public Config withFastLane(boolean on) {
        return new Config(dataDir, host, port, dbUrl, dbUser, dbPassword, permalinkPattern, siteName, baseUrl, demo, ranking, on, media);
    }

    public Config withPermalinkPattern(String pattern) {
        return new Config(dataDir, host, port, dbUrl, dbUser, dbPassword, pattern, siteName, baseUrl, demo, ranking, fastLane, media);
    }

    /** Where photos are stored: {@code DATA/media} or an S3 bucket (KIJI_MEDIA_URL, {@code --media-url}). */
    public Config withMedia(MediaSettings settings) {
        return new Config(dataDir, host, port, dbUrl, dbUser, dbPassword, permalinkPattern, siteName, baseUrl, demo, ranking, fastLane, settings);
    }
}
