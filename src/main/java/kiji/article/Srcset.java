package kiji.article;

import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * The sanitizer's rule for {@code srcset}: every candidate's URL must be one the policy accepts
 * for {@code src} (a path on this site, or http/https), so no {@code javascript:} or
 * {@code data:} can hide behind a comma. One bad candidate drops the whole attribute (the
 * OWASP sanitizer may already have removed a candidate with a scheme it does not allow).
 */
final class Srcset {
    // a path (not protocol-relative "//host") or an http(s) URL, without spaces, commas or quotes
    private static final Pattern URL = Pattern.compile("(?:/(?!/)|https?://)[A-Za-z0-9._~/%?=&+:@-]*");
    private static final Pattern DESCRIPTOR = Pattern.compile("[0-9]{1,5}w|[0-9]{1,2}(?:\\.[0-9]{1,2})?x");
    private static final String SIZE = "(?:\\((?:min|max)-width:\\s*[0-9]{1,5}(?:px|em|rem)\\)\\s+)?[0-9]{1,5}(?:px|vw|em|rem)";
    /** {@code (max-width: 688px) 100vw, 640px}: width conditions and lengths, nothing else. */
    static final Pattern SIZES = Pattern.compile(SIZE + "(?:\\s*,\\s*" + SIZE + "){0,5}");
    private static final int MAX_CANDIDATES = 10;

    private Srcset() {}

    /** The srcset with its candidates normalised, or null (the attribute is dropped). */
    static String clean(String value) {
        if (value == null) return null;
        var parts = value.strip().split("\\s*,\\s*");
        if (parts.length == 0 || parts.length > MAX_CANDIDATES) return null;
        var out = new ArrayList<String>();
        for (var part : parts) {
            var bits = part.strip().split("\\s+");
            if (bits.length < 1 || bits.length > 2 || !URL.matcher(bits[0]).matches()) return null;
            if (bits.length == 2 && !DESCRIPTOR.matcher(bits[1]).matches()) return null;
            out.add(String.join(" ", bits));
        }
        return String.join(", ", out);
    }
}
