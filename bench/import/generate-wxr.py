#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of N invented Japanese posts to stdout, for bench/import/run.sh.

Each post: a title with an entity, a classic body of five paragraphs with line breaks, a
[caption] and a [gallery] shortcode, two of twenty categories (Yoast's primary on every third),
three tags, one of five authors, a GMT date, an old link. Every 50th post is a draft, every
100th private, every 200th trash.
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.stdout
w = out.write
w('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
  'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
  'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>ベンチマーク新聞</title>\n<wp:wxr_version>1.2</wp:wxr_version>\n')
for a in range(5):
    w(f'<wp:author><wp:author_login><![CDATA[writer{a}]]></wp:author_login>'
      f'<wp:author_display_name><![CDATA[記者 {a}号]]></wp:author_display_name></wp:author>\n')
for c in range(20):
    w(f'<wp:category><wp:term_id>{c + 1}</wp:term_id><wp:category_nicename><![CDATA[section-{c}]]></wp:category_nicename>'
      f'<wp:cat_name><![CDATA[部門{c}]]></wp:cat_name></wp:category>\n')
para = ('市議会は定例会で新しい条例案を審議し、賛成多数で可決した。\n市長は記者会見で「市民の声を反映した」と述べた。'
        '関係者によると、施行は来年4月の予定だという。')
for i in range(1, n + 1):
    status = 'trash' if i % 200 == 0 else 'private' if i % 100 == 0 else 'draft' if i % 50 == 0 else 'publish'
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    date = f'2023-{month:02d}-{day:02d} {i % 24:02d}:{i % 60:02d}:00'
    c1, c2 = i % 20, (i * 7 + 3) % 20
    body = '\n\n'.join([para] * 2 + [f'[caption id="attachment_{i}" width="640"]<img src="https://bench.example/wp-content/uploads/{i}.jpg" alt="写真" /> 写真の説明 {i}[/caption]', '[gallery ids="1,2,3"]'] + [para] * 3)
    meta = (f'<wp:postmeta><wp:meta_key>_yoast_wpseo_primary_category</wp:meta_key><wp:meta_value>{c2 + 1}</wp:meta_value></wp:postmeta>'
            if i % 3 == 0 else '')
    w(f'<item><title><![CDATA[条例案を可決 &amp; 第{i}回定例会]]></title><link>https://bench.example/{i}/post-{i}/</link>'
      f'<dc:creator><![CDATA[writer{i % 5}]]></dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>'
      f'<excerpt:encoded><![CDATA[第{i}回定例会の要旨]]></excerpt:encoded><wp:post_id>{i}</wp:post_id>'
      f'<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt><wp:post_name>post-{i}</wp:post_name>'
      f'<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>'
      f'<category domain="category" nicename="section-{c1}"><![CDATA[部門{c1}]]></category>'
      f'<category domain="category" nicename="section-{c2}"><![CDATA[部門{c2}]]></category>'
      f'<category domain="post_tag" nicename="t{i % 300}"><![CDATA[話題{i % 300}]]></category>'
      f'<category domain="post_tag" nicename="u{i % 17}"><![CDATA[地域{i % 17}]]></category>'
      f'<category domain="post_tag" nicename="v{i % 5}"><![CDATA[特集{i % 5}]]></category>{meta}</item>\n')
w('</channel>\n</rss>\n')
