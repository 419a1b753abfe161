package kiji.importer;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import kiji.importer.ImportItem.BodyFormat;
import kiji.importer.ImportItem.Kind;
import kiji.importer.ImportItem.State;
import kiji.importer.ImportItem.Term;

/**
 * WordPress's export (WXR 1.0–1.2), streamed with StAX: one item in memory at a time, so a
 * file of any size reads in a small heap. Elements are matched by local name, so the {@code wp:}
 * namespace may be {@code http://} or {@code https://wordpress.org/export/1.x/}, as real exports
 * write either. Authors and categories come before the items in every export.
 */
public final class WxrReader implements ImportSource {
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final String ZERO_DATE = "0000-00-00 00:00:00";

    private final ZoneId siteZone;
    private final Map<String, String> authorNames = new HashMap<>();
    /** category slug → name, and term id → slug (for Yoast's primary category) */
    private final Map<String, String> categoryNames = new LinkedHashMap<>();
    private final Map<String, String> categorySlugsById = new HashMap<>();

    /** @param siteZone the zone of {@code wp:post_date}, used where the GMT date is missing */
    public WxrReader(ZoneId siteZone) {
        this.siteZone = siteZone;
    }

    @Override
    public String name() {
        return "wordpress";
    }

    /** Every {@code <wp:category>} the file declares at its top, used by a post or not, in file order. */
    @Override
    public List<Term> declaredCategories() {
        var out = new ArrayList<Term>();
        categoryNames.forEach((slug, name) -> out.add(new Term(slug, name)));
        return out;
    }

    @Override
    public void read(InputStream in, Consumer<ImportItem> items) {
        read(in, items, attachment -> { });
    }

    /**
     * The file's {@code attachment} items only (posts and pages are read, not handed over): the
     * first of the two passes of an import with {@code --media}, since an export may list a
     * post's photos after the post.
     */
    public void readAttachments(InputStream in, Consumer<Attachment> attachments) {
        read(in, null, attachments);
    }

