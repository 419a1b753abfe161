package kiji.search;

import kiji.article.ArticleEvent;

/** Keeps the index in step with publishing: every create, update and delete, as it is committed. */
public final class SearchIndexer implements ArticleEvent.Listener {
    private final SearchIndex index;

    public SearchIndexer(SearchIndex index) {
        this.index = index;
    }

    @Override
    public void on(ArticleEvent event) {
        switch (event.type()) {
            case CREATED, UPDATED -> event.article().ifPresentOrElse(index::put, () -> index.remove(event.id()));
            case DELETED -> index.remove(event.id());
        }
    }
}
