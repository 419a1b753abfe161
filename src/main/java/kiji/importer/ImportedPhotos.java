package kiji.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiji.article.ArticlePhoto;

/**
 * The photos one import knows, by attachment id and by file under the uploads folder: those an
 * earlier import made (read from {@code import_source}) and those this import's first pass makes.
 * Memory grows with the attachments (a few map entries each), never with the posts.
 */
final class ImportedPhotos {
    private static final int MAX_CAPTION = 300;

    private final PhotoSink sink;
    private final SourceMap sources;
    private final String source;
    private final Clock clock;
    private Map<String, SourceMap.PhotoRow> earlier = Map.of();
    private final Map<String, Long> bySourceId = new HashMap<>();
    private final Map<String, Long> byFile = new HashMap<>();
    private final Map<Long, Optional<ArticlePhoto>> shown = new HashMap<>();
    private final Set<String> hosts = new HashSet<>();
    private final Set<String> bases = new LinkedHashSet<>();
    /** photos whose files this import wrote: deleted again when its transaction does not commit */
    private final List<Long> created = new ArrayList<>();
    private boolean mediaGiven;
    private UploadUrls urls = new UploadUrls(f -> Optional.empty(), Set.of(), List.of());

    ImportedPhotos(PhotoSink sink, SourceMap sources, String source, Clock clock) {
        this.sink = sink;
        this.sources = sources;
        this.source = source;
        this.clock = clock;
    }

    /** Reads what earlier imports of this source made; in the import's transaction. */
    void load() {
        earlier = sources.photosBySourceId(source);
        earlier.forEach((id, row) -> remember(id, row.file(), row.url(), row.photoId()));
        urls = new UploadUrls(this::byFile, hosts, List.copyOf(bases));
    }

    /** The first pass: every attachment of the export whose file is found becomes a photo (or is the one made before). */
    void addAll(MediaFolder media, ImportReport report, boolean dryRun) {
        mediaGiven = true;
        UploadsFolder uploads;
        try {
            uploads = new UploadsFolder(media.uploads());
        } catch (IOException e) {
            throw new UncheckedIOException("--media: cannot open " + media.uploads(), e);
        }
        media.attachments().read(a -> add(a, uploads, report, dryRun));
        urls = new UploadUrls(this::byFile, hosts, List.copyOf(bases));
    }

    private void add(Attachment a, UploadsFolder uploads, ImportReport report, boolean dryRun) {
        if (a.file().isEmpty()) {
            report.warnings.add("attachment " + a.sourceId() + ": no file named (no _wp_attached_file, no wp:attachment_url)");
            return;
        }
        var file = a.file().get();
        byte[] bytes;
        try {
            bytes = uploads.read(file, sink.maxBytes());
        } catch (UploadsFolder.Unusable e) {
            report.warnings.add("attachment " + a.sourceId() + ": " + e.getMessage());
            return;
        }
        var checksum = sha256(bytes);
        // an unchanged file is the photo made last time: not processed again (its caption follows the export)
        var before = Optional.ofNullable(earlier.get(a.sourceId()))
                .filter(r -> r.checksum().equals(checksum) && photo(r.photoId()).isPresent());
        long photoId;
        if (before.isPresent()) {
            photoId = before.get().photoId();
            var caption = caption(a);
            if (!photo(photoId).orElseThrow().caption().equals(caption)) sink.caption(photoId, caption);
        } else {
            try {
                var made = sink.add(bytes, caption(a), dryRun);
                photoId = made.id();
                shown.put(photoId, Optional.of(made));
                if (!dryRun) created.add(photoId);
            } catch (PhotoSink.Refused e) {
                report.warnings.add("attachment " + a.sourceId() + ": " + file + ": " + e.getMessage());
                return;
            }
        }
        sources.putPhoto(source, a.sourceId(), new SourceMap.PhotoRow(photoId, file, a.url(), checksum), clock.instant());
        remember(a.sourceId(), file, a.url(), photoId);
        report.photos++;
    }

    /** The featured photo an item names ({@code _thumbnail_id}); a warning when --media was given and it was not made. */
    Optional<Long> featured(ImportItem item, ImportReport report) {
        if (item.featuredPhoto().isEmpty()) return Optional.empty();
        var id = item.featuredPhoto().get();
        var photo = Optional.ofNullable(bySourceId.get(id)).flatMap(this::photo).map(ArticlePhoto::id);
        if (photo.isEmpty() && mediaGiven) {
            report.warnings.add(item.sourceId() + ": featured image " + id + " was not imported");
        }
        return photo;
    }

    /** The body with the old uploads' addresses pointing at the photos' variants. */
    ItemBody rewrite(ItemBody body) {
        if (byFile.isEmpty()) return body;
        var stored = urls.rewrite(body.stored());
        var html = urls.rewrite(body.html());
        // a body naming no old upload keeps the rendering made on the reading thread
        if (stored.equals(body.stored()) && html.equals(body.html())) return body;
        return new ItemBody(stored, html, body.shortcodesRemoved());
    }

    /** Deletes the files this import wrote; called when its transaction did not commit. */
    void discardCreated() {
        for (long id : created) sink.discardUncommitted(id);
        created.clear();
    }

    private Optional<ArticlePhoto> byFile(String file) {
        return Optional.ofNullable(byFile.get(file)).flatMap(this::photo);
    }

    private Optional<ArticlePhoto> photo(long id) {
        return shown.computeIfAbsent(id, sink::find);
    }

    private void remember(String sourceId, String file, String url, long photoId) {
        bySourceId.put(sourceId, photoId);
        UploadUrls.hostOf(url).ifPresent(hosts::add);
        if (file.isEmpty()) return;
        UploadUrls.baseOf(url, file).ifPresent(bases::add);
        byFile.put(file, photoId);
        // WordPress 5.3+ keeps big originals as photo-scaled.jpg; its sizes are named after photo.jpg
        var unscaled = file.replaceFirst("-(scaled|rotated)(\\.[A-Za-z0-9]{1,5})$", "$2");
        if (!unscaled.equals(file)) byFile.putIfAbsent(unscaled, photoId);
    }

    private static String caption(Attachment a) {
        var text = Importer.shorten(a.caption().replaceAll("\\p{Cntrl}", " ").strip(), MAX_CAPTION);
        // the library counts UTF-16 units: a caption of many emoji is cut further
        while (text.length() > MAX_CAPTION) text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
        return text;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
