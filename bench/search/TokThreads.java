import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kiji.search.JapaneseAnalysis;
import kiji.search.UserDictionaries;

/**
 * Kiji's analysis alone on 1 and on N threads at once, each thread through the whole text set:
 * CPU per article on each thread and articles/s together. Shows what a second core adds to the
 * tokenizer on this machine, apart from indexing and reading.
 * Usage: java -cp target/kiji.jar bench/search/TokThreads.java 2000 [threads=2]
 */
public class TokThreads {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        var words = SearchBench.Words.load(Path.of("bench/search/words-ja.txt"));
        var texts = new ArrayList<String>();
        new SearchBench.Generated(n, words).forEach(a -> {
            texts.add(a.title());
            texts.add(a.lead());
            texts.add(a.body());
        });
        var analysis = new JapaneseAnalysis(UserDictionaries.starterOnly());
        var cpu = ManagementFactory.getThreadMXBean();
        var pool = Executors.newFixedThreadPool(threads);
        for (int t : new int[] {1, threads}) {
            for (int round = 0; round < 5; round++) {
                long w0 = System.nanoTime();
                var runs = new ArrayList<Future<Double>>();
                for (int i = 0; i < t; i++) {
                    runs.add(pool.submit(() -> {
                        long c0 = cpu.getCurrentThreadCpuTime();
                        for (var text : texts) {
                            try (var ts = analysis.tokenStream("body", text)) {
                                ts.reset();
                                while (ts.incrementToken()) {
                                    // count nothing: the cost is the analysis
                                }
                                ts.end();
                            }
                        }
                        return (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / n;
                    }));
                }
                var perThread = new ArrayList<String>();
                for (var r : runs) perThread.add(String.format("%.3f", r.get()));
                double seconds = (System.nanoTime() - w0) / 1e9;
                if (round >= 2) System.out.printf("%d thread(s): CPU ms/article on each %s; %.0f articles/s together%n", t,
                        perThread, t * n / seconds);
            }
        }
        pool.shutdown();
    }
}
