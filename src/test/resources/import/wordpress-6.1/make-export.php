<?php
// Builds a small WordPress site with posts written for Kiji and writes WordPress's own WXR export
// (Tools → Export's code), the fixture export.xml beside this file. Run once by hand
// on Debian 12 with its wordpress, mariadb-server and php-cli packages and an empty database
// configured in /etc/wordpress/config-default.php: php make-export.php
$_SERVER['HTTP_HOST'] = 'bouei-news.example.jp';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('防衛ニュース（移行元）', 'editor1', 'editor1@example.jp', true, '', 'local-fixture-only-1');
// WordPress's own sample post, page, comment and privacy draft are not Kiji's content
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $sample) wp_delete_post($sample->ID, true);
update_option('timezone_string', 'Asia/Tokyo');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%postname%/');
$writer = wp_insert_user(['user_login' => 'sato', 'user_pass' => 'local-fixture-only-2', 'display_name' => '佐藤 記者', 'role' => 'author']);
$cat_def = wp_insert_term('日本の防衛', 'category', ['slug' => 'japan-defense']);
$cat_jin = wp_insert_term('人事発令', 'category', ['slug' => 'jinji']);
$cat_int = wp_insert_term('国際', 'category', ['slug' => 'world']);
$add = function ($title, $content, $status, $date, $cats, $tags = [], $extra = []) use ($writer) {
    return wp_insert_post(array_merge([
        'post_title' => $title, 'post_content' => $content, 'post_status' => $status,
        'post_date' => $date, 'post_category' => $cats, 'tags_input' => $tags, 'post_author' => $writer,
    ], $extra), true);
};
$a = $add('防衛大臣が記者会見（11月8日）', "防衛大臣は8日、定例の記者会見を行った。\n\n訓練の予定について説明した。\n※日時は変更される場合があります。\n\n(以上)",
    'publish', '2026-11-08 10:30:00', [$cat_def['term_id']], ['記者会見', '防衛大臣']);
$b = $add('<em>速報</em> 共同訓練を実施 &amp; 公開', "<!-- wp:paragraph -->\n<p>海上自衛隊は共同訓練を実施した。</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>詳細は後日発表する。</p>\n<!-- /wp:paragraph -->",
    'publish', '2026-11-09 09:00:00', [$cat_int['term_id'], $cat_def['term_id']], ['共同訓練']);
$c = $add('人事発令 12月1日付け、1佐人事(陸自3名)', "陸上自衛隊\n（12月1日付）\n第1師団司令部幕僚長　1陸佐　山川　一郎\n（陸上幕僚監部）", 'future', '2026-12-20 08:00:00', [$cat_jin['term_id']]);
$d = $add('下書きの記事', '書きかけの本文です。', 'draft', '2026-11-10 12:00:00', [$cat_def['term_id']]);
$e = $add('非公開の記事', '社内向けの本文です。', 'private', '2026-11-10 13:00:00', [$cat_def['term_id']]);
$f = $add('パスワード保護の記事', '保護された本文です。', 'publish', '2026-11-10 14:00:00', [$cat_def['term_id']], [], ['post_password' => 'secret']);
$g = $add('', '題名のない投稿の本文。最初の言葉が題名になります。', 'publish', '2026-11-11 08:15:00', [$cat_def['term_id']]);
$h = $add('写真付きの記事', "[caption id=\"attachment_1\" align=\"aligncenter\" width=\"640\"]<img src=\"https://bouei-news.example.jp/wp-content/uploads/2026/11/kansen.jpg\" alt=\"艦艇\" width=\"640\" height=\"427\" /> 入港する艦艇[/caption]\n\n本文です。[gallery ids=\"1,2\"]", 'publish', '2026-11-12 16:45:00', [$cat_def['term_id']]);
$p1 = wp_insert_post(['post_type' => 'page', 'post_title' => '会社概要', 'post_name' => 'about', 'post_content' => "防衛ニュースは防衛に関するニュースを伝えます。\n\n所在地：東京都", 'post_status' => 'publish', 'post_author' => 1]);
$p2 = wp_insert_post(['post_type' => 'page', 'post_title' => 'プライバシーポリシー', 'post_name' => 'privacy-policy', 'post_content' => '個人情報の取り扱いについて。', 'post_status' => 'publish', 'post_author' => 1]);
update_post_meta($b, '_yoast_wpseo_primary_category', $cat_def['term_id']);
require_once ABSPATH . 'wp-admin/includes/export.php';
ob_start();
export_wp(['content' => 'all']);
file_put_contents(__DIR__ . '/export.xml', ob_get_clean());
echo "ok\n";
