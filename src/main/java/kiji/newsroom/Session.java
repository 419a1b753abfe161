package kiji.newsroom;

import java.time.Instant;

/** A signed-in user's session, as read back from its cookie. */
public record Session(long id, User user, String csrfToken, Instant createdAt, Instant expiresAt) {

    /** What {@link Sessions#open} hands back: the cookie value, seen only this once. */
    public record Opened(String token, Session session) {}
}
