package kiji.article;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Categories, in navigation order. */
public final class CategoryStore {
    static final RowMapper<Category> MAPPER = (rs, ctx) ->
            new Category(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("section"));

    private final Jdbi jdbi;

    public CategoryStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @throws ConflictException when the slug is taken */
    public Category create(String slug, String name, String section) {
        return jdbi.inTransaction(h -> {
            int position = h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM category")
                    .mapTo(Integer.class)
                    .one();
            return h.createQuery("""
                            INSERT INTO category (slug, name, section, position)
                            VALUES (:slug, :name, :section, :position)
                            ON CONFLICT (slug) DO NOTHING
                            RETURNING id, slug, name, section""")
                    .bind("slug", slug)
                    .bind("name", name)
                    .bind("section", section)
                    .bind("position", position)
                    .map(MAPPER)
                    .findOne()
                    .orElseThrow(() -> new ConflictException("category " + slug + " already exists"));
        });
    }

    public Optional<Category> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, section FROM category WHERE slug = :slug")
                .bind("slug", slug)
                .map(MAPPER)
                .findOne());
    }

    public List<Category> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, section FROM category ORDER BY position, id")
                .map(MAPPER)
                .list());
    }
}
