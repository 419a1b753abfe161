package kiji.feed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Listing URLs as the site writes them (kiji.site.Paths does the same for the pages). */
final class Links {
    private Links() {}

    /** One path segment, percent-encoded (spaces as %20, not +). */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
