// Internal to vanban_search: the best passage of a hit with the matched
// words marked, and the article (Điều) or plan section it lies in.
// Only the shown hits are treated, and only one paragraph is re-analysed.
#ifndef VANBAN_SEARCH_SNIPPET_H_
#define VANBAN_SEARCH_SNIPPET_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "index/record.h"
#include "text/analyzer.h"

namespace vanban::search {

struct Snippet {
  std::string html;    // HTML-escaped, matches in <mark>...</mark>
  std::string article; // "Điều 5", "II", or empty
  std::string anchor;  // "dieu-5", "muc-2", or empty
  // Marked words: folded form -> exact form -> weight (2 when a marked
  // neighbour stands beside it). Feeds the accent suggestion.
  std::map<std::string, std::map<std::string, int>> marks;
};

// `highlight` holds folded terms; `position_terms` the "F..." terms whose
// positions locate the passage. `text` is the document's text (empty for a
// record without text: then the title is shown).
Snippet MakeSnippet(const Xapian::Database& db, Xapian::docid did, const index::HitRecord& hit,
                    std::string_view text, const std::set<std::string>& highlight,
                    const std::vector<std::string>& position_terms,
                    const text::Analyzer& analyzer);

// Marks the highlighted words of a short plain text (a title).
std::string HighlightText(std::string_view text, const std::set<std::string>& highlight,
                          const text::Analyzer& analyzer, Snippet* marks_out = nullptr);

std::string HtmlEscape(std::string_view s);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SNIPPET_H_
