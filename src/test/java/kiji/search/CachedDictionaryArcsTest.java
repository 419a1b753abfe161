package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.morph.TokenInfoFST;
import org.apache.lucene.util.fst.FST;
import org.junit.jupiter.api.Test;

/** Kuromoji's dictionary lookups through Kiji's arc cache find exactly the arcs Lucene decodes. */
class CachedDictionaryArcsTest {
    @Test
    void every_step_through_the_cache_is_the_arc_lucene_decodes_even_when_slots_are_taken_over() throws IOException {
        var system = TokenInfoDictionary.getInstance().getFST();
        var user = UserDictionaries.starterOnly().getFST();
        var texts = HeapConnectionCostsTest.texts();
        // 64 slots: most steps evict another node's arc, so replacement is checked as much as hits
        for (int bits : new int[] {6, 15}) {
            var cachedSystem = CachedDictionaryArcs.of(system, CachedDictionaryArcs.SYSTEM_ROOT_CEILING, bits).orElseThrow();
            var cachedUser = CachedDictionaryArcs.of(user, CachedDictionaryArcs.USER_ROOT_CEILING, bits).orElseThrow();
            long steps = 0;
            for (int pass = 0; pass < 2; pass++) { // the second pass is answered mostly from the cache
                for (var text : texts) steps += compareWalks(system, cachedSystem, text) + compareWalks(user, cachedUser, text);
            }
            assertThat(steps).as("steps compared with %d bits", bits).isGreaterThan(1_000_000);
        }
    }

    @Test
    void the_tokenizer_takes_the_cached_dictionaries() {
        var tokenizer = new JapaneseTokenizer(UserDictionaries.starterOnly(), true, true, JapaneseTokenizer.Mode.SEARCH);
        var arcs = CachedDictionaryArcs.Installer.forTokenizersLike(tokenizer);
        assertThat(arcs).isPresent();
        assertThat(arcs.get().install(tokenizer)).isTrue();
    }

    @Test
    void tokenizers_on_several_threads_sharing_one_cache_cut_text_as_lucene_does() throws Exception {
        var dictionary = UserDictionaries.starterOnly();
        var tuned = new JapaneseAnalysis(dictionary);
        var stock = new JapaneseAnalysis(dictionary, false);
        var texts = HeapConnectionCostsTest.texts();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var jobs = new ArrayList<Callable<Long>>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                jobs.add(() -> {
                    long tokens = 0;
                    for (int i = first; i < texts.size(); i += 4) {
                        var expected = HeapConnectionCostsTest.tokens(stock, texts.get(i));
                        assertThat(HeapConnectionCostsTest.tokens(tuned, texts.get(i))).as(texts.get(i)).isEqualTo(expected);
                        tokens += expected.size();
                    }
                    return tokens;
                });
            }
            long tokens = 0;
            for (var done : pool.invokeAll(jobs)) tokens += done.get();
            assertThat(tokens).isGreaterThan(200_000);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Walks the dictionary from every position of {@code text}, as the tokenizer does, on both. */
    private static long compareWalks(TokenInfoFST lucene, TokenInfoFST cached, String text) throws IOException {
        var luceneReader = lucene.getBytesReader();
        var cachedReader = cached.getBytesReader();
        long steps = 0;
        for (int pos = 0; pos < text.length(); pos++) {
            var expected = lucene.getFirstArc(new FST.Arc<>());
            var actual = cached.getFirstArc(new FST.Arc<>());
            for (int ahead = pos; ahead < text.length(); ahead++) {
                var e = lucene.findTargetArc(text.charAt(ahead), expected, expected, ahead == pos, luceneReader);
                var a = cached.findTargetArc(text.charAt(ahead), actual, actual, ahead == pos, cachedReader);
                steps++;
                if (e == null) {
                    assertThat(a).isNull();
                    break;
                }
                assertThat(a).isNotNull();
                assertThat(fields(a)).isEqualTo(fields(e));
            }
        }
        return steps;
    }

    /**
     * What an arc is. Where the node's arcs have no fixed length ({@code bytesPerArc} 0), Lucene
     * leaves the index fields as an earlier lookup set them (see {@code FST.Arc#copyFrom}): they
     * mean nothing there, and are compared only where they do.
     */
    private static List<Object> fields(FST.Arc<Long> arc) {
        var fields = new ArrayList<Object>(List.of(arc.label(), arc.target(), arc.flags(), arc.output(),
                String.valueOf(arc.nextFinalOutput()), arc.isFinal(), arc.isLast(), arc.nodeFlags(), arc.bytesPerArc()));
        if (arc.bytesPerArc() != 0) fields.addAll(List.of(arc.posArcsStart(), arc.arcIdx(), arc.numArcs()));
        return fields;
    }
}
