#!/usr/bin/env python3
"""Writes N rows of WordPress Popular Posts' summary as CSV to stdout (postid 1..100000,
one row per post per minute-ish, in time order), for bench/import/run.sh."""
import sys, datetime

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
w = sys.stdout.write
w('ID,postid,pageviews,view_date,view_datetime\n')
start = datetime.datetime(2024, 1, 1)
per_minute = 500
buf = []
for i in range(n):
    t = start + datetime.timedelta(minutes=i // per_minute)
    buf.append(f'{i + 1},{(i * 7919) % 100000 + 1},{1 + i % 3},{t:%Y-%m-%d},{t:%Y-%m-%d %H:%M:%S}\n')
    if len(buf) >= 100000:
        w(''.join(buf))
        buf.clear()
w(''.join(buf))
