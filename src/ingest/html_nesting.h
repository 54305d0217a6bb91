// A linear pre-scan of HTML for the HTML reader (internal header): how deep
// gumbo's stack of open elements would grow, and how many formatting
// elements its tree builder would reopen. Gumbo's tree builder searches
// that stack at many tags (is a <p> open, where does this end tag close),
// so its time grows with depth × tags: 40 000 nested <div> took 4.5 s and
// 300 000 more than two minutes (R4, QA 22). A <b> left open before each of
// n paragraphs is reopened in every later paragraph, n²/2 elements: 3 000
// paragraphs (115 KB) took 1.7 GB and 8.6 s (R1, QA 23). Pure function;
// thread-safe.
#ifndef VANBAN_INGEST_HTML_NESTING_H_
#define VANBAN_INGEST_HTML_NESTING_H_

#include <cstddef>
#include <string_view>

namespace vanban::ingest {

struct HtmlNesting {
  // The deepest nesting of elements; <html>, <head>, <body> and the table
  // sections gumbo adds on its own (<tbody>) are not counted.
  int depth = 0;
  // Formatting elements (<b>, <font>, <a>…) closed by a block and reopened
  // inside the next text ("reconstruct the active formatting elements"; the
  // adoption agency's own clones, at most 32 an end tag, are not counted).
  size_t reopened = 0;
};

// Measures `html` with a model of the HTML tree builder: the rules that
// close elements without an end tag (a new <p>, <li>, <dt>/<dd>, <option>
// or table cell closes the open one, a block closes an open <p>, an end tag
// closes what is open inside its element) and the list of active formatting
// elements (what a block closes is reopened before the next text or inline
// tag, up to a marker of a cell, caption or object; at most three alike).
// Where the model is unsure it keeps an element open or reopens it, to
// judge a page deeper than gumbo builds it. On random tag soup it is never
// shallower on pages of up to 10 tags (html_nesting_test); of pages of 30
// to 80 tags mixing rare constructs (tags moved out of a <table>,
// <template>, <ruby>, <colgroup>), 1 to 6 in 10 000 come out a level or
// two shallower. Stops scanning once depth passes `max_depth` (the result then
// has depth max_depth + 1) or reopened passes `max_reopened` (reopened
// max_reopened + 1). The work is a few scans of the stack (at most
// max_depth deep) or of the formatting list a tag, plus one step a
// reopened element.
HtmlNesting MeasureHtmlNesting(std::string_view html, int max_depth, size_t max_reopened);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_HTML_NESTING_H_
