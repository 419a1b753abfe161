package kiji.importer;

import java.io.InputStream;
import java.util.function.Consumer;

/** An export format: reads a file and hands each item over in file order. */
public interface ImportSource {
    /** The source's key in {@code import_source}: {@code wordpress}, {@code movabletype}. */
    String name();

    /** @throws ImportException naming the line when the file cannot be read */
    void read(InputStream in, Consumer<ImportItem> items);

    /** Categories the file declares apart from its items (known once {@link #read} is done). */
    default java.util.List<ImportItem.Term> declaredCategories() {
        return java.util.List.of();
    }
}
