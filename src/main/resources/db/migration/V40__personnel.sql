-- Personnel orders (人事発令) as data: each order is an article; its rows name a person (one officer
-- across orders) and the posts they leave and take. Dates are ISO yyyy-mm-dd text, which sorts the
-- same way on SQLite and PostgreSQL; flags are 0/1.

CREATE TABLE personnel_person (
    id ${id_pk},
    service VARCHAR(16) NOT NULL,
    name VARCHAR(100) NOT NULL
);

-- The spellings that lead to a person: the normalized name (PersonName.key) within a service. A merge
-- moves the merged person's spellings over, so later orders find the surviving person.
CREATE TABLE personnel_alias (
    service VARCHAR(16) NOT NULL,
    name_key VARCHAR(100) NOT NULL,
    person_id BIGINT NOT NULL REFERENCES personnel_person (id) ON DELETE CASCADE,
    PRIMARY KEY (service, name_key)
);
CREATE INDEX personnel_alias_person ON personnel_alias (person_id);

CREATE TABLE personnel_post (
    id ${id_pk},
    name VARCHAR(300) NOT NULL,
    name_key VARCHAR(300) NOT NULL UNIQUE
);

CREATE TABLE personnel_order (
    article_id BIGINT PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    kind VARCHAR(32) NOT NULL,
    dates VARCHAR(500) NOT NULL,
    era_year SMALLINT NOT NULL,
    -- what the editor wrote, so the order can be edited again: the pasted list, the notes under the
    -- tables, and their own title ('' when the title is the generated one)
    source TEXT NOT NULL,
    notes TEXT NOT NULL,
    custom_title VARCHAR(500) NOT NULL
);

CREATE TABLE personnel_entry (
    id ${id_pk},
    article_id BIGINT NOT NULL REFERENCES personnel_order (article_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    service VARCHAR(16) NOT NULL,
    effective_date VARCHAR(10) NOT NULL,
    rank VARCHAR(50) NOT NULL,
    name VARCHAR(100) NOT NULL,
    new_post VARCHAR(300) NOT NULL,
    concurrent_posts TEXT NOT NULL,
    previous_post VARCHAR(600) NOT NULL,
    retired SMALLINT NOT NULL,
    promoted SMALLINT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES personnel_person (id),
    post_id BIGINT REFERENCES personnel_post (id)
);
CREATE INDEX personnel_entry_article ON personnel_entry (article_id, position);
CREATE INDEX personnel_entry_person ON personnel_entry (person_id, effective_date);
CREATE INDEX personnel_entry_post ON personnel_entry (post_id, effective_date);

-- The posts held concurrently (兼) with the entry's new post, so a post's page lists them too.
CREATE TABLE personnel_concurrent_post (
    entry_id BIGINT NOT NULL REFERENCES personnel_entry (id) ON DELETE CASCADE,
    post_id BIGINT NOT NULL REFERENCES personnel_post (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (entry_id, position)
);
CREATE INDEX personnel_concurrent_post_post ON personnel_concurrent_post (post_id);
