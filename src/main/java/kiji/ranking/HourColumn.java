package kiji.ranking;

/** One hour bucket for every article that had views in it: dense article indexes and counts. */
record HourColumn(long hour, int[] articles, int[] views) {

    /** Builds a column row by row. */
    static final class Builder {
        private final long hour;
        private int[] articles = new int[64];
        private int[] views = new int[64];
        private int size;

        Builder(long hour) {
            this.hour = hour;
        }

        long hour() {
            return hour;
        }

        void add(int article, long count) {
            if (size == articles.length) {
                articles = java.util.Arrays.copyOf(articles, size * 2);
                views = java.util.Arrays.copyOf(views, size * 2);
            }
            articles[size] = article;
            // an hour of one article beyond 2^31 views would be a counting bug, not news
            views[size++] = (int) Math.min(Integer.MAX_VALUE, count);
        }

        HourColumn build() {
            return new HourColumn(hour, java.util.Arrays.copyOf(articles, size), java.util.Arrays.copyOf(views, size));
        }
    }
}
