package kiji.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.ValidationException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Newsroom accounts: adding, signing in, changing passwords, disabling. */
public final class Users {
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 256;
    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final String COLUMNS = "id, username, display_name, role, created_at, disabled_at";
    private static final RowMapper<User> MAPPER = (rs, ctx) -> new User(rs.getLong("id"), rs.getString("username"),
            rs.getString("display_name"), Role.parse(rs.getString("role")).orElseThrow(),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Optional.ofNullable(rs.getObject("disabled_at") == null ? null : rs.getLong("disabled_at"))
                    .map(Instant::ofEpochMilli));

    private final Jdbi jdbi;
    private final Clock clock;
    private final PasswordHasher hasher = new PasswordHasher();

    public Users(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Adds an account. Usernames are 1..64 of a-z, 0-9, '.', '_', '-'; passwords 10..256
     * characters. Throws {@link ValidationException} naming the field otherwise.
     */
    public User add(String username, String displayName, Role role, String password) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (username == null || !username.matches(USERNAME)) {
            errors.put("username", "英小文字・数字・「._-」の1〜64文字（先頭は英数字）で入力してください");
        }
        var name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (name != null && (name.length() > 100 || name.chars().anyMatch(Character::isISOControl))) {
            errors.put("displayName", "100文字以内で入力してください");
        }
        if (role == null) errors.put("role", "admin, editor, writer のいずれかです");
        checkPassword(errors, "password", password);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        var hash = hasher.hash(password);
        return jdbi.inTransaction(h -> {
            if (find(h, username).isPresent()) throw ValidationException.of("username", "既に使われています: " + username);
            return h.createQuery("INSERT INTO newsroom_user (username, display_name, role, password_hash, created_at)"
                            + " VALUES (:u, :d, :r, :p, :now) RETURNING " + COLUMNS)
                    .bind("u", username)
                    .bind("d", name)
                    .bind("r", role.key())
                    .bind("p", hash)
                    .bind("now", clock.millis())
                    .map(MAPPER)
                    .one();
        });
    }

    public Optional<User> find(String username) {
        return jdbi.withHandle(h -> find(h, username));
    }

    public Optional<User> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM newsroom_user WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM newsroom_user ORDER BY username")
                .map(MAPPER)
                .list());
    }

    /** The active user with this name and password; empty for anything else, in the same time. */
    public Optional<User> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD) return Optional.empty();
        var row = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM newsroom_user"
                        + " WHERE username = :u AND disabled_at IS NULL")
                .bind("u", username.strip())
                .mapTo(String.class)
                .findOne());
        if (row.isEmpty()) {
            hasher.decoy(password);
            return Optional.empty();
        }
        return hasher.verify(password, row.get()) ? find(username.strip()) : Optional.empty();
    }

    /**
     * Changes a password after checking the current one, and ends the user's other sessions
     * (a changed password is often a response to a leak).
     */
    public void changePassword(User user, String current, String next, long keepSessionId) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (authenticate(user.username(), current == null ? "" : current).isEmpty()) {
            errors.put("current", "現在のパスワードが違います");
        }
        checkPassword(errors, "next", next);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        var hash = hasher.hash(next);
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE newsroom_user SET password_hash = :p WHERE id = :id")
                    .bind("p", hash).bind("id", user.id()).execute();
            h.createUpdate("DELETE FROM newsroom_session WHERE user_id = :id AND id <> :keep")
                    .bind("id", user.id()).bind("keep", keepSessionId).execute();
        });
    }

    /** Disables an account and ends all its sessions at once. False when no such active user. */
    public boolean disable(String username) {
        return jdbi.inTransaction(h -> {
            var user = find(h, username).filter(User::active);
            if (user.isEmpty()) return false;
            h.createUpdate("UPDATE newsroom_user SET disabled_at = :now WHERE id = :id")
                    .bind("now", clock.millis()).bind("id", user.get().id()).execute();
            h.createUpdate("DELETE FROM newsroom_session WHERE user_id = :id").bind("id", user.get().id()).execute();
            return true;
        });
    }

    /** Lets a disabled account sign in again (its old sessions stay ended). */
    public boolean enable(String username) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE newsroom_user SET disabled_at = NULL WHERE username = :u AND disabled_at IS NOT NULL")
                .bind("u", username).execute()) > 0;
    }

    private static void checkPassword(Map<String, String> errors, String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            errors.put(field, MIN_PASSWORD + "〜" + MAX_PASSWORD + "文字で入力してください");
        }
    }

    private static Optional<User> find(Handle h, String username) {
        return h.createQuery("SELECT " + COLUMNS + " FROM newsroom_user WHERE username = :u")
                .bind("u", username)
                .map(MAPPER)
                .findOne();
    }
}
