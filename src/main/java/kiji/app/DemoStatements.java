package kiji.app;

import static kiji.app.DemoArticles.INVENTED;

import java.util.List;
import kiji.app.DemoArticles.Demo;

/**
 * Bodies of the demo's news articles, in the shape of a ministry release as a news site
 * reprints it: what was announced, the official statement (概要) quoted as a block, ※ notes,
 * and (以上). All of it is invented for Kiji.
 */
final class DemoStatements {
    private DemoStatements() {}

    /** A release quoted in a block under its own heading, as the ministry published it. */
    static String meeting(String announced, String heading, List<String> statement, String note) {
        var quote = new StringBuilder();
        for (var p : statement) quote.append(quote.isEmpty() ? "" : ">\n").append("> ").append(p).append('\n');
        return "防衛省は" + announced + "\n\n概要は下記のとおり。\n\n" + note + "\n\n"
                + "## " + heading + "\n\n" + quote + "\n" + INVENTED + "\n\n(以上)\n";
    }

    /** A short news item without a quoted statement. */
    static String plain(String announced, List<String> paragraphs) {
        return "防衛省は" + announced + "\n\n" + String.join("\n\n", paragraphs) + "\n\n" + INVENTED + "\n\n(以上)\n";
    }

    /** One part of the symposium report series (レポート①②③). */
    static Demo report(int part, String headline, String lead, String finding, String next) {
        var mark = "①②③".charAt(part - 1);
        var body = "防衛装備庁は{date}、東京都内で技術シンポジウムを開催した。" + lead.replace("防衛装備庁は技術シンポジウムで、", "")
                + "\n\n" + finding + "\n\n" + next + "\n\n"
                + "※本シリーズは全3回。会場での発表と配布資料をもとに Kiji 編集部がまとめた。\n\n" + INVENTED + "\n\n(以上)\n";
        return new Demo("equipment", headline + ":防衛装備庁技術シンポジウム レポート" + mark, lead, body,
                List.of("防衛装備庁", "シンポジウム"), 4 - part);
    }

    static Demo pressConference() {
        var body = "防衛省は{date}、青柳 誠(あおやぎ・まこと)防衛大臣の定例記者会見の内容を公表した。"
                + "冒頭発言はなく、記者との質疑が約25分間行われた。主なやりとりは下記のとおり。\n\n"
                + "## 防衛大臣記者会見 (概要)\n\n"
                + "> 【記者】先週から続く豪雨災害への災害派遣の状況を教えてください。\n>\n"
                + "> 【大臣】{md}正午現在、陸上自衛隊を中心に約2,300人、航空機14機が活動しています。"
                + "給水支援と入浴支援は、自治体の要請がある限り継続します。\n>\n"
                + "> 【記者】新型哨戒艦の1番艦が進水しました。今後の配備の見通しは。\n>\n"
                + "> 【大臣】艤装と試験を経て、再来年の春に就役する予定です。"
                + "少ない乗員で長時間の警戒監視ができる艦であり、南西方面の態勢強化につながると考えています。\n>\n"
                + "> 【記者】防衛力整備計画の進捗について、物価上昇の影響は。\n>\n"
                + "> 【大臣】為替と物価の影響は精査しておりますが、計画に定めた事業は着実に進めてまいります。\n\n"
                + "※会見の全文は防衛省のウェブサイトで公開されている(という設定)。\n\n" + INVENTED + "\n\n(以上)\n";
        return new Demo("japan-defense", "青柳防衛大臣が記者会見 豪雨災害への災害派遣、新型哨戒艦の進水、防衛力整備計画の進捗など({md})",
                "青柳防衛大臣は定例の記者会見で、豪雨災害への災害派遣の状況や新型哨戒艦の配備の見通しについて説明した。",
                body, List.of("防衛大臣", "記者会見"), 0);
    }

    static Demo secretaryGeneral() {
        var body = meeting("{date}13時40分(現地時間)、青柳 誠(あおやぎ・まこと)防衛大臣が同日、ノルディア共和国の前首相で"
                        + "今月NSO(北洋安全保障機構)の新事務総長に就任したエリク・ハルヴォルセン氏と会談を行ったことを発表した。"
                        + "\n\n青柳防衛大臣はNSO国防相会合に出席するため、ノルディア共和国の首都ヴェストハウンを訪問しており、"
                        + "会談は会合に先立って行われた。",
                "青柳防衛大臣とハルヴォルセンNSO事務総長との会談について (概要)",
                List.of("{mdw}12時15分(現地時間)から約20分間、青柳防衛大臣は、ハルヴォルセンNSO事務総長への表敬を行いました。",
                        "青柳防衛大臣は、ハルヴォルセン事務総長に対し、事務総長就任への祝意を伝達するとともに、"
                                + "NSO国防相会合への日本を含むパートナー4か国の招待について、改めて感謝の意を伝えました。",
                        "両者は、日NSO間で策定された「日NSO協力プログラム」に基づき、サイバー、宇宙、戦略的コミュニケーションの分野や"
                                + "相互運用性の向上に向けて、実務的な防衛協力を一層推進していくことで一致しました。",
                        "最後に、ハルヴォルセン事務総長から、日本による人道支援に対して感謝の意が述べられました。"),
                "※NSO: 北洋安全保障機構(Northern Seas Security Organization)。パートナー4か国は日本など4か国。"
                        + "いずれも Kiji のデモのための架空の機構・国・人物です。");
        return new Demo("world", "青柳防衛大臣がハルヴォルセンNSO事務総長と会談({md})",
                "青柳防衛大臣はNSOのハルヴォルセン新事務総長と会談し、サイバーや宇宙の分野で防衛協力を進めることで一致した。",
                body, List.of("防衛大臣", "NSO", "会談"), 4);
    }

