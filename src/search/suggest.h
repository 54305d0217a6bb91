// Internal to vanban_search: the accented form of a query typed without
// diacritics ("dan van" -> "dân vận"), chosen from the exact words that
// matched it in the best hits (their marked snippet words), preferring words
// matched next to each other. Not Xapian's spelling corrector, which
// rewrites correct Vietnamese ("dân chủ" -> "dân chỉ").
#ifndef VANBAN_SEARCH_SUGGEST_H_
#define VANBAN_SEARCH_SUGGEST_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "text/analyzer.h"

namespace vanban::search {

// folded form -> exact form -> weight (Snippet::marks).
using MarkCounts = std::map<std::string, std::map<std::string, int>>;
// Two words typed next to each other (folded) -> the exact forms marked next
// to each other for them -> occurrences (Snippet::pairs).
using PairCounts = std::map<std::pair<std::string, std::string>,
                            std::map<std::pair<std::string, std::string>, int>>;

// The marked words of one hit's snippet, or of the page (MergeMarks).
struct SuggestMarks {
  MarkCounts words;
  PairCounts pairs;
};

// The marks a suggestion goes by, from the hits' marks in rank order: for
// each word, and for each pair of words typed together, the marks of the
// best-ranked hit that shows it. A lower hit's several "thi" ("đình chỉ thi
// hành") do not outvote the first hit's "Chỉ thị" for "chi thi 33".
SuggestMarks MergeMarks(std::vector<SuggestMarks> hits);

// Returns the suggested query, or empty when there is nothing better
// (typed with diacritics, or no accented form seen) or when a syllable was
// not seen at all (no half-accented suggestion). A word typed next to
// another takes the form seen next to it ("hop dong lao dong": "hợp đồng",
// "lao động", though "đồng" and "động" fold alike; "quan ly": "quản lý", not
// the "quan" of "cơ quan"); otherwise its most weighed form.
std::string SuggestAccents(const text::Analyzer& analyzer, const std::string& free_text,
                           const SuggestMarks& marks);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SUGGEST_H_
