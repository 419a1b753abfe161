package kiji.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's personnel orders (人事発令): each names the posts changing hands, one table per
 * service. The people are generated from invented name lists, so no real officer is named.
 */
final class DemoPersonnel {
    /** One order; it takes effect {@code effectiveInDays} after it is published. */
    record Order(String kind, Map<String, Integer> counts, int effectiveInDays, boolean eraInTitle) {}

    private static final String[] SURNAMES = {"青木", "石川", "上野", "大塚", "片山", "北村", "久保", "小松", "酒井", "柴田",
        "杉本", "関口", "高田", "千葉", "土屋", "中川", "西田", "野口", "橋本", "平野", "福井", "星野", "前田", "松尾", "宮本",
        "村田", "森下", "安田", "山口", "横山"};
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

    /** Title like {@code 人事発令 12月9日付け、1佐職人事(陸自9名)}; {@code {md}}/{@code {era}} filled later. */
    static String title(Order o) {
        var parts = new ArrayList<String>();
        o.counts().forEach((service, n) -> parts.add(service + n + "名"));
        return "人事発令 " + (o.eraInTitle() ? "{era}" : "") + "{md}付け、" + o.kind() + "(" + String.join("、", parts) + ")";
    }

    static String lead(Order o) {
        int total = o.counts().values().stream().mapToInt(Integer::intValue).sum();
        return "防衛省は{md}付けの" + o.kind() + "を発表した。対象は" + total + "名。";
    }

    /** The body: who moves where, one table per service, with the order's number {@code seq}. */
    static String body(Order o, int seq) {
        var b = new StringBuilder("防衛省は、{date}付けの" + o.kind() + "を発表した。異動は下記のとおり。\n\n");
        int person = seq * 13;
        for (var entry : o.counts().entrySet()) {
            var posts = POSTS.get(entry.getKey());
            b.append("## ").append(FULL.get(entry.getKey())).append("\n\n| 新職 | 氏名 | 現職 |\n|---|---|---|\n");
            for (int k = 0; k < entry.getValue(); k++, person++) {
                var name = SURNAMES[(person * 7) % SURNAMES.length] + " " + GIVEN[(person * 11) % GIVEN.length];
                b.append("| ").append(posts[(seq + k) % posts.length]).append(" | ").append(name)
                        .append(" | ").append(posts[(seq + k + 3) % posts.length]).append(" |\n");
            }
            b.append('\n');
        }
        b.append("※階級は省略。職名の一部は略称で記載。\n\n").append(DemoArticles.INVENTED).append("\n\n(以上)\n");
        return b.toString();
    }

    private static Map<String, Integer> counts(Object... serviceAndCount) {
        var m = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < serviceAndCount.length; i += 2) m.put((String) serviceAndCount[i], (Integer) serviceAndCount[i + 1]);
        return m;
    }
}
