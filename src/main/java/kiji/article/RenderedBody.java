package kiji.article;

/**
 * An HTML body already through the sanitizer, made by {@link ArticleService#prerender} off the
 * writing thread (an import renders the next posts while it stores this one). Only the service
 * makes one, so its HTML is always the sanitizer's output; a save uses it only for the very body
 * it was made from.
 */
public final class RenderedBody {
    private final String body;
    private final String html;

    RenderedBody(String body, String html) {
        this.body = body;
        this.html = html;
    }

    /** The sanitized HTML of {@code source}, when this was made from it. */
    java.util.Optional<String> htmlOf(String source) {
        return body.equals(source) ? java.util.Optional.of(html) : java.util.Optional.empty();
    }
}
