package kiji.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's personnel orders (人事発令), pasted as the Ministry's text and saved through the personnel
 * service, so their tables, persons and posts are data. Each service draws its officers from a small
 * pool of invented names, so most officers appear in two or more orders and their person pages show a
 * career on the first run. No real officer is named.
 */
final class DemoPersonnel {
    /** One order; it takes effect {@code effectiveInDays} after it is published. */
    record Order(String kind, Map<String, Integer> counts, int effectiveInDays, boolean eraInTitle) {}

    private static final String[] SURNAMES = {"青木", "石川", "上野", "大塚", "片山", "北村", "久保", "小松", "酒井", "柴田",
        "杉本", "関口", "髙田", "千葉", "土屋", "中川", "西田", "野口", "橋本", "平野", "福井", "星野", "前田", "松尾", "宮本",
        "村田", "森下", "安田", "山﨑", "横山"};
    private static final String[] GIVEN = {"健一", "浩二", "直樹", "智也", "和彦", "雅人", "聡", "剛", "修", "亮介", "隆", "誠司",
        "大輔", "悠", "拓也", "博之", "真一", "啓太", "正和", "信也"};
    private static final Map<String, String[]> POSTS = Map.of(
            "陸自", new String[] {"第2師団司令部幕僚長", "陸上幕僚監部防衛部防衛課長", "陸上総隊司令部運用部長", "第14旅団副旅団長",
                "教育訓練研究本部研究部長", "東部方面総監部人事部長", "中央即応連隊長", "富士学校普通科部長", "第5施設団長",
                "統合幕僚監部運用部付"},
            "海自", new String[] {"護衛艦隊司令部幕僚長", "海上幕僚監部防衛部装備体系課長", "第3護衛隊司令", "舞鶴地方総監部幕僚長",
                "潜水艦隊司令部運用幕僚", "海上自衛隊幹部学校主任教官", "第21航空群司令", "自衛艦隊司令部情報主任幕僚"},
            "空自", new String[] {"航空総隊司令部防衛部長", "航空幕僚監部人事教育部人事計画課長", "第7航空団司令", "航空開発実験団副司令",
                "西部航空方面隊司令部幕僚長", "航空救難団司令", "警戒航空団副司令", "航空自衛隊幹部候補生学校副校長"});
    private static final Map<String, String> FULL = Map.of("陸自", "陸上自衛隊", "海自", "海上自衛隊", "空自", "航空自衛隊");
    private static final Map<String, String> LETTER = Map.of("陸自", "陸", "海自", "海", "空自", "空");
    private static final Map<String, Integer> OFFSET = Map.of("陸自", 0, "海自", 10, "空自", 20);
    /** Officers per service: small, so the same names come back in later orders. */
    private static final int POOL = 12;

    private DemoPersonnel() {}

    static List<Order> orders() {
        return List.of(
                new Order("1佐職人事", counts("陸自", 9), 0, false),
                new Order("将補人事", counts("陸自", 4, "海自", 3, "空自", 3), 7, true),
                new Order("1佐人事", counts("海自", 2), 0, false),
                new Order("将人事", counts("陸自", 2, "海自", 2, "空自", 1), 7, true),
                new Order("1佐職人事", counts("海自", 3), 1, false),
                new Order("1佐職人事", counts("空自", 5), 0, false),
                new Order("内閣承認人事", counts("陸自", 2, "海自", 2), 3, true),
                new Order("1佐職人事", counts("陸自", 6, "海自", 4, "空自", 3), 1, false),
                new Order("1佐人事", counts("海自", 4), 0, false),
                new Order("1佐職人事", counts("空自", 4, "陸自", 2), 0, false),
                new Order("将補人事", counts("陸自", 3, "空自", 2), 5, true),
                new Order("1佐職人事", counts("陸自", 7), 0, false),
                new Order("1佐人事", counts("空自", 3), 1, false),
                new Order("1佐職人事", counts("海自", 5, "陸自", 3), 0, false));
    }

    static String lead(Order o) {
        int total = o.counts().values().stream().mapToInt(Integer::intValue).sum();
        return "防衛省は{md}付けの" + o.kind() + "を発表した。対象は" + total + "名。";
    }

    /**
     * The order as the Ministry's list: a service header, the date line, and two lines per person. The
     * layout varies from order to order (full- or half-width spaces and brackets, rank forms), as pasted
     * lists do. {@code seq} is the order's number.
     */
    static String text(Order o, int seq, LocalDate effective) {
        var b = new StringBuilder();
        boolean wide = seq % 2 == 0;
        var space = wide ? "　" : " ";
        for (var entry : o.counts().entrySet()) {
            var service = entry.getKey();
            var posts = POSTS.get(service);
            b.append(FULL.get(service)).append('\n');
            var day = effective.getMonthValue() + "月" + effective.getDayOfMonth() + "日付";
            b.append(wide ? "（" + day + "）" : "(" + day + ")").append('\n');
            for (int k = 0; k < entry.getValue(); k++) {
                int person = (seq * 3 + k) % POOL;
                var name = SURNAMES[(person * 7 + OFFSET.get(service)) % SURNAMES.length] + (seq % 3 == 0 ? "" : space) + GIVEN[(person * 11 + 3) % GIVEN.length];
                var post = posts[(seq + k) % posts.length];
                var previous = posts[(seq + k + 3) % posts.length];
                b.append(post).append(space).append(rank(o.kind(), service, seq)).append(space).append(name).append('\n');
                b.append(wide ? "（" + previous + "）" : "(" + previous + ")").append('\n');
            }
        }
        return b.toString();
    }

    /** The notes under the tables: the fiction notice and the closing (以上). */
    static String notes() {
        return DemoArticles.INVENTED + "\n\n(以上)";
    }

    private static String rank(String kind, String service, int seq) {
        var letter = LETTER.get(service);
        return switch (kind) {
            case "将人事", "内閣承認人事" -> letter + "将";
            case "将補人事" -> letter + "将補";
            default -> seq % 3 == 1 ? "1" + letter + "佐" : "1等" + letter + "佐";
        };
    }

    private static Map<String, Integer> counts(Object... serviceAndCount) {
        var m = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < serviceAndCount.length; i += 2) m.put((String) serviceAndCount[i], (Integer) serviceAndCount[i + 1]);
        return m;
    }
}
