package kiji.newsroom;

import java.util.Locale;
import java.util.Optional;

/** What a newsroom user may do. Stored and written in lower case. */
public enum Role {
    /** Users, tokens, the audit log, and everything an editor does. */
    ADMIN("管理者"),
    /** Every article; publishes, schedules, unpublishes. */
    EDITOR("編集者"),
    /** Own drafts only; asks an editor to review instead of publishing. */
    WRITER("記者");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Japanese name shown in the newsroom. */
    public String label() {
        return label;
    }

    public boolean canPublish() {
        return this != WRITER;
    }

    public static Optional<Role> parse(String s) {
        if (s == null) return Optional.empty();
        for (var r : values()) if (r.key().equals(s.strip().toLowerCase(Locale.ROOT))) return Optional.of(r);
        return Optional.empty();
    }
}
