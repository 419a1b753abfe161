import java.nio.file.*;
import java.util.*;
import kiji.search.*;
import org.apache.lucene.analysis.*;
import org.apache.lucene.analysis.ja.*;
import org.apache.lucene.analysis.tokenattributes.*;

/** Tokenizing cost alone, single thread: Kiji's chain, Kuromoji search/normal mode, bigrams. Usage: java -cp target/kiji.jar bench/search/TokProf.java 3000 */
public class TokProf {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        var words = SearchBench.Words.load(Path.of("bench/search/words-ja.txt"));
        var texts = new ArrayList<String>();
        new SearchBench.Generated(n, words).forEach(a -> { texts.add(a.title()); texts.add(a.lead()); texts.add(a.body()); });
        var tmx = java.lang.management.ManagementFactory.getThreadMXBean();
        var dict = UserDictionaries.starterOnly();
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        analyzers.put("kiji chain (search mode)", new JapaneseAnalysis(dict));
        analyzers.put("tokenizer only, search", new Analyzer() { protected TokenStreamComponents createComponents(String f) { var t = new JapaneseTokenizer(dict, true, true, JapaneseTokenizer.Mode.SEARCH); return new TokenStreamComponents(t); } });
        analyzers.put("tokenizer only, normal", new Analyzer() { protected TokenStreamComponents createComponents(String f) { var t = new JapaneseTokenizer(dict, true, true, JapaneseTokenizer.Mode.NORMAL); return new TokenStreamComponents(t); } });
        analyzers.put("cjk bigram", new org.apache.lucene.analysis.cjk.CJKAnalyzer());
        for (int round = 0; round < 2; round++) for (var e : analyzers.entrySet()) {
            long c = tmx.getCurrentThreadCpuTime(); long tokens = 0;
            for (var t : texts) try (var ts = e.getValue().tokenStream("body", t)) { ts.reset(); while (ts.incrementToken()) tokens++; ts.end(); }
            if (round == 1) System.out.printf("%s: %.3f ms/article (%d tokens/article)%n", e.getKey(), (tmx.getCurrentThreadCpuTime()-c)/1e6/n, tokens/n);
        }
    }
}
