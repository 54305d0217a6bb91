// Internal to vanban_search: the accented form of a query typed without
// diacritics ("dan van" -> "dân vận"): the forms its words take next to
// each other in the texts of the best hits, else the exact words that
// matched it there (their marked snippet words). Not Xapian's spelling
// corrector, which rewrites correct Vietnamese ("dân chủ" -> "dân chỉ").
// Reads only the database it is given; not thread-safe with a TermFreqs.
#ifndef VANBAN_SEARCH_SUGGEST_H_
#define VANBAN_SEARCH_SUGGEST_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "text/analyzer.h"

namespace vanban::search {

class TermFreqs;  // query.h

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
  // The hit's document; merged, the hits' documents in rank order.
  std::vector<Xapian::docid> docs;
};

// Every spelling of a folded syllable other than itself, with canonical
// tone placement ("so": "sò", "sổ", "sơ", "sợ"…; "ki": "ky", "kỳ", "kì"…);
// some are no words, an index tells. None for a run of letters longer
// than a syllable.
std::set<std::string> SpellingsOf(const std::string& folded);

// The marks a suggestion goes by, from the hits' marks in rank order: for
// each word, and for each pair of words typed together, the marks of the
// best-ranked hit that shows it. A lower hit's several "thi" ("đình chỉ thi
// hành") do not outvote the first hit's "Chỉ thị" for "chi thi 33".
SuggestMarks MergeMarks(std::vector<SuggestMarks> hits);

// Returns the suggested query, or empty when there is nothing better
// (typed with diacritics, or no accented form seen) or when a syllable was
// not seen at all (no half-accented suggestion). The marks prefer, for a
// word typed next to another, the form the best-ranked hit marks next to
// it ("hop dong lao dong": "hợp đồng", "lao động", though "đồng" and "động"
// fold alike; "quan ly": "quản lý", not the "quan" of "cơ quan"); for a
// word typed alone, the form the best-ranked hit that shows it marks most.
// With `db` (whose exact terms have positions: schema 4 on), words typed
// next to each other take instead the reading, among every spelling `db`
// has for them, whose adjacent forms stand together most often in the
// texts of `marks.docs` ("so ho khau": "sổ hộ khẩu", not the "sơ hộ khẩu"
// of a first hit's "hồ sơ hộ khẩu"; "ban tu phap": "ban tư pháp", not "bản
// tự" + "tự pháp"); the marks' forms break ties. `freqs`, when given, keeps
// the spellings' term frequencies looked up.
std::string SuggestAccents(const text::Analyzer& analyzer, const std::string& free_text,
                           const SuggestMarks& marks, const Xapian::Database* db = nullptr,
                           TermFreqs* freqs = nullptr);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SUGGEST_H_
