package kiji.personnel;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's move as an order lists it. {@code newPost} is {@code 退職} for a retirement; a promotion
 * in place ({@code 昇任}) keeps the previous post as the new one. {@code line} is where it starts in the
 * pasted text (1-based).
 */
public record OrderEntry(
        int line,
        Service service,
        LocalDate effectiveDate,
        String rank,
        String name,
        String newPost,
        List<String> concurrentPosts,
        String previousPost,
        boolean retired,
        boolean promoted) {

    public OrderEntry {
        concurrentPosts = List.copyOf(concurrentPosts);
    }

    /** The key that makes one officer of this name's spellings ({@link PersonName#key}). */
    public String nameKey() {
        return PersonName.key(name);
    }
}
