-- Most-read ranking. Views are never stored one row per view: each node aggregates in memory
-- and upserts (article, hour, views) deltas at most every second into these shared buckets.
-- hour is the epoch hour (epoch seconds / 3600) of the bucket's start, UTC.
-- No foreign key to article: a deleted article's history is harmless and keeps flushes cheap.
CREATE TABLE view_hour (
    article_id BIGINT NOT NULL,
    hour BIGINT NOT NULL,
    views BIGINT NOT NULL,
    PRIMARY KEY (article_id, hour)
);
CREATE INDEX view_hour_hour ON view_hour (hour, article_id);

-- Bumped by every history import so that each node reloads its in-memory copy of old buckets.
CREATE TABLE view_generation (
    id INTEGER PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO view_generation (id, generation) VALUES (1, 0);

-- The daily secret salt of visitor ids (one per Tokyo day; older than yesterday is deleted).
CREATE TABLE visitor_salt (
    day BIGINT PRIMARY KEY,
    k0 BIGINT NOT NULL,
    k1 BIGINT NOT NULL
);
