import java.nio.file.*;
import java.util.*;
import kiji.article.ArticleStore;
import kiji.search.*;

/**
 * Rebuild cost alone: CPU per article for N generated articles (SearchBench's corpus, stored in
 * SQLite under DIR/data and reused), read back through StoredArticles as `kiji search reindex` does.
 * Usage: java -cp target/kiji.jar bench/search/BuildProf.java 10000 [DIR]
 */
public class BuildProf {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        var dir = args.length > 1 ? Path.of(args[1]) : Path.of("/tmp/kiji-buildprof-" + n);
        var words = SearchBench.Words.load(Path.of("bench/search/words-ja.txt"));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (var db = SearchBench.Corpus.stored(dir.resolve("data"), n, words)) {
            var store = new ArticleStore(db.jdbi(), db.dialect());
            var root = dir.resolve("index");
            // reading alone: what the database side of a rebuild costs
            long c0 = os.getProcessCpuTime();
            long[] chars = {0};
            new StoredArticles(store).forEach(a -> chars[0] += a.bodyHtml().length());
            System.out.printf("reading alone: cpu %.3f ms/article%n", (os.getProcessCpuTime() - c0) / 1e6 / n);
            var threadsBefore = threadTicks();
            c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long built = LuceneSearchIndex.rebuildOffline(root, new JapaneseAnalysis(UserDictionaries.starterOnly()),
                    new StoredArticles(store), store::find);
            System.out.printf("built %d: wall %.1f s, %.0f articles/s, cpu %.2f ms/article, size %.0f MB, load %s%n", built,
                    (System.nanoTime() - t0) / 1e9, built / ((System.nanoTime() - t0) / 1e9),
                    (os.getProcessCpuTime() - c0) / 1e6 / n, SearchBench.size(root) / 1e6, SearchBench.load());
            long cpu = os.getProcessCpuTime() - c0;
            var threadsAfter = threadTicks();
            // the loader threads have ended by now: their share is what the live threads do not explain
            long live = 0;
            for (var e : threadsAfter.entrySet()) {
                long d = e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L);
                live += d * 10_000_000L;
                if (d > 0) System.out.printf("  %-18s %.3f ms/article%n", e.getKey(), d * 10.0 / n);
            }
            System.out.printf("  %-18s %.3f ms/article%n", "ended threads", (cpu - live) / 1e6 / n);
        }
    }

    /** CPU ticks (10 ms) by kind of thread, from Linux's /proc: JFR does not see JIT and GC threads. */
    static Map<String, Long> threadTicks() throws Exception {
        var byKind = new TreeMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (var t : tasks.toList()) {
                String name, stat;
                try {
                    name = Files.readString(t.resolve("comm")).strip();
                    stat = Files.readString(t.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                var f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                var kind = name.startsWith("kiji-search") ? "loader threads" : name.equals("main") || name.equals("java")
                        ? "main (reads)" : name.startsWith("C2") || name.startsWith("C1") ? "JIT compilers"
                        : name.startsWith("GC") ? "GC" : "other";
                byKind.merge(kind, ticks, Long::sum);
            }
        }
        return byKind;
    }
}
