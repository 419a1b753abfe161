package kiji.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kuromoji user dictionary: the site's own {@code DATA/userdict.txt} first (its entries win),
 * then the defense vocabulary shipped with Kiji. Lines are Kuromoji's CSV:
 * {@code 表層形,分割(空白区切り),読み(空白区切り),品詞} — e.g.
 * {@code 防衛装備庁,防衛 装備 庁,ボウエイ ソウビ チョウ,カスタム名詞}. A bad line is logged with its
 * number and skipped; it never stops the site.
 */
public final class UserDictionaries {
    private static final Logger log = LoggerFactory.getLogger(UserDictionaries.class);
    static final String STARTER = "/kiji/search/userdict-defense.txt";

    private UserDictionaries() {}

    /** The site's file (if present) plus the starter list. */
    public static UserDictionary load(Path siteFile) {
        var lines = new ArrayList<String>();
        var seen = new HashSet<String>(); // shared: a word the site spells out itself replaces the starter list's
        if (Files.isRegularFile(siteFile)) {
            try {
                lines.addAll(valid(siteFile.toString(), Files.readAllLines(siteFile, StandardCharsets.UTF_8), seen));
            } catch (IOException e) {
                log.warn("cannot read user dictionary {}: {}; using the starter list only", siteFile, e.getMessage());
            }
        }
        lines.addAll(valid(STARTER, starter(), seen));
        return open(lines);
    }

    /** Only the shipped starter list (the benchmark and tests that need no data folder). */
    public static UserDictionary starterOnly() {
        return open(valid(STARTER, starter(), new HashSet<>()));
    }

    static List<String> starter() {
        try (InputStream in = UserDictionaries.class.getResourceAsStream(STARTER)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks each entry the way Kuromoji would (four fields, segments that spell the surface, one
     * reading per segment), in NFKC because the analyzer normalizes text before the tokenizer sees
     * it. A word already in {@code seen} (an earlier line, or an earlier list) is skipped, and
     * {@code seen} gains this list's words: Lucene refuses a word twice.
     */
    static List<String> valid(String source, List<String> raw, Set<String> seen) {
        var out = new ArrayList<String>();
        for (int i = 0; i < raw.size(); i++) {
            var line = Normalizer.normalize(raw.get(i), Normalizer.Form.NFKC).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            var f = line.split(",", -1);
            String problem = null;
            if (f.length != 4) {
                problem = "needs 4 comma-separated fields";
            } else {
                var segments = f[1].strip().split(" +");
                var readings = f[2].strip().split(" +");
                if (f[0].isBlank() || f[3].isBlank()) problem = "surface and part of speech are required";
                else if (!String.join("", segments).equals(f[0].strip())) problem = "segments do not spell the surface";
                else if (segments.length != readings.length) problem = "one reading per segment is needed";
            }
            if (problem != null) {
                log.warn("user dictionary {} line {}: {}; skipped", source, i + 1, problem);
            } else if (seen.add(f[0].strip())) {
                out.add(f[0].strip() + "," + f[1].strip() + "," + f[2].strip() + "," + f[3].strip());
            }
        }
        return out;
    }

    private static UserDictionary open(List<String> lines) {
        try {
            return UserDictionary.open(new StringReader(String.join("\n", lines)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
