package kiji.newsroom;

import java.util.Optional;

/**
 * Who made a change, as revisions and the audit log name them: a newsroom user, an admin API token
 * (by its name: a token belongs to no user), or Kiji itself.
 */
public record Actor(Optional<User> user, String name) {
    /** The width of {@code audit_log.username} and {@code article_revision.saved_by}. */
    static final int MAX_NAME = 64;

    public Actor {
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name;
    }

    public static Actor of(User user) {
        return new Actor(Optional.of(user), user.username());
    }

    /** An admin API call, named after its token: {@code API: import-script}. */
    public static Actor token(String tokenName) {
        return new Actor(Optional.empty(), "API: " + tokenName);
    }

    /** Kiji's own work (the demo, a scheduled job). */
    public static Actor system() {
        return new Actor(Optional.empty(), "system");
    }
}
