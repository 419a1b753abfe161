package kiji.personnel;

import java.util.List;
import java.util.Optional;
import kiji.article.ValidationException;
import kiji.newsroom.Actor;
import kiji.newsroom.ArticleJournal;
import org.jdbi.v3.core.Jdbi;

/**
 * The newsroom's corrections of identity, when matching by name was wrong: merge two persons into one
 * (their entries and spellings; later orders with either spelling find the survivor), or split some
 * entries off to a new person (namesakes). Every page reads entries by person, so all follow at once.
 * Each correction leaves an audit line ({@code person.merge}, {@code person.split}) by the acting
 * user, written in the correction's transaction.
 */
public final class PersonCorrections {
    private final Jdbi jdbi;
    private final Runnable changed;
    private final ArticleJournal journal;

    public PersonCorrections(Jdbi jdbi, Runnable changed, ArticleJournal journal) {
        this.jdbi = jdbi;
        this.changed = changed;
        this.journal = journal;
    }

    /** @return false when either person does not exist (nothing changes then) */
    public boolean merge(long from, long into, Actor by) {
        if (from == into) throw ValidationException.of("into", "同じ人物には統合できません");
        boolean merged = jdbi.inTransaction(h -> {
            long found = h.createQuery("SELECT COUNT(*) FROM personnel_person WHERE id IN (:from, :into)")
                    .bind("from", from).bind("into", into).mapTo(Long.class).one();
            if (found != 2) return false;
            h.createUpdate("UPDATE personnel_entry SET person_id = :into WHERE person_id = :from")
                    .bind("from", from).bind("into", into).execute();
            h.createUpdate("UPDATE personnel_alias SET person_id = :into WHERE person_id = :from")
                    .bind("from", from).bind("into", into).execute();
            var names = h.createQuery("SELECT id, name FROM personnel_person WHERE id IN (:from, :into)")
                    .bind("from", from).bind("into", into)
                    .reduceRows(new java.util.HashMap<Long, String>(), (m, row) -> {
                        m.put(row.getColumn("id", Long.class), row.getColumn("name", String.class));
                        return m;
                    });
            h.createUpdate("DELETE FROM personnel_person WHERE id = :from").bind("from", from).execute();
            journal.audited(by, "person.merge", target(into), "人物 " + from + "（" + names.get(from) + "）を "
                    + into + "（" + names.get(into) + "）に統合");
            return true;
        });
        if (merged) changed.run();
        return merged;
    }

    /**
     * Moves the given entries of a person to a new person of the same service, named as the first of
     * them is. The spellings stay with the old person, so later orders still go there.
     *
     * @return the new person; empty when there is no such person
     */
    public Optional<Person> split(long personId, List<Long> entryIds, Actor by) {
        if (entryIds.isEmpty()) throw ValidationException.of("entries", "切り分ける発令を選んでください");
        var result = jdbi.inTransaction(h -> {
            var person = h.createQuery("SELECT service FROM personnel_person WHERE id = :id").bind("id", personId)
                    .mapTo(String.class).findOne();
            if (person.isEmpty()) return Optional.<Person>empty();
            var names = h.createQuery("SELECT name FROM personnel_entry WHERE person_id = :person AND id IN (<ids>) ORDER BY id")
                    .bind("person", personId).bindList("ids", entryIds).mapTo(String.class).list();
            if (names.size() != entryIds.stream().distinct().count()) {
                throw ValidationException.of("entries", "この人物の発令ではないものが含まれています");
            }
            long total = h.createQuery("SELECT COUNT(*) FROM personnel_entry WHERE person_id = :person")
                    .bind("person", personId).mapTo(Long.class).one();
            if (total == names.size()) throw ValidationException.of("entries", "すべての発令を切り分けることはできません");
            long id = h.createQuery("INSERT INTO personnel_person (service, name) VALUES (:service, :name) RETURNING id")
                    .bind("service", person.get()).bind("name", names.getFirst()).mapTo(Long.class).one();
            h.createUpdate("UPDATE personnel_entry SET person_id = :id WHERE person_id = :person AND id IN (<ids>)")
                    .bind("id", id).bind("person", personId).bindList("ids", entryIds).execute();
            journal.audited(by, "person.split", target(personId), "人物 " + personId + " から発令 " + names.size()
                    + " 件を新しい人物 " + id + "（" + names.getFirst() + "）へ切り分け");
            return Optional.of(new Person(id, Service.ofKey(person.get()).orElseThrow(), names.getFirst()));
        });
        result.ifPresent(p -> changed.run());
        return result;
    }

    /** The audit log's target of a person, as {@code article:ID} is an article's. */
    static String target(long personId) {
        return "person:" + personId;
    }
}
