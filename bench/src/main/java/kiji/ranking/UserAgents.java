package kiji.ranking;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** A realistic User-Agent mix: 90% readers' browsers in many versions, 10% crawlers and scripts. */
final class UserAgents {
    private UserAgents() {}

    static final List<String> MIX = build();

    private static List<String> build() {
        var out = new ArrayList<String>();
        for (int v = 120; v <= 131; v++) {
            out.add("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + v
                    + ".0.0.0 Safari/537.36");
            out.add("Mozilla/5.0 (Linux; Android 14; SO-51E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + v
                    + ".0.0.0 Mobile Safari/537.36");
            out.add("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + v
                    + ".0.0.0 Safari/537.36");
            out.add("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + v + ".0) Gecko/20100101 Firefox/" + v + ".0");
            out.add("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + v
                    + ".0.0.0 Safari/537.36 Edg/" + v + ".0.0.0");
        }
        for (int v = 15; v <= 18; v++) {
            for (int minor = 0; minor <= 4; minor++) {
                out.add("Mozilla/5.0 (iPhone; CPU iPhone OS " + v + "_" + minor + " like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/" + v + "." + minor + " Mobile/15E148 Safari/604.1");
                out.add("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/"
                        + v + "." + minor + " Safari/605.1.15");
            }
        }
        int readers = out.size();
        var bots = List.of("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
                "python-requests/2.32.3", "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)");
        // one bot line per nine reader lines
        int botLines = readers / 9;
        for (int k = 0; k < botLines; k++) out.add(bots.get(k % bots.size()));
        return List.copyOf(out);
    }

    static List<String> crawlerPatterns() throws java.io.IOException {
        var patterns = new ArrayList<String>();
        try (var in = UserAgents.class.getResourceAsStream(BotFilter.RESOURCE)) {
            new ObjectMapper().readTree(in).forEach(n -> patterns.add(n.get("pattern").asText()));
        }
        return patterns;
    }
}
