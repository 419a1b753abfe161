package kiji.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * A WordPress {@code attachment} item: a file of the old site's {@code wp-content/uploads} that
 * posts show in their bodies and name as their featured image ({@code _thumbnail_id}).
 *
 * @param sourceId the attachment's post id
 * @param file where the file lies under the uploads folder, e.g. {@code 2024/10/photo.jpg}
 * @param url the file's address on the old site (empty when the export has none)
 * @param caption the caption WordPress showed, else the alternative text, else the title (plain text)
 * @param line where the item starts in the file, for messages
 */
public record Attachment(String sourceId, Optional<String> file, String url, String caption, long line) {
    private static final String UPLOADS = "/uploads/";

    /** An attachment from its {@code <item>}'s fields and post meta. */
    static Attachment of(String sourceId, Map<String, String> fields, Map<String, String> meta, long line) {
        var url = fields.getOrDefault("attachment_url", "").strip();
        var caption = PlainTitle.text(fields.getOrDefault("excerpt", ""));
        if (caption.isEmpty()) caption = PlainTitle.text(meta.getOrDefault("_wp_attachment_image_alt", ""));
        if (caption.isEmpty()) caption = PlainTitle.text(fields.getOrDefault("title", ""));
        return new Attachment(sourceId, file(meta.getOrDefault("_wp_attached_file", "").strip(), url), url, caption, line);
    }

    /**
     * The file's place under the uploads folder: {@code _wp_attached_file} as WordPress 2.7+ keeps
     * it (relative), else what follows {@code /uploads/} in an older absolute one or in the URL,
     * else the URL's whole path (WordPress.com's {@code files.wordpress.com/2024/10/x.jpg}).
     */
    static Optional<String> file(String attachedFile, String url) {
        if (!attachedFile.isEmpty() && !attachedFile.startsWith("/") && !attachedFile.contains(":")) {
            return Optional.of(attachedFile);
        }
        int i = attachedFile.lastIndexOf(UPLOADS);
        if (i >= 0) return nonEmpty(attachedFile.substring(i + UPLOADS.length()));
        var path = urlPath(url);
        if (path.isEmpty()) return Optional.empty();
        int j = path.get().lastIndexOf(UPLOADS);
        return nonEmpty(j >= 0 ? path.get().substring(j + UPLOADS.length()) : path.get().substring(1));
    }

    /** A URL's path, percent-escapes decoded; empty for what is not a URL. */
    static Optional<String> urlPath(String url) {
        if (url.isEmpty()) return Optional.empty();
        try {
            var raw = new URI(url.replace(" ", "%20")).getRawPath();
            return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(OldPaths.normalize(raw));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() || s.endsWith("/") ? Optional.empty() : Optional.of(s);
    }
}
