package kiji.newsroom;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Where photo files live. Keys look like {@code 12/960.jpg}. The default keeps them under
 * {@code DATA/media} ({@link FileMediaStore}); {@code kiji.media.S3MediaStore} keeps them in an
 * S3-compatible bucket shared by several nodes.
 */
public interface MediaStore extends AutoCloseable {
    /** The shape of every key Kiji writes; a strict shape keeps any path trick out of a store. */
    Pattern KEY = Pattern.compile("[0-9]{1,12}(/[0-9]{1,5}\\.(jpg|png))?");

    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    void deleteAll(String prefix);

    /** A stored file's size in bytes (feeds' enclosure length), without reading it where the store can. */
    default OptionalLong size(String key) {
        return get(key).map(b -> OptionalLong.of(b.length)).orElse(OptionalLong.empty());
    }

    /** Every stored file's key ({@code 12/960.jpg}), for copies and backups; in no promised order. */
    void forEachKey(Consumer<String> action);

    /** Lets go of connections; the files stay. */
    @Override
    default void close() {}
}
