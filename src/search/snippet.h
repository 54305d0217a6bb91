// Internal to vanban_search: the best passage of a hit with the matched
// words marked, and the article (Điều) or plan section it lies in.
// Only the shown hits are treated, and only one paragraph is re-analysed.
#ifndef VANBAN_SEARCH_SNIPPET_H_
#define VANBAN_SEARCH_SNIPPET_H_

#include <xapian.h>

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "index/record.h"
#include "text/analyzer.h"

namespace vanban::search {

// The words a snippet marks, by their folded form. A word typed with
// marks is marked in that form only: for "tiếp công dân" the "cộng" of
// "cộng đồng" is another word, though both fold to "cong" and match. In a
// passage written without marks ("tiep cong dan") every form is marked.
class Highlight {
 public:
  Highlight() = default;
  Highlight(std::initializer_list<std::string> folded) : folded_(folded) {}

  // A word of the query. A syllable typed with marks is marked in its
  // exact form (lowercase, canonical tone placement: "hoà" is "hòa"),
  // unless its folded form is also typed without marks somewhere in the
  // query. An abbreviation is marked as an abbreviation, however written
  // ("ubnd", "UBND"), not as a syllable that folds alike ("TU" is not
  // "Tứ"). Any other token (a number, a document number) is marked in
  // every form.
  void Add(const text::Token& t);
  // A document number the query names, folded as the analyser folds it in
  // a text ("23-qd/tw" for "23- QĐ/TW"): marked however it is written.
  void AddNumber(const std::string& folded);

  // An abbreviation's expansion ("ủy ban nhân dân" for "UBND"): its words
  // are marked where they stand together, as a whole, and nowhere else
  // (not the "nhân dân" of "Hội đồng nhân dân", nor the "trúng" of "trúng
  // cử" for the "trung" of "trung ương"). A word matches in the form given
  // (old or new tone placement alike), or by its folded form where the
  // text writes it without marks.
  // With `typed` (a phrase the user quoted), a word typed without marks
  // matches every form of it ("tiep cong dan" marks "tiếp công dân").
  // `together[k]` (k >= 1; empty: every word): words[k] stands right after
  // words[k - 1], nothing but spaces and a hyphen between
  // (index::AdjacentTokens), as the search's pair terms ask; else, typed
  // with punctuation between, any punctuation may stand there.
  void AddPhrase(const std::vector<text::Token>& words, bool typed = false,
                 const std::vector<char>& together = {});
  // The number of tokens of a phrase (AddPhrase) that starts at
  // at.tokens[i], or 0 (the longest when several do).
  size_t PhraseAt(const text::AnalyzedText& at, size_t i) const;
  bool HasPhrases() const { return !phrases_.empty(); }

  bool Has(const std::string& folded) const { return folded_.count(folded) > 0; }
  // The forms a folded form is marked in, or null for every form.
  const std::set<std::string>* TypedForms(const std::string& folded) const {
    auto it = typed_.find(folded);
    return it == typed_.end() ? nullptr : &it->second;
  }
  // The folded form is marked only as an abbreviation typed ("tu" only as
  // "TU"), never as a syllable that folds alike.
  bool OnlyAbbreviation(const std::string& folded) const {
    return abbreviations_.count(folded) > 0;
  }
  // Words typed next to each other, by their folded forms, in order.
  void AddPair(const std::string& first, const std::string& second) {
    pairs_.emplace(first, second);
  }
  bool IsPair(const std::string& first, const std::string& second) const {
    return pairs_.count({first, second}) > 0;
  }

 private:
  struct PhraseWord {
    std::string exact, folded;
    bool any_form = false;  // typed without marks: every form matches
    bool together = true;   // right after the word before (AddPhrase)
  };
  std::set<std::string> folded_;
  std::set<std::pair<std::string, std::string>> pairs_;
  std::vector<std::vector<PhraseWord>> phrases_;
  std::set<std::string> any_form_;                      // also typed without marks
  std::set<std::string> abbreviations_;                 // typed as abbreviations only
  std::map<std::string, std::set<std::string>> typed_;  // folded -> forms typed
};

// A query word as the passage of a snippet is chosen by it: the positions
// of `exact` (an exact term, or empty) when the document has it, else those
// of `folded` (its "F..." term). "hòa giải" is then shown where the text
// writes "hòa", not at the "hóa" of "văn hóa". A document number
// (`number`) places the passage before anything else: a hit that writes
// it shows it.
struct PositionTerm {
  struct Word {
    std::string exact, folded;  // as above
    // It stands right after the word before: no phrase break between
    // (schema::kPhraseBreak), as Highlight::AddPhrase's `together`.
    bool together = true;
  };
  std::string exact;
  std::string folded;
  bool number = false;
  // An abbreviation's expansion ("ủy ban nhân dân"): the term is where its
  // words follow each other, each located as above; `folded` only names it
  // (it is no term).
  std::vector<Word> words;
  // A number with the digits typed but of another type ("45/2013/TT-BTC"
  // for "luật 45/2013"): places the passage when no `number` is written.
  bool other_number = false;
};

struct Snippet {
  std::string html;    // HTML-escaped, matches in <mark>...</mark>
  std::string article; // "Điều 5", "II", or empty
  std::string anchor;  // "dieu-5", "muc-2", or empty
  // Marked words: folded form -> exact form -> weight (2 when it stands
  // next to a word typed beside it: "quản lý" for "quan ly", not the
  // "quan" of "cơ quan nhà nước"). Feed the accent suggestion.
  std::map<std::string, std::map<std::string, int>> marks;
  // Two words typed next to each other (folded) -> the forms marked next to
  // each other for them -> occurrences.
  std::map<std::pair<std::string, std::string>, std::map<std::pair<std::string, std::string>, int>>
      pairs;
};

// `highlight`: the words to mark; `position_terms` the words whose
// positions locate the passage. `text` is the document's text (empty for a
// record without text: then the title is shown). `article`: the anchor of
// an article the query names ("dieu-9" for "điều 9"), or empty; when the
// document has it, the passage is taken from it.
Snippet MakeSnippet(const Xapian::Database& db, Xapian::docid did, const index::HitRecord& hit,
                    std::string_view text, const Highlight& highlight,
                    const std::vector<PositionTerm>& position_terms, const text::Analyzer& analyzer,
                    std::string_view article = {});

// What the snippet of a record without text shows: its type, number and
// title, those it has ("Chỉ thị 33/CT-TTg — Tiếp tục …", "Nghị quyết
// 76/NQ-CP"), with no space at either end.
std::string RecordHeading(const index::HitRecord& hit);

// Marks the highlighted words of a short plain text (a title).
std::string HighlightText(std::string_view text, const Highlight& highlight,
                          const text::Analyzer& analyzer, Snippet* marks_out = nullptr);

std::string HtmlEscape(std::string_view s);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SNIPPET_H_
