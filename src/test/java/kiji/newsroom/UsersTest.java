package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import kiji.article.ValidationException;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounts on both engines: Argon2id hashes, sign-in checks, disabling. */
class UsersTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_user_signs_in_with_the_right_password_only(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var users = new Users(db.jdbi(), MutableClock.at("2024-10-21T01:00:00Z"));
            var added = users.add("sato", "佐藤 花子", Role.EDITOR, "correct horse battery");
            assertThat(added.role()).isEqualTo(Role.EDITOR);
            assertThat(users.authenticate("sato", "correct horse battery")).contains(added);
            assertThat(users.authenticate("sato", "wrong password!")).isEmpty();
            assertThat(users.authenticate("nobody", "correct horse battery")).isEmpty();
            var stored = db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM newsroom_user")
                    .mapTo(String.class).one());
            assertThat(stored).startsWith("$argon2id$").doesNotContain("correct horse battery");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_disabled_user_cannot_sign_in_and_loses_every_session(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var clock = MutableClock.at("2024-10-21T01:00:00Z");
            var users = new Users(db.jdbi(), clock);
            var sessions = new Sessions(db.jdbi(), clock);
            var user = users.add("suzuki", null, Role.WRITER, "a long enough secret");
            var session = sessions.open(user);
            assertThat(sessions.find(session.token())).isPresent();
            assertThat(users.disable("suzuki")).isTrue();
            assertThat(sessions.find(session.token())).isEmpty();
            assertThat(users.authenticate("suzuki", "a long enough secret")).isEmpty();
            assertThat(users.disable("suzuki")).isFalse();
        }
    }

    @Test
    void bad_names_short_passwords_and_duplicates_are_refused_by_field() {
        try (var db = TestDatabases.open(Engine.SQLITE, dir)) {
            var users = new Users(db.jdbi(), MutableClock.at("2024-10-21T01:00:00Z"));
            assertThatThrownBy(() -> users.add("Bad Name", null, Role.ADMIN, "long enough password"))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).containsOnlyKeys("username"));
            assertThatThrownBy(() -> users.add("tanaka", null, Role.ADMIN, "short"))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors()).containsOnlyKeys("password"));
            users.add("tanaka", null, Role.ADMIN, "long enough password");
            assertThatThrownBy(() -> users.add("tanaka", null, Role.ADMIN, "another long password"))
                    .isInstanceOf(ValidationException.class);
            assertThat(users.list()).hasSize(1);
        }
    }
}
