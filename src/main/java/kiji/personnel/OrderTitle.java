package kiji.personnel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiji.article.ReiwaDate;

/**
 * The generated title, exactly as the site has always written it by hand:
 * {@code 人事発令 12月16日付け、将補人事(陸自12名、海自13名、空自13名)}. Days of one month are joined
 * by ・ ({@code 11月9日・10日}); months by 、, and then the kind follows after a space instead of a comma
 * ({@code 人事発令 11月30日、12月1日付け 1佐職人事(…)}). The era year is written only when asked
 * ({@code 令和7年12月16日付け}).
 */
public final class OrderTitle {
    /** The kinds of order an editor can choose. */
    public static final List<String> KINDS = List.of("将人事", "将補人事", "1佐職人事", "1佐人事", "内閣承認人事", "その他");

    private OrderTitle() {}

    /** @param dates the effective dates, each once, oldest first */
    public static String of(String kind, List<LocalDate> dates, Map<Service, Integer> breakdown, boolean eraYear) {
        if (dates.isEmpty()) throw new IllegalArgumentException("an order has at least one date");
        var months = new ArrayList<String>();
        YearMonth month = null;
        var current = new StringBuilder();
        for (var d : dates) {
            if (!YearMonth.from(d).equals(month)) {
                if (month != null) months.add(current.toString());
                month = YearMonth.from(d);
                current = new StringBuilder(d.getMonthValue() + "月" + d.getDayOfMonth() + "日");
            } else {
                current.append('・').append(d.getDayOfMonth()).append('日');
            }
        }
        months.add(current.toString());
        var counts = new ArrayList<String>();
        breakdown.forEach((service, n) -> counts.add(service.shortName() + n + "名"));
        return "人事発令 " + (eraYear ? ReiwaDate.eraYear(dates.getFirst()) + "年" : "") + String.join("、", months)
                + "付け" + (months.size() > 1 ? " " : "、") + kind + "(" + String.join("、", counts) + ")";
    }

    /** The title of a parsed order. */
    public static String of(String kind, ParsedOrder order, boolean eraYear) {
        return of(kind, order.dates(), order.breakdown(), eraYear);
    }
}
