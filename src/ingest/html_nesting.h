// A linear pre-scan of HTML for the HTML reader (internal header): how deep
// gumbo's stack of open elements would grow. Gumbo's tree builder searches
// that stack at many tags (is a <p> open, where does this end tag close),
// so its time grows with depth × tags: 40 000 nested <div> took 4.5 s and
// 300 000 more than two minutes (R4, QA 22). Pure function; thread-safe.
#ifndef VANBAN_INGEST_HTML_NESTING_H_
#define VANBAN_INGEST_HTML_NESTING_H_

#include <string_view>

namespace vanban::ingest {

// The deepest nesting of elements the HTML parsing rules would give
// `html`, estimated with the rules that close elements without an end tag
// (a new <p>, <li>, <dt>/<dd>, <option> or table cell closes the open one,
// a block closes an open <p>, an end tag closes what is open inside its
// element); <html>, <head>, <body> and the elements gumbo adds on its own
// (<tbody>, a reopened <b>) are not counted. Stops scanning, and returns
// limit + 1, once the depth passes `limit`; the work is then at most
// `limit` steps a tag.
int HtmlNestingDepth(std::string_view html, int limit);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_HTML_NESTING_H_
