package kiji.feed;

/**
 * Who publishes: the site's name and public base URL (no trailing slash), its logo (for
 * JSON-LD's publisher) and the image shown for articles without a featured photo. Image URLs
 * are absolute.
 */
public record Publisher(String name, String baseUrl, FeaturedImage logo, FeaturedImage defaultImage) {
    public String absolute(String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
    }
}
