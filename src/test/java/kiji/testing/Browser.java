package kiji.testing;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright for Java, headless. Playwright's own browser download
 * is never used (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is set by surefire and .ci/run).
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run")));
    }

    public static Browser launch() {
        return new Browser();
    }

    /** A fresh page (own context: no shared cookies) with this viewport, Japanese locale, Tokyo time. */
    public Page page(int width, int height) {
        var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("ja-JP")
                .setTimezoneId("Asia/Tokyo"));
        return context.newPage();
    }

    /** A desktop-sized page (1280×900). */
    public Page desktop() {
        return page(1280, 900);
    }

    /** A phone-sized page (390×844, as a current iPhone). */
    public Page phone() {
        return page(390, 844);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
