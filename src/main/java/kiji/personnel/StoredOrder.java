package kiji.personnel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An order as stored: its article, kind, dates, what the editor wrote (the pasted text, the notes, their
 * own title if any) and the entries with their identities.
 */
public record StoredOrder(long articleId, String kind, List<LocalDate> dates, boolean eraYear, String source,
                          String notes, Optional<String> customTitle, List<Entry> entries) {
    public StoredOrder {
        dates = List.copyOf(dates);
        entries = List.copyOf(entries);
    }

    /** One row: what the list said ({@code entry.line()} is its line in {@code source}) and who and where it is. */
    public record Entry(long id, OrderEntry entry, long personId, Optional<Long> postId, List<Long> concurrentPostIds) {
        public Entry {
            concurrentPostIds = List.copyOf(concurrentPostIds);
        }
    }
}
