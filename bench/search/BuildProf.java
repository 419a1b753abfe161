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
            c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long built = LuceneSearchIndex.rebuildOffline(root, new JapaneseAnalysis(UserDictionaries.starterOnly()),
                    new StoredArticles(store), store::find);
            System.out.printf("built %d: wall %.1f s, %.0f articles/s, cpu %.2f ms/article, size %.0f MB, load %s%n", built,
                    (System.nanoTime() - t0) / 1e9, built / ((System.nanoTime() - t0) / 1e9),
                    (os.getProcessCpuTime() - c0) / 1e6 / n, SearchBench.size(root) / 1e6, SearchBench.load());
        }
    }
}
