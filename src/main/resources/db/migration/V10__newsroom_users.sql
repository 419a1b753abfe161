-- The newsroom's people and their sign-ins. Instants are epoch milliseconds, as in V1.

CREATE TABLE newsroom_user (
    id ${id_pk},
    username VARCHAR(64) NOT NULL UNIQUE,
    display_name VARCHAR(100) NOT NULL,
    role VARCHAR(16) NOT NULL,
    -- Argon2id in PHC form ($argon2id$v=19$m=…,t=…,p=…$salt$hash): parameters travel with the hash.
    password_hash VARCHAR(255) NOT NULL,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

-- A server-side session: the cookie holds a random token, the table only its SHA-256.
CREATE TABLE newsroom_session (
    id ${id_pk},
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES newsroom_user (id) ON DELETE CASCADE,
    csrf_token VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX newsroom_session_user ON newsroom_session (user_id);

-- Failed sign-ins, keyed 'user:NAME' or 'ip:ADDRESS', counted over a sliding window.
CREATE TABLE signin_failure (
    id ${id_pk},
    throttle_key VARCHAR(200) NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX signin_failure_key_at ON signin_failure (throttle_key, at);

-- Who did what, when. user_id is kept loose (no FK) so the log outlives accounts.
CREATE TABLE audit_log (
    id ${id_pk},
    at BIGINT NOT NULL,
    user_id BIGINT,
    username VARCHAR(64) NOT NULL,
    action VARCHAR(64) NOT NULL,
    target VARCHAR(200) NOT NULL,
    detail VARCHAR(1000) NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
