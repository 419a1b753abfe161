package kiji.newsroom;

import java.time.Instant;
import java.util.Optional;

/** A newsroom account. The password hash never leaves {@link Users}. */
public record User(long id, String username, String displayName, Role role, Instant createdAt,
                   Optional<Instant> disabledAt) {

    public boolean active() {
        return disabledAt.isEmpty();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
