package kiji.article;

/** A page number (from 1) and size, checked at the edge. */
public record PageRequest(int number, int size) {
    public static final int MAX_PAGE = 100_000;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (number < 1 || number > MAX_PAGE) throw new IllegalArgumentException("page must be 1.." + MAX_PAGE);
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }

    public int offset() {
        return (number - 1) * size;
    }
}
