package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.FlightRecorder;
import org.jdbi.v3.core.statement.JdbiStatementEvent;
import org.junit.jupiter.api.Test;

class StartupWarmUpTest {
    @Test
    void every_step_runs_and_jdbis_event_type_is_registered() throws InterruptedException {
        assertThat(StartupWarmUp.run(new CountDownLatch(0))).isEmpty();
        if (FlightRecorder.isAvailable()) {
            assertThat(FlightRecorder.getFlightRecorder().getEventTypes())
                    .anySatisfy(type -> assertThat(type.getName()).isEqualTo(JdbiStatementEvent.NAME));
        }
    }

    @Test
    void the_thread_is_a_daemon_and_waits_for_logging_before_the_steps_that_log() throws InterruptedException {
        var loggingReady = new CountDownLatch(1);
        var thread = StartupWarmUp.start(loggingReady);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.join(Duration.ofMillis(300))).as("waits for logging").isFalse();
        loggingReady.countDown();
        assertThat(thread.join(Duration.ofSeconds(30))).isTrue();
    }
}
