package kiji.article;

import java.util.List;
import java.util.function.Function;

/** One page of a listing; {@code number} starts at 1. */
public record Page<T>(List<T> items, int number, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return number < pageCount();
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), number, size, total);
    }
}
