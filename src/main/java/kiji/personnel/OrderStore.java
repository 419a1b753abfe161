package kiji.personnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Orders and their entries, and the persons and posts the entries resolve to. Knows SQL, not rules. */
public final class OrderStore {
    private final Jdbi jdbi;

    public OrderStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The person for every name and the post for every post the entries name, created when new. A
     * person is found by any spelling that led to it before (see {@link PersonName#key}). Known ones
     * are read in one query each, so a 600-person order costs few round trips.
     */
    Identities identify(List<OrderEntry> entries) {
        return jdbi.inTransaction(h -> {
            var persons = new HashMap<String, Long>();
            var postNames = new java.util.LinkedHashMap<String, String>();
            var personNames = new java.util.LinkedHashMap<String, OrderEntry>();
            for (var e : entries) {
                personNames.putIfAbsent(Identities.personKey(e.service(), e.name()), e);
                if (!e.retired()) postNames.putIfAbsent(Post.key(e.newPost()), e.newPost());
                for (var c : e.concurrentPosts()) postNames.putIfAbsent(Post.key(c), c);
            }
            var keys = personNames.values().stream().map(OrderEntry::nameKey).distinct().toList();
            h.createQuery("SELECT service, name_key, person_id FROM personnel_alias WHERE name_key IN (<keys>)")
                    .bindList("keys", keys)
                    .map((rs, ctx) -> Map.entry(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)))
                    .forEach(found -> persons.put(found.getKey(), found.getValue()));
            personNames.forEach((key, e) -> {
                if (!persons.containsKey(key)) persons.put(key, person(h, e.service(), e.name()));
            });
            var posts = new HashMap<String, Long>();
            if (!postNames.isEmpty()) {
                var insert = h.prepareBatch(
                        "INSERT INTO personnel_post (name, name_key) VALUES (:name, :key) ON CONFLICT (name_key) DO NOTHING");
                postNames.forEach((key, name) -> insert.bind("name", name).bind("key", key).add());
                insert.execute();
                h.createQuery("SELECT id, name_key FROM personnel_post WHERE name_key IN (<keys>)")
                        .bindList("keys", List.copyOf(postNames.keySet()))
                        .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getLong(1)))
                        .forEach(found -> posts.put(found.getKey(), found.getValue()));
            }
            return new Identities(persons, posts);
        });
    }

    private static long person(Handle h, Service service, String name) {
        var key = PersonName.key(name);
        long id = h.createQuery("INSERT INTO personnel_person (service, name) VALUES (:service, :name) RETURNING id")
                .bind("service", service.key()).bind("name", name).mapTo(Long.class).one();
        int added = h.createUpdate("""
                        INSERT INTO personnel_alias (service, name_key, person_id) VALUES (:service, :key, :id)
                        ON CONFLICT (service, name_key) DO NOTHING""")
                .bind("service", service.key()).bind("key", key).bind("id", id).execute();
        if (added == 1) return id;
        // another order named this person first, between our look-up and our insert
        h.createUpdate("DELETE FROM personnel_person WHERE id = :id").bind("id", id).execute();
        return h.createQuery("SELECT person_id FROM personnel_alias WHERE service = :service AND name_key = :key")
                .bind("service", service.key()).bind("key", key).mapTo(Long.class).one();
    }

    /** Stores the order of an article, replacing whatever that article held before, in one transaction. */
    void save(long articleId, OrderRequest request, ParsedOrder order, Identities ids) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM personnel_order WHERE article_id = :id").bind("id", articleId).execute();
            h.createUpdate("""
                            INSERT INTO personnel_order (article_id, kind, dates, era_year, source, notes, custom_title)
                            VALUES (:id, :kind, :dates, :era, :source, :notes, :title)""")
                    .bind("id", articleId).bind("kind", request.kind())
                    .bind("dates", String.join(",", order.dates().stream().map(LocalDate::toString).toList()))
                    .bind("era", request.eraYear() ? 1 : 0).bind("source", request.text()).bind("notes", request.notes())
                    .bind("title", request.title().orElse("")).execute();
            var rows = h.prepareBatch("""
                    INSERT INTO personnel_entry (article_id, position, service, effective_date, rank, name,
                        new_post, concurrent_posts, previous_post, retired, promoted, person_id, post_id)
                    VALUES (:article, :position, :service, :date, :rank, :name, :post, :concurrent,
                        :previous, :retired, :promoted, :person, :postId)""");
            for (var e : order.entries()) {
                rows.bind("article", articleId).bind("position", e.line()).bind("service", e.service().key())
                        .bind("date", e.effectiveDate().toString()).bind("rank", e.rank()).bind("name", e.name())
                        .bind("post", e.newPost()).bind("concurrent", String.join("\n", e.concurrentPosts()))
                        .bind("previous", e.previousPost()).bind("retired", e.retired() ? 1 : 0)
                        .bind("promoted", e.promoted() ? 1 : 0).bind("person", ids.person(e))
                        .bind("postId", e.retired() ? null : ids.post(e.newPost()).orElse(null))
                        .add();
            }
            rows.execute();
            if (order.entries().stream().allMatch(e -> e.concurrentPosts().isEmpty())) return;
            var entryIds = new HashMap<Integer, Long>();
            h.createQuery("SELECT position, id FROM personnel_entry WHERE article_id = :article")
                    .bind("article", articleId)
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getLong(2)))
                    .forEach(found -> entryIds.put(found.getKey(), found.getValue()));
            var batch = h.prepareBatch(
                    "INSERT INTO personnel_concurrent_post (entry_id, post_id, position) VALUES (:entry, :post, :position)");
            for (var e : order.entries()) {
                for (int i = 0; i < e.concurrentPosts().size(); i++) {
                    batch.bind("entry", entryIds.get(e.line())).bind("post", ids.post(e.concurrentPosts().get(i)).orElseThrow())
                            .bind("position", i).add();
                }
            }
            batch.execute();
        });
    }

    /** The order an article holds, whatever the article's state (the caller decides who may see it). */
    public Optional<StoredOrder> find(long articleId) {
        return jdbi.withHandle(h -> {
            var head = h.createQuery("""
                            SELECT kind, dates, era_year, source, notes, custom_title FROM personnel_order
                            WHERE article_id = :id""")
                    .bind("id", articleId)
                    .map((rs, ctx) -> new Head(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    .findOne();
            if (head.isEmpty()) return Optional.<StoredOrder>empty();
            var concurrentIds = new HashMap<Long, List<Long>>();
            h.createQuery("""
                            SELECT cp.entry_id, cp.post_id FROM personnel_concurrent_post cp
                            JOIN personnel_entry e ON e.id = cp.entry_id
                            WHERE e.article_id = :id ORDER BY cp.entry_id, cp.position""")
                    .bind("id", articleId)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(p -> concurrentIds.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue()));
            var entries = h.createQuery("""
                            SELECT id, position, service, effective_date, rank, name, new_post, concurrent_posts,
                                   previous_post, retired, promoted, person_id, post_id
                            FROM personnel_entry WHERE article_id = :id ORDER BY position""")
                    .bind("id", articleId)
                    .map((rs, ctx) -> {
                        long id = rs.getLong("id");
                        long post = rs.getLong("post_id");
                        var postId = rs.wasNull() ? Optional.<Long>empty() : Optional.of(post);
                        var entry = new OrderEntry(rs.getInt("position"), Service.ofKey(rs.getString("service")).orElseThrow(),
                                LocalDate.parse(rs.getString("effective_date")), rs.getString("rank"), rs.getString("name"),
                                rs.getString("new_post"), lines(rs.getString("concurrent_posts")),
                                rs.getString("previous_post"), rs.getInt("retired") == 1, rs.getInt("promoted") == 1);
                        return new StoredOrder.Entry(id, entry, rs.getLong("person_id"), postId,
                                concurrentIds.getOrDefault(id, List.of()));
                    })
                    .list();
            var o = head.get();
            var dates = Arrays.stream(o.dates().split(",")).map(LocalDate::parse).toList();
            return Optional.of(new StoredOrder(articleId, o.kind(), dates, o.eraYear(), o.source(), o.notes(),
                    o.customTitle().isEmpty() ? Optional.empty() : Optional.of(o.customTitle()), entries));
        });
    }

    private record Head(String kind, String dates, boolean eraYear, String source, String notes, String customTitle) {}

    static List<String> lines(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
