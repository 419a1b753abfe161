package kiji.personnel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What {@link OrderParser} read: the entries in the order of the text, each line it could not read
 * with its reason (line number → Japanese reason), and the list's own notes ({@code ※定年退職}). An
 * order is usable only when {@code errors} is empty.
 */
public record ParsedOrder(List<OrderEntry> entries, SortedMap<Integer, String> errors, List<Note> notes) {

    /** A {@code ※} line of the list, with the service whose rows it follows (none before the first header). */
    public record Note(int line, java.util.Optional<Service> service, String text) {}

    public ParsedOrder {
        entries = List.copyOf(entries);
        errors = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(errors));
        notes = List.copyOf(notes);
    }

    public boolean ok() {
        return errors.isEmpty() && !entries.isEmpty();
    }

    /** The effective dates, oldest first, each once. */
    public List<LocalDate> dates() {
        var dates = new TreeSet<LocalDate>();
        for (var e : entries) dates.add(e.effectiveDate());
        return List.copyOf(dates);
    }

    /** Persons (not lines) per service, services in the order they first appear in the text. */
    public Map<Service, Integer> breakdown() {
        var persons = new LinkedHashMap<Service, LinkedHashSet<String>>();
        for (var e : entries) persons.computeIfAbsent(e.service(), s -> new LinkedHashSet<>()).add(e.nameKey());
        var counts = new LinkedHashMap<Service, Integer>();
        persons.forEach((s, names) -> counts.put(s, names.size()));
        return counts;
    }
}
