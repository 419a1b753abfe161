package kiji.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiji.testing.Browser;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's CSP forbids inline scripts; JSON-LD is a data block, which browsers do not run,
 * so Chromium must neither block nor report it, and must still expose it to readers of the DOM.
 */
class JsonLdInBrowserTest {
    @TempDir
    Path dir;

    @Test
    void chromium_reads_the_json_ld_under_the_csp_without_a_violation() {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"));
                var browser = Browser.launch()) {
            FeedFixtures.article(app, "見出し</script><script>alert(1)</script>", "japan-defense", List.of("会談"), List.of(), 1);
            var page = browser.desktop();
            var console = new ArrayList<String>();
            page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
            page.onPageError(e -> console.add("pageerror: " + e));
            page.navigate(app.url("/docs/mod/000001.html"));
            var headlines = page.evaluate("""
                    () => [...document.querySelectorAll('script[type="application/ld+json"]')]
                          .map(s => JSON.parse(s.textContent)).map(j => j.headline || j['@type'])""");
            // Chromium logs every CSP refusal ("Refused to execute inline script ...") to the console
            assertThat(console).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused")
                    || m.contains("pageerror"));
            assertThat(headlines).isEqualTo(List.of("見出し</script><script>alert(1)</script>", "BreadcrumbList"));
            // the title's </script> did not end the block: no script element holds the injected code
            assertThat(page.evaluate("() => [...document.scripts].filter(s => s.text.startsWith('alert')).length"))
                    .isEqualTo(0);
        }
    }
}
