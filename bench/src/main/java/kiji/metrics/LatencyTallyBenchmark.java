package kiji.metrics;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link RequestMetrics} does per request with its adders, on two threads sharing one tally
 * (as Jetty's two selector threads do for cached pages): count, time and maximum alone
 * ({@code withoutHistogram}, before the latency histogram) and with the histogram's bucket
 * ({@code withHistogram}). Times are drawn from a pre-built mix: 90 % under 1 ms (cached pages,
 * beacons), the rest spread up to 2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
@Fork(value = 1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LatencyTallyBenchmark {
    static final int N = 1 << 16;
    final long[] times = new long[N];
    final LongAdder count = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final LongAccumulator max = new LongAccumulator(Math::max, 0);
    final LongAdder[] buckets = LatencyBuckets.adders();

    @State(Scope.Thread)
    public static class Cursor {
        int i;
    }

    public LatencyTallyBenchmark() {
        var random = new SplittableRandom(16);
        for (int i = 0; i < N; i++) {
            times[i] = random.nextInt(10) < 9 ? 20_000 + random.nextInt(900_000) : random.nextLong(1_000_000, 2_000_000_000);
        }
    }

    @Benchmark
    public void withoutHistogram(Cursor c) {
        long t = times[c.i++ & (N - 1)];
        count.increment();
        nanos.add(t);
        max.accumulate(t);
    }

    @Benchmark
    public void withHistogram(Cursor c) {
        long t = times[c.i++ & (N - 1)];
        count.increment();
        nanos.add(t);
        max.accumulate(t);
        buckets[LatencyBuckets.indexOf(t)].increment();
    }
}
