package kiji.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import kiji.importer.ImportItem.BodyFormat;
import kiji.importer.ImportItem.Kind;
import kiji.importer.ImportItem.State;
import kiji.importer.ImportItem.Term;

/**
 * Movable Type's export format, also written by はてなブログ, Seesaa, ライブドアブログ and FC2:
 * {@code KEY: value} headers, {@code -----} between sections, {@code --------} between entries,
 * LF or CRLF. Read a line at a time in the given charset (old exports are Shift_JIS or EUC-JP).
 */
public final class MovableTypeReader implements ImportSource {
    private static final String SECTION_END = "-----";
    private static final String ENTRY_END = "--------";

    private final Charset charset;
    private final ZoneId zone;
    private final Optional<OldUrlPattern> oldUrl;

    public MovableTypeReader(Charset charset, ZoneId zone, Optional<OldUrlPattern> oldUrl) {
        this.charset = charset;
        this.zone = zone;
        this.oldUrl = oldUrl;
    }

    @Override
    public String name() {
        return "movabletype";
    }

    @Override
    public void read(InputStream in, Consumer<ImportItem> items) {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long number = 0;
        try (var reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            var entry = new MtEntry();
            int ordinal = 0;
            String text;
            while (true) {
                text = reader.readLine();
                if (text == null) break;
                number++;
                if (number == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
                if (text.equals(ENTRY_END)) {
                    if (!entry.isBlank()) items.accept(entry.toItem(++ordinal, zone, oldUrl));
                    entry = new MtEntry();
                    continue;
                }
                entry.line(text, number);
            }
            if (!entry.isBlank()) items.accept(entry.toItem(++ordinal, zone, oldUrl));
        } catch (CharacterCodingException e) {
            throw new ImportException(number + 1, 0, "not valid " + charset.name() + " text (try --charset Shift_JIS or EUC-JP)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry as its lines arrive: headers, then sections. */
    private static final class MtEntry {
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Map<String, StringBuilder> sections = new LinkedHashMap<>();
        private long firstLine;
        private long lastLine;
        private boolean inSections;
        private String section; // the section being read; null between them
        private long dateLine;

        boolean isBlank() {
            return headers.isEmpty() && sections.isEmpty();
        }

        void line(String text, long number) {
            if (isBlank() && !inSections && text.isBlank()) return;
            if (firstLine == 0) firstLine = number;
            lastLine = number;
            if (text.equals(SECTION_END)) {
                inSections = true;
                section = null;
                return;
            }
            if (!inSections) {
                if (text.isBlank()) return;
                int colon = text.indexOf(':');
                if (colon <= 0) throw new ImportException(number, 0, "expected a 'KEY: value' header, found '" + shorten(text) + "'");
                var key = text.substring(0, colon).strip().toUpperCase(Locale.ROOT);
                if (key.equals("DATE")) dateLine = number;
                headers.computeIfAbsent(key, k -> new ArrayList<>()).add(text.substring(colon + 1).strip());
                return;
            }
            if (section == null) {
                if (text.isBlank()) return;
                if (!text.matches("[A-Z][A-Z ]*:.*")) {
                    throw new ImportException(number, 0, "expected a section name such as 'BODY:', found '" + shorten(text) + "'");
                }
                int colon = text.indexOf(':');
                section = text.substring(0, colon).strip();
                var rest = text.substring(colon + 1).strip();
                var body = sections.computeIfAbsent(section, k -> new StringBuilder());
                if (!rest.isEmpty()) body.append(rest).append('\n');
                return;
            }
            sections.get(section).append(text).append('\n');
        }

        ImportItem toItem(int ordinal, ZoneId zone, Optional<OldUrlPattern> oldUrl) {
            if (!sections.containsKey("BODY")) {
                throw new ImportException(firstLine, 0, "entry (lines " + firstLine + "–" + lastLine
                        + ") has no BODY section: each entry needs '-----' then 'BODY:'");
            }
            var date = one("DATE").map(d -> MtDate.parse(d, zone, dateLine));
            var state = switch (one("STATUS").orElse("Publish").toLowerCase(Locale.ROOT)) {
                case "publish" -> State.PUBLISHED;
                case "future" -> State.SCHEDULED;
                case "draft", "review", "unpublish" -> State.DRAFT;
                default -> throw new ImportException(firstLine, 0, "unknown STATUS '" + one("STATUS").orElse("")
                        + "' (expected Publish, Draft or Future)");
            };
            var format = switch (one("CONVERT BREAKS").orElse("__default__").toLowerCase(Locale.ROOT)) {
                case "0", "richtext" -> BodyFormat.HTML;
                case "markdown", "markdown_with_smartypants" -> BodyFormat.MARKDOWN;
                default -> BodyFormat.BREAKS;
            };
            var body = section("BODY");
            var extended = section("EXTENDED BODY");
            if (!extended.isBlank()) body = body.stripTrailing() + (format == BodyFormat.HTML ? "\n" : "\n\n") + extended;
            var categories = new ArrayList<Term>();
            var primary = one("PRIMARY CATEGORY").filter(s -> !s.isEmpty());
            primary.ifPresent(p -> categories.add(new Term(p, p)));
            for (var c : headers.getOrDefault("CATEGORY", List.of())) {
                if (!c.isEmpty() && categories.stream().noneMatch(t -> t.name().equals(c))) categories.add(new Term(c, c));
            }
            var basename = one("BASENAME").orElse("");
            var id = one("ID").filter(s -> s.matches("[0-9]+")).orElse(Integer.toString(ordinal));
            var sourceId = !basename.isEmpty() ? basename : one("ID").isPresent() ? id
                    : one("DATE").orElse("") + " " + one("TITLE").orElse("");
            var oldPath = oldUrl.flatMap(p -> date.map(d -> p.expand(d.atZone(zone), id, basename)));
            return new ImportItem(shorten(sourceId, 200), Kind.ARTICLE, state, one("TITLE").orElse(""), body, format,
                    section("EXCERPT"), categories, primary, tags(one("TAGS").orElse("")),
                    one("AUTHOR").filter(s -> !s.isEmpty()).map(List::of).orElse(List.of()), date, oldPath, basename,
                    firstLine);
        }

        private Optional<String> one(String key) {
            var values = headers.get(key);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        private String section(String name) {
            var s = sections.get(name);
            return s == null ? "" : s.toString().strip();
        }
    }

    /** {@code a,"b c",d}: commas separate, double quotes keep a tag's spaces and commas. */
    static List<String> tags(String value) {
        var out = new ArrayList<String>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                add(out, current);
                current.setLength(0);
            } else current.append(c);
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder tag) {
        var t = tag.toString().strip();
        if (!t.isEmpty() && !out.contains(t)) out.add(t);
    }

    private static String shorten(String s) {
        return shorten(s, 60);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
