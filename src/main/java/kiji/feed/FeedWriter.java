package kiji.feed;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import kiji.article.Article;
import kiji.article.Permalinks;

import org.jdom2.output.XMLOutputter;

/**
 * Writes RSS 2.0 and Atom 1.0 with ROME. ROME writes dates in UTC; {@link TokyoDates} rewrites
 * them to Japan's offset afterwards, since a Japanese reader's feed says 10:58 +0900.
 */
public final class FeedWriter {
    /** The two formats Kiji serves, with their ROME names and media types. */
    public enum Format {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

        final String romeType;
        public final String contentType;

        Format(String romeType, String contentType) {
            this.romeType = romeType;
            this.contentType = contentType;
        }
    }

    private final Publisher publisher;
    private final Permalinks permalinks;
    private final FeedSettings settings;
    private final FeaturedImage.Source images;

    public FeedWriter(Publisher publisher, Permalinks permalinks, FeedSettings settings, FeaturedImage.Source images) {
        this.publisher = publisher;
        this.permalinks = permalinks;
        this.settings = settings;
        this.images = images;
    }

    /** The feed document for these articles (newest first); {@code now} dates an empty feed. */
    public String write(FeedScope scope, List<Article> articles, Format format, Instant now) {
        var feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(scope.listingPath().equals("/") ? publisher.name() : scope.title() + " | " + publisher.name());
        feed.setLink(publisher.absolute(scope.listingPath()));
        feed.setUri(publisher.absolute(format == Format.RSS ? scope.rssPath() : scope.atomPath()));
        feed.setDescription(scope.listingPath().equals("/")
                ? publisher.name() + "の最新記事"
                : publisher.name() + "の「" + scope.title() + "」の最新記事");
        feed.setLanguage("ja");
        var self = new SyndLinkImpl();
        self.setRel("self");
        self.setType(format.contentType.replace("; charset=utf-8", ""));
        self.setHref(feed.getUri());
        var alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(feed.getLink());
        feed.setLinks(List.of(alternate, self));
        var updated = articles.stream().map(FeedWriter::lastChange).max(Instant::compareTo).orElse(now);
        feed.setPublishedDate(Date.from(updated));
        var entries = new ArrayList<SyndEntry>();
        for (var a : articles) entries.add(entry(a));
        feed.setEntries(entries);
        try {
            var document = new WireFeedOutput().outputJDom(feed.createWireFeed());
            TokyoDates.rewrite(document, format, feed.getUri());
            return new XMLOutputter(org.jdom2.output.Format.getPrettyFormat().setEncoding("UTF-8")).outputString(document);
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write the " + format + " feed for " + scope.listingPath(), e);
        }
    }

    private SyndEntry entry(Article a) {
        var e = new SyndEntryImpl();
        var url = publisher.absolute(permalinks.of(a));
        e.setTitle(a.title());
        e.setLink(url);
        e.setUri(url);
        e.setPublishedDate(Date.from(a.publishedAt().orElse(a.updatedAt())));
        e.setUpdatedDate(Date.from(lastChange(a)));
        e.setDescription(text("text/plain", Excerpt.of(a)));
        if (settings.fullText()) e.setContents(List.of(text("text/html", a.bodyHtml())));
        var authors = new ArrayList<com.rometools.rome.feed.synd.SyndPerson>();
        for (var name : a.authors().isEmpty() ? List.of(publisher.name()) : a.authors()) {
            var person = new SyndPersonImpl();
            person.setName(name);
            if (!a.authors().isEmpty()) person.setUri(publisher.absolute("/author/" + Links.segment(name)));
            authors.add(person);
        }
        e.setAuthors(authors);
        e.setAuthor(String.join(", ", authors.stream().map(p -> p.getName()).toList()));
        var categories = new ArrayList<com.rometools.rome.feed.synd.SyndCategory>();
        var section = new SyndCategoryImpl();
        section.setName(a.category().name());
        section.setTaxonomyUri(publisher.absolute("/category/" + a.category().slug()));
        categories.add(section);
        for (var tag : a.tags()) {
            var c = new SyndCategoryImpl();
            c.setName(tag);
            categories.add(c);
        }
        e.setCategories(categories);
        images.of(a).ifPresent(image -> {
            var enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(image.url());
            enclosure.setType(image.mimeType());
            enclosure.setLength(image.length());
            e.setEnclosures(List.of(enclosure));
        });
        return e;
    }

    /** An article's last change as readers see it: its publication time, or a later edit. */
    static Instant lastChange(Article a) {
        var published = a.publishedAt().orElse(a.updatedAt());
        return a.updatedAt().isAfter(published) ? a.updatedAt() : published;
    }

    private static SyndContent text(String type, String value) {
        var c = new SyndContentImpl();
        c.setType(type);
        c.setValue(value);
        return c;
    }
}
