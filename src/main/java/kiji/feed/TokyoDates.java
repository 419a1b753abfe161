package kiji.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import kiji.article.TokyoTime;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Rewrites the dates ROME wrote in UTC into Japan's offset: RFC 822 ({@code Mon, 21 Oct 2024
 * 10:58:00 +0900}) in RSS, RFC 3339 ({@code 2024-10-21T10:58:00+09:00}) in Atom and Dublin Core.
 * Also adds what ROME's RSS writer leaves out: {@code atom:link rel="self"}, {@code lastBuildDate}
 * and {@code isPermaLink="true"} on guids that are the article's URL.
 */
final class TokyoDates {
    static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.US).withZone(TokyoTime.ZONE);
    private static final Set<String> RSS_DATES = Set.of("pubDate", "lastBuildDate");
    private static final Set<String> ISO_DATES = Set.of("updated", "published", "date");
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private TokyoDates() {}

    static void rewrite(Document document, FeedWriter.Format format, String selfUrl) {
        // collected first: changing text while JDOM iterates the tree is not allowed
        var elements = new java.util.ArrayList<Element>();
        document.getDescendants(Filters.element()).forEach(elements::add);
        for (var e : elements) {
            if (RSS_DATES.contains(e.getName()) && e.getNamespace() == Namespace.NO_NAMESPACE) {
                var at = ZonedDateTime.parse(e.getTextTrim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                e.setText(RFC_822.format(at));
            } else if (ISO_DATES.contains(e.getName())) {
                e.setText(TokyoTime.iso(OffsetDateTime.parse(e.getTextTrim()).toInstant()));
            }
        }
        if (format == FeedWriter.Format.RSS) {
            var channel = document.getRootElement().getChild("channel");
            // Kiji's guids are the articles' canonical URLs, which is what isPermaLink="true" says.
            for (var item : channel.getChildren("item")) {
                var guid = item.getChild("guid");
                if (guid != null && guid.getText().equals(item.getChildText("link"))) guid.setAttribute("isPermaLink", "true");
            }
            var lastBuild = channel.getChild("pubDate");
            if (lastBuild != null && channel.getChild("lastBuildDate") == null) {
                channel.addContent(channel.indexOf(lastBuild) + 1, new Element("lastBuildDate").setText(lastBuild.getText()));
            }
            document.getRootElement().addNamespaceDeclaration(ATOM);
            channel.addContent(0, new Element("link", ATOM).setAttribute("href", selfUrl).setAttribute("rel", "self")
                    .setAttribute("type", "application/rss+xml"));
        }
    }

    static String rfc822(Instant at) {
        return RFC_822.format(at);
    }
}
