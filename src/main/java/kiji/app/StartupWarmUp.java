package kiji.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.FlightRecorder;
import kiji.cli.KijiCommand;
import kiji.site.StaticAssets;
import org.jdbi.v3.core.statement.JdbiStatementEvent;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnectionConfig;

/**
 * What every {@code kiji serve} does once per JVM before its first page and that needs nothing
 * from the settings, done on a thread of its own from the first instant, so the main thread finds
 * it done when it gets there (the idea of Spring Boot's {@code BackgroundPreinitializer}). On the
 * two-core machine Kiji must start on in 1.5 s, the main thread did these steps itself, about
 * 0.2 s of its CPU, while the second core had time to spare (docs/benchmarks.md, start-up,
 * session 7). Only class initialisation and seeding: nothing that holds state for the server. A
 * step that fails is skipped, and the main thread then does that work itself, as it would
 * without this thread.
 *
 * <p>It starts before the main thread sets up logging, and waits for that before any step that
 * may ask for a logger (Jdbi's classes, say): a logger asked for while another thread is still
 * setting up SLF4J would be a stand-in.
 */
final class StartupWarmUp {
    private StartupWarmUp() {}

    /** @param loggingReady counted down by the main thread once it has set up logging */
    static Thread start(CountDownLatch loggingReady) {
        return Thread.ofPlatform().name("kiji-warm-up").daemon().start(() -> run(loggingReady));
    }

    /** Runs every step, in the order the main thread needs them; returns those that failed, with why. */
    static List<String> run(CountDownLatch loggingReady) {
        var skipped = new ArrayList<String>();
        // while the main thread sets up logging: nothing here asks for a logger, not even on failure
        step("the CLI's annotations", KijiCommand::readServeAnnotations, skipped);
        try {
            loggingReady.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return skipped;
        }
        // Hikari names every new connection with a random UUID: SecureRandom's providers and seed
        step("SecureRandom", UUID::randomUUID, skipped);
        // the first SQLite connection's settings: its date format (sqlite-jdbc's copy of
        // commons-lang's FastDateFormat, which builds its tables from the JDK's locale data, ~25 ms)
        step("SQLite's date format", () -> SQLiteConnectionConfig.fromPragmaTable(new Properties()), skipped);
        // Jdbi registers its JFR event type at its first statement, which builds JFR's type
        // metadata in the interpreter: about 130 ms of CPU, the largest single step before the first page
        step("Jdbi's JFR event", () -> {
            if (FlightRecorder.isAvailable()) FlightRecorder.register(JdbiStatementEvent.class);
        }, skipped);
        // the fingerprints in the static assets' URLs: a SHA-256 of each file
        step("static assets", () -> StaticAssets.url("kiji.css"), skipped);
        // logged at the end, after logging is set up, whichever step failed
        if (!skipped.isEmpty()) LoggerFactory.getLogger(StartupWarmUp.class).debug("start-up warm-up: {}", skipped);
        return skipped;
    }

    /** Runs the step; a failure is added to {@code skipped} as "name skipped (reason)". */
    private static void step(String name, Runnable step, List<String> skipped) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            skipped.add(name + " skipped (" + e + ")");
        }
    }
}
