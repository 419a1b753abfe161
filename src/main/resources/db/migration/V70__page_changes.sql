-- The change feed carries fixed pages too: a row says what changed, an article (as before) or a
-- fixed page, and article_id then holds the page's id. Every node reads the page rows to empty
-- its rendered answers (the page itself, and the footer and sitemap that list pages), the way it
-- already does for articles. Existing rows are articles; a node of an older release reads a page
-- row as "look at this article again", which costs it only one re-read.
ALTER TABLE search_change ADD COLUMN subject VARCHAR(16) NOT NULL DEFAULT 'article';
