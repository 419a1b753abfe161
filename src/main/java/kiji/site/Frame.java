package kiji.site;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import kiji.article.CategoryStore;

/** Builds the frame of a page: site name, navigation and the ranking widget. */
public final class Frame {
    private final String siteName;
    private final String baseUrl;
    private final CategoryStore categories;
    private final RankingWidget.Source ranking;
    private final Supplier<List<SiteInfo.Link>> footerPages;

    public Frame(String siteName, String baseUrl, CategoryStore categories, RankingWidget.Source ranking) {
        this(siteName, baseUrl, categories, ranking, List::of);
    }

    /** {@code footerPages}: the fixed pages every page's footer links to. */
    public Frame(String siteName, String baseUrl, CategoryStore categories, RankingWidget.Source ranking,
                 Supplier<List<SiteInfo.Link>> footerPages) {
        this.footerPages = footerPages;
        this.siteName = siteName;
        this.baseUrl = baseUrl;
        this.categories = categories;
        this.ranking = ranking;
    }

    public PageView page(String title, Optional<String> canonical, Optional<String> activeCategory,
                         List<PageView.Crumb> crumbs) {
        return new PageView(site(), title, canonical, activeCategory, ranking.widget(), crumbs, "");
    }

    public SiteInfo site() {
        return new SiteInfo(siteName, baseUrl, categories.all(), footerPages.get());
    }
}
