import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kiji.article.Article;
import kiji.article.ArticleStore;
import kiji.article.Category;
import kiji.article.Status;
import kiji.search.ArticleSource;
import kiji.search.JapaneseAnalysis;
import kiji.search.LuceneSearchIndex;
import kiji.search.SearchRequest;
import kiji.search.StoredArticles;
import kiji.search.UserDictionaries;
import kiji.storage.Database;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Kiji search benchmark: builds a generated corpus of Japanese articles (from words-ja.txt,
 * written for Kiji) into Kiji's index twice — Kuromoji (what Kiji ships) and CJK bigrams (the
 * baseline) — through the same rebuild and search code, and reports build rate, index size and
 * query latency (p50/p99, snippets included) for the same query mix. The corpus is stored in a
 * SQLite database first and each build reads it back through {@code StoredArticles}, exactly as
 * {@code kiji search reindex} does.
 *
 * <pre>./mvnw -q -B package -DskipTests
 * java -Xmx2g -cp target/kiji.jar bench/search/SearchBench.java [articles=100000] [workdir]</pre>
 */
public class SearchBench {
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    static final Category[] CATEGORIES = {
        new Category(1, "japan-defense", "日本の防衛", "mod"), new Category(2, "personnel", "人事発令", "jinji"),
        new Category(3, "world", "国際・同盟", "world"), new Category(4, "equipment", "防衛装備", "equip")};

