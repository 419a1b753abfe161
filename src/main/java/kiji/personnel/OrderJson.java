package kiji.personnel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of orders, entries, persons and careers, as the public and admin APIs answer them. */
final class OrderJson {
    private OrderJson() {}

    static Map<String, Object> order(long id, String url, String title, StoredOrder order) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("url", url);
        m.put("title", title);
        m.put("kind", order.kind());
        m.put("dates", order.dates().stream().map(Object::toString).toList());
        m.put("entries", order.entries().stream().map(OrderJson::entry).toList());
        m.put("notes", listNotes(order));
        return m;
    }

    /**
     * The list's own {@code ※} lines, read again from the pasted text (the parser is pure and
     * quick): {@code [{"line","service","text"}]}, {@code service} null for a note before any.
     */
    private static List<Map<String, Object>> listNotes(StoredOrder order) {
        var reference = order.dates().isEmpty() ? LocalDate.EPOCH : order.dates().getFirst();
        return OrderParser.parse(order.source(), reference).notes().stream().map(n -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("line", n.line());
            m.put("service", n.service().map(Service::fullName).orElse(null));
            m.put("text", n.text());
            return (Map<String, Object>) m;
        }).toList();
    }

    static Map<String, Object> entry(StoredOrder.Entry stored) {
        var e = stored.entry();
        var m = new LinkedHashMap<String, Object>();
        m.put("line", e.line());
        m.put("service", e.service().fullName());
        m.put("effectiveDate", e.effectiveDate().toString());
        m.put("rank", e.rank());
        m.put("name", e.name());
        m.put("post", e.newPost());
        m.put("concurrentPosts", e.concurrentPosts());
        m.put("previousPost", e.previousPost());
        m.put("retired", e.retired());
        m.put("promoted", e.promoted());
        m.put("personId", stored.personId());
        m.put("personUrl", "/jinji/person/" + stored.personId());
        m.put("postId", stored.postId().orElse(null));
        m.put("postUrl", stored.postId().map(id -> "/jinji/post/" + id).orElse(null));
        return m;
    }

    static Map<String, Object> person(Person p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("service", p.service().fullName());
        m.put("url", p.url());
        return m;
    }

    static Map<String, Object> career(Person p, List<CareerStep> steps) {
        var m = person(p);
        m.put("career", steps.stream().map(OrderJson::step).toList());
        return m;
    }

    private static Map<String, Object> step(CareerStep s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("effectiveDate", s.effectiveDate().toString());
        m.put("rank", s.rank());
        m.put("post", s.post());
        m.put("concurrentPosts", s.concurrentPosts());
        m.put("previousPost", s.previousPost());
        m.put("retired", s.retired());
        m.put("articleId", s.articleId());
        m.put("articleUrl", s.articleUrl());
        return m;
    }
}
