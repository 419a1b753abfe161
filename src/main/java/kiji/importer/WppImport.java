package kiji.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import kiji.ranking.HourBucketStore;
import kiji.ranking.ViewImport.LineError;
import kiji.ranking.ViewImport.RejectedException;

/**
 * {@code kiji views import --format wpp}: WordPress Popular Posts' {@code popularpostssummary}
 * rows as CSV (a header naming at least {@code postid}, {@code pageviews} and
 * {@code view_datetime}, in any order; times in the site's zone) into the ranking's hour buckets.
 * WordPress post ids are mapped through what {@code kiji import wordpress} made of them; ids it
 * never imported are counted and skipped. As {@code kiji views import}: only a clean file counts,
 * all of it in one transaction.
 */
public final class WppImport {
    static final int MAX_REPORTED_ERRORS = 1000;

    private final SourceMap sources;
    private final HourBucketStore buckets;
    private final ZoneId zone;

    public WppImport(SourceMap sources, HourBucketStore buckets, ZoneId zone) {
        this.sources = sources;
        this.buckets = buckets;
        this.zone = zone;
    }

    /**
     * Rows read, views counted, and the rows (and their views) whose post was never imported.
     * A file with bad lines is refused as {@code kiji views import} refuses one: {@link RejectedException}.
     */
    public record Summary(long lines, long counted, long unknownRows, long unknownViews) {}

    /**
     * Reads the file once (on a thread of its own, see {@link ViewBlocks}), counting as it goes
     * inside one transaction; a line that cannot be read stops the counting, the rest is only
     * checked (for the report) and everything rolls back. {@code progress} receives the bytes
     * read so far.
     */
    public Summary run(Path file, LongConsumer progress) {
        var articles = new PostArticles(sources.articleIds("wordpress"));
        var errors = new ArrayList<LineError>();
        long[] n = new long[5];
        buckets.addHistory(sink -> ViewBlocks.pipe(read -> {
            forEachRow(file, progress, (number, row) -> {
                if (n[4] > 0) return;
                n[0]++;
                long article = articles.article(row.postId());
                if (article == 0) {
                    n[2]++;
                    n[3] += row.views();
                    return;
                }
                n[1] += row.views();
                if (row.views() > 0) read.add(article, row.epochHour(), row.views());
            }, (number, reason) -> {
                n[4]++;
                if (errors.size() < MAX_REPORTED_ERRORS) errors.add(new LineError(number, reason));
            });
            if (n[4] > 0) throw new RejectedException(errors, n[4]);
        }, sink));
        return new Summary(n[0], n[1], n[2], n[3]);
    }

    private record Row(long postId, long views, long epochHour) {}

    private interface RowHandler {
        void accept(long number, Row row);
    }

    private interface ErrorHandler {
        void accept(long number, String reason);
    }

    private void forEachRow(Path file, LongConsumer progress, RowHandler rows, ErrorHandler errors) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var header = in.readLine();
            if (header == null) {
                errors.accept(1, "empty file: expected a header naming postid, pageviews and view_datetime");
                return;
            }
            if (!header.isEmpty() && header.charAt(0) == '\uFEFF') header = header.substring(1);
            var columns = Columns.of(header);
            if (columns.missing().isPresent()) {
                errors.accept(1, "the header has no " + columns.missing().get() + " column (it needs postid, pageviews and view_datetime)");
                return;
            }
            var hours = new LocalHours(zone);
            long number = 1;
            long bytes = header.length() + 1;
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                bytes += text.length() + 1;
                if ((number & 0xFFFF) == 0) progress.accept(bytes);
                if (text.isBlank()) continue;
                var fields = Csv.split(text, columns.width());
                if (fields.size() < columns.width()) {
                    errors.accept(number, "expected at least " + columns.width() + " fields, found " + fields.size());
                    continue;
                }
                var id = fields.get(columns.postId()).strip();
                var views = fields.get(columns.pageviews()).strip();
                if (!digits(id, 18)) {
                    errors.accept(number, "postid must be a positive integer, not '" + id + "'");
                    continue;
                }
                if (!digits(views, 15)) {
                    errors.accept(number, "pageviews must be an integer >= 0, not '" + views + "'");
                    continue;
                }
                var hour = hours.epochHour(fields.get(columns.viewDatetime()).strip());
                if (hour < 0) {
                    errors.accept(number, "view_datetime must be YYYY-MM-DD hh:mm[:ss], not '"
                            + fields.get(columns.viewDatetime()).strip() + "'");
                    continue;
                }
                rows.accept(number, new Row(Long.parseLong(id), Long.parseLong(views), hour));
            }
            progress.accept(bytes);
        } catch (java.nio.charset.MalformedInputException e) {
            errors.accept(0, "the file is not UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1 to {@code max} ASCII digits (a regular expression per field costs seconds on ten million rows). */
    private static boolean digits(String s, int max) {
        if (s.isEmpty() || s.length() > max) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** Where the three needed columns are, by header name (any order, any case, quoted or not). */
    private record Columns(int postId, int pageviews, int viewDatetime, int width) {
        static Columns of(String header) {
            var names = Csv.split(header, 8).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            int p = names.indexOf("postid");
            int v = names.indexOf("pageviews");
            int d = names.indexOf("view_datetime");
            return new Columns(p, v, d, Math.max(p, Math.max(v, d)) + 1);
        }

        java.util.Optional<String> missing() {
            if (postId < 0) return java.util.Optional.of("postid");
            if (pageviews < 0) return java.util.Optional.of("pageviews");
            if (viewDatetime < 0) return java.util.Optional.of("view_datetime");
            return java.util.Optional.empty();
        }
    }
}