    static Demo payBill() {
        var body = "政府は{date}の閣議で、自衛官と防衛省職員の給与を引き上げる防衛省職員給与法の改正案を決定し、国会に提出した。"
                + "成立すれば、4月にさかのぼって適用される。\n\n"
                + "| 区分 | 改定率(平均) | 主な対象 |\n|---|---:|---|\n"
                + "| 幹部自衛官 | 2.8% | 1尉〜1佐 |\n| 准尉・曹 | 3.4% | 准尉、1曹〜3曹 |\n"
                + "| 士 | 5.1% | 士長、1士、2士 |\n| 事務官等 | 2.9% | 本省・地方防衛局の職員 |\n\n"
                + "※改定率は月例給の平均。初任給は別に引き上げる。\n\n"
                + "## 防衛大臣談話 (概要)\n\n"
                + "> 自衛隊員が誇りと名誉を持って任務に当たることができるよう、処遇の改善は喫緊の課題です。"
                + "今回の改正案は、若い隊員ほど引き上げ幅を大きくしました。一日も早い成立をお願いいたします。\n\n"
                + INVENTED + "\n\n(以上)\n";
        return new Demo("japan-defense", "自衛官・防衛省職員の給与を引き上げる改正案を閣議決定、国会に提出 若手ほど引き上げ幅を大きく({md})",
                "政府は自衛官と防衛省職員の給与を平均3%超引き上げる改正案を閣議決定した。", body,
                List.of("処遇改善", "閣議決定", "給与"), 0);
    }

    static Demo scrambles() {
        var body = "統合幕僚監部は{date}、今年度上半期(4月〜9月)の航空自衛隊による緊急発進(スクランブル)の実施状況を公表した。"
                + "回数は計312回で、前年同期から41回増えた。\n\n"
                + "| 方面隊 | 回数 | 前年同期比 |\n|---|---:|---:|\n| 北部航空方面隊 | 58 | +6 |\n"
                + "| 中部航空方面隊 | 21 | −3 |\n| 西部航空方面隊 | 47 | +9 |\n| 南西航空混成団 | 186 | +29 |\n| 計 | 312 | +41 |\n\n"
                + "※対象は国籍不明機等に対する緊急発進。\n\n" + INVENTED + "\n\n(以上)\n";
        return new Demo("japan-defense", "空自の緊急発進、上半期は計312回 前年同期から41回増({md})",
                "統合幕僚監部は今年度上半期の緊急発進が計312回だったと公表した。", body, List.of("空自", "緊急発進"), 1);
    }

    static String company() {
        return "北星重工業は{date}、ラグナ・エアロスペース社と、航空機用エンジンの次世代推進技術に関する共同研究の覚書を締結したと発表した。\n\n"
                + "## 覚書の概要\n\n> 両社は、高温に耐える新素材、燃費を改善する可変サイクル技術、整備の負担を減らす状態監視技術の3分野で、"
                + "研究者の相互派遣と試験設備の共同利用を進める。\n\n"
                + "※北星重工業、ラグナ・エアロスペース社はいずれも Kiji のデモのための架空の企業です。\n\n" + INVENTED + "\n\n(以上)\n";
    }

    static Demo drill() {
        var body = plain("{date}、陸上自衛隊が離島での大規模災害を想定した統合防災演習を実施したと発表した。",
                List.of("演習には陸・海・空自衛隊の約4,200人、艦艇6隻、航空機32機が参加し、自治体や医療機関とともに住民の島外避難と物資輸送の手順を確かめた。",
                        "※参加人数は防衛省発表による。"));
        return new Demo("japan-defense", "陸自、離島での大規模災害を想定した統合防災演習を実施 約4,200人が参加({md})",
                "陸上自衛隊は離島での大規模災害を想定した統合防災演習を行い、約4,200人が参加した。", body,
                List.of("陸自", "防災", "演習"), 2);
    }

    static Demo radarContract() {
        var body = plain("{date}、防衛装備庁が次期警戒管制レーダーの試作契約を北星重工業と締結したと発表した。",
                List.of("契約額は約186億円。探知距離の延伸と、小型の無人機や巡航ミサイルの探知能力の向上を目指す。",
                        "試作品は3年後に完成し、その後2年間の技術試験を行う予定。",
                        "※契約額は消費税を含む。"));
        return new Demo("equipment", "防衛装備庁、次期警戒管制レーダーの試作契約を締結 契約額は約186億円({md})",
                "防衛装備庁は次期警戒管制レーダーの試作契約を締結した。", body, List.of("防衛装備庁", "レーダー", "契約"), 1);
    }

    static Demo budget() {
        var body = "防衛省は{date}、来年度予算の概算要求の概要を公表した。要求総額は8兆9,200億円で、今年度当初予算を約7%上回る。\n\n"
                + "| 主な項目 | 要求額 |\n|---|---:|\n| スタンド・オフ防衛能力 | 8,400億円 |\n| 統合防空ミサイル防衛能力 | 1兆1,300億円 |\n"
                + "| 無人アセット防衛能力 | 1,600億円 |\n| 持続性・強靱性 | 3兆2,100億円 |\n\n"
                + "※金額は歳出ベース。主な項目の合計は総額と一致しない。\n\n" + INVENTED + "\n\n(以上)\n";
        return new Demo("japan-defense", "防衛省、来年度概算要求の概要を公表 総額8兆9,200億円({md})",
                "防衛省は来年度予算の概算要求として総額8兆9,200億円を求めると公表した。", body, List.of("予算", "防衛省"), 0);
    }
}
