package kiji.newsroom;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where photo files live. Keys look like {@code 12/960.jpg}. The default keeps them under
 * {@code DATA/media}; a later issue can put them on shared storage behind the same interface.
 */
public interface MediaStore {
    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    void deleteAll(String prefix);

    /** A stored file's size in bytes (feeds' enclosure length), without reading it where the store can. */
    default OptionalLong size(String key) {
        return get(key).map(b -> OptionalLong.of(b.length)).orElse(OptionalLong.empty());
    }
}
