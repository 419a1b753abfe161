-- Kiji's core content model (Ghost's vocabulary). Instants are epoch milliseconds (BIGINT),
-- which sort and compare the same way on SQLite and PostgreSQL.

CREATE TABLE category (
    id ${id_pk},
    slug VARCHAR(100) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    section VARCHAR(100) NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tag (
    id ${id_pk},
    name VARCHAR(200) NOT NULL UNIQUE
);

CREATE TABLE author (
    id ${id_pk},
    name VARCHAR(200) NOT NULL UNIQUE
);

CREATE TABLE article (
    id ${id_pk},
    title VARCHAR(500) NOT NULL,
    lead TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    category_id BIGINT NOT NULL REFERENCES category (id),
    status VARCHAR(16) NOT NULL,
    published_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX article_status_published ON article (status, published_at);
CREATE INDEX article_category_published ON article (category_id, published_at);

CREATE TABLE article_tag (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tag (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_tag ON article_tag (tag_id);

CREATE TABLE article_author (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES author (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_author_author ON article_author (author_id);

-- Admin API tokens: only the SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE api_token (
    id ${id_pk},
    name VARCHAR(200) NOT NULL UNIQUE,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
