package kiji.app;

import java.util.List;
import kiji.page.FixedPageDraft;
import kiji.page.FixedPageService;
import kiji.page.PageStatus;

/**
 * The demo site's fixed pages (会社概要, プライバシーポリシー, 広告掲載について), written for Kiji:
 * the organisation, the addresses and the figures are invented. Written only where no page is.
 */
final class DemoPages {
    private DemoPages() {}

    static List<FixedPageDraft> drafts() {
        return List.of(
                FixedPageDraft.markdown("/about/", "会社概要", """
                        Kiji デモ編集部は、Kiji の機能をお見せするために架空の防衛ニュースを配信しているデモサイトです。

                        | 項目 | 内容 |
                        |---|---|
                        | 名称 | Kiji デモ編集部（架空） |
                        | 所在地 | 東京都千代田区霞が関九丁目（架空の住所） |
                        | 設立 | 令和6(2024)年10月 |
                        | 事業内容 | 防衛・安全保障に関するニュースの配信（デモ） |

                        ## 編集方針

                        発表された事実を、発表された言葉に近い形で、早く正確に伝えます。訂正は記事の末尾に日時とともに記します。

                        ※このページの名称・住所・数値は、すべて Kiji のデモのために創作した架空のものです。
                        """, PageStatus.PUBLISHED),
                FixedPageDraft.markdown("/privacy/", "プライバシーポリシー", """
                        Kiji デモ編集部（以下「当編集部」）は、読者の皆さまの個人情報を次のとおり取り扱います。

                        ## 取得する情報

                        - 記事の閲覧数を数えるため、閲覧された記事と時刻を記録します。IP アドレスとブラウザの種類は、日ごとに変わる鍵でハッシュ化してから使い、そのままでは保存しません。
                        - Cookie は、編集者のログインにだけ使います。読者の皆さまに Cookie を送ることはありません。

                        ## 利用目的

                        「読まれている記事」ランキングの集計と、サイトの運営・改善のためにだけ利用し、第三者には提供しません。

                        ## お問い合わせ

                        個人情報の取り扱いについてのお問い合わせは、privacy@kiji-demo.invalid（架空）までお寄せください。

                        ※このページは Kiji のデモのために書いた例文です。
                        """, PageStatus.PUBLISHED),
                FixedPageDraft.markdown("/advertising/", "広告掲載について", """
                        当サイトへの広告掲載をご検討いただき、ありがとうございます。

                        ## 掲載できる広告

                        - サイドバーのバナー広告（300×250 ピクセル）
                        - 記事の下に表示するテキスト広告

                        記事と広告は、見た目ではっきり区別できる形で掲載します。編集部が記事の内容を広告主の意向で変えることはありません。

                        ## お申し込み

                        料金表と媒体資料は ads@kiji-demo.invalid（架空）までご請求ください。

                        ※このページは Kiji のデモのために書いた例文です。
                        """, PageStatus.PUBLISHED));
    }

    /** Writes each demo page whose path has no page yet; returns how many it wrote. */
    static int fillMissing(FixedPageService pages) {
        int written = 0;
        for (var draft : drafts()) {
            if (pages.all().stream().noneMatch(p -> p.path().equals(draft.path()))) {
                pages.create(draft);
                written++;
            }
        }
        return written;
    }
}
