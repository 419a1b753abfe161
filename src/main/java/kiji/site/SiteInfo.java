package kiji.site;

import java.util.List;
import kiji.article.Category;

/** What every page's frame shows: the site's name, its base URL and the category navigation. */
public record SiteInfo(String name, String baseUrl, List<Category> categories) {}
