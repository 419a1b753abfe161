package kiji.feed;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import kiji.article.ArticleLinks;
import kiji.article.Permalinks;
import kiji.article.TokyoTime;


/**
 * The sitemaps (sitemaps.org 0.9): an index pointing at article sitemaps of at most
 * {@code pageSize} URLs each (the protocol's limit is 50,000), a category and a tag sitemap,
 * a Google News sitemap of the articles published in the last 48 hours (Google reads at
 * most 1,000 of them), and, when there are any, the fixed pages.
 */
public final class Sitemaps {
    public static final int PROTOCOL_LIMIT = 50_000;
    static final int NEWS_LIMIT = 1_000;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final ArticleLinks links;
    private final Permalinks permalinks;
    private final Publisher publisher;
    private final int pageSize;
    private final Supplier<List<PageLink>> fixedPages;
    private final List<Extra> extras;

    /** A fixed page (会社概要, …) as the sitemap lists it: its link, and when it last changed. */
    public record PageLink(String url, Instant updatedAt) {}

    /** A sitemap another feature keeps ({@code /sitemaps/FILE}, listed in the index): the paths it lists. */
    public interface Extra {
        String file();

        List<String> paths(Instant now);
    }

    public Sitemaps(ArticleLinks links, Permalinks permalinks, Publisher publisher, int pageSize) {
        this(links, permalinks, publisher, pageSize, List::of, List.of());
    }

    /**
     * @param fixedPages the published fixed pages, listed in {@code /sitemaps/pages.xml}
     * @param extras other features' sitemaps (people, …)
     */
    public Sitemaps(ArticleLinks links, Permalinks permalinks, Publisher publisher, int pageSize,
                    Supplier<List<PageLink>> fixedPages, List<Extra> extras) {
        this.fixedPages = fixedPages;
        this.extras = List.copyOf(extras);
        if (pageSize < 1 || pageSize > PROTOCOL_LIMIT) throw new IllegalArgumentException("page size 1.." + PROTOCOL_LIMIT);
        this.links = links;
        this.permalinks = permalinks;
        this.publisher = publisher;
        this.pageSize = pageSize;
    }

    public int articlePages(Instant now) {
        return (int) Math.max(1, (links.countPublic(now) + pageSize - 1) / pageSize);
    }

    public String index(Instant now) {
        var locs = new ArrayList<String>();
        for (int i = 1; i <= articlePages(now); i++) locs.add("/sitemaps/articles-" + i + ".xml");
        locs.addAll(List.of("/sitemaps/categories.xml", "/sitemaps/tags.xml", "/sitemaps/news.xml"));
        if (!fixedPages.get().isEmpty()) locs.add("/sitemaps/pages.xml");
        // a urlset must hold a url: an extra sitemap with nothing to list is left out until it has
        for (var extra : extras) if (!extra.paths(now).isEmpty()) locs.add("/sitemaps/" + extra.file());
        return xml(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(NS);
            for (var loc : locs) {
                w.writeStartElement("sitemap");
                element(w, "loc", publisher.absolute(loc));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** Page {@code number} (from 1) of the article sitemap; empty when there is no such page. */
    public Optional<String> articles(int number, Instant now) {
        if (number < 1 || number > articlePages(now)) return Optional.empty();
        var page = links.publicLinks(now, (long) (number - 1) * pageSize, pageSize);
        return Optional.of(urlset(false, w -> {
            for (var l : page) url(w, permalinks.of(l.id(), l.category()), Optional.of(latest(l)));
        }));
    }

    /** Another feature's sitemap by its file name; empty when none has that name. */
    public Optional<String> extra(String file, Instant now) {
        return extras.stream().filter(e -> e.file().equals(file)).findFirst().map(e -> urlset(false, w -> {
            for (var path : e.paths(now)) url(w, path, Optional.empty());
        }));
    }

    public String categories(Instant now) {
        return urlset(false, w -> {
            for (var c : links.categories(now)) url(w, "/category/" + c.name(), c.lastModified());
        });
    }

    public String tags(Instant now) {
        return urlset(false, w -> {
            for (var t : links.publicTags(now)) url(w, "/tag/" + Links.segment(t.name()), t.lastModified());
        });
    }

    /** The published fixed pages (会社概要, プライバシーポリシー, …). */
    public String pages() {
        return urlset(false, w -> {
            for (var p : fixedPages.get()) url(w, p.url(), Optional.of(p.updatedAt()));
        });
    }

    /** Google News: publication name and language, publication date (+09:00) and title. */
    public String news(Instant now) {
        var recent = links.publishedSince(now.minus(NEWS_WINDOW), now, NEWS_LIMIT);
        return urlset(true, w -> {
            for (var l : recent) {
                w.writeStartElement("url");
                element(w, "loc", publisher.absolute(permalinks.of(l.id(), l.category())));
                w.writeStartElement("news", "news", NEWS_NS);
                w.writeStartElement("news", "publication", NEWS_NS);
                w.writeStartElement("news", "name", NEWS_NS);
                w.writeCharacters(publisher.name());
                w.writeEndElement();
                w.writeStartElement("news", "language", NEWS_NS);
                w.writeCharacters("ja");
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("news", "publication_date", NEWS_NS);
                w.writeCharacters(TokyoTime.iso(l.publishedAt()));
                w.writeEndElement();
                w.writeStartElement("news", "title", NEWS_NS);
                w.writeCharacters(l.title());
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
        });
    }

    private static Instant latest(ArticleLinks.Link l) {
        return l.updatedAt().isAfter(l.publishedAt()) ? l.updatedAt() : l.publishedAt();
    }

    private void url(XMLStreamWriter w, String path, Optional<Instant> lastModified) throws XMLStreamException {
        w.writeStartElement("url");
        element(w, "loc", publisher.absolute(path));
        if (lastModified.isPresent()) element(w, "lastmod", TokyoTime.iso(lastModified.get()));
        w.writeEndElement();
    }

    private static String urlset(boolean news, Body body) {
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(NS);
            if (news) w.writeNamespace("news", NEWS_NS);
            body.write(w);
            w.writeEndElement();
        });
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(Body body) {
        var out = new StringWriter();
        try {
            var w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(NS);
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a sitemap", e);
        }
        return out.toString();
    }
}
