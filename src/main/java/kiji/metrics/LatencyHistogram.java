package kiji.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * {@code kiji_http_request_duration_seconds}: a classic Prometheus histogram per route group and
 * status class, read from {@link RequestMetrics}' bucket adders at each scrape. Micrometer has
 * no function histogram (its timers record on the request path into a registry that would have
 * to exist from the start), so this is a collector on the registry's Prometheus side: same
 * scrape, same text, {@code histogram_quantile()} works on it.
 */
final class LatencyHistogram implements Collector {
    static final String NAME = "kiji_http_request_duration_seconds";
    private final RequestMetrics requests;

    LatencyHistogram(RequestMetrics requests) {
        this.requests = requests;
    }

    @Override
    public MetricSnapshot collect() {
        var histogram = HistogramSnapshot.builder().name(NAME).unit(Unit.SECONDS)
                .help("Time to answer a request, by route group and status class");
        for (var group : RouteGroup.values()) {
            for (int c = 0; c < RequestMetrics.CLASSES.length; c++) {
                var tally = requests.tally(group, c);
                var counts = new long[LatencyBuckets.SECONDS.length];
                for (int i = 0; i < counts.length; i++) counts[i] = tally.buckets[i].sum();
                // the sum is read apart from the buckets: under load it may include a request
                // the buckets do not yet, which Prometheus tolerates; the counts agree among themselves
                histogram.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .labels(Labels.of("group", group.label, "status", RequestMetrics.CLASSES[c]))
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(LatencyBuckets.SECONDS, counts))
                        .sum(tally.nanos.sum() / 1e9)
                        .build());
            }
        }
        return histogram.build();
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }
}
