package kiji.cli;

import java.nio.file.Path;
import java.util.Optional;
import kiji.app.Config;
import kiji.article.Permalinks;
import kiji.media.MediaSettings;
import kiji.storage.DatabaseSettings;
import kiji.storage.Dialect;
import picocli.CommandLine.Option;

/** Where Kiji keeps its data; shared by every command. Each option also reads KIJI_* variables. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:KIJI_DATA:-data}",
            description = "data folder (SQLite database, index, media); env KIJI_DATA. Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:KIJI_DB_URL}",
            description = "jdbc:postgresql://… to use PostgreSQL instead of SQLite; env KIJI_DB_URL")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:KIJI_DB_USER}", description = "env KIJI_DB_USER")
    String dbUser;

    @Option(names = "--db-password-env", hidden = true, defaultValue = "${env:KIJI_DB_PASSWORD}")
    String dbPassword;

    @Option(names = "--permalink", paramLabel = "PATTERN", defaultValue = "${env:KIJI_PERMALINK:-" + Permalinks.DEFAULT_PATTERN + "}",
            description = "article URL pattern with {section}, {category}, {id} or {id6}; env KIJI_PERMALINK. Default: ${DEFAULT-VALUE}")
    String permalink;

    @Option(names = "--site-name", defaultValue = "${env:KIJI_SITE_NAME:-" + Config.DEFAULT_SITE_NAME + "}",
            description = "the site's name; env KIJI_SITE_NAME. Default: ${DEFAULT-VALUE}")
    String siteName;

    @Option(names = "--base-url", defaultValue = "${env:KIJI_BASE_URL}",
            description = "public URL of the site, for canonical links and feeds; env KIJI_BASE_URL")
    String baseUrl;

    @Option(names = "--media-url", paramLabel = "s3://BUCKET/PREFIX", defaultValue = "${env:KIJI_MEDIA_URL}",
            description = "store photos in an S3-compatible bucket instead of DATA/media; env KIJI_MEDIA_URL")
    String mediaUrl;

    @Option(names = "--media-public-url", paramLabel = "URL", defaultValue = "${env:KIJI_MEDIA_PUBLIC_URL}",
            description = "pages point at URL/OBJECT-KEY for photos (a CDN or the bucket's public URL); Kiji still"
                    + " serves /media/; env KIJI_MEDIA_PUBLIC_URL")
    String mediaPublicUrl;

    @Option(names = "--s3-endpoint", paramLabel = "URL", defaultValue = "${env:KIJI_S3_ENDPOINT}",
            description = "S3 endpoint of a store other than AWS (MinIO, R2, ...); env KIJI_S3_ENDPOINT")
    String s3Endpoint;

    @Option(names = "--s3-region", defaultValue = "${env:KIJI_S3_REGION}",
            description = "the bucket's region; env KIJI_S3_REGION (else AWS_REGION, else us-east-1 with an endpoint)")
    String s3Region;

    /**
     * The configuration these options describe.
     *
     * @throws CliException (exit 2) naming the option when a value cannot work
     */
    Config config(String host, int port, boolean demo) {
        try {
            new Permalinks(permalink);
        } catch (IllegalArgumentException e) {
            throw new CliException(2, "--permalink: " + e.getMessage());
        }
        if (opt(dbUrl).isPresent()) {
            try {
                Dialect.fromJdbcUrl(dbUrl);
            } catch (IllegalArgumentException e) {
                throw new CliException(2, "--db-url must start with jdbc:postgresql: (or jdbc:sqlite:), not "
                        + DatabaseSettings.of(dbUrl).redactedUrl());
            }
        }
        MediaSettings media;
        try {
            media = MediaSettings.parse(opt(mediaUrl), opt(s3Endpoint), opt(s3Region));
        } catch (IllegalArgumentException e) {
            throw new CliException(2, (e.getMessage().startsWith("the S3 endpoint") ? "--s3-endpoint: " : "--media-url: ") + e.getMessage());
        }
        try {
            media = media.withPublicUrl(opt(mediaPublicUrl));
        } catch (IllegalArgumentException e) {
            throw new CliException(2, "--media-public-url: " + e.getMessage());
        }
        var base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl.replaceAll("/+$", "");
        return new Config(data, host, port, opt(dbUrl), opt(dbUser), opt(dbPassword), permalink, siteName, base, demo,
                kiji.ranking.RankingSettings.defaults(), true, media);
    }

    private static Optional<String> opt(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
