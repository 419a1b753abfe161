-- `kiji import wordpress --media`: an attachment becomes a media-library photo (kind 'photo',
-- target_id = media.id, target_path = the file under wp-content/uploads, e.g. 2024/10/x.jpg).
-- checksum is the SHA-256 of the file the photo was made from, so a second import of an
-- unchanged file reuses the photo instead of processing it again; source_url is the file's old
-- address (wp:attachment_url), which tells a later import which hosts' uploads were the site's.
ALTER TABLE import_source ADD COLUMN checksum VARCHAR(64);
ALTER TABLE import_source ADD COLUMN source_url VARCHAR(2000);
