package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kiji.app.Config;
import kiji.app.Kiji;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RestartTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_clean_shutdown_flushes_every_view_and_a_restart_ranks_with_the_same_counts(Engine engine) throws Exception {
        var clock = MutableClock.at("2024-10-21T03:10:00Z");
        var pg = engine == Engine.POSTGRES ? TestDatabases.freshPostgres() : null;
        long id;
        try (var app = TestKiji.start(Config.defaults(dir), open(engine, pg), clock)) {
            id = app.publish("再起動前の記事", "本文").id();
            Views.readers(app, id, 25);
            // no refresh: close() alone must write the pending views
        }
        // a second TestKiji would create its admin token again: start the plain Kiji
        try (var kiji = Kiji.create(Config.defaults(dir), open(engine, pg), clock).start()) {
            assertThat(kiji.ranking.store().totalViews()).isEqualTo(25);
            var http = TestKiji.http11();
            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kiji.port() + "/api/ranking?window=24h"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).contains("\"articleId\":" + id + ",").contains("\"views\":25}");
        }
    }

    private kiji.storage.Database open(Engine engine, kiji.storage.DatabaseSettings pg) {
        return engine == Engine.SQLITE ? kiji.storage.Database.sqlite(dir) : kiji.storage.Database.open(pg);
    }
}
