package kiji.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiji.article.Page;
import kiji.article.PageRequest;
import org.jdbi.v3.core.Jdbi;

/** Who did what, when: every newsroom action that changes something leaves one line here. */
public final class AuditLog {
    /** One line of the log; {@code userId} is empty for failed sign-ins and system jobs. */
    public record Entry(long id, Instant at, Optional<Long> userId, String username, String action, String target,
                        String detail) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(Optional<User> actor, String action, String target, String detail) {
        write(actor, actor.map(User::username).orElse("-"), action, target, detail);
    }

    /** An action taken by Kiji itself (the scheduled publisher). */
    public void recordSystem(String action, String target, String detail) {
        write(Optional.empty(), "system", action, target, detail);
    }

    private void write(Optional<User> actor, String name, String action, String target, String detail) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO audit_log (at, user_id, username, action, target, detail)
                        VALUES (:at, :uid, :name, :action, :target, :detail)""")
                .bind("at", clock.millis())
                .bind("uid", actor.map(User::id).orElse(null))
                .bind("name", name)
                .bind("action", action)
                .bind("target", cut(target, 200))
                .bind("detail", cut(detail, 1000))
                .execute());
    }

    /** A change by a user, an API token or Kiji, under the actor's name. */
    public void record(Actor actor, String action, String target, String detail) {
        write(actor.user(), actor.name(), action, target, detail);
    }

    public void record(User actor, String action, String target, String detail) {
        record(Optional.of(actor), action, target, detail);
    }

    /** Newest first; {@code target} narrows to one thing (e.g. {@code article:12}) when given. */
    public Page<Entry> list(Optional<String> target, PageRequest page) {
        var where = target.isPresent() ? " WHERE target = :target" : "";
        return jdbi.withHandle(h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM audit_log" + where);
            target.ifPresent(t -> count.bind("target", t));
            long total = count.mapTo(Long.class).one();
            var q = h.createQuery("SELECT id, at, user_id, username, action, target, detail FROM audit_log" + where
                    + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
            target.ifPresent(t -> q.bind("target", t));
            var items = q.bind("limit", page.size()).bind("offset", page.offset())
                    .map((rs, ctx) -> new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Optional.ofNullable(rs.getObject(3) == null ? null : rs.getLong(3)), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)))
                    .list();
            return new Page<>(items, page.number(), page.size(), total);
        });
    }

    public List<Entry> forTarget(String target) {
        return list(Optional.of(target), new PageRequest(1, 100)).items();
    }

    private static String cut(String s, int max) {
        if (s == null) return "";
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
