package kiji.article;

/**
 * A category: its slug ({@code japan-defense}), Japanese name (日本の防衛) and the URL section
 * its articles publish under ({@code mod}).
 */
public record Category(long id, String slug, String name, String section) {}
