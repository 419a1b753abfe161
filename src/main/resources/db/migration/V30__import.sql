-- What `kiji import` made from each item of a source (a WordPress or Movable Type export), so
-- that importing the same file again updates those instead of making copies, and so that the
-- WordPress Popular Posts history (keyed by WordPress post ids) finds its articles.
-- kind: article (target_id = article.id) or page (target_path = the fixed page's path).
CREATE TABLE import_source (
    source VARCHAR(32) NOT NULL,
    source_id VARCHAR(200) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    target_id BIGINT,
    target_path VARCHAR(500),
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (source, source_id)
);

-- Old URLs (paths of the site Kiji replaced) answered with a 301. Consulted only where the site
-- would answer 404, so a redirect never shadows a live article or page. The target is an article
-- (its permalink is computed when asked, and only while it is public) or a path.
CREATE TABLE redirect (
    path VARCHAR(500) NOT NULL PRIMARY KEY,
    article_id BIGINT REFERENCES article (id) ON DELETE CASCADE,
    target VARCHAR(500),
    created_at BIGINT NOT NULL
);
