package kiji.newsroom;

import java.util.Optional;

/**
 * Where photo files live. Keys look like {@code 12/960.jpg}. The default keeps them under
 * {@code DATA/media}; a later issue can put them on shared storage behind the same interface.
 */
public interface MediaStore {
    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    void deleteAll(String prefix);
}
