-- An article's featured photo: shown at the top of its page, carried by feeds (enclosure),
-- Open Graph, the Twitter card and JSON-LD. Nullable, since most short items have none; the
-- reference keeps an article from naming a photo that was never uploaded.
ALTER TABLE article ADD COLUMN featured_photo_id BIGINT REFERENCES media (id);
