package kiji.ranking;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * Tells crawlers from readers by User-Agent, using the crawler-user-agents list (MIT, see
 * crawler-user-agents.LICENSE next to the data) plus a few automation clients. Running ~1,500
 * regular expressions on every view would cost a millisecond, so each pattern is indexed by a
 * three-character literal it requires and only the patterns whose literal occurs are run; the
 * verdict per User-Agent is cached (real traffic has few distinct User-Agents). A pattern is
 * compiled the first time its literal occurs: compiling all of them took a tenth of a second of
 * every start (docs/benchmarks.md), and most are never needed.
 */
public final class BotFilter {
    static final String RESOURCE = "/kiji/ranking/crawler-user-agents.json";
    // Clients that run no crawler but are not readers either; most are also in the list.
    static final List<String> EXTRA = List.of("HeadlessChrome", "PhantomJS", "python-requests", "python-urllib",
            "Python-urllib", "^curl/", "^Wget/", "Go-http-client", "okhttp", "axios/", "node-fetch", "Chrome-Lighthouse",
            "Google-InspectionTool", "Playwright", "Puppeteer", "Selenium", "^Java/", "libwww-perl");
    // Real traffic has a few thousand distinct User-Agents; a flood of made-up ones clears the
    // cache rather than growing it, and then costs only the indexed classification.
    private static final int CACHE_LIMIT = 20_000;

    private final String[] regexes;
    private final AtomicReferenceArray<Pattern> patterns; // compiled on first use
    private final String[] literals;
    private final Map<Long, int[]> byTrigram;
    private final int[] unindexed;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    BotFilter(List<String> regexes) {
        this.regexes = regexes.toArray(String[]::new);
        patterns = new AtomicReferenceArray<>(regexes.size());
        literals = new String[regexes.size()];
        Map<Long, List<Integer>> index = new HashMap<>();
        var rest = new ArrayList<Integer>();
        for (int i = 0; i < literals.length; i++) {
            var literal = RequiredLiteral.of(regexes.get(i));
            literals[i] = literal;
            if (literal.length() >= 3) {
                index.computeIfAbsent(trigram(literal, 0), k -> new ArrayList<>()).add(i);
            } else {
                rest.add(i);
                patterns.set(i, Pattern.compile(regexes.get(i))); // tried on every User-Agent
            }
        }
        byTrigram = new HashMap<>();
        index.forEach((k, v) -> byTrigram.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        unindexed = rest.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The bundled crawler list plus {@link #EXTRA}. */
    public static BotFilter standard() {
        try (var in = BotFilter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            var regexes = patternsOf(in);
            regexes.addAll(EXTRA);
            return new BotFilter(regexes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code "pattern"} of each entry of the list ({@code [{"pattern": "...", ...}, ...]}),
     * read with Jackson's streaming parser: building an ObjectMapper for one file cost more than
     * reading it.
     */
    static List<String> patternsOf(java.io.InputStream in) throws IOException {
        var regexes = new ArrayList<String>();
        try (var parser = new JsonFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) throw new IOException("the crawler list is not a JSON array");
            int depth = 0;
            for (var t = parser.nextToken(); t != null; t = parser.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 1 && parser.currentName().equals("pattern") && parser.nextToken() == JsonToken.VALUE_STRING) {
                            regexes.add(parser.getText());
                        }
                    }
                    default -> { }
                }
            }
        }
        return regexes;
    }

    /** True for a crawler, an automation client, or a missing or blank User-Agent. */
    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return true;
        var cached = cache.get(userAgent);
        if (cached != null) return cached;
        boolean bot = classify(userAgent);
        if (cache.size() >= CACHE_LIMIT) cache.clear();
        cache.put(userAgent, bot);
        return bot;
    }

    boolean classify(String ua) {
        for (int i : unindexed) if (pattern(i).matcher(ua).find()) return true;
        var tried = new java.util.BitSet(literals.length);
        for (int pos = 0; pos + 3 <= ua.length(); pos++) {
            int[] candidates = byTrigram.get(trigram(ua, pos));
            if (candidates == null) continue;
            for (int i : candidates) {
                if (tried.get(i)) continue;
                tried.set(i);
                // the whole required literal first: indexOf is far cheaper than a regex
                if (ua.contains(literals[i]) && pattern(i).matcher(ua).find()) return true;
            }
        }
        return false;
    }

    /** Two threads may both compile a pattern the first time; either copy does. */
    private Pattern pattern(int i) {
        var p = patterns.get(i);
        if (p == null) {
            p = Pattern.compile(regexes[i]);
            patterns.set(i, p);
        }
        return p;
    }

    int indexedCount() {
        return literals.length - unindexed.length;
    }

    private static long trigram(CharSequence s, int at) {
        return ((long) s.charAt(at) << 32) | ((long) s.charAt(at + 1) << 16) | s.charAt(at + 2);
    }
}
