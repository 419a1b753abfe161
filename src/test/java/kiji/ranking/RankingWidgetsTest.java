package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidebar without waiting: given only when none of its three rankings needs computing. */
class RankingWidgetsTest {
    @TempDir
    Path dir;

    TestKiji app;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T03:10:00Z"));
        var id = app.publish("防衛装備庁が説明会(10月18日)", "本文").id();
        Views.beacon(app, id, Views.CHROME);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_widget_is_given_without_waiting_only_once_its_rankings_are_computed() {
        var ranking = app.kiji.ranking;
        ranking.refresh(); // forgets the computed rankings
        assertThat(ranking.widgetWithoutWaiting()).isEmpty();
        var computed = ranking.widget();
        assertThat(computed.tabs().getFirst().items()).hasSize(1);
        assertThat(ranking.widgetWithoutWaiting()).containsSame(computed);
        ranking.refresh();
        assertThat(ranking.widgetWithoutWaiting()).isEmpty();
    }
}
