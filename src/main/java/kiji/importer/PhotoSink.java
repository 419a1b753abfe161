package kiji.importer;

import java.util.Optional;
import kiji.article.ArticlePhoto;

/**
 * Where attachments go: the media library (the newsroom's {@code Photos}, which the CLI wires).
 * The importer knows nothing else of it.
 */
public interface PhotoSink {
    /** A sink that knows no photo: an import without a media library. */
    PhotoSink NONE = new PhotoSink() {
        @Override
        public ArticlePhoto add(byte[] bytes, String caption, boolean rowOnly) {
            throw new Refused("no media library");
        }

        @Override
        public Optional<ArticlePhoto> find(long id) {
            return Optional.empty();
        }

        @Override
        public void caption(long id, String caption) {}

        @Override
        public void discardUncommitted(long id) {}

        @Override
        public long maxBytes() {
            return 0;
        }
    };

    /**
     * Makes a photo of a file, with an upload's checks and variants, in the import's transaction;
     * {@code rowOnly} (a dry run) writes no file.
     *
     * @throws Refused when the file is not a photo the library takes (the reason, in Japanese)
     */
    ArticlePhoto add(byte[] bytes, String caption, boolean rowOnly);

    Optional<ArticlePhoto> find(long id);

    /** Gives a photo made by an earlier import the caption the export now has. */
    void caption(long id, String caption);

    /** Deletes the files of a photo whose row a failed import rolled back. */
    void discardUncommitted(long id);

    /** Files bigger than this are refused without being read. */
    long maxBytes();

    /** A file the library does not take. */
    final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
