package kiji.importer;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code --media DIR}: the old site's {@code wp-content/uploads}, and the export read once more
 * for its attachments. An export may list a post's photos after the post, so the import reads
 * the attachments first (a pass that keeps no post in memory) and the posts then find their
 * photos already made.
 */
public record MediaFolder(Path uploads, AttachmentReading attachments) {
    /** Reads the export's attachments in file order, e.g. {@link WxrReader#readAttachments} on a fresh stream. */
    @FunctionalInterface
    public interface AttachmentReading {
        /** @throws ImportException naming the line when the file cannot be read */
        void read(Consumer<Attachment> each);
    }
}
