package kiji.article;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A photo as articles show it: the featured photo at the top of a page, in feeds and metadata,
 * and a photo placed in the body. {@code variants} are the stored widths, ascending (480, 960,
 * 1600, or fewer for a small original); {@code bytes} is the size of the largest, the file
 * {@link #url()} names, which feeds give as the enclosure's length. {@code urls} says where the
 * files are loaded from: Kiji's {@code /media/} or a CDN ({@link PhotoUrls}).
 */
public record ArticlePhoto(long id, String format, int width, int height, List<Integer> variants, String caption,
                           String credit, long bytes, PhotoUrls urls) {
    /** The {@code sizes} of a photo in the article column (40rem, the whole width on a phone). */
    public static final String SIZES = "(max-width: 688px) 100vw, 640px";
    private static final Pattern MEDIA_URL = Pattern.compile("/media/([0-9]{1,12})/([0-9]{1,5})\\.(jpg|png)");

    /** Where photos come from: the newsroom's media library. {@link #none()} knows no photo. */
    @FunctionalInterface
    public interface Library {
        Optional<ArticlePhoto> find(long id);

        static Library none() {
            return id -> Optional.empty();
        }
    }

    public ArticlePhoto {
        variants = List.copyOf(variants);
        if (variants.isEmpty()) throw new IllegalArgumentException("a photo has at least one variant");
    }

    /** A photo served from Kiji's own {@code /media/} path. */
    public ArticlePhoto(long id, String format, int width, int height, List<Integer> variants, String caption,
                        String credit, long bytes) {
        this(id, format, width, height, variants, caption, credit, bytes, PhotoUrls.SITE);
    }

    /** {@code 12/960.jpg}: the variant's key in the media store. */
    public String key(int variantWidth) {
        return id + "/" + variantWidth + "." + format;
    }

    /** {@code /media/12/960.jpg}, or the CDN's URL of the same file. */
    public String url(int variantWidth) {
        return urls.of(key(variantWidth));
    }

    /** The largest variant: what feeds, Open Graph and JSON-LD point at. */
    public String url() {
        return url(largestWidth());
    }

    public int largestWidth() {
        return variants.get(variants.size() - 1);
    }

    /** The variant a page's {@code src} names: the largest up to 960 pixels wide. */
    public int pageWidth() {
        return variants.stream().filter(w -> w <= 960).reduce((a, b) -> b).orElse(variants.get(0));
    }

    /** A variant's height, rounded as PhotoProcessor scaled it. */
    public int heightAt(int variantWidth) {
        if (variantWidth == width) return height;
        return Math.max(1, (int) Math.round((double) height * variantWidth / width));
    }

    /** {@code /media/12/480.jpg 480w, /media/12/960.jpg 960w, …} (or the CDN's URLs) */
    public String srcset() {
        return variants.stream().map(w -> url(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    public String mimeType() {
        return format.equals("png") ? "image/png" : "image/jpeg";
    }

    /** 「写真:防衛省」, or empty without a credit. */
    public String creditLine() {
        return credit.isBlank() ? "" : "写真:" + credit;
    }

    /** One stored file of a photo, as a {@code /media/{id}/{width}.{ext}} path names it. */
    public record Variant(long photoId, int width) {
        /** The variant a path names, if it is a media path. */
        public static Optional<Variant> of(String url) {
            var m = MEDIA_URL.matcher(url == null ? "" : url);
            if (!m.matches()) return Optional.empty();
            return Optional.of(new Variant(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2))));
        }
    }
}
