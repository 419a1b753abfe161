package kiji.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import kiji.article.ArticleFilter;
import kiji.article.PageRequest;

/**
 * The start-up cache's training run ({@code ./kiji} on JDK 25+, see the launcher): a server on a
 * fresh demo folder that fetches the pages a reader opens first and then stops, so that the AOT
 * cache the JVM writes as it exits holds what a start needs up to its first pages, and not all
 * that a long-running server loads later (search, the newsroom), which every start would
 * otherwise map and relocate before {@code main} (docs/benchmarks.md, startup).
 */
public final class TrainingRun {
    private TrainingRun() {}

    /** Fetches {@code /} and the newest article from the started {@code kiji}; returns the paths fetched. */
    public static List<String> visit(Kiji kiji) {
        var newest = kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 1), Optional.of(kiji.clock.instant()))
                .items().stream().findFirst().map(kiji.permalinks::of);
        var paths = newest.map(p -> List.of("/", p)).orElse(List.of("/"));
        paths.forEach(path -> fetch(kiji.port(), path));
        return paths;
    }

    private static void fetch(int port, String path) {
        try {
            var connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            try (InputStream in = connection.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException(path + " answered " + connection.getResponseCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("training run: " + path, e);
        }
    }
}
