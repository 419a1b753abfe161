package kiji.search;

import java.util.function.Consumer;
import kiji.article.Article;

/** The database side of a rebuild: every article, in id order, and the count to check against. */
public interface ArticleSource {
    long count();

    void forEach(Consumer<Article> each);
}
