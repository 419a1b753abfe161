package kiji.importer;

/** The export cannot be read: names the line (and column, 0 when unknown). Nothing was written. */
public final class ImportException extends RuntimeException {
    private final long line;
    private final long column;

    public ImportException(long line, long column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /** "line 12, column 5: reason" */
    public String where() {
        return "line " + line + (column > 0 ? ", column " + column : "") + ": " + getMessage();
    }
}
