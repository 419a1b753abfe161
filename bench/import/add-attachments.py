#!/usr/bin/env python3
"""Reads generate-wxr.py's export on stdin and writes it with M attachment items after all the
posts (the order that needs the import's first pass), for bench/import/media.sh.

Attachment N+k (k = 1..M) is the file {k}.jpg that post k's body already shows
(https://bench.example/wp-content/uploads/{k}.jpg); every post names attachment N + 1 + (i % M)
as its featured image (_thumbnail_id).
"""
import re
import sys

n, m = int(sys.argv[1]), int(sys.argv[2])
post_id = re.compile(r'<wp:post_id>(\d+)</wp:post_id>')
out = sys.stdout
for line in sys.stdin:
    if line.startswith('</channel>'):
        for k in range(1, m + 1):
            out.write(f'<item><title><![CDATA[写真 {k}]]></title>'
                      f'<wp:attachment_url><![CDATA[https://bench.example/wp-content/uploads/{k}.jpg]]></wp:attachment_url>'
                      f'<excerpt:encoded><![CDATA[写真の説明 {k}]]></excerpt:encoded><wp:post_id>{n + k}</wp:post_id>'
                      f'<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>'
                      f'<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{k}.jpg</wp:meta_value></wp:postmeta></item>\n')
        out.write(line)
        continue
    found = post_id.search(line)
    if found and line.rstrip('\n').endswith('</item>'):
        i = int(found.group(1))
        meta = (f'<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>'
                f'<wp:meta_value>{n + 1 + (i % m)}</wp:meta_value></wp:postmeta></item>')
        line = line.rstrip('\n')[:-len('</item>')] + meta + '\n'
    out.write(line)
