package kiji.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiji.article.ArticlePhoto;

/**
 * Rewrites the addresses of the old site's uploads in an imported body ({@code src}, {@code href}
 * and {@code srcset}) to the variants of the photos made from them. WordPress's own sizes
 * ({@code photo-300x200.jpg}) name the original ({@code photo.jpg}) and the width wanted; an
 * address of no imported photo stays as it was.
 */
final class UploadUrls {
    private static final Pattern ATTRIBUTE = Pattern.compile("(?i)(\\s(src|href|srcset)\\s*=\\s*)(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern SIZED = Pattern.compile("-([0-9]{1,5})x[0-9]{1,5}(\\.[A-Za-z0-9]{1,5})$");
    private static final Pattern CANDIDATE_SEPARATOR = Pattern.compile(",\\s*");
    private static final String UPLOADS = "/wp-content/uploads/";

    private final Function<String, Optional<ArticlePhoto>> byFile;
    private final Set<String> hosts;
    private final List<String> bases;

    /**
     * @param byFile the photo made of a file under the uploads folder ({@code 2024/10/photo.jpg})
     * @param hosts the old site's hosts (lower case), from the attachments' addresses: another
     *     site's {@code /wp-content/uploads/} is not the old site's, even with the same file name
     * @param bases where the uploads folder was besides {@code HOST/wp-content/uploads/}, as host
     *     and path ({@code kiji.files.wordpress.com/})
     */
    UploadUrls(Function<String, Optional<ArticlePhoto>> byFile, Set<String> hosts, List<String> bases) {
        this.byFile = byFile;
        this.hosts = Set.copyOf(hosts);
        this.bases = List.copyOf(bases);
    }

    String rewrite(String html) {
        return ATTRIBUTE.matcher(html).replaceAll(m -> {
            boolean doubleQuoted = m.group(3) != null;
            var value = doubleQuoted ? m.group(3) : m.group(4);
            var name = m.group(2).toLowerCase(Locale.ROOT);
            var rewritten = name.equals("srcset") ? srcset(value) : single(value, name.equals("href"));
            var quote = doubleQuoted ? "\"" : "'";
            return Matcher.quoteReplacement(m.group(1) + quote + rewritten.orElse(value) + quote);
        });
    }

    /** A link goes to the largest variant, an image to the one nearest the size the old page showed. */
    private Optional<String> single(String url, boolean link) {
        return find(url).map(f -> f.photo().url(link ? f.photo().largestWidth() : f.width(f.photo().pageWidth())));
    }

    /** The photo's own {@code srcset} when every candidate is that photo; else each address alone. */
    private Optional<String> srcset(String value) {
        var candidates = CANDIDATE_SEPARATOR.split(value.strip());
        Optional<ArticlePhoto> same = Optional.empty();
        boolean allSame = true;
        var out = new StringBuilder();
        boolean any = false;
        for (var candidate : candidates) {
            var parts = candidate.strip().split("\\s+", 2);
            var found = find(parts[0]);
            if (found.isPresent()) {
                any = true;
                if (same.isEmpty()) same = Optional.of(found.get().photo());
                else if (same.get().id() != found.get().photo().id()) allSame = false;
            } else {
                allSame = false;
            }
            if (!out.isEmpty()) out.append(", ");
            out.append(found.map(f -> f.photo().url(f.width(f.photo().pageWidth()))).orElse(parts[0]));
            if (parts.length > 1) out.append(' ').append(parts[1]);
        }
        if (!any) return Optional.empty();
        return Optional.of(allSame ? same.get().srcset() : out.toString());
    }

    /** A photo, and the width the old address asked for ({@code -300x200}), if any. */
    private record Found(ArticlePhoto photo, OptionalInt wanted) {
        /** The smallest variant at least as wide as wanted, else the largest; {@code otherwise} without a wish. */
        int width(int otherwise) {
            if (wanted.isEmpty()) return otherwise;
            return photo.variants().stream().filter(w -> w >= wanted.getAsInt()).findFirst().orElse(photo.largestWidth());
        }
    }

    private Optional<Found> find(String url) {
        var file = file(url);
        if (file.isEmpty()) return Optional.empty();
        var exact = byFile.apply(file.get());
        if (exact.isPresent()) return Optional.of(new Found(exact.get(), OptionalInt.empty()));
        var sized = SIZED.matcher(file.get());
        if (!sized.find()) return Optional.empty();
        var original = file.get().substring(0, sized.start()) + sized.group(2);
        return byFile.apply(original).map(p -> new Found(p, OptionalInt.of(Integer.parseInt(sized.group(1)))));
    }

    /** The file under the uploads folder an address names: {@code https://old.example/wp-content/uploads/2024/10/x.jpg} → {@code 2024/10/x.jpg}. */
    Optional<String> file(String url) {
        var s = url.strip();
        int end = indexOfAny(s, '?', '#');
        if (end >= 0) s = s.substring(0, end);
        s = s.replaceFirst("(?i)^https?:", "");
        String hostAndPath;
        if (s.startsWith("//")) hostAndPath = s.substring(2);
        else if (s.startsWith("/")) hostAndPath = null;
        else return Optional.empty();
        var decoded = OldPaths.decode(hostAndPath == null ? s : hostAndPath);
        int i = decoded.indexOf(UPLOADS);
        // a path of this site, the old host, or an image CDN in front of it (i0.wp.com/old.example/…)
        if (i >= 0 && (hostAndPath == null || oldHost(decoded.substring(0, i)))) {
            return nonEmpty(decoded.substring(i + UPLOADS.length()));
        }
        if (hostAndPath == null) return Optional.empty();
        var lower = decoded.toLowerCase(Locale.ROOT);
        for (var base : bases) {
            if (lower.startsWith(base)) return nonEmpty(decoded.substring(base.length()));
        }
        return Optional.empty();
    }

    private boolean oldHost(String prefix) {
        var lower = prefix.toLowerCase(Locale.ROOT);
        int slash = lower.lastIndexOf('/');
        return hosts.contains(slash >= 0 ? lower.substring(slash + 1) : lower);
    }

    /** The host (and port) of an absolute address, lower case; empty for a path. */
    static Optional<String> hostOf(String url) {
        var s = url.strip().replaceFirst("(?i)^https?:", "");
        if (!s.startsWith("//")) return Optional.empty();
        var rest = s.substring(2);
        int end = rest.indexOf('/');
        var host = (end >= 0 ? rest.substring(0, end) : rest).toLowerCase(Locale.ROOT);
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** Where the uploads folder was, as host and path, from an attachment's address and file; empty for the usual place. */
    static Optional<String> baseOf(String attachmentUrl, String file) {
        var s = attachmentUrl.strip().replaceFirst("(?i)^https?://", "");
        var decoded = OldPaths.decode(s);
        if (decoded.contains(UPLOADS) || !decoded.endsWith("/" + file)) return Optional.empty();
        return Optional.of(decoded.substring(0, decoded.length() - file.length()).toLowerCase(Locale.ROOT));
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a), j = s.indexOf(b);
        if (i < 0) return j;
        return j < 0 ? i : Math.min(i, j);
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
