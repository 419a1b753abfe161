package kiji.site;

import java.util.List;
import java.util.Optional;

/**
 * The frame around every public page: title, canonical URL, the section highlighted in the
 * navigation, the sidebar's ranking widget, and what the header's search box shows (the query of
 * the search page being shown, empty elsewhere).
 */
public record PageView(
        SiteInfo site, String title, Optional<String> canonical, Optional<String> activeCategory,
        RankingWidget ranking, List<Crumb> breadcrumbs, String searchQuery) {

    public record Crumb(String name, String url) {}

    public String fullTitle() {
        return title.isEmpty() ? site.name() : title + " | " + site.name();
    }

    /** This frame with the reader's query in the header's search box, so it stays where they typed it. */
    public PageView withSearchQuery(String query) {
        return new PageView(site, title, canonical, activeCategory, ranking, breadcrumbs, query);
    }
}
