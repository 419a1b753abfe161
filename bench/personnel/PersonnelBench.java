import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import kiji.app.Config;
import kiji.app.Kiji;
import kiji.article.Status;
import kiji.newsroom.Actor;
import kiji.personnel.OrderParser;
import kiji.personnel.OrderRequest;
import kiji.storage.Database;

/**
 * Personnel benchmarks: (1) parsing a 600-person order (the bound: 50 ms), (2) a person page on a
 * site holding 100,000 entries, rendered once and then served from the render cache.
 *
 * <pre>./mvnw -B -o -q package -DskipTests
 * java -Xmx1g -cp target/kiji.jar bench/personnel/PersonnelBench.java [entries=100000]</pre>
 * (entries=0: the parse figure only).
 */
public class PersonnelBench {
    static final String[] SURNAMES = {"青木", "石川", "上野", "大塚", "片山", "北村", "久保", "小松", "酒井", "柴田", "杉本", "関口",
        "髙田", "千葉", "土屋", "中川", "西田", "野口", "橋本", "平野", "福井", "星野", "前田", "松尾", "宮本", "村田", "森下", "安田",
        "山﨑", "横山", "渡邊", "吉川", "岡本", "藤井", "今井", "河野", "丸山", "斎藤", "新井", "増田"};
    static final String[] GIVEN = {"健一", "浩二", "直樹", "智也", "和彦", "雅人", "聡", "剛", "修", "亮介", "隆", "誠司", "大輔",
        "悠", "拓也", "博之", "真一", "啓太", "正和", "信也", "一郎", "次郎", "三郎", "太郎", "洋平"};
    static final String[][] SERVICES = {{"陸上自衛隊", "陸"}, {"海上自衛隊", "海"}, {"航空自衛隊", "空"}};

    /** An order of {@code persons} persons, three services, the layouts varied; {@code seed} moves the names. */
    static String order(int persons, int seed, LocalDate date) {
        var b = new StringBuilder();
        for (int s = 0; s < 3; s++) {
            b.append(SERVICES[s][0]).append('\n').append(s % 2 == 0 ? "（" : "(").append(date.getMonthValue()).append("月")
                    .append(date.getDayOfMonth()).append("日付").append(s % 2 == 0 ? "）" : ")").append('\n');
            for (int k = 0; k < persons / 3; k++) {
                int n = seed * 7 + k * 3 + s;
                var name = SURNAMES[n % SURNAMES.length] + (k % 2 == 0 ? "　" : "") + GIVEN[(n / SURNAMES.length) % GIVEN.length];
                var rank = switch (k % 3) {
                    case 0 -> "1等" + SERVICES[s][1] + "佐";
                    case 1 -> "１" + SERVICES[s][1] + "佐";
                    default -> "2佐";
                };
                b.append("第").append(k % 50 + 1).append("部隊司令部第").append(seed % 9 + 1).append("課長")
                        .append(k % 10 == 0 ? "　兼　第" + (k % 7 + 1) + "駐屯地司令" : "").append("　").append(rank).append("　")
                        .append(name).append('\n').append("（第").append((k + seed) % 50 + 1).append("部隊司令部付）\n");
            }
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var text = order(600, 1, LocalDate.of(2025, 12, 16));
        var reference = LocalDate.of(2025, 12, 9);
        for (int i = 0; i < 200; i++) OrderParser.parse(text, reference); // warm-up
        var times = new double[500];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            var parsed = OrderParser.parse(text, reference);
            times[i] = (System.nanoTime() - t) / 1e6;
            if (!parsed.ok() || parsed.entries().size() != 600) throw new IllegalStateException(parsed.errors().toString());
        }
        Arrays.sort(times);
        System.out.printf("parse 600 persons (%d lines, %d chars), %d runs: median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                text.split("\n").length, text.length(), times.length, times[times.length / 2],
                times[times.length * 99 / 100], times[times.length - 1]);

        if (total == 0) return;
        var dir = Files.createTempDirectory("kiji-personnel-bench");
        try (var kiji = Kiji.create(Config.defaults(dir), Database.sqlite(dir), Clock.systemUTC()).start()) {
            long started = System.nanoTime();
            var now = Instant.now();
            int orders = (total + 599) / 600;
            for (int o = 0; o < orders; o++) {
                var date = LocalDate.of(2010, 1, 1).plusDays(o * 20L);
                kiji.personnel.service.create(new OrderRequest(order(600, o, date), "1佐職人事", Status.PUBLISHED,
                        Optional.of(now.minusSeconds(60L * (orders - o))), false, Optional.empty(), "", ""),
                        Actor.system());
            }
            long entries = kiji.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM personnel_entry")
                    .mapTo(Long.class).one());
            long persons = kiji.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM personnel_person")
                    .mapTo(Long.class).one());
            System.out.printf("stored %d orders, %d entries, %d persons in %.1f s%n", orders, entries, persons,
                    (System.nanoTime() - started) / 1e9);
            long busiest = kiji.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT person_id FROM personnel_entry GROUP BY person_id ORDER BY COUNT(*) DESC, person_id LIMIT 1")
                    .mapTo(Long.class).one());
            var http = HttpClient.newHttpClient();
            for (long other = 1; other <= 50; other++) { // warm the page's code path on other persons
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kiji.port() + "/jinji/person/" + other)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            var uri = URI.create("http://127.0.0.1:" + kiji.port() + "/jinji/person/" + busiest);
            long t = System.nanoTime();
            var first = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            double miss = (System.nanoTime() - t) / 1e6;
            int steps = first.body().split("<li>", -1).length - 1;
            var hits = new double[2000];
            for (int i = 0; i < hits.length; i++) {
                t = System.nanoTime();
                var res = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                hits[i] = (System.nanoTime() - t) / 1e6;
                if (res.statusCode() != 200 || !res.body().equals(first.body())) throw new IllegalStateException("not the cached page");
            }
            Arrays.sort(hits);
            System.out.printf("person page (person %d, %d career steps, %d bytes): first (render, a miss) %.1f ms; "
                            + "from the render cache (%d requests, one client): median %.3f ms, p99 %.3f ms; cache holds %d answers%n",
                    busiest, steps, first.body().length(), miss, hits.length, hits[hits.length / 2],
                    hits[hits.length * 99 / 100], kiji.renderCache.size());
        }
    }
}
