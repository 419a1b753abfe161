package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jdk.jfr.FlightRecorder;
import org.jdbi.v3.core.statement.JdbiStatementEvent;
import org.junit.jupiter.api.Test;

class StartupWarmUpTest {
    @Test
    void every_step_runs_and_jdbis_event_type_is_registered() throws InterruptedException {
        assertThat(StartupWarmUp.run()).isEmpty();
        if (FlightRecorder.isAvailable()) {
            assertThat(FlightRecorder.getFlightRecorder().getEventTypes())
                    .anySatisfy(type -> assertThat(type.getName()).isEqualTo(JdbiStatementEvent.NAME));
        }
    }

    @Test
    void the_thread_is_a_daemon_and_ends() throws InterruptedException {
        var thread = StartupWarmUp.start();
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.join(Duration.ofSeconds(30))).isTrue();
    }
}
