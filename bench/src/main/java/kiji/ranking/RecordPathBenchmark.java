package kiji.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process record path on one thread: bot check on a realistic User-Agent mix, repeat
 * check, hour-bucket increment. Inputs are drawn from pre-built arrays: 100,000 articles
 * (Zipf), 500,000 visitors, 10% bot traffic, one millisecond of clock per view (so the
 * 30-minute repeat memory fills and is pruned as in production).
 *
 * <p>{@code inputsOnly} is the harness floor; {@code naive} is the obvious implementation
 * (one regex alternation of the whole crawler list, boxed hash maps) as the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class RecordPathBenchmark {
    static final int N = 1 << 20;
    long[] articles = new long[N];
    long[] visitors = new long[N];
    String[] agents = new String[N];
    String[] ips = new String[N];
    int i;
    long clock = 1_729_000_000_000L;

    /** How many (visitor, article) pairs the repeat memory holds; Kiji's default is 2,000,000. */
    @Param({"2000000"})
    int remembered;

    ViewRecorder recorder;
    VisitorId.Hasher hasher = new VisitorId.Hasher();
    Pattern naiveBots;
    Map<Long, Long> naiveRepeats;
    Map<Long, LongAdder> naiveCounts;

    @Setup
    public void setup() throws Exception {
        var random = new SplittableRandom(42);
        var zipf = Zipf.of(100_000, 1.0);
        List<String> mix = UserAgents.MIX;
        for (int k = 0; k < N; k++) {
            articles[k] = zipf.sample(random) + 1;
            int v = random.nextInt(500_000);
            visitors[k] = VisitorId.hash(1, 2, "203.0." + (v >> 8 & 255) + "." + (v & 255), "ua");
            agents[k] = mix.get(random.nextInt(mix.size()));
            ips[k] = "198.51." + (v >> 8 & 255) + "." + (v & 255);
        }
        recorder = ViewRecorder.standalone(remembered);
        naiveBots = Pattern.compile(String.join("|", UserAgents.crawlerPatterns()));
        naiveRepeats = new HashMap<>();
        naiveCounts = new ConcurrentHashMap<>();
    }

    @Benchmark
    public long inputsOnly() {
        int k = i++ & (N - 1);
        clock++;
        return articles[k] ^ visitors[k] ^ agents[k].length();
    }

    @Benchmark
    public ViewRecorder.Outcome record() {
        int k = i++ & (N - 1);
        return recorder.record(articles[k], visitors[k], 0, agents[k], clock++);
    }

    /** The same, also deriving the visitor id (SipHash of IP and User-Agent), as the HTTP path does. */
    @Benchmark
    public ViewRecorder.Outcome recordWithVisitorHash() {
        int k = i++ & (N - 1);
        long visitor = hasher.hash(0x0123456789abcdefL, 0x7edcba9876543210L, ips[k], agents[k]);
        return recorder.record(articles[k], visitor, 0, agents[k], clock++);
    }

    /** The visitor id alone: SipHash-2-4 of IP and User-Agent under the day's key. */
    @Benchmark
    public long visitorHashOnly() {
        int k = i++ & (N - 1);
        return hasher.hash(0x0123456789abcdefL, 0x7edcba9876543210L, ips[k], agents[k]);
    }

    @Benchmark
    public boolean naive() {
        int k = i++ & (N - 1);
        long now = clock++;
        if (naiveBots.matcher(agents[k]).find()) return false;
        long key = visitors[k] * 31 + articles[k];
        Long last = naiveRepeats.get(key);
        if (last != null && now - last < 1_800_000) return false;
        naiveRepeats.put(key, now);
        naiveCounts.computeIfAbsent(articles[k] << 24 | (now / 3_600_000), x -> new LongAdder()).increment();
        return true;
    }
}
