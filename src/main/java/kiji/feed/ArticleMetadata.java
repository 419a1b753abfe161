package kiji.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiji.article.Article;
import kiji.article.Permalinks;
import kiji.article.TokyoTime;


/**
 * Builds an article page's Open Graph, Twitter card and JSON-LD from the article, so that
 * X, LINE, Facebook and Google read the same title, times (+09:00), section and image.
 */
public final class ArticleMetadata {
    private final Publisher publisher;
    private final Permalinks permalinks;
    private final FeaturedImage.Source images;

    public ArticleMetadata(Publisher publisher, Permalinks permalinks, FeaturedImage.Source images) {
        this.publisher = publisher;
        this.permalinks = permalinks;
        this.images = images;
    }

    public ArticleHead of(Article a) {
        var url = publisher.absolute(permalinks.of(a));
        var image = images.of(a).orElse(publisher.defaultImage());
        var description = Excerpt.of(a);
        var published = TokyoTime.iso(a.publishedAt().orElse(a.updatedAt()));
        var modified = TokyoTime.iso(FeedWriter.lastChange(a));

        var p = new ArrayList<ArticleHead.Meta>();
        meta(p, "og:site_name", publisher.name());
        meta(p, "og:locale", "ja_JP");
        meta(p, "og:type", "article");
        meta(p, "og:title", a.title());
        meta(p, "og:description", description);
        meta(p, "og:url", url);
        meta(p, "og:image", image.url());
        if (image.width() > 0) {
            meta(p, "og:image:width", Integer.toString(image.width()));
            meta(p, "og:image:height", Integer.toString(image.height()));
        }
        if (!image.alt().isBlank()) meta(p, "og:image:alt", image.alt());
        meta(p, "article:published_time", published);
        meta(p, "article:modified_time", modified);
        meta(p, "article:section", a.category().name());
        for (var tag : a.tags()) meta(p, "article:tag", tag);

        var n = new ArrayList<ArticleHead.Meta>();
        meta(n, "description", description);
        meta(n, "twitter:card", "summary_large_image");
        meta(n, "twitter:title", a.title());
        meta(n, "twitter:description", description);
        meta(n, "twitter:image", image.url());
        if (!image.alt().isBlank()) meta(n, "twitter:image:alt", image.alt());

        return new ArticleHead(p, n, List.of(newsArticle(a, url, image, description, published, modified),
                breadcrumbs(a, url)));
    }

    private JsonLd newsArticle(Article a, String url, FeaturedImage image, String description, String published,
                               String modified) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "NewsArticle");
        doc.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        doc.put("headline", a.title());
        doc.put("description", description);
        doc.put("image", List.of(imageObject(image)));
        doc.put("datePublished", published);
        doc.put("dateModified", modified);
        doc.put("author", a.authors().isEmpty()
                ? List.of(Map.of("@type", "Organization", "name", publisher.name(), "url", publisher.absolute("/")))
                : a.authors().stream().map(name -> Map.of("@type", "Person", "name", name,
                        "url", publisher.absolute("/author/" + Links.segment(name)))).toList());
        doc.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", publisher.name(),
                "url", publisher.absolute("/"), "logo", imageObject(publisher.logo())));
        doc.put("articleSection", a.category().name());
        if (!a.tags().isEmpty()) doc.put("keywords", a.tags());
        doc.put("inLanguage", "ja");
        return JsonLd.of(doc);
    }

    private JsonLd breadcrumbs(Article a, String url) {
        var items = List.of(
                crumb(1, "ホーム", publisher.absolute("/")),
                crumb(2, a.category().name(), publisher.absolute("/category/" + a.category().slug())),
                crumb(3, a.title(), url));
        var doc = new LinkedHashMap<String, Object>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "BreadcrumbList");
        doc.put("itemListElement", items);
        return JsonLd.of(doc);
    }

    /** The home page's {@code WebSite} with the sitelinks search box's {@code SearchAction}. */
    public JsonLd webSite() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "WebSite");
        doc.put("name", publisher.name());
        doc.put("url", publisher.absolute("/"));
        doc.put("inLanguage", "ja");
        doc.put("potentialAction", Map.of(
                "@type", "SearchAction",
                "target", Map.of("@type", "EntryPoint", "urlTemplate", publisher.absolute("/search?q={search_term_string}")),
                "query-input", "required name=search_term_string"));
        return JsonLd.of(doc);
    }

    private static Map<String, Object> crumb(int position, String name, String item) {
        var m = new LinkedHashMap<String, Object>();
        m.put("@type", "ListItem");
        m.put("position", position);
        m.put("name", name);
        m.put("item", item);
        return m;
    }

    private static Map<String, Object> imageObject(FeaturedImage image) {
        var m = new LinkedHashMap<String, Object>();
        m.put("@type", "ImageObject");
        m.put("url", image.url());
        if (image.width() > 0) {
            m.put("width", image.width());
            m.put("height", image.height());
        }
        if (!image.alt().isBlank()) m.put("caption", image.alt());
        return m;
    }

    private static void meta(List<ArticleHead.Meta> list, String key, String content) {
        list.add(new ArticleHead.Meta(key, content));
    }
}
