package kiji.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import kiji.newsroom.MediaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link MediaStore} in an S3-compatible bucket, under the location's prefix: every node that
 * shares the bucket serves every photo. Objects are written whole by one PUT, so a reader never
 * sees half a file. Kiji still serves them at {@code /media/…} (same cache headers, no bucket
 * made public); the objects also carry the year-long {@code Cache-Control} for an operator who
 * points a CDN at the bucket.
 */
public final class S3MediaStore implements MediaStore {
    private static final Logger log = LoggerFactory.getLogger(S3MediaStore.class);
    private static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    /** S3's limit of keys per DeleteObjects call. */
    private static final int DELETE_BATCH = 1000;
    private final S3Client s3;
    private final MediaSettings.S3Location location;
    // A variant never changes once written, so its size (asked for by every feed item) is asked of S3 once.
    private final Cache<String, Long> sizes = Caffeine.newBuilder().maximumSize(20_000).build();

    S3MediaStore(S3Client s3, MediaSettings.S3Location location) {
        this.s3 = s3;
        this.location = location;
    }

    /**
     * A store on the location, checked at once: a bucket that does not exist or refuses the
     * credentials stops the start with a message naming it, not the first upload.
     *
     * @throws MediaStoreException naming the bucket and S3's reason
     */
    public static S3MediaStore open(MediaSettings.S3Location location) {
        var client = S3Clients.create(location);
        try {
            client.headBucket(b -> b.bucket(location.bucket()));
        } catch (RuntimeException e) {
            client.close();
            throw new MediaStoreException("cannot use the media bucket " + location.url() + ": " + S3Clients.reason(e), e);
        }
        return new S3MediaStore(client, location);
    }

    public MediaSettings.S3Location location() {
        return location;
    }

    @Override
    public void put(String key, byte[] bytes) {
        checkKey(key);
        try {
            s3.putObject(b -> b.bucket(location.bucket()).key(location.objectKey(key)).contentType(contentType(key))
                    .cacheControl(CACHE_CONTROL), RequestBody.fromBytes(bytes));
        } catch (RuntimeException e) {
            throw new MediaStoreException("cannot store media " + key + " in " + location.url() + ": " + S3Clients.reason(e), e);
        }
        sizes.put(key, (long) bytes.length);
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (!KEY.matcher(key).matches()) return Optional.empty();
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.objectKey(key))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (notFound(e)) return Optional.empty();
            throw new MediaStoreException("cannot read media " + key + " from " + location.url() + ": " + S3Clients.reason(e), e);
        }
    }

    @Override
    public OptionalLong size(String key) {
        if (!KEY.matcher(key).matches()) return OptionalLong.empty();
        var known = sizes.getIfPresent(key);
        if (known != null) return OptionalLong.of(known);
        try {
            long size = s3.headObject(b -> b.bucket(location.bucket()).key(location.objectKey(key))).contentLength();
            sizes.put(key, size);
            return OptionalLong.of(size);
        } catch (RuntimeException e) {
            // Only an ArticlePhoto's byte size (feeds' enclosure length) asks this: a bucket out of
            // reach for a moment must not turn an article page into a 500 (the size is not kept).
            if (!notFound(e)) log.warn("media size of {} unknown: {}", key, S3Clients.reason(e));
            return OptionalLong.empty();
        }
    }

    @Override
    public void deleteAll(String prefix) {
        checkKey(prefix);
        var keys = new ArrayList<String>();
        // "12/": the photo's own files, never those of photo 120
        forEachKey(location.objectKey(prefix) + "/", keys::add);
        for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
            var batch = keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(location.objectKey(k)).build()).toList();
            s3.deleteObjects(b -> b.bucket(location.bucket()).delete(Delete.builder().objects(batch).quiet(true).build()));
        }
        keys.forEach(sizes::invalidate);
    }

    @Override
    public void forEachKey(Consumer<String> action) {
        forEachKey(location.prefix().isEmpty() ? "" : location.prefix() + "/", action);
    }

    private void forEachKey(String objectPrefix, Consumer<String> action) {
        int strip = location.prefix().isEmpty() ? 0 : location.prefix().length() + 1;
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(objectPrefix))) {
            for (var object : page.contents()) {
                var key = object.key().substring(strip);
                if (KEY.matcher(key).matches()) {
                    sizes.put(key, object.size());
                    action.accept(key);
                }
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static boolean notFound(RuntimeException e) {
        return e instanceof S3Exception s && s.statusCode() == 404;
    }

    private static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) throw new IllegalArgumentException("bad media key: " + key);
    }

    private static String contentType(String key) {
        return key.endsWith(".png") ? "image/png" : "image/jpeg";
    }
}
