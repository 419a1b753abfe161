package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class BotFilterTest {
    static final BotFilter BOTS = BotFilter.standard();

    @Test
    void every_example_user_agent_of_the_crawler_list_is_a_bot() throws Exception {
        var examples = new ArrayList<String>();
        try (var in = getClass().getResourceAsStream("/kiji/ranking/crawler-user-agents-full.json")) {
            new ObjectMapper().readTree(in).forEach(p -> p.get("instances").forEach(i -> examples.add(i.asText())));
        }
        assertThat(examples).hasSizeGreaterThan(1000);
        assertThat(examples).allSatisfy(ua -> assertThat(BOTS.classify(ua)).as(ua).isTrue());
    }

    @Test
    void the_streaming_reader_takes_the_pattern_of_every_entry_of_the_bundled_list() throws Exception {
        var expected = new ArrayList<String>();
        try (var in = getClass().getResourceAsStream(BotFilter.RESOURCE)) {
            new ObjectMapper().readTree(in).forEach(n -> expected.add(n.get("pattern").asText()));
        }
        try (var in = getClass().getResourceAsStream(BotFilter.RESOURCE)) {
            assertThat(BotFilter.patternsOf(in)).hasSizeGreaterThan(1000).isEqualTo(expected);
        }
    }

    @Test
    void every_pattern_of_the_bundled_list_compiles_so_none_fails_on_a_readers_view() throws Exception {
        // patterns are compiled on first use, so a bad one would only show when its literal occurs
        try (var in = getClass().getResourceAsStream(BotFilter.RESOURCE)) {
            assertThat(BotFilter.patternsOf(in)).allSatisfy(java.util.regex.Pattern::compile);
        }
        assertThat(BotFilter.EXTRA).allSatisfy(java.util.regex.Pattern::compile);
    }

    @Test
    void readers_browsers_are_not_bots() {
        for (var ua : new String[] {Views.CHROME, Views.IPHONE,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "Mozilla/5.0 (Linux; Android 14; SO-51E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Line/14.16.0",
                "Mozilla/5.0 (Linux; Android 13; CUBOT P60) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"}) {
            assertThat(BOTS.isBot(ua)).as(ua).isFalse();
        }
    }

    @Test
    void named_crawlers_headless_browsers_scripts_and_an_empty_user_agent_are_bots() {
        for (var ua : new String[] {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
                "python-requests/2.32.3", "curl/8.11.0", "", "   "}) {
            assertThat(BOTS.isBot(ua)).as(ua).isTrue();
        }
        assertThat(BOTS.isBot(null)).isTrue();
    }

    @Test
    void most_patterns_are_indexed_by_a_literal_so_a_new_user_agent_runs_few_regexes() {
        assertThat(BOTS.indexedCount()).isGreaterThan(1200);
    }

    @Test
    void the_required_literal_never_includes_optional_or_alternative_parts() {
        assertThat(RequiredLiteral.of("Googlebot\\/")).isEqualTo("Googlebot/");
        assertThat(RequiredLiteral.of("Ahrefs(Bot|SiteAudit)")).isEqualTo("Ahrefs");
        assertThat(RequiredLiteral.of("^curl")).isEqualTo("curl");
        assertThat(RequiredLiteral.of("bots?")).isEqualTo("bot");
        assertThat(RequiredLiteral.of("a|bcdef")).isEmpty();
        assertThat(RequiredLiteral.of("[wW]get")).isEqualTo("get");
        assertThat(RequiredLiteral.of("ab{2,3}cde")).isEqualTo("cde");
    }
}
