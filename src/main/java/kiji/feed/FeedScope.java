package kiji.feed;

import kiji.article.ArticleFilter;

/**
 * Which articles a feed carries and what it is called: the whole site, a category, a tag or an
 * author. {@code listingPath} is the HTML page the feed mirrors ({@code /category/mod}); the
 * feeds live under it ({@code /category/mod/feed.xml}, {@code .../atom.xml}), except the
 * site's, which are {@code /feed.xml} and {@code /atom.xml}.
 */
public record FeedScope(String title, String listingPath, ArticleFilter filter) {
    public String rssPath() {
        return listingPath.equals("/") ? "/feed.xml" : listingPath + "/feed.xml";
    }

    public String atomPath() {
        return listingPath.equals("/") ? "/atom.xml" : listingPath + "/atom.xml";
    }
}
