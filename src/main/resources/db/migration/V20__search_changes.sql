-- The search change feed: one row per change to an article (create, edit, publish, unpublish,
-- trash, delete), so every Kiji node sharing this database brings its own Lucene index in step.
-- A row says only "look at this article again"; readers reload the article (or find it gone).
CREATE TABLE search_change (
    seq ${id_pk},
    article_id BIGINT NOT NULL,
    changed_at BIGINT NOT NULL
);
CREATE INDEX search_change_changed_at ON search_change (changed_at);
