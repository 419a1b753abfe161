package kiji.storage;

import java.util.Optional;

/** Where the database is and how to log in; the password never appears in messages. */
public record DatabaseSettings(
        String url, Optional<String> user, Optional<String> password, int poolSize, long connectTimeoutMillis) {

    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, Optional.empty(), Optional.empty(), 10, 1);
    }

    /** The URL without any password=… query parameter. */
    public String redactedUrl() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
