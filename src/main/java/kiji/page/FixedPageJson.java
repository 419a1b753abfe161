package kiji.page;

import java.time.Instant;

/**
 * A fixed page in admin API answers: {@code path} as stored (decoded), {@code url} the link
 * (percent-encoded), times as ISO-8601 UTC instants.
 */
public record FixedPageJson(long id, String path, String url, String title, String format, String body,
                            String bodyHtml, String status, Instant createdAt, Instant updatedAt) {

    public static FixedPageJson of(FixedPage p) {
        return new FixedPageJson(p.id(), p.path(), p.url(), p.title(), p.format().key(), p.body(), p.bodyHtml(),
                p.status().key(), p.createdAt(), p.updatedAt());
    }
}
