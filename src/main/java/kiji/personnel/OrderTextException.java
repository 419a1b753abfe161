package kiji.personnel;

import java.util.SortedMap;

/** The pasted text has lines the parser could not read: line number → Japanese reason. Nothing was saved. */
public final class OrderTextException extends RuntimeException {
    private final SortedMap<Integer, String> lines;

    OrderTextException(SortedMap<Integer, String> lines) {
        super("unreadable lines: " + lines.keySet(), null, false, false);
        this.lines = lines;
    }

    public SortedMap<Integer, String> lines() {
        return lines;
    }
}
