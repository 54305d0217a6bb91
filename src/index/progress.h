// How an indexing run's progress reads on a terminal: one line, redrawn in
// place, that fits the terminal's width. Pure functions: thread-safe.
#ifndef VANBAN_INDEX_PROGRESS_H_
#define VANBAN_INDEX_PROGRESS_H_

#include <string>

#include "index/indexer.h"

namespace vanban::index {

// The progress bar for a terminal `columns` wide, without "\r" or newline:
// "[#####-----] 12/30 tệp · 1.2/3.4 MB · 0.9 MB/s · còn 00:05". It takes at
// most columns - 1 columns (writing the last one wraps on some terminals,
// and a wrapped line is left behind by every redraw: I12, QA 20): the bar
// is shortened first (30 cells down to 10), then the MB, the rate and the
// time left are dropped, then the bar; the file count alone is cut.
std::string ProgressBarLine(const IndexProgress& progress, int columns);

// The columns `text` (UTF-8) takes on a terminal: one per code point
// (Vietnamese letters are precomposed, NFC).
int TerminalColumns(const std::string& text);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_PROGRESS_H_
