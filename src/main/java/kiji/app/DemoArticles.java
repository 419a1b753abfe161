package kiji.app;

import java.util.ArrayList;
import java.util.List;

/** The demo articles' texts. Every name, unit and figure here is invented for Kiji's demo. */
final class DemoArticles {
    record Demo(String title, String lead, String body, String category, List<String> tags) {}

    private DemoArticles() {}

    static List<Demo> all() {
        var out = new ArrayList<Demo>();
        String[] services = {"陸自", "海自", "空自"};
        String[] ranks = {"1佐職人事", "将補人事", "1佐人事", "将人事"};
        for (int i = 0; i < 20; i++) {
            var service = services[i % 3];
            int count = 3 + (i * 7) % 40;
            var rank = ranks[i % ranks.length];
            out.add(new Demo(
                    "人事発令 " + rank + "(" + service + count + "名)",
                    "防衛省は" + service + "の" + rank + "(" + count + "名)を発表した。",
                    personnelBody(service, count, i),
                    "personnel",
                    List.of("人事発令", service)));
        }
        out.add(statement("防衛大臣が架空同盟国の国防相と電話会談",
                "両大臣は地域の安全保障環境について意見を交換し、防衛協力を一層推進することで一致した。",
                "world", List.of("防衛大臣", "会談")));
        out.add(statement("防衛大臣が記者会見 防衛力整備計画の進捗、災害派遣の状況など",
                "防衛大臣は定例の記者会見で、防衛力整備計画の進捗と災害派遣の状況について説明した。",
                "japan-defense", List.of("防衛大臣", "記者会見")));
        out.add(statement("自衛官の処遇改善に向けた改正案を閣議決定、国会に提出",
                "政府は自衛官の給与と手当を見直す改正案を閣議決定し、国会に提出した。",
                "japan-defense", List.of("処遇改善", "閣議決定")));
        out.add(statement("統合幕僚長が来日中の太平洋空軍司令官と懇談",
                "統合幕僚長は防衛省で太平洋空軍司令官と懇談し、日米の連携強化を確認した。",
                "world", List.of("統合幕僚長", "日米")));
        out.add(statement("防衛装備庁シンポジウム レポート① 無人機と有人機の協調運用",
                "防衛装備庁の技術シンポジウムで、有人機と協調して行動する無人機の研究成果が紹介された。",
                "equipment", List.of("防衛装備庁", "無人機", "シンポジウム")));
        out.add(statement("防衛装備庁シンポジウム レポート② 高出力レーザーの試験状況",
                "防衛装備庁のシンポジウムで、小型無人機への対処を想定した高出力レーザーの試験状況が報告された。",
                "equipment", List.of("防衛装備庁", "レーザー", "シンポジウム")));
        out.add(statement("防衛装備庁シンポジウム レポート③ レールガン研究の進捗",
                "防衛装備庁はレールガン研究の進捗を発表し、連続射撃試験の結果を示した。",
                "equipment", List.of("防衛装備庁", "レールガン", "シンポジウム")));
        out.add(statement("もがみ型護衛艦の共同訓練を実施",
                "海上自衛隊のもがみ型護衛艦が友好国海軍と共同訓練を行った。",
                "japan-defense", List.of("海自", "もがみ型", "共同訓練")));
        out.add(statement("IP4各国の国防当局者と意見交換",
                "防衛省の担当者がIP4各国の国防当局者と会合を持ち、サイバー分野の協力を確認した。",
                "world", List.of("IP4", "NATO")));
        out.add(statement("航空自衛隊が緊急発進の実施状況を公表",
                "航空自衛隊は四半期の緊急発進（スクランブル）の実施状況を公表した。",
                "japan-defense", List.of("空自", "緊急発進")));
        return out;
    }

    private static String personnelBody(String service, int count, int seed) {
        var b = new StringBuilder();
        b.append("防衛省は{date}、").append(service).append("の人事を発令した。対象は").append(count)
                .append("名。主な異動は下記のとおり。\n\n");
        b.append("| 新職 | 氏名 | 旧職 |\n|---|---|---|\n");
        String[] posts = {"統合幕僚学校長", "第1師団司令部幕僚長", "護衛艦隊司令部幕僚", "航空総隊司令部防衛部長",
            "防衛装備庁プロジェクト管理部", "陸上幕僚監部人事教育部", "自衛艦隊司令部", "航空開発実験団"};
        String[] names = {"山田 一郎", "佐藤 次郎", "鈴木 三郎", "高橋 四郎", "田中 五郎", "伊藤 六郎"};
        for (int k = 0; k < Math.min(count, 5); k++) {
            b.append("| ").append(posts[(seed + k) % posts.length]).append(" | ").append(names[(seed + k) % names.length])
                    .append(" | ").append(posts[(seed + k + 3) % posts.length]).append(" |\n");
        }
        b.append("\n※氏名はすべて架空のものです（Kiji のデモ記事）。\n\n(以上)\n");
        return b.toString();
    }

    private static Demo statement(String title, String lead, String category, List<String> tags) {
        var body = "防衛省は{date}、" + lead + "\n\n"
                + "発表の概要は下記のとおり。\n\n"
                + "> 両者は、複雑で厳しさを増す安全保障環境について認識を共有し、実務的な協力を一層推進していくことで一致しました。"
                + "また、今後も緊密に意思疎通を図っていくことを確認しました。\n\n"
                + "## 今後の予定\n\n関係機関と調整のうえ、具体的な取り組みを順次公表する予定です。\n\n"
                + "※本記事は Kiji のデモのために書かれた架空の記事です。\n\n(以上)\n";
        return new Demo(title, lead, body, category, tags);
    }
}
