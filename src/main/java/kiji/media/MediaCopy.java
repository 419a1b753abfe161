package kiji.media;

import java.util.HashMap;
import java.util.function.Consumer;
import kiji.newsroom.MediaStore;

/**
 * Copies every file of one media store into another ({@code kiji media migrate}: DATA/media to
 * S3). A file the target already holds with the same size is skipped, so a copy that stopped
 * halfway is resumed by running it again, and a second run copies nothing. Files are written
 * whole, one PUT each: a stopped copy leaves no half file behind.
 */
public final class MediaCopy {
    /** What a copy did: files written, files already there, and the bytes written. */
    public record Report(long copied, long skipped, long bytes) {}

    private MediaCopy() {}

    public static Report copy(MediaStore from, MediaStore to, Consumer<String> progress) {
        var existing = new HashMap<String, Long>();
        to.forEachKey(key -> existing.put(key, to.size(key).orElse(-1)));
        long[] counts = new long[3];
        from.forEachKey(key -> {
            long size = from.size(key).orElse(-1);
            if (size >= 0 && existing.getOrDefault(key, -2L) == size) {
                counts[1]++;
                return;
            }
            var bytes = from.get(key);
            if (bytes.isEmpty()) return; // gone meanwhile (a photo deleted while copying)
            to.put(key, bytes.get());
            counts[0]++;
            counts[2] += bytes.get().length;
            if (counts[0] % 500 == 0) progress.accept(counts[0] + " files copied…");
        });
        return new Report(counts[0], counts[1], counts[2]);
    }
}
