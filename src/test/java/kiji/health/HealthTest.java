package kiji.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.function.BooleanSupplier;
import kiji.app.Config;
import kiji.app.Kiji;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /healthz} and {@code /readyz} as a load balancer sees them. */
class HealthTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-12-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_started_node_is_live_and_ready_and_a_draining_one_is_live_but_unready(Engine engine) {
        try (var app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock)) {
            var live = app.get("/healthz");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.headers().firstValue("Cache-Control")).hasValue("no-store");
            var ready = app.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("ready\n");

            app.kiji.readiness.drain();
            var draining = app.get("/readyz");
            assertThat(draining.statusCode()).isEqualTo(503);
            assertThat(draining.body()).isEqualTo("draining\n");
            assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(app.get("/").statusCode()).as("a draining node still serves readers").isEqualTo(200);
        }
    }

    @Test
    void a_node_is_unready_until_it_has_started() {
        var kiji = Kiji.create(Config.defaults(dir), Database.sqlite(dir), clock);
        try {
            assertThat(kiji.readiness.state()).isEqualTo(new Readiness.State(false, "starting"));
            kiji.start();
            assertThat(kiji.readiness.state()).isEqualTo(new Readiness.State(true, "ready"));
        } finally {
            kiji.close();
        }
    }

    @Test
    void a_node_that_cannot_reach_postgresql_is_unready_until_it_can_again() throws Exception {
        var settings = TestDatabases.freshPostgres();
        var name = settings.url().replaceAll(".*/([a-z0-9_]+).*", "$1");
        var admin = settings.url().replace("/" + name, "/postgres");
        try (var app = TestKiji.start(Config.defaults(dir), Database.open(settings), clock);
             var pg = DriverManager.getConnection(admin, "postgres", "");
             var sql = pg.createStatement()) {
            assertThat(app.get("/readyz").statusCode()).isEqualTo(200);

            sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            assertThat(within(6_000, () -> app.get("/readyz").statusCode() == 503)).isTrue();
            assertThat(app.get("/readyz").body()).isEqualTo("database unreachable\n");
            assertThat(app.get("/healthz").statusCode()).isEqualTo(200);

            sql.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            assertThat(within(15_000, () -> app.get("/readyz").statusCode() == 200)).isTrue();
        }
    }

    static boolean within(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
