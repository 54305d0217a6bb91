// Internal to vanban_search: the accented form of a query typed without
// diacritics ("dan van" -> "dân vận"), chosen from the exact words that
// matched it in the best hits (their marked snippet words), preferring words
// matched next to each other. Not Xapian's spelling corrector, which
// rewrites correct Vietnamese ("dân chủ" -> "dân chỉ").
#ifndef VANBAN_SEARCH_SUGGEST_H_
#define VANBAN_SEARCH_SUGGEST_H_

#include <map>
#include <string>

#include "text/analyzer.h"

namespace vanban::search {

// folded form -> exact form -> weight, from the best-ranked shown hit whose
// snippet marks that folded form.
using MarkCounts = std::map<std::string, std::map<std::string, int>>;

// Returns the suggested query, or empty when there is nothing better
// (typed with diacritics, or no accented form seen).
std::string SuggestAccents(const text::Analyzer& analyzer, const std::string& free_text,
                           const MarkCounts& marks);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SUGGEST_H_
