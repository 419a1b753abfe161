package kiji.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL pieces for names that may be Japanese (tags, authors). */
public final class Paths {
    private Paths() {}

    /** One path segment, percent-encoded (spaces as %20, not +). */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
