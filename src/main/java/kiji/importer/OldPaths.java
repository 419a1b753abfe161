package kiji.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Paths of the old site, kept in one form: percent-escapes decoded (WordPress writes Japanese
 * slugs escaped in {@code <link>}, browsers may send them either way), no query, no fragment.
 */
public final class OldPaths {
    private OldPaths() {}

    /** The path of an item's link; empty for the site's root or a query-only link ({@code /?p=12}). */
    static Optional<String> pathOf(String link) {
        var s = link.strip();
        if (s.isEmpty()) return Optional.empty();
        try {
            var uri = new URI(s.replace(" ", "%20"));
            var raw = uri.getRawPath();
            if (raw == null || raw.isEmpty() || raw.equals("/")) return Optional.empty();
            return Optional.of(normalize(raw));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A request path or stored path in the one form redirects are kept in. */
    public static String normalize(String rawPath) {
        var decoded = decode(rawPath);
        return decoded.startsWith("/") ? decoded : "/" + decoded;
    }

    /** Percent-escapes decoded as UTF-8 ('+' stays a plus: it is a path, not a form). */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                var b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
