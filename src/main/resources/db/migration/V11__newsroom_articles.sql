-- What the newsroom knows about an article beyond its content: who owns it, whether a writer
-- asked for review, and whether it lies in the trash. Kept beside `article` so the core model
-- stays the public one.
CREATE TABLE newsroom_article (
    article_id BIGINT NOT NULL PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    owner_id BIGINT REFERENCES newsroom_user (id),
    review_requested_at BIGINT,
    trashed_at BIGINT
);

-- Every save keeps a snapshot (JSON of the editable fields); at most 50 per article.
CREATE TABLE article_revision (
    id ${id_pk},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    saved_at BIGINT NOT NULL,
    saved_by VARCHAR(64) NOT NULL,
    snapshot TEXT NOT NULL
);
CREATE INDEX article_revision_article ON article_revision (article_id, id);
