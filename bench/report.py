#!/usr/bin/env python3
"""Prints the benchmark tables (Markdown) from bench/out/results/*.txt.

Usage: report.py RESULTS_DIR
Reads the key=value lines written by scripts/bench: index.txt, query.txt,
server.txt. Ratios are vanban / peer (time: < 1 is faster; throughput: > 1
is faster).
"""

import os
import platform
import subprocess
import sys


def records(path, kind):
    out = []
    if not os.path.exists(path):
        return out
    for line in open(path, encoding='utf-8'):
        parts = line.split()
        if not parts or parts[0] != kind:
            continue
        out.append(dict(p.split('=', 1) for p in parts[1:] if '=' in p))
    return out


def ratio(a, b):
    try:
        r = float(a) / float(b)
        return f'{r:.2f}' if r >= 0.1 else f'{r:.3f}'
    except (TypeError, ValueError, ZeroDivisionError):
        return '–'


def machine():
    cpus = os.cpu_count()
    mem = ''
    try:
        kb = int(open('/proc/meminfo').readline().split()[1])
        mem = f', {kb / 2**20:.0f} GiB RAM'
    except (OSError, ValueError, IndexError):
        pass
    distro = ''
    try:
        distro = ', Debian ' + open('/etc/debian_version').read().strip()
    except OSError:
        pass
    model = ''
    try:
        for line in open('/proc/cpuinfo'):
            if line.startswith('model name'):
                model = line.split(':', 1)[1].strip() + ', '
                break
    except OSError:
        pass
    return f'{model}{cpus} cores{mem}{distro}, kernel {platform.release()}'


def index_table(rows):
    if not rows:
        return
    r0 = rows[0]
    print(f"### Indexing: {int(r0['units']):,} articles, {int(r0['bytes']) / 1e6:.1f} MB "
          f"(split of {r0.get('files', '?')} Pháp điển files, mode {r0.get('mode', '?')})\n")
    print('| system | wall time (s) | CPU time (s) | MB/s | peak RSS (MiB) | database (MiB) | load avg before |')
    print('|---|---:|---:|---:|---:|---:|---|')
    by = {}
    for r in rows:
        by[r['system']] = r
        mbs = int(r['bytes']) / 1e6 / float(r['wall_s'])
        r['mbs'] = mbs
        print(f"| {r['system']} | {float(r['wall_s']):.2f} | {r.get('cpu_s', '–')} | {mbs:.2f} | "
              f"{int(r['maxrss_kb']) / 1024:.0f} | {int(r['db_bytes']) / 2**20:.0f} | {r['load']} |")
    v = by.get('vanban')
    if v:
        print('\n| vanban vs | wall time | throughput | peak RSS | database size |')
        print('|---|---:|---:|---:|---:|')
        for peer in ('fts5', 'xapian', 'xapian-floor'):
            p = by.get(peer)
            if p:
                print(f"| {peer} | {ratio(v['wall_s'], p['wall_s'])}× | {ratio(v['mbs'], p['mbs'])}× | "
                      f"{ratio(v['maxrss_kb'], p['maxrss_kb'])}× | {ratio(v['db_bytes'], p['db_bytes'])}× |")
    floor, fts5 = by.get('xapian-floor'), by.get('fts5')
    if floor and fts5:
        # The least any Xapian-based indexer costs here, against FTS5.
        print(f"\nxapian-floor (one term per word, no positions, no text, one shard per core, "
              f"merged) vs fts5: throughput {ratio(floor['mbs'], fts5['mbs'])}×, "
              f"CPU {ratio(floor.get('cpu_s', 0), fts5.get('cpu_s', 1))}×.")
    print()


def query_table(rows, load):
    if not rows:
        return
    r0 = rows[0]
    print(f"### Query latency: {r0['queries']} queries per form, {int(r0['samples']) // int(r0['queries'])} "
          f"timed passes after a warm-up, top 10, one thread (load avg {load})\n")
    print('| system | form | p50 (ms) | p90 (ms) | p99 (ms) | mean (ms) | queries with no result | top-10 overlap with accented |')
    print('|---|---|---:|---:|---:|---:|---:|---:|')
    by = {}
    for r in rows:
        by[(r['system'], r['form'])] = r
        print(f"| {r['system']} | {r['form']} | {float(r['p50_ms']):.3f} | {float(r['p90_ms']):.3f} | "
              f"{float(r['p99_ms']):.3f} | {float(r['mean_ms']):.3f} | {r['zero']} / {r['queries']} | "
              f"{r.get('overlap', '–')} |")
    if any(s == 'vanban' for s, _ in by):
        print('\n| vanban vs | form | p50 ratio | p99 ratio |')
        print('|---|---|---:|---:|')
        for peer in ('fts5', 'xapian'):
            for form in ('accented', 'unaccented'):
                v, p = by.get(('vanban', form)), by.get((peer, form))
                if v and p:
                    print(f"| {peer} | {form} | {ratio(v['p50_ms'], p['p50_ms'])}× | "
                          f"{ratio(v['p99_ms'], p['p99_ms'])}× |")
    print()


def paired_table(rows):
    if not rows:
        return
    print('### Against plain Xapian at the same moments (bench_paired: the systems interleaved '
          'query by query; plain Xapian accented, AND, ids only)\n')
    print('| vanban | form | p50 ratio | p99 ratio | median of per-query ratios | slowest query ratio |')
    print('|---|---|---:|---:|---:|---:|')
    names = {'paired-vanban-ids': 'ranked hits (snippets=0)', 'paired-vanban': 'results page'}
    for r in rows:
        print(f"| {names.get(r['system'], r['system'])} | {r['form']} | {r['p50_ratio']}× | "
              f"{r['p99_ratio']}× | {r['median_query_ratio']}× | {r['slowest_query_ratio']}× |")
    print()


def server_table(rows):
    if not rows:
        return
    print('### `vanban serve`: wrk against /api/search (query list rotated, both forms)\n')
    print('| connections | wrk threads | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | errors | load avg before |')
    print('|---:|---:|---:|---:|---:|---:|---:|---|')
    for r in rows:
        errors = sum(int(r[k]) for k in r if k.startswith('errors_'))
        print(f"| {r['connections']} | {r['threads']} | {float(r['rps']):.0f} | {float(r['p50_ms']):.2f} | "
              f"{float(r['p90_ms']):.2f} | {float(r['p99_ms']):.2f} | {errors} | {r['load']} |")
    print()


def analyze_table(rows):
    if not rows:
        return
    print('### Analyser (bench/analyze, whole large corpus: 203 files, 81.9 MB)\n')
    print('| run | wall (s) | CPU (s) | MB/s (wall) | tokens | per-file p50 / p99 (ms) |')
    print('|---|---:|---:|---:|---:|---|')
    for r in rows:
        print(f"| {r['system']} | {r['wall_s']} | {r['cpu_s']} | {r['mb_s']} | {int(r['tokens']):,} | "
              f"{r['p50_ms']} / {r['p99_ms']} |")
    print()


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    res = argv[1]
    print(f'## vanban benchmarks\n\nMachine: {machine()}.\n')
    analyze_table(records(os.path.join(res, 'analyze.txt'), 'analyze'))
    index_table(records(os.path.join(res, 'index.txt'), 'index'))
    load = [r.get('load', '?') for r in records(os.path.join(res, 'query.txt'), 'query_load')]
    query_table(records(os.path.join(res, 'query.txt'), 'query'), load[0] if load else '?')
    paired_table(records(os.path.join(res, 'query.txt'), 'paired'))
    server_table(records(os.path.join(res, 'server.txt'), 'server'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
