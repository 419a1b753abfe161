package kiji.page;

import java.time.Instant;

/**
 * A fixed page (固定ページ): 会社概要, プライバシーポリシー, 広告掲載について. It lives at its own
 * {@code path} ({@code /about/}: one or more segments, a trailing slash), outside every article
 * listing, feed, ranking and search. {@code body} is the text as its editor wrote it, Markdown or
 * (imported) HTML as {@code format} says; {@code bodyHtml} is its sanitized rendering, made once at
 * save time by the same renderer and sanitizer as articles.
 */
public record FixedPage(
        long id,
        String path,
        String title,
        PageFormat format,
        String body,
        String bodyHtml,
        PageStatus status,
        Instant createdAt,
        Instant updatedAt) {

    /** The path as a link: each segment percent-encoded ({@code /会社概要/} → {@code /%E4%BC%9A…/}). */
    public String url() {
        return PagePath.url(path);
    }

    public boolean isPublished() {
        return status == PageStatus.PUBLISHED;
    }
}
