package kiji.personnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import kiji.article.ReiwaDate;

/**
 * The article body of an order, written from its rows: a table per service (and per date when the order
 * has several), each name linking to the person's page and each post to the post's page. Markdown, so the
 * article renders, sanitizes, indexes and feeds like any other.
 */
final class OrderBody {
    private OrderBody() {}

    static String markdown(String kind, ParsedOrder order, Identities ids, String notes) {
        var dates = order.dates().stream().map(ReiwaDate::format).toList();
        var b = new StringBuilder(String.join("、", dates)).append("付けの")
                .append(kind.equals("その他") ? "人事発令" : kind).append("は下記のとおり。\n\n");
        boolean manyDates = order.dates().size() > 1;
        var groups = groups(order);
        for (var service : groups.entrySet()) {
            b.append("## ").append(service.getKey().fullName()).append("\n\n");
            for (var day : service.getValue().entrySet()) {
                if (manyDates) b.append("### ").append(day(day.getKey())).append("付\n\n");
                b.append("| 新職 | 階級 | 氏名 | 旧職 |\n|---|---|---|---|\n");
                for (var e : day.getValue()) {
                    b.append("| ").append(posts(e, ids)).append(" | ").append(escape(e.rank())).append(" | ")
                            .append(link(e.name(), new Person(ids.person(e), e.service(), e.name()).url()))
                            .append(" | ").append(escape(e.previousPost())).append(" |\n");
                }
                b.append('\n');
            }
            listNotes(b, order, s -> s.equals(Optional.of(service.getKey())));
        }
        listNotes(b, order, s -> s.isEmpty() || !groups.containsKey(s.get()));
        if (!notes.isBlank()) b.append(notes.strip()).append("\n\n");
        return b.toString().strip() + "\n";
    }

    /** The list's ※ lines under the table of the service they followed (else after all tables), each a paragraph. */
    private static void listNotes(StringBuilder b, ParsedOrder order, Predicate<Optional<Service>> where) {
        for (var note : order.notes()) {
            if (where.test(note.service())) b.append(escape(note.text())).append("\n\n");
        }
    }

    private static Map<Service, Map<LocalDate, List<OrderEntry>>> groups(ParsedOrder order) {
        var out = new LinkedHashMap<Service, Map<LocalDate, List<OrderEntry>>>();
        for (var e : order.entries()) {
            out.computeIfAbsent(e.service(), s -> new java.util.TreeMap<>())
                    .computeIfAbsent(e.effectiveDate(), d -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private static String posts(OrderEntry e, Identities ids) {
        var parts = new ArrayList<String>();
        var first = e.retired() ? escape(e.newPost()) : postLink(e.newPost(), ids);
        parts.add(e.promoted() ? first + "(昇任)" : first);
        for (var c : e.concurrentPosts()) parts.add(postLink(c, ids));
        return String.join(" 兼 ", parts);
    }

    private static String postLink(String post, Identities ids) {
        return ids.post(post).map(id -> link(post, new Post(id, post).url())).orElse(escape(post));
    }

    private static String link(String text, String url) {
        return "[" + escape(text) + "](" + url + ")";
    }

    static String day(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Text inside a table cell: Markdown's punctuation and the cell separator taken literally. */
    static String escape(String text) {
        var b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if ("\\`*_{}[]()<>#+-!|~".indexOf(ch) >= 0) b.append('\\');
            b.append(ch);
        }
        return b.toString();
    }
}
