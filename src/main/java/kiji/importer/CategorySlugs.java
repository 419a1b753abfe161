package kiji.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Kiji's category slugs are lower-case ASCII words joined by hyphens (they are URL sections);
 * WordPress's may be escaped Japanese ({@code %e6%94%bf%e6%b2%bb}) and MT has only names. An
 * ASCII slug is kept; any other gets a stable one made from it, so a second import finds it.
 */
final class CategorySlugs {
    private CategorySlugs() {}

    static String of(String sourceSlug) {
        var decoded = OldPaths.decode(sourceSlug.strip()).toLowerCase(Locale.ROOT);
        var ascii = decoded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (!ascii.isEmpty() && decoded.chars().allMatch(c -> c < 128) && ascii.length() <= 63) return ascii;
        return "c-" + hash(decoded);
    }

    private static String hash(String s) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
