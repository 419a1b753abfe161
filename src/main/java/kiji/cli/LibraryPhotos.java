package kiji.cli;

import java.util.Optional;
import kiji.article.ArticlePhoto;
import kiji.importer.PhotoSink;
import kiji.newsroom.Photos;

/** The importer's {@link PhotoSink} over the newsroom's media library. */
record LibraryPhotos(Photos photos, String importedBy) implements PhotoSink {
    @Override
    public ArticlePhoto add(byte[] bytes, String caption, boolean rowOnly) {
        try {
            return photos.importFile(bytes, caption, importedBy, rowOnly).shown(0);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public Optional<ArticlePhoto> find(long id) {
        // the row only: an article's check needs no file size (which on S3 would be a request)
        return photos.find(id).map(p -> p.shown(0));
    }

    @Override
    public void caption(long id, String caption) {
        try {
            photos.importCaption(id, caption);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public void discardUncommitted(long id) {
        photos.discardUncommitted(id);
    }

    @Override
    public long maxBytes() {
        return Photos.MAX_BYTES;
    }
}
