package kiji.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Leases on both engines: one holder at a time, renewed by it, taken over once it expires or is released. */
class LeasesTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-12-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void one_node_holds_a_lease_until_it_expires_then_another_takes_it(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var a = new Leases(db.jdbi(), clock, "node-a").lease("job", Duration.ofSeconds(30));
            var b = new Leases(db.jdbi(), clock, "node-b").lease("job", Duration.ofSeconds(30));
            assertThat(a.tryHold()).isTrue();
            assertThat(b.tryHold()).isFalse();
            clock.advance(Duration.ofSeconds(20));
            assertThat(a.tryHold()).as("the holder renews").isTrue();
            clock.advance(Duration.ofSeconds(20));
            assertThat(b.tryHold()).as("renewed 20 s ago for 30 s").isFalse();
            clock.advance(Duration.ofSeconds(11));
            assertThat(b.tryHold()).as("a holder that stopped renewing is replaced").isTrue();
            assertThat(a.tryHold()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_released_lease_is_free_at_once_and_leases_of_other_names_are_apart(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            var a = new Leases(db.jdbi(), clock, "node-a");
            var b = new Leases(db.jdbi(), clock, "node-b");
            assertThat(a.lease("publish", Duration.ofMinutes(1)).tryHold()).isTrue();
            assertThat(b.lease("prune", Duration.ofMinutes(1)).tryHold()).isTrue();
            b.lease("publish", Duration.ofMinutes(1)).release(); // not b's: nothing happens
            assertThat(b.lease("publish", Duration.ofMinutes(1)).tryHold()).isFalse();
            a.lease("publish", Duration.ofMinutes(1)).release();
            assertThat(b.lease("publish", Duration.ofMinutes(1)).tryHold()).isTrue();
        }
    }
}
