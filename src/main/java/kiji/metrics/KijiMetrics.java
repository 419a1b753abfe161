package kiji.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * This node's metrics in Prometheus text. Nothing of Micrometer is built until the first scrape:
 * the request path only feeds adders ({@link RequestMetrics}, the ranking's and render cache's
 * counters), which the registry reads as function counters, timers and gauges when scraped. So
 * {@code kiji serve} starts as fast without it, and a site nobody scrapes never builds it.
 */
public final class KijiMetrics {
    /** What the features report, read at each scrape. */
    public record Sources(
            RequestMetrics requests,
            ToDoubleFunction<String> views, // accepted, bot, repeat, not_public, editor → total since start
            DoubleSupplier flushLagSeconds,
            DoubleSupplier renderCacheHits,
            DoubleSupplier renderCacheMisses,
            DoubleSupplier renderCacheEntries,
            Consumer<MeterRegistry> databasePool) {}

    static final String[] VIEW_OUTCOMES = {"accepted", "bot", "repeat", "not_public", "editor"};

    private final Sources sources;
    private PrometheusMeterRegistry registry; // guarded by this

    public KijiMetrics(Sources sources) {
        this.sources = sources;
    }

    /** The metrics in Prometheus' text format (version 0.0.4). */
    public String scrape() {
        return registry().scrape();
    }

    private synchronized PrometheusMeterRegistry registry() {
        if (registry == null) registry = build();
        return registry;
    }

    private PrometheusMeterRegistry build() {
        var r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (var group : RouteGroup.values()) {
            for (int c = 0; c < RequestMetrics.CLASSES.length; c++) {
                var tally = sources.requests().tally(group, c);
                FunctionTimer.builder("kiji.http.requests", tally, t -> t.count.sum(), t -> t.nanos.sum(),
                                TimeUnit.NANOSECONDS)
                        .tags("group", group.label, "status", RequestMetrics.CLASSES[c])
                        .description("Requests answered, by route group and status class, with their time")
                        .register(r);
                Gauge.builder("kiji.http.requests.max", tally, t -> t.maxNanos.get() / 1e9)
                        .tags("group", group.label, "status", RequestMetrics.CLASSES[c])
                        .description("The longest request since start, in seconds")
                        .register(r);
            }
        }
        r.getPrometheusRegistry().register(new LatencyHistogram(sources.requests()));
        for (var outcome : VIEW_OUTCOMES) {
            FunctionCounter.builder("kiji.views", sources.views(), v -> v.applyAsDouble(outcome))
                    .tag("outcome", outcome)
                    .description("Views reported by beacons: accepted (counted), bots, repeats, not public, editors")
                    .register(r);
        }
        Gauge.builder("kiji.views.flush.lag", sources.flushLagSeconds(), DoubleSupplier::getAsDouble)
                .baseUnit("seconds")
                .description("Time since this node's pending views last reached the database")
                .register(r);
        FunctionCounter.builder("kiji.render.cache.hits", sources.renderCacheHits(), DoubleSupplier::getAsDouble)
                .description("Public answers served from the render cache").register(r);
        FunctionCounter.builder("kiji.render.cache.misses", sources.renderCacheMisses(), DoubleSupplier::getAsDouble)
                .description("Public answers that had to be rendered").register(r);
        Gauge.builder("kiji.render.cache.hit.ratio", sources, KijiMetrics::hitRatio)
                .description("Hits over hits and misses since start").register(r);
        Gauge.builder("kiji.render.cache.entries", sources.renderCacheEntries(), DoubleSupplier::getAsDouble)
                .description("Answers kept now").register(r);
        new JvmMemoryMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        sources.databasePool().accept(r); // HikariCP's own meters: hikaricp_connections_*
        return r;
    }

    private static double hitRatio(Sources s) {
        double hits = s.renderCacheHits().getAsDouble();
        double total = hits + s.renderCacheMisses().getAsDouble();
        return total == 0 ? 0 : hits / total;
    }
}
