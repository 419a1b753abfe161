-- Fixed pages (固定ページ: 会社概要, プライバシーポリシー, 広告掲載について), each at its own path.
-- Not articles: no category, no publication time, never in feeds, rankings, listings or search.
-- body is the text as written (format: markdown or html); body_html its sanitized rendering.
CREATE TABLE fixed_page (
    id ${id_pk},
    path VARCHAR(300) NOT NULL UNIQUE,
    title VARCHAR(500) NOT NULL,
    format VARCHAR(16) NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
