package kiji.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import kiji.newsroom.Role;
import kiji.testing.Browser;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An editor pastes an order, sees the bad line, fixes it, previews the rows and saves; a reader sees the person. */
class OrderDeskBrowserTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2025-12-09T01:00:00Z");
    TestKiji app;
    Browser browser;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
        app.kiji.newsroom.users.add("sato", "佐藤 編集長", Role.EDITOR, "編集者のパスワード1");
        app.kiji.newsroom.users.add("kato", "加藤 記者", Role.WRITER, "記者のパスワード22");
        browser = Browser.launch();
    }

    @AfterEach
    void stop() {
        browser.close();
        app.close();
    }

    private Page signIn(String username, String password) {
        var page = browser.desktop();
        page.navigate(app.url("/newsroom/signin"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button:has-text('ログイン')");
        page.waitForURL("**/newsroom/articles");
        return page;
    }

    @Test
    void paste_preview_fix_and_save_publishes_the_order_and_its_person_page() {
        var page = signIn("sato", "編集者のパスワード1");
        page.click("nav a:has-text('人事発令を作成')");
        page.fill("#order-text", "陸上自衛隊\n（12月16日付）\n陸上幕僚監部防衛部長　山田　太郎\n（陸上幕僚監部人事教育部人事教育計画課長）\n");
        page.selectOption("#order-kind", "将補人事");
        page.click("#order-preview");
        assertThat(page.textContent(".personnel-bad-lines li[data-line='3']")).contains("3行目", "階級と氏名");

        page.fill("#order-text", "陸上自衛隊\n（12月16日付）\n陸上幕僚監部防衛部長　陸将補　山田　太郎\n（陸上幕僚監部人事教育部人事教育計画課長）\n"
                + "退職　陸将補　鈴木　次郎\n（第6師団副師団長）\n");
        page.click("#order-preview");
        assertThat(page.textContent(".personnel-title")).contains("人事発令 12月16日付け、将補人事(陸自2名)");
        assertThat(page.locator(".personnel-rows tbody tr").count()).isEqualTo(2);
        assertThat(page.inputValue("#order-text")).contains("陸将補　山田");

        page.selectOption("#order-status", "published");
        page.fill("#order-published", "2025-12-09T09:30");
        page.click("#order-save");
        page.waitForURL("**/newsroom/personnel/orders/*?done=saved");
        long id = Long.parseLong(page.url().replaceAll(".*/orders/(\\d+).*", "$1"));
        var order = app.kiji.personnel.orders.find(id).orElseThrow();
        assertThat(order.entries()).hasSize(2);
        assertThat(page.textContent(".nr-notice")).contains("保存しました");
        assertThat(page.inputValue("#order-text")).isEqualTo(order.source());

        // edited again: a third person, a note; the rows, the title and the body follow
        page.fill("#order-text", order.source() + "第1師団長　陸将補　佐藤　一郎\n（第6師団副師団長）\n");
        page.fill("#order-notes", "※注記です。");
        page.click("#order-preview");
        assertThat(page.locator(".personnel-rows tbody tr").count()).isEqualTo(3);
        page.click("#order-save");
        page.waitForURL("**/newsroom/personnel/orders/" + id + "?done=saved");
        assertThat(app.kiji.personnel.orders.find(id).orElseThrow().entries()).hasSize(3);
        assertThat(page.inputValue("#order-notes")).isEqualTo("※注記です。");

        var reader = browser.desktop();
        reader.navigate(app.url(app.kiji.permalinks.of(app.kiji.articles.find(id).orElseThrow())));
        assertThat(reader.textContent("h1")).isEqualTo("人事発令 12月16日付け、将補人事(陸自3名)");
        assertThat(reader.textContent("main")).contains("※注記です。");
        reader.click("table a:has-text('山田 太郎')");
        reader.waitForURL("**/jinji/person/*");
        assertThat(reader.textContent("ol.career")).contains("陸上幕僚監部防衛部長");
    }

    @Test
    void an_editor_merges_two_persons_and_splits_an_entry_off_again() {
        var first = PersonnelApiTest.json(app.admin("POST", "/api/admin/personnel-orders", PersonnelApiTest.request(
                PersonnelApiTest.FIRST, "将補人事", "published", "2025-12-09T10:00:00+09:00", false)));
        var typo = PersonnelApiTest.json(app.admin("POST", "/api/admin/personnel-orders", PersonnelApiTest.request(
                "陸上自衛隊\n(12月20日付)\n第1師団長 陸将 髙槗太郎\n(陸上幕僚監部防衛部長)\n", "将人事", "draft", null, false)));
        long takahashi = first.get("entries").get(0).get("personId").asLong();
        long other = typo.get("entries").get(0).get("personId").asLong();

        var page = signIn("sato", "編集者のパスワード1");
        page.click("nav a:has-text('人物')");
        page.fill("#people-q", "髙槗");
        page.click("button:has-text('探す')");
        page.click("ul.people a");
        assertThat(page.textContent("h1")).contains("人物番号 " + other);
        assertThat(page.locator("table.person-entries tbody tr").count()).isEqualTo(1); // a draft's entry, shown here
        page.fill("#merge-into", "99999");
        page.click("#merge");
        assertThat(page.textContent(".nr-errors")).contains("99999");
        page.fill("#merge-into", Long.toString(takahashi));
        page.click("#merge");
        page.waitForURL("**/newsroom/personnel/people/" + takahashi);
        assertThat(page.locator("table.person-entries tbody tr").count()).isEqualTo(2);

        page.click("#split");
        assertThat(page.textContent(".nr-errors")).contains("選んでください");
        page.locator("table.person-entries tbody tr").nth(1).locator("input[type=checkbox]").check();
        page.click("#split");
        page.waitForCondition(() -> !page.url().endsWith("/" + takahashi) && page.url().matches(".*/people/\\d+$"));
        assertThat(page.locator("table.person-entries tbody tr").count()).isEqualTo(1);
        assertThat(app.kiji.personnel.people.allEntries(takahashi)).hasSize(1);
    }

    @Test
    void a_writer_sees_no_order_desk() {
        var page = signIn("kato", "記者のパスワード22");
        assertThat(page.locator("nav a:has-text('人事発令を作成')").count()).isZero();
        var res = page.navigate(app.url("/newsroom/personnel/new"));
        assertThat(res.status()).isEqualTo(403);
        assertThat(page.textContent("main")).contains("編集者と管理者だけ");
    }
}
