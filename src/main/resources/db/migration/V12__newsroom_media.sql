-- Uploaded photos. The files (re-encoded variants, no metadata) live in a MediaStore, by
-- default under DATA/media/{id}/{width}.{ext}; this table is what the newsroom knows of them.
CREATE TABLE media (
    id ${id_pk},
    content_type VARCHAR(32) NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    -- the widths stored, ascending, comma-separated, e.g. '480,960,1600'
    variants VARCHAR(100) NOT NULL,
    caption VARCHAR(300) NOT NULL,
    credit VARCHAR(100) NOT NULL,
    uploaded_by VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL
);
