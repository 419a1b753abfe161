package kiji.cli;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import kiji.app.Config;
import kiji.app.DemoContent;
import kiji.app.Kiji;
import kiji.app.TrainingRun;
import kiji.ranking.RankingSettings;
import kiji.ranking.TrustedProxies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiji serve}: runs the site until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site and the APIs.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    /** How long a stopping node answers {@code /readyz} 503 while still serving, for the balancer to notice. */
    static final java.time.Duration DRAIN_GRACE = java.time.Duration.ofSeconds(2);
    /** SIGTERM to exit, at the most. */
    static final java.time.Duration EXIT_DEADLINE = java.time.Duration.ofSeconds(9);

    @Mixin
    DataOptions data;

    @Option(names = "--host", defaultValue = "${env:KIJI_HOST:-0.0.0.0}", description = "env KIJI_HOST. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--port", defaultValue = "${env:KIJI_PORT:-8080}", description = "env KIJI_PORT. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--demo", defaultValue = "${env:KIJI_DEMO:-false}",
            description = "fill an empty site with demo articles written for Kiji")
    boolean demo;

    @Option(names = "--trusted-proxies", paramLabel = "IPS", defaultValue = "${env:KIJI_TRUSTED_PROXIES}",
            description = "proxies whose X-Forwarded-For gives the reader's IP (addresses or CIDR, comma-separated); "
                    + "env KIJI_TRUSTED_PROXIES. Default: none (the peer address is the reader's)")
    String trustedProxies;

    @Option(names = "--count-on-render", defaultValue = "${env:KIJI_COUNT_ON_RENDER:-false}",
            description = "also count a view when an article page is rendered (the beacon counts in any case); "
                    + "env KIJI_COUNT_ON_RENDER")
    boolean countOnRender;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:KIJI_METRICS_PORT}",
            description = "also serve GET /metrics (admin API token required) on this port; env KIJI_METRICS_PORT. "
                    + "Default: only on the main port")
    Integer metricsPort;

    // ./kiji's start-up cache training (see kiji.app.TrainingRun): serve, fetch the first pages, stop
    @Option(names = "--training-run", hidden = true)
    boolean trainingRun;

    @Option(names = "--fast-lane", negatable = true, defaultValue = "${env:KIJI_FAST_LANE:-true}",
            description = "answer cached pages and the view beacon ahead of Javalin (--no-fast-lane: everything "
                    + "through Javalin, as a comparison); env KIJI_FAST_LANE. Default: on")
    boolean fastLane;

    /**
     * Opens the database, builds Kiji and fills the demo content. Whatever fails after the
     * database is open closes it again (and with it the search index), so a failed start leaves
     * no pool, no WAL and no index lock behind, and ends in one line with exit 1 (2 for a
     * setting Kiji refuses).
     */
    private Kiji build(Config config, Clock clock) {
        var web = Kiji.prepareWeb(); // on its own thread while this one opens the database
        var database = Kiji.openDatabase(config);
        Kiji kiji;
        try {
            kiji = Kiji.create(config, database, clock, web);
        } catch (IllegalArgumentException e) {
            // a setting Kiji refuses (permalink pattern, KIJI_FEED_CONTENT, ...)
            database.close();
            throw new CliException(2, oneLine(e));
        } catch (RuntimeException e) {
            database.close();
            throw new CliException(1, "cannot start: " + oneLine(e));
        }
        if (!demo) return kiji;
        try {
            DemoContent.fillIfEmpty(kiji);
            return kiji;
        } catch (RuntimeException e) {
            kiji.close();
            throw new CliException(1, "cannot write the demo content: " + oneLine(e));
        }
    }

    private static String oneLine(RuntimeException e) {
        var message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.strip().replaceAll("\\s*\n\\s*", " ");
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new CliException(2, "--port must be 0..65535, not " + port);
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new CliException(2, "--metrics-port must be 0..65535, not " + metricsPort);
        }
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new CliException(2, "--trusted-proxies: " + e.getMessage());
        }
        var config = data.config(host, port, demo).withRanking(new RankingSettings(proxies, countOnRender))
                .withFastLane(fastLane);
        var kiji = build(config, Clock.systemUTC());
        try {
            kiji.start();
        } catch (RuntimeException e) {
            kiji.close();
            throw new CliException(1, "cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        try {
            if (metricsPort != null) kiji.serveMetricsOn(metricsPort);
        } catch (RuntimeException e) {
            kiji.close();
            throw new CliException(1, "--metrics-port: " + oneLine(e));
        }
        log.info("Kiji serves http://{}:{}/ (data: {})", host.equals("0.0.0.0") ? "localhost" : host, kiji.port(),
                config.dbUrl().isPresent() ? "PostgreSQL" : config.dataDir().toAbsolutePath());
        if (trainingRun) {
            try (kiji) {
                log.info("training run: fetched {}", TrainingRun.visit(kiji));
            }
            return 0;
        }
        var stopped = new CountDownLatch(1);
        // SIGTERM: unready, then the requests in flight and the pending views; well within 10 s
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // a flush or a request stuck on an unreachable database must not hold the exit past 10 s
            Thread.ofPlatform().daemon().name("kiji-exit-watchdog").start(() -> {
                try {
                    Thread.sleep(EXIT_DEADLINE.toMillis());
                    log.warn("still stopping after {} s (database unreachable?): exiting now", EXIT_DEADLINE.toSeconds());
                    Runtime.getRuntime().halt(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            kiji.shutdown(DRAIN_GRACE);
            stopped.countDown();
        }, "kiji-shutdown"));
        stopped.await();
        return 0;
    }
}