    /** @param items null when only attachments are wanted */
    private void read(InputStream in, Consumer<ImportItem> items, Consumer<Attachment> attachments) {
        // the JDK's own StAX parser, whatever else the class path holds (a library may bring Woodstox):
        // the same behaviour and messages everywhere
        var factory = XMLInputFactory.newDefaultFactory();
        // an export is data, never a reason to fetch or expand anything (XXE)
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in, "UTF-8");
            boolean sawRss = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
                var name = xml.getLocalName();
                if (!sawRss) {
                    if (!name.equals("rss")) throw new ImportException(line(xml), column(xml), "not a WordPress export (WXR): the root is <" + name + ">, not <rss>");
                    sawRss = true;
                    continue;
                }
                switch (name) {
                    case "author" -> author(children(xml));
                    case "category" -> category(children(xml));
                    case "item" -> {
                        long at = line(xml);
                        var item = item(xml, at, items != null, attachments);
                        if (items != null) item.ifPresent(items);
                    }
                    default -> { }
                }
            }
            if (!sawRss) throw new ImportException(1, 0, "empty file: not a WordPress export (WXR)");
        } catch (XMLStreamException e) {
            var loc = e.getLocation();
            throw new ImportException(loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber(),
                    "broken XML: " + message(e));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // reading is over either way
                }
            }
        }
    }

    private void author(Map<String, String> fields) {
        var login = fields.getOrDefault("author_login", "").strip();
        var display = fields.getOrDefault("author_display_name", "").strip();
        if (!login.isEmpty()) authorNames.put(login, display.isEmpty() ? login : display);
    }

    private void category(Map<String, String> fields) {
        var slug = fields.getOrDefault("category_nicename", "").strip();
        var name = fields.getOrDefault("cat_name", "").strip();
        if (slug.isEmpty()) return;
        categoryNames.put(slug, name.isEmpty() ? slug : name);
        var id = fields.getOrDefault("term_id", "").strip();
        if (!id.isEmpty()) categorySlugsById.put(id, slug);
    }

    private Optional<ImportItem> item(XMLStreamReader xml, long line, boolean wantItems,
                                      Consumer<Attachment> attachments) throws XMLStreamException {
        Map<String, String> f = new HashMap<>();
        Map<String, String> meta = new HashMap<>();
        List<Term> categories = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            var name = xml.getLocalName();
            switch (name) {
                case "postmeta" -> {
                    var m = children(xml);
                    meta.put(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
                }
                case "comment" -> skip(xml);
                case "category" -> {
                    var domain = xml.getAttributeValue(null, "domain");
                    var nicename = xml.getAttributeValue(null, "nicename");
                    var text = text(xml).strip();
                    if ("post_tag".equals(domain)) {
                        if (!text.isEmpty()) tags.add(text);
                    } else if (domain == null || domain.equals("category")) {
                        var slug = nicename == null ? slugOfName(text) : nicename;
                        if (!text.isEmpty() || slug != null) categories.add(new Term(slug == null ? text : slug, text.isEmpty() ? slug : text));
                    }
                }
                case "encoded" -> {
                    var ns = xml.getNamespaceURI();
                    f.put(ns != null && ns.contains("excerpt") ? "excerpt" : "content", text(xml));
                }
                default -> f.put(name, text(xml));
            }
        }
        if (f.getOrDefault("post_type", "").strip().equals("attachment")) {
            attachments.accept(Attachment.of(postId(f, line), f, meta, line));
            return Optional.empty();
        }
        return wantItems ? toItem(f, meta, dedupe(categories), tags, line) : Optional.empty();
    }

    private static String postId(Map<String, String> f, long line) {
        var id = f.getOrDefault("post_id", "").strip();
        if (!id.matches("[0-9]{1,19}")) throw new ImportException(line, 0, "<item> without a numeric <wp:post_id>");
        return id;
    }

    private Optional<ImportItem> toItem(Map<String, String> f, Map<String, String> meta, List<Term> categories,
                                        List<String> tags, long line) {
        var type = f.getOrDefault("post_type", "post").strip();
        Kind kind;
        if (type.equals("post")) kind = Kind.ARTICLE;
        else if (type.equals("page")) kind = Kind.PAGE;
        else return Optional.empty(); // menus, revisions, reusable blocks: not articles
        var id = postId(f, line);
        var status = f.getOrDefault("status", "").strip();
        var state = state(status, f.getOrDefault("post_password", ""));
        var creator = f.getOrDefault("creator", "").strip();
        List<String> authors = creator.isEmpty() ? List.of() : List.of(authorNames.getOrDefault(creator, creator));
        var primary = Optional.ofNullable(categorySlugsById.get(meta.getOrDefault("_yoast_wpseo_primary_category", "").strip()));
        return Optional.of(new ImportItem(id, kind, state, f.getOrDefault("title", ""), f.getOrDefault("content", ""),
                BodyFormat.WORDPRESS, f.getOrDefault("excerpt", ""), categories, primary, tags, authors,
                instant(f, line), OldPaths.pathOf(f.getOrDefault("link", "")),
                OldPaths.decode(f.getOrDefault("post_name", "").strip()), line,
                Optional.of(meta.getOrDefault("_thumbnail_id", "").strip()).filter(t -> !t.isEmpty()),
                status.isEmpty() ? "no status" : shortStatus(status)));
    }

    /** A status word for the report: the file's own, cut short (it is data from anywhere). */
    private static String shortStatus(String status) {
        var word = status.replaceAll("\\p{Cntrl}", " ");
        return word.length() <= 40 ? word : word.substring(0, 40) + "…";
    }

    private static State state(String status, String password) {
        var state = switch (status) {
            case "publish" -> State.PUBLISHED;
            case "future" -> State.SCHEDULED;
            case "draft", "pending" -> State.DRAFT;
            case "private" -> State.PRIVATE;
            default -> State.SKIPPED; // trash, auto-draft, inherit
        };
        if (!password.isBlank() && state != State.SKIPPED) return State.PRIVATE;
        return state;
    }

    private Optional<Instant> instant(Map<String, String> f, long line) {
        var gmt = f.getOrDefault("post_date_gmt", "").strip();
        if (!gmt.isEmpty() && !gmt.equals(ZERO_DATE)) return Optional.of(parse(gmt, line).atZone(ZoneId.of("UTC")).toInstant());
        var local = f.getOrDefault("post_date", "").strip();
        if (!local.isEmpty() && !local.equals(ZERO_DATE)) return Optional.of(parse(local, line).atZone(siteZone).toInstant());
        return Optional.empty();
    }

    private static LocalDateTime parse(String date, long line) {
        try {
            return LocalDateTime.parse(date, WP_DATE);
        } catch (DateTimeParseException e) {
            throw new ImportException(line, 0, "unknown date '" + date + "' (expected YYYY-MM-DD hh:mm:ss)");
        }
    }

    private String slugOfName(String name) {
        for (var e : categoryNames.entrySet()) if (e.getValue().equals(name)) return e.getKey();
        return null;
    }

    private static List<Term> dedupe(List<Term> terms) {
        var out = new LinkedHashMap<String, Term>();
        for (var t : terms) out.putIfAbsent(t.slug(), t);
        return new ArrayList<>(out.values());
    }

    /** The text children of the current element, by local name; nested elements' own children are skipped. */
    private static Map<String, String> children(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> out = new HashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) return out;
            if (event == XMLStreamConstants.START_ELEMENT) out.put(xml.getLocalName(), text(xml));
        }
    }

    /** The current element's text; any child element is skipped. Leaves the reader on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        var out = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) out.append(xml.getText());
                }
                default -> { }
            }
        }
        return out.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        text(xml);
    }

    private static long line(XMLStreamReader xml) {
        return xml.getLocation().getLineNumber();
    }

    private static long column(XMLStreamReader xml) {
        return xml.getLocation().getColumnNumber();
    }

    private static String message(XMLStreamException e) {
        var m = e.getMessage() == null ? "unreadable" : e.getMessage();
        // the JDK's message repeats the position on its first line: keep the reason only
        int i = m.indexOf("Message:");
        var reason = (i >= 0 ? m.substring(i + 8) : m).strip();
        int newline = reason.indexOf('\n'); // other parsers append the position on a line of its own
        return (newline >= 0 ? reason.substring(0, newline) : reason).strip();
    }
}
