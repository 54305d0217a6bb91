// Rebuilds paragraphs from positioned text lines (a PDF text layer or OCR):
// drops running headers/footers and page numbers, undoes hard line breaks
// and end-of-line hyphenation, and keeps paragraph boundaries. Pure
// functions; thread-safe.
#ifndef VANBAN_INGEST_TEXT_LAYOUT_H_
#define VANBAN_INGEST_TEXT_LAYOUT_H_

#include <string>
#include <vector>

namespace vanban::ingest {

// One line of text on a page; coordinates with y growing downwards.
struct TextLine {
  std::string text;  // UTF-8, words separated by single spaces
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct PageText {
  std::vector<TextLine> lines;  // in reading order
  double height = 0;            // the page's height in the lines' units; 0: unknown
};

struct LayoutStats {
  int headers_dropped = 0;  // running header/footer lines removed
  int page_numbers_dropped = 0;
};

// Removes page furniture: running headers and footers (the same outermost
// line, digits aside, at the same place near the same page edge on at least
// half the pages of a document of two or more pages; never a numbered
// heading such as "Điều 7" or "Mẫu số 02", the national heading, or a line
// text flows through: see the rule in text_layout.cc) and page numbers
// ("5", "- 5 -", "Trang 5", "5/12") at the top or bottom of a page. Counts
// what it removed in `stats` (may be null).
void DropHeadersAndFooters(std::vector<PageText>& pages, LayoutStats* stats);

// Joins the lines into paragraphs separated by blank lines. A line break
// is a paragraph break when the vertical gap is larger than the usual line
// spacing, when the previous line stops short although the next line's
// first word would have fitted, or when the next line starts a list item or
// a heading ("- ", "1.", "a)", "Điều 5.", "Chương II").
std::string JoinLines(const std::vector<PageText>& pages);

// True for a line that is only a page number.
bool IsPageNumberLine(const std::string& line);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_TEXT_LAYOUT_H_