    /** The query mix: what readers of a defense-news site type (weights by repetition). */
    static final String[] QUERIES = {
        "防衛装備庁", "装備庁", "護衛艦", "もがみ型", "もがみ型護衛艦", "レールガン", "ＮＡＴＯ", "京都", "東京都",
        "統合幕僚学校長", "空自 航空祭", "陸自 災害派遣", "\"共同訓練を実施\"", "哨戒機 -訓練", "観艦式 OR 航空祭",
        "防衛大臣 視察", "予算要求", "宇宙作戦群", "与那国島 レーダー", "ﾚｰﾙｶﾞﾝ", "サイバー防衛 協力", "人事異動",
        "極超音速誘導弾 研究開発", "中谷大臣", "ルッテ", "入札公告 輸送機", "防衛", "訓練", "石垣島 OR 宮古島",
        "警戒監視 無人機"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("kiji-search-bench");
        var words = Words.load(Path.of("bench/search/words-ja.txt"));
        System.out.printf(Locale.ROOT, "corpus: %,d articles, ~%,d chars each; %d cores; load %s%n", n,
                words.body(new Random(1), words.focus(new Random(1))).length(), Runtime.getRuntime().availableProcessors(), load());
        var results = new ArrayList<String>();
        try (var db = Corpus.stored(work.resolve("data"), n, words)) {
            var store = new ArticleStore(db.jdbi(), db.dialect());
            results.add(run("kuromoji", new JapaneseAnalysis(UserDictionaries.starterOnly()), n, store, work));
            if (!Boolean.getBoolean("skipBigram")) results.add(run("cjk-bigram", new CJKAnalyzer(), n, store, work));
        }
        System.out.println();
        System.out.println("| index | build (articles/s) | build time | CPU per article | index size | query p50 | query p90"
                + " | query p99 | query CPU p50 / p99 | process CPU per query | hits 京都 | hits 装備庁 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        results.forEach(System.out::println);
        System.out.printf("load after: %s%n", load());
    }

    static String run(String name, Analyzer analyzer, int n, ArticleStore store, Path work) throws IOException {
        var root = work.resolve(name);
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        // exactly what `kiji search reindex` runs: the stored articles, read from the database
        LuceneSearchIndex.rebuildOffline(root, analyzer, new StoredArticles(store), store::find);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        // CPU time tells what the build costs even on a machine shared with other work
        double cpuMsPerArticle = (cpuNanos() - cpu0) / 1e6 / n;
        try (var index = LuceneSearchIndex.open(root, analyzer, new StoredArticles(store), store::find)) {
            long size = size(root);
            var random = new Random(7);
            for (int i = 0; i < 300; i++) index.search(request(random), NOW); // warm-up
            int rounds = 3_000;
            long[] nanos = new long[rounds];
            long[] cpu = new long[rounds];
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            var byKind = new java.util.TreeMap<String, java.util.LongSummaryStatistics>();
            long queryCpu0 = cpuNanos();
            for (int i = 0; i < rounds; i++) {
                var r = request(random);
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                index.search(r, NOW);
                nanos[i] = System.nanoTime() - s;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
                var kind = r.order() == SearchRequest.Order.DATE ? "date order" : r.category().isPresent() ? "category"
                        : r.from().isPresent() ? "date range" : r.text();
                byKind.computeIfAbsent(kind, k -> new java.util.LongSummaryStatistics()).accept(nanos[i]);
            }
            double cpuMsPerQuery = (cpuNanos() - queryCpu0) / 1e6 / rounds;
            // where the time goes: the slowest kinds of search first
            byKind.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue().getAverage(), a.getValue().getAverage()))
                    .limit(8).forEach(e -> System.out.printf(Locale.ROOT, "  %s: mean %.2f ms, max %.2f ms (%d)%n",
                            e.getKey(), e.getValue().getAverage() / 1e6, e.getValue().getMax() / 1e6,
                            e.getValue().getCount()));
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            // exact counts (the search API stops counting at 1,000): the precision comparison
            long kyoto = exactCount(root, analyzer, "京都");
            long soubi = exactCount(root, analyzer, "装備庁");
            var line = String.format(Locale.ROOT,
                    "| %s | %,.0f | %.1f s | %.2f ms | %,.0f MB | %.2f ms | %.2f ms | %.2f ms | %.2f / %.2f ms | %.2f ms | %,d | %,d |",
                    name, n / buildSeconds, buildSeconds, cpuMsPerArticle, size / 1e6, ms(nanos, 0.50), ms(nanos, 0.90),
                    ms(nanos, 0.99), ms(cpu, 0.50), ms(cpu, 0.99), cpuMsPerQuery, kyoto, soubi);
            System.out.println(line);
            return line;
        }
    }

    /** Articles whose title, lead, body or tags hold the word as Kiji's queries read it (a phrase). */
    static long exactCount(Path root, Analyzer analyzer, String word) throws IOException {
        var current = root.resolve(Files.readString(root.resolve("CURRENT")).strip());
        try (var dir = FSDirectory.open(current); var reader = DirectoryReader.open(dir)) {
            if (word.equals("京都")) System.out.printf("  %s: %d segments%n", root.getFileName(), reader.leaves().size());
            var builder = new QueryBuilder(analyzer);
            var any = new BooleanQuery.Builder();
            for (var field : List.of("title", "lead", "body", "tags")) {
                var q = builder.createPhraseQuery(field, word);
                if (q != null) any.add(q, BooleanClause.Occur.SHOULD);
            }
            return new IndexSearcher(reader).count(any.build());
        }
    }

    /** Most searches are plain; some filter by category, by a date range or sort by date. */
    static SearchRequest request(Random random) {
        var q = QUERIES[random.nextInt(QUERIES.length)];
        int kind = random.nextInt(10);
        var category = kind == 7 ? Optional.of(CATEGORIES[random.nextInt(4)].slug()) : Optional.<String>empty();
        var from = kind == 8 ? Optional.of(LocalDate.of(2026, 1, 1)) : Optional.<LocalDate>empty();
        var order = kind == 9 ? SearchRequest.Order.DATE : SearchRequest.Order.RELEVANCE;
        return new SearchRequest(q, category, from, Optional.empty(), order, 1, 10);
    }

    static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static long size(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The corpus, generated on the fly with a fixed seed: the same articles on every run. */
    record Generated(int n, Words words) implements ArticleSource {
        public long count() {
            return n;
        }

        public void forEach(Consumer<Article> each) {
            var random = new Random(42);
            for (int id = 1; id <= n; id++) {
                var at = NOW.minus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
                var focus = words.focus(random);
                var body = words.body(random, focus);
                var html = "<p>" + body.replace("\n", "</p><p>") + "</p>";
                each.accept(new Article(id, words.title(random, focus), words.sentence(random, focus), body, html,
                        CATEGORIES[random.nextInt(CATEGORIES.length)], List.of(focus.get("topic")),
                        List.of("編集部"), Status.PUBLISHED, Optional.of(at), at, at));
            }
        }
    }

    /**
     * The generated corpus stored in a SQLite database under {@code dir} (Kiji's own schema, through
     * its migrations), so a build reads it the way {@code kiji search reindex} does. Written once
     * with one batch per table; reused while it holds the same number of articles.
     */
    static final class Corpus {
        static Database stored(Path dir, int n, Words words) {
            var db = Database.sqlite(dir);
            long have = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Long.class).one());
            if (have == n) return db;
            long t0 = System.nanoTime();
            db.jdbi().useTransaction(h -> {
                for (var table : List.of("article_tag", "article_author", "article", "tag", "author", "category")) {
                    h.execute("DELETE FROM " + table);
                }
                for (var c : CATEGORIES) {
                    h.execute("INSERT INTO category (id, slug, name, section) VALUES (?, ?, ?, ?)", c.id(), c.slug(), c.name(),
                            c.section());
                }
                h.execute("INSERT INTO author (id, name) VALUES (1, '編集部')");
                var tags = new HashMap<String, Long>();
                var articles = h.prepareBatch("""
                        INSERT INTO article (id, title, lead, body, body_html, category_id, status, published_at, created_at,
                                             updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                var tagLinks = h.prepareBatch("INSERT INTO article_tag (article_id, tag_id, position) VALUES (?, ?, 0)");
                var authorLinks = h.prepareBatch("INSERT INTO article_author (article_id, author_id, position) VALUES (?, 1, 0)");
                new Generated(n, words).forEach(a -> {
                    long at = a.publishedAt().orElseThrow().toEpochMilli();
                    articles.add(a.id(), a.title(), a.lead(), a.body(), a.bodyHtml(), a.category().id(), a.status().key(), at,
                            at, at);
                    for (var tag : a.tags()) {
                        long tagId = tags.computeIfAbsent(tag, t -> {
                            long id = tags.size() + 1;
                            h.execute("INSERT INTO tag (id, name) VALUES (?, ?)", id, t);
                            return id;
                        });
                        tagLinks.add(a.id(), tagId);
                    }
                    authorLinks.add(a.id());
                    if (articles.size() == 1_000) {
                        articles.execute();
                        tagLinks.execute();
                        authorLinks.execute();
                    }
                });
                if (articles.size() > 0) {
                    articles.execute();
                    tagLinks.execute();
                    authorLinks.execute();
                }
            });
            System.out.printf(Locale.ROOT, "stored the corpus in %s in %.1f s%n", dir, (System.nanoTime() - t0) / 1e9);
            return db;
        }
    }

    record Words(Map<String, List<String>> sections) {
        static Words load(Path file) throws IOException {
            var sections = new HashMap<String, List<String>>();
            String current = null;
            for (var line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.startsWith("[")) {
                    current = line.substring(1, line.length() - 1);
                    sections.put(current, new ArrayList<>());
                } else {
                    sections.get(current).add(line.strip());
                }
            }
            return new Words(sections);
        }

        String pick(Random r, String section) {
            var list = sections.get(section);
            return list.get(r.nextInt(list.size()));
        }

        String title(Random r, Map<String, String> focus) {
            return focus.get("org") + "、" + focus.get("place") + "で" + focus.get("topic") + "を" + pick(r, "verb")
                    + "(" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日)";
        }

        /**
         * A sentence about the article's own subject most of the time, as in real news: each article
         * names a few organisations, places and systems, not the whole vocabulary.
         */
        String sentence(Random r, Map<String, String> focus) {
            return switch (r.nextInt(7)) {
                case 0 -> word(r, focus, "org") + "は" + (1 + r.nextInt(28)) + "日、" + word(r, focus, "place") + "で"
                        + word(r, focus, "topic") + "を" + pick(r, "verb") + "。";
                case 1 -> word(r, focus, "person") + "は" + word(r, focus, "place") + "を訪れ、"
                        + word(r, focus, "equipment") + "の運用状況を" + pick(r, "verb") + "。";
                case 2 -> pick(r, "connector") + word(r, focus, "equipment") + "について、" + word(r, focus, "org") + "が"
                        + word(r, focus, "topic") + "の方針を" + pick(r, "verb") + "。";
                case 3 -> pick(r, "note");
                default -> pick(r, "filler");
            };
        }

        /** The article's own word for this slot; one time in twenty, any word (a passing mention). */
        String word(Random r, Map<String, String> focus, String section) {
            return r.nextInt(20) == 0 ? pick(r, section) : focus.get(section);
        }

        Map<String, String> focus(Random r) {
            var focus = new HashMap<String, String>();
            for (var s : List.of("org", "person", "place", "equipment", "topic")) focus.put(s, pick(r, s));
            return focus;
        }

        /** About 2,000 characters in paragraphs of three to five sentences. */
        String body(Random r, Map<String, String> focus) {
            var sb = new StringBuilder(2200);
            while (sb.length() < 2000) {
                int sentences = 3 + r.nextInt(3);
                for (int i = 0; i < sentences; i++) sb.append(sentence(r, focus));
                sb.append('\n');
            }
            return sb.toString().strip();
        }
    }
}
