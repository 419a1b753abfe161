package kiji.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where photos are stored: {@code DATA/media} (the default), or an S3-compatible bucket named by
 * {@code KIJI_MEDIA_URL=s3://BUCKET/PREFIX} with {@code KIJI_S3_ENDPOINT} (MinIO, R2 and the like;
 * AWS when absent) and {@code KIJI_S3_REGION}; and where readers' browsers load them from:
 * Kiji's {@code /media/} (the default), or {@code KIJI_MEDIA_PUBLIC_URL} (a CDN, or the bucket's
 * public URL) followed by the file's object key.
 */
public record MediaSettings(Optional<S3Location> s3, Optional<String> publicBase) {
    /** S3's bucket naming rule: 3–63 lower-case letters, digits, dots and hyphens, letter or digit at both ends. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._\\-/]{0,200}");
    /** An http(s) origin and path without query or fragment, in characters a srcset keeps as they are. */
    private static final Pattern PUBLIC_BASE =
            Pattern.compile("https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%+@-]+)*");

    /** A bucket, the folder inside it that holds Kiji's photos (may be empty), and how to reach it. */
    public record S3Location(String bucket, String prefix, Optional<URI> endpoint, Optional<String> region) {
        /** The object key of a media key: {@code PREFIX/12/960.jpg}. */
        public String objectKey(String key) {
            return prefix.isEmpty() ? key : prefix + "/" + key;
        }

        /** {@code s3://bucket/prefix}, as the operator wrote it (for messages). */
        public String url() {
            return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        }
    }

    public static MediaSettings local() {
        return new MediaSettings(Optional.empty(), Optional.empty());
    }

    /**
     * The same store, with photos' URLs on {@code publicUrl} ({@code https://cdn.example/kiji}):
     * a file's URL is that base, a slash and its object key (the S3 key with the prefix, or its
     * path under {@code DATA/media}). Empty: Kiji's own {@code /media/}.
     *
     * @throws IllegalArgumentException naming what is wrong, for a start-up error
     */
    public MediaSettings withPublicUrl(Optional<String> publicUrl) {
        var base = publicUrl.map(String::strip).filter(u -> !u.isEmpty()).map(u -> u.replaceAll("/+$", ""));
        if (base.isPresent() && !PUBLIC_BASE.matcher(base.get()).matches()) {
            throw new IllegalArgumentException("the media public URL must be an http:// or https:// URL without query,"
                    + " such as https://cdn.example/kiji, not " + publicUrl.get().strip());
        }
        return new MediaSettings(s3, base);
    }

    /** The URL a browser loads a stored file ({@code 12/960.jpg}) from, when a public URL is set. */
    public Optional<String> publicUrl(String key) {
        return publicBase.map(base -> base + "/" + s3.map(l -> l.objectKey(key)).orElse(key));
    }

    /**
     * Reads the operator's settings; blank values mean "not set".
     *
     * @throws IllegalArgumentException naming what is wrong, for a start-up error
     */
    public static MediaSettings parse(Optional<String> mediaUrl, Optional<String> endpoint, Optional<String> region) {
        if (mediaUrl.isEmpty()) return local();
        return new MediaSettings(Optional.of(s3(mediaUrl.get(), endpoint, region)), Optional.empty());
    }

    /** Parses {@code s3://BUCKET[/PREFIX]}; throws {@link IllegalArgumentException} with the reason. */
    public static S3Location s3(String url, Optional<String> endpoint, Optional<String> region) {
        var u = url.strip();
        if (!u.startsWith("s3://")) {
            throw new IllegalArgumentException("the media URL must look like s3://BUCKET/PREFIX, not " + u);
        }
        var rest = u.substring("s3://".length());
        int slash = rest.indexOf('/');
        var bucket = slash < 0 ? rest : rest.substring(0, slash);
        var prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("the media URL " + u + " names no valid bucket (3–63 characters: a–z, 0–9, '.', '-')");
        }
        if (!PREFIX.matcher(prefix).matches() || prefix.contains("//") || prefix.matches("(.*/)?\\.\\.?(/.*)?")) {
            throw new IllegalArgumentException("the media URL " + u + " has a prefix Kiji does not accept (letters, digits, . _ - /)");
        }
        return new S3Location(bucket, prefix, endpoint.map(MediaSettings::endpoint), region.map(String::strip));
    }

    private static URI endpoint(String value) {
        try {
            var uri = new URI(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("the S3 endpoint must be an http:// or https:// URL, not " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the S3 endpoint must be an http:// or https:// URL, not " + value);
        }
    }
}
