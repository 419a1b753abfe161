package kiji.app;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each step of the start took, logged by {@code kiji.startup} at DEBUG
 * ({@code KIJI_LOG_STARTUP=1} shows it): the first page has to be served within 1.5 s of
 * launch, and this says which wiring step to look at when it is not (docs/benchmarks.md).
 */
final class StartupSteps {
    private static final Logger log = LoggerFactory.getLogger("kiji.startup");
    private long last = System.nanoTime();

    /** Logs the time since the previous step (or since this was made), and since the JVM started. */
    void done(String step) {
        long now = System.nanoTime();
        if (log.isDebugEnabled()) {
            var launched = ProcessHandle.current().info().startInstant();
            log.debug("{}: {} ms (JVM up {} ms)", step, (now - last) / 1_000_000,
                    launched.map(t -> String.valueOf(Duration.between(t, Instant.now()).toMillis())).orElse("?"));
        }
        last = System.nanoTime();
    }
}
