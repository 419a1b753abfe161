-- Webhooks: admins register URLs that get a signed POST when an article is published, updated
-- while public, or unpublished. The secret must be kept in clear: Kiji signs with it.
CREATE TABLE webhook (
    id ${id_pk},
    url VARCHAR(500) NOT NULL,
    secret VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

-- One row per (webhook, event); retried with backoff until delivered or given up.
CREATE TABLE webhook_delivery (
    id ${id_pk},
    webhook_id BIGINT NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event VARCHAR(32) NOT NULL,
    article_id BIGINT NOT NULL,
    payload TEXT NOT NULL,
    state VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_status INTEGER,
    last_error VARCHAR(500),
    created_at BIGINT NOT NULL,
    delivered_at BIGINT
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (state, next_attempt_at);

-- Whether readers could see each article when we last heard of it, so an event can be told
-- apart as published / updated / unpublished.
CREATE TABLE webhook_article_state (
    article_id BIGINT NOT NULL PRIMARY KEY,
    is_public INTEGER NOT NULL
);
