import java.nio.file.*;
import java.util.*;
import kiji.search.*;

/** Rebuild cost alone: CPU per article for N generated articles (SearchBench's corpus). Usage: java -cp target/kiji.jar bench/search/BuildProf.java 10000 */
public class BuildProf {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        var root = Files.createTempDirectory("kiji-buildprof");
        var words = SearchBench.Words.load(Path.of("bench/search/words-ja.txt"));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        try (var index = LuceneSearchIndex.open(root, new JapaneseAnalysis(UserDictionaries.starterOnly()), new SearchBench.Generated(n, words), id -> Optional.empty())) {
            System.out.printf("built %d: wall %.1f s, cpu %.2f ms/article, size %.0f MB%n", n, (System.nanoTime()-t0)/1e9, (os.getProcessCpuTime()-c0)/1e6/n, SearchBench.size(root)/1e6);
        }
        // generation cost alone
        c0 = os.getProcessCpuTime();
        long[] chars = {0};
        new SearchBench.Generated(n, words).forEach(a -> chars[0] += a.body().length());
        System.out.printf("generating alone: cpu %.2f ms/article%n", (os.getProcessCpuTime()-c0)/1e6/n);
    }
}
