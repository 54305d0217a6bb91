// Internal to vanban_search: the accented form of a query typed without
// diacritics ("dan van" -> "dân vận"), chosen from exact forms recorded by
// the indexer (schema::kMetaFoldPrefix) and the exact syllable pairs that
// co-occur in the index. Not Xapian's spelling corrector.
#ifndef VANBAN_SEARCH_SUGGEST_H_
#define VANBAN_SEARCH_SUGGEST_H_

#include <xapian.h>

#include <string>

#include "text/analyzer.h"

namespace vanban::search {

// Returns the suggested query, or empty when there is nothing better.
std::string SuggestAccents(const Xapian::Database& db, const text::Analyzer& analyzer,
                           const std::string& free_text);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SUGGEST_H_
