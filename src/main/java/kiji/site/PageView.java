package kiji.site;

import java.util.List;
import java.util.Optional;

/**
 * The frame around every public page: title, canonical URL, the section highlighted in the
 * navigation, and the sidebar's ranking widget.
 */
public record PageView(
        SiteInfo site, String title, Optional<String> canonical, Optional<String> activeCategory,
        RankingWidget ranking, List<Crumb> breadcrumbs) {

    public record Crumb(String name, String url) {}

    public String fullTitle() {
        return title.isEmpty() ? site.name() : title + " | " + site.name();
    }
}
