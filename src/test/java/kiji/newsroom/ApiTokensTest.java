package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Admin API tokens on both engines: shown once, stored hashed, revocable. */
class ApiTokensTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_new_token_verifies_and_records_when_it_was_last_used(Engine engine) {
        var clock = MutableClock.at("2024-10-21T01:58:00Z");
        try (var db = TestDatabases.open(engine, dir)) {
            var tokens = new ApiTokens(db.jdbi(), clock);
            var token = tokens.create("import-script");
            assertThat(token).matches("kiji_[0-9a-f]{64}");
            assertThat(tokens.list()).singleElement().satisfies(t -> {
                assertThat(t.name()).isEqualTo("import-script");
                assertThat(t.createdAt()).isEqualTo(Instant.parse("2024-10-21T01:58:00Z"));
                assertThat(t.lastUsedAt()).isEmpty();
                assertThat(t.revoked()).isFalse();
            });
            clock.advance(Duration.ofMinutes(3));
            assertThat(tokens.verify(token)).isTrue();
            assertThat(tokens.list().getFirst().lastUsedAt()).contains(Instant.parse("2024-10-21T02:01:00Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_last_use_is_written_at_most_once_a_minute_and_still_recorded(Engine engine) {
        var clock = MutableClock.at("2024-10-21T01:58:00Z");
        try (var db = TestDatabases.open(engine, dir)) {
            var tokens = new ApiTokens(db.jdbi(), clock);
            var token = tokens.create("import-script");
            assertThat(tokens.verify(token)).isTrue();
            clock.advance(Duration.ofSeconds(59));
            assertThat(tokens.verify(token)).isTrue();
            // within the minute the stored value lags: no write for the second call
            assertThat(tokens.list().getFirst().lastUsedAt()).contains(Instant.parse("2024-10-21T01:58:00Z"));
            clock.advance(Duration.ofSeconds(1));
            assertThat(tokens.verify(token)).isTrue();
            assertThat(tokens.list().getFirst().lastUsedAt()).contains(Instant.parse("2024-10-21T01:59:00Z"));
            clock.advance(Duration.ofMinutes(10));
            assertThat(tokens.verify(token)).isTrue();
            assertThat(tokens.list().getFirst().lastUsedAt()).contains(Instant.parse("2024-10-21T02:09:00Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_token_revoked_within_the_minute_of_its_last_use_is_refused_at_once(Engine engine) {
        var clock = MutableClock.at("2024-10-21T01:58:00Z");
        try (var db = TestDatabases.open(engine, dir)) {
            var tokens = new ApiTokens(db.jdbi(), clock);
            var token = tokens.create("editor");
            assertThat(tokens.verify(token)).isTrue();
            // revoked by another process (the CLI), so this instance's memory knows nothing of it
            new ApiTokens(db.jdbi(), clock).revoke(tokens.list().getFirst().id());
            clock.advance(Duration.ofSeconds(5));
            assertThat(tokens.verify(token)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void only_the_hash_of_a_token_is_stored(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var token = new ApiTokens(db.jdbi(), MutableClock.at("2024-10-21T01:58:00Z")).create("x");
            var stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_token").mapTo(String.class).one());
            assertThat(stored).isEqualTo(ApiTokens.hash(token)).doesNotContain(token.substring(5));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void wrong_malformed_and_revoked_tokens_do_not_verify(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var tokens = new ApiTokens(db.jdbi(), MutableClock.at("2024-10-21T01:58:00Z"));
            var token = tokens.create("editor");
            var other = tokens.create("other");
            assertThat(tokens.verify("kiji_" + "0".repeat(64))).isFalse();
            assertThat(tokens.verify(token.toUpperCase())).isFalse();
            assertThat(tokens.verify(token + "0")).isFalse();
            assertThat(tokens.verify("")).isFalse();
            assertThat(tokens.verify(null)).isFalse();
            long id = tokens.list().getFirst().id();
            assertThat(tokens.revoke(id)).isTrue();
            assertThat(tokens.revoke(id)).isFalse();
            assertThat(tokens.verify(token)).isFalse();
            assertThat(tokens.list().getFirst().revoked()).isTrue();
            assertThat(tokens.verify(other)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void token_names_are_required_and_unique(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var tokens = new ApiTokens(db.jdbi(), MutableClock.at("2024-10-21T01:58:00Z"));
            tokens.create("editor");
            assertThatThrownBy(() -> tokens.create(" editor ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> tokens.create(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tokens.create("x".repeat(101))).isInstanceOf(IllegalArgumentException.class);
            assertThat(tokens.list()).hasSize(1);
        }
    }
}
