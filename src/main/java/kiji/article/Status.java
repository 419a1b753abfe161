package kiji.article;

import java.util.Locale;
import java.util.Optional;

/** Where an article is in its life. Written in lower case in JSON and in the database. */
public enum Status {
    DRAFT,
    SCHEDULED,
    PUBLISHED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> parse(String s) {
        if (s == null) return Optional.empty();
        for (var st : values()) if (st.key().equals(s.trim().toLowerCase(Locale.ROOT))) return Optional.of(st);
        return Optional.empty();
    }
}
