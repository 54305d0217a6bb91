#!/usr/bin/env python3
"""Splits the Pháp điển Markdown benchmark corpus into one file per article.

Usage: split_articles.py SRC_DIR OUT_DIR [--mode articles|headings]

SRC_DIR is ../shared/bench/large-corpus/phapdien-md (203 đề-mục files). Each
file is YAML front matter, a "## THÔNG TIN VĂN BẢN" table, "## VĂN BẢN" (the
text) and "## Danh sách điều khoản" (a table of contents that repeats every
article heading with an id, without the article text).

--mode articles (default): the units are the articles of the "## VĂN BẢN"
  section. An article starts at a heading `Điều <n>.<n>.…` at the start of a
  line, or glued to the end of the previous sentence ("…Việt Nam.Điều 40.1.LQ.3.
  Áp dụng pháp luật"): both are followed by the "(Điều 1 Luật số …)" source
  line. It runs to the next heading. Front matter, the metadata table, the
  text before the first article and the table of contents are dropped.
--mode headings: the naive split on every line that starts with `Điều <n>.<n>.`
  anywhere after the front matter and the metadata table, table of contents
  included (88 693 units, 55 388 of them heading-only stubs). Only for
  comparison with figures measured that way.

Writes OUT_DIR/articles/<chủ-đề>/<đề-mục>/<NNNNN>.txt (the article bytes as in
the source, trailing blank lines trimmed, one final newline), OUT_DIR/articles.list
(relative paths, in order: every system indexes exactly these files) and
OUT_DIR/articles.tsv (path, bytes, heading, source file). Prints a summary.
"""

import os
import re
import shutil
import sys

HEADING = re.compile(r'Điều \d+\.\d+\.')
BODY_START = '\n## VĂN BẢN\n'
TOC_START = '\n## Danh sách điều khoản\n'


def is_heading_at(line, pos):
    """A heading at the start of the line, or glued to the previous sentence
    (not after a space or "(", which is how cross-references read)."""
    if pos == 0:
        return True
    prev = line[pos - 1]
    return not prev.isspace() and prev != '('


def article_starts(lines, glued):
    """Yields (line index, column) of each article heading."""
    for k, line in enumerate(lines):
        if not glued:
            if line.startswith('Điều ') and HEADING.match(line):
                yield k, 0
            continue
        for m in HEADING.finditer(line):
            if is_heading_at(line, m.start()):
                yield k, m.start()


def split_text(text, mode):
    """Returns the list of article strings of one đề-mục file."""
    begin = text.find(BODY_START)
    if begin < 0:
        raise ValueError('no "## VĂN BẢN" section')
    end = text.find(TOC_START, begin)
    if mode == 'headings' or end < 0:
        end = len(text)
    lines = text[begin + len(BODY_START):end].split('\n')
    starts = list(article_starts(lines, glued=(mode == 'articles')))
    units = []
    for i, (k, col) in enumerate(starts):
        nk, ncol = starts[i + 1] if i + 1 < len(starts) else (len(lines), 0)
        if nk == k:
            parts = [lines[k][col:ncol]]
        else:
            parts = [lines[k][col:]] + lines[k + 1:nk]
            if ncol > 0:
                parts.append(lines[nk][:ncol])
        units.append('\n'.join(parts).rstrip() + '\n')
    return units


def source_files(src):
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith('.md'):
                yield os.path.join(dirpath, name)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--mode')]
    mode = 'articles'
    for a in argv[1:]:
        if a.startswith('--mode='):
            mode = a.split('=', 1)[1]
    if len(args) != 2 or mode not in ('articles', 'headings'):
        sys.stderr.write(__doc__)
        return 2
    src, out = args
    if not os.path.isdir(src):
        sys.stderr.write(f'split_articles: no such folder: {src}\n')
        return 1
    root = os.path.join(out, 'articles')
    shutil.rmtree(root, ignore_errors=True)
    n_files = n_units = n_bytes = in_bytes = 0
    with open(os.path.join(out, 'articles.list.tmp'), 'w', encoding='utf-8') as lst, \
         open(os.path.join(out, 'articles.tsv'), 'w', encoding='utf-8') as tsv:
        tsv.write('path\tbytes\theading\tsource\n')
        for path in source_files(src):
            raw = open(path, 'rb').read()
            in_bytes += len(raw)
            try:
                units = split_text(raw.decode('utf-8'), mode)
            except (UnicodeDecodeError, ValueError) as e:
                sys.stderr.write(f'split_articles: {path}: {e}\n')
                return 1
            rel_src = os.path.relpath(path, src)
            folder = os.path.splitext(rel_src)[0]
            os.makedirs(os.path.join(root, folder), exist_ok=True)
            n_files += 1
            for i, unit in enumerate(units, 1):
                rel = os.path.join('articles', folder, f'{i:05d}.txt')
                data = unit.encode('utf-8')
                with open(os.path.join(out, rel), 'wb') as f:
                    f.write(data)
                heading = unit.split('\n', 1)[0][:80].replace('\t', ' ')
                lst.write(rel + '\n')
                tsv.write(f'{rel}\t{len(data)}\t{heading}\t{rel_src}\n')
                n_units += 1
                n_bytes += len(data)
    os.replace(os.path.join(out, 'articles.list.tmp'), os.path.join(out, 'articles.list'))
    with open(os.path.join(out, 'articles.stamp'), 'w') as f:
        f.write(f'mode={mode} files={n_files} units={n_units} bytes={n_bytes}\n')
    print(f'corpus: {n_files} source files, {in_bytes} bytes -> {n_units} articles '
          f'({mode}), {n_bytes} bytes ({n_bytes / 2**20:.1f} MiB) in {root}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
