// Internal to vanban_search: parses what a user typed (filters, "phrases",
// -exclusions, free words) and turns it into a Xapian query following
// index/schema.h. Never throws on bad input: it repairs and says so.
// QueryBuilder is thread-compatible: one per query being built (Searcher
// makes one per request), over a database handle of that thread.
#ifndef VANBAN_SEARCH_QUERY_H_
#define VANBAN_SEARCH_QUERY_H_

#include <xapian.h>

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/snippet.h"
#include "text/analyzer.h"

namespace vanban::search {

struct ParsedQuery {
  std::string free_text;                 // the words outside filters/phrases/exclusions
  std::vector<std::string> phrases;      // quoted
  // The free words and the phrases (in quotes) in the order typed: what
  // the accent suggestion rewrites (Q4, session 17).
  std::string words_and_phrases;
  std::vector<std::string> exclusions;   // -word / -"phrase"
  // From type:/issuer:/year:, each value once, in the order typed. Values
  // of one field are alternatives ("year:2021 year:2022": either year);
  // fields are all required.
  std::vector<std::string> types, issuers, years;
  // -type:/-issuer:/-year: ("-type:Luật"): documents with that value are
  // excluded. Each is the field's name and the value.
  std::vector<std::pair<std::string, std::string>> excluded_filters;
  std::string notice;  // Vietnamese, on repairs

  // "free=[...] phrases=[...] not=[...] type=... issuer=... year=..."
  std::string Describe() const;
  // The query again, with `free` for the free text: phrases, exclusions and
  // filters as parsed ("khiếu nại -\"tố cáo\" type:luật").
  std::string WithFreeText(const std::string& free) const;
  // The same with `text` for the free words and the phrases.
  std::string WithWordsAndPhrases(const std::string& text) const;
};

// Splits `query`; never fails. Unbalanced quotes and a lone "-" are
// repaired with a notice.
ParsedQuery ParseQuery(const std::string& query);

// A query with adjacent words ("hộ gia đình") is matched in two tiers, so
// that the common case reads short posting lists (pair terms) instead of
// the AND of very common folded syllables:
//  - tier 1, "words together": in each run of words typed next to each
//    other, every word occurs next to a neighbour it was typed with, i.e.
//    the run's folded pair terms cover all its words (Who_gia AND
//    Wgia_dinh; for "phòng cháy chữa cháy" Wphong_chay AND Wchua_chay,
//    since texts write "phòng cháy, chữa cháy" and no pair spans a comma).
//    The other parts (identifiers, lone words, abbreviations, phrases) are
//    as in `query`, the name and number alternatives OR'ed in. A pair
//    implies its two folded terms, so tier 1 is a subset of `query`. Typed
//    without marks, a tier-1 document scores with `tier1` AND_MAYBE
//    `tier1_boost` what `query` AND_MAYBE `boost` gives it; typed with
//    marks, a run word weighs by its exact term instead of its folded one
//    (a document writing it with other marks scores only the pair).
//  - tier 2, "all the words, apart": `tier2`, the AND of all words AND_NOT
//    the tier-1 set, scored by `query` AND_MAYBE `boost` and ranked after
//    tier 1 (the caller ranks it only when a page reaches past tier 1).
// `tier1` is empty when the query has no such run (one word, a number,
// an abbreviation and a word): then `query` is the only tier.
struct BuiltQuery {
  Xapian::Query query;        // what to match (empty when nothing to search)
  Xapian::Query boost;        // optional weight-only part (AND_MAYBE)
  // For when `query` finds nothing: all the quoted phrases and, when some
  // free words are in no document (`unknown_words`), all the other free
  // words, else some of them (OR); empty when that is `query` again (one
  // word, or phrases alone). Its hits come with a notice (Searcher).
  Xapian::Query fallback;
  std::vector<std::string> unknown_words;  // as typed; those `fallback` leaves out
  // A number typed in full that no document has or cites ("26/2016/NĐ-CP";
  // NumberQuery), or empty: the hits only share parts of it, and a notice
  // says so (S2, session 16: Chỉ thị 26/CT-TTg of 2016 came as if it were
  // that number).
  std::string unknown_number;
  Highlight highlight;        // the words to mark in snippets
  std::vector<PositionTerm> highlight_terms;  // the words whose positions place a snippet
  // The article the query names ("dieu-9" for "điều 9 luật khiếu nại"):
  // a hit that has it shows it (MakeSnippet). Empty for none.
  std::string article_anchor;
  // The name term ("Nluat to cao") when the query is a document's name and
  // names no article or number: the documents with it show their beginning
  // (MakeSnippet without position terms), not where they write the name.
  std::string name_term;
  bool accented = false;      // the user typed diacritics
  // The free text's words past the first kMaxQueryWords, left out (0 for
  // none): the Searcher says so.
  size_t words_dropped = 0;
  static constexpr size_t kMaxQueryWords = 64;
  std::vector<std::string> exact_boost;  // exact terms of accented words (weight only)
  Xapian::Query tier1;        // words together (see above), or empty
  Xapian::Query tier1_boost;  // `boost` without the pair and exact terms `tier1` weighs
  Xapian::Query tier1_set;    // the documents of `tier1` without its weights, for counting
  Xapian::Query tier2;        // all words AND_NOT tier 1 (see above), or empty
};

// `match` AND_MAYBE `weight`: the documents of `match`, each weighted by
// both. Every AND_MAYBE vanban builds goes through here. Xapian 1.4's
// matcher (1.4.22 in Debian 12) can lose a document from an AND_MAYBE:
// once the page's lowest weight exceeds what `match` alone can give, the
// AND_MAYBE turns into an AND and moves past the document the right side
// had already reached (AndMaybePostList::next skips to
// max(left, right) + 1), so a small page could miss its best hit ("khiếu
// nại" with 2 hits per page showed the 2nd and 3rd). The right side is
// therefore given every document at weight 0: it then never stands past
// the left side, and the weights stay the same.
Xapian::Query AndMaybe(const Xapian::Query& match, const Xapian::Query& weight);

// A query matching every document, made anew for each use (threads must
// not share Xapian::Query::MatchAll; see query.cc).
Xapian::Query AllDocuments();

// The frequencies of the terms QueryBuilder looks up, kept between queries
// for one revision of a database: each lookup reads B-tree blocks, and
// queries share most of their syllables. Its owner clears it when the
// database changes. Thread-compatible.
class TermFreqs {
 public:
  Xapian::doccount Get(const Xapian::Database& db, const std::string& term);
  void Clear() { freqs_.clear(); }

 private:
  static constexpr size_t kMaxTerms = 1 << 16;  // then it starts over
  std::unordered_map<std::string, Xapian::doccount> freqs_;
};

class QueryBuilder {
 public:
  // `schema_version`: that of the index (schema.h; 0 when unknown). From
  // 2 on, a title phrase can be matched by its title pair terms; from 4
  // on, exact body terms have positions, so an accented phrase is a phrase
  // of exact terms (before, the folded phrase plus the exact words).
  // `freqs`, when given, keeps the term frequencies looked up (for `db`'s
  // revision only).
  QueryBuilder(const Xapian::Database& db, const text::Analyzer& analyzer, int schema_version = 0,
               TermFreqs* freqs = nullptr)
      : db_(db),
        analyzer_(analyzer),
        freqs_(freqs),
        title_pairs_(schema_version >= 2),
        exact_positions_(schema_version >= 4) {}
  // Builds the match query for the free words and phrases (filters and
  // exclusions are applied by the caller via Filters()).
  BuiltQuery Build(const ParsedQuery& parsed);
  // The boolean filter as a query, empty for none: within each field the
  // OR of its values, and the AND of the fields.
  // `unknown` names the first field none of whose values any document has
  // ("loại “Thông”"; Vietnamese, for a notice): nothing can match. Else it
  // is cleared, and `unmatched` names the values no document has that
  // were dropped from a field with others ("năm “1999”"), or is cleared.
  Xapian::Query Filters(const std::vector<std::string>& types,
                        const std::vector<std::string>& issuers,
                        const std::vector<std::string>& years, std::string* unknown,
                        std::string* unmatched = nullptr);
  Xapian::Query Exclusions(const std::vector<std::string>& words);
  // The number-aware query alone (document-number spellings), or empty.
  // `identifiers`, when given, gets the folded identifiers it matches
  // exactly ("23-qd/tw" for "23/QĐ-TW" or "qd 23 tw": the number of the
  // document it names, as its text and the texts citing it write it).
  // `unknown`, when given, gets a number typed in full with its codes that
  // no document has or cites ("26/2016/NĐ-CP"), as typed, or is cleared:
  // what the query finds then only shares some of its parts.
  // `others`, when given, gets the folded numbers cited in full that a
  // short number typed with its type or codes is not, as they have
  // another type's code ("45/2013/tt-btc" for "luật 45/2013"): the texts
  // citing them are matched, after those citing `identifiers`.
  Xapian::Query NumberQuery(const text::AnalyzedText& at,
                            std::vector<std::string>* identifiers = nullptr,
                            std::string* unknown = nullptr,
                            std::vector<std::string>* others = nullptr);
  // The name term (schema::kName) of `key`, an index::NameKey, when a
  // document has it; else, for a key led by "luat" that no document has,
  // that of "bo luat …" when one has it: officials call the codes "luật
  // hình sự", "luật dân sự" (S8, QA 21: Luật Thi hành án hình sự came
  // before Bộ luật Hình sự, and opened). Empty when neither exists.
  std::string NameTerm(const std::string& key) const;
  // A document named loosely by its type and title words ("luật dân chủ
  // cơ sở" for Luật Thực hiện dân chủ ở cơ sở): TypeLedTitle over the whole
  // text; empty when it does not start with a type or has a number.
  // Two words at least besides the type that are not stopwords: "luật ở",
  // "luật số" named Luật 10/2022/QH15 by "ở" and "sở" (N1, session 16).
  Xapian::Query LooseName(const text::AnalyzedText& at) {
    return TypeLedTitle(at.tokens, at.tokens.size(), at.tokens.size(), /*min_words=*/2);
  }

 private:
  // `t` is marked in snippets and places them: by its exact term when it
  // is a syllable typed with marks and exact terms have positions.
  void Locate(const text::Token& t, BuiltQuery* out) const;
  // An abbreviation's expansion ("ủy ban nhân dân" for "UBND"): marked
  // as a whole phrase only (Highlight::AddPhrase), and it places the
  // passage where its words stand together (PositionTerm::words).
  // `together` (as Highlight::AddPhrase; empty: every word) says which
  // words the search finds next to the one before only, no punctuation
  // between (their pair terms).
  void LocatePhrase(const std::vector<text::Token>& words, BuiltQuery* out, bool typed = false,
                    const std::vector<char>& together = {}) const;
  // A document number the query names (folded identifier): marked, and
  // the passage of a hit that writes it is where it is written.
  void LocateNumber(const std::string& folded, BuiltQuery* out) const;
  // NumberQuery's reading of the numbers, years, types and codes typed
  // ("chỉ thị 33", "ct33", "23/QĐTW", "số 47").
  Xapian::Query PartsQuery(const text::AnalyzedText& at, std::vector<std::string>* identifiers,
                           std::string* unknown, std::vector<std::string>* others);
  // A code typed alone ("qh15"): the documents whose own number has it,
  // first, then those writing a number with it (their identifiers go to
  // `found`).
  Xapian::Query SymbolQuery(const std::string& code, std::vector<std::string>* found);
  // A code no document number has as the codes some have, written
  // together: "qdtw" -> {"qd", "tw"}. Empty when it is not so.
  std::vector<std::string> FusedCodes(const std::string& code);
  Xapian::Query WordQuery(const text::Token& t, bool accented, BuiltQuery* out);
  // A year typed among words ("luật tố cáo 2018"): the documents of that
  // year (weighted above the others) or that write the number.
  Xapian::Query YearQuery(const text::Token& t, BuiltQuery* out);
  Xapian::Query PhraseQuery(const text::AnalyzedText& at, bool accented, BuiltQuery* out);
  // The phrases a quoted phrase (or an excluded one) matches: its folded
  // words in order, and its words as typed (the exact terms of those
  // typed with marks), each with its pair terms (no punctuation between
  // words typed together); and `variants`, the phrase with an
  // abbreviation in it written out or the other way round (folded), marked
  // in snippets through `out` when not null.
  struct PhraseParts {
    Xapian::Query folded, exact, variants;
  };
  PhraseParts Phrases(const text::AnalyzedText& at, BuiltQuery* out);
  // For a query led by a document type ("luật dân chủ cơ sở", "nghị định
  // tiếp công dân"): the documents of that type whose title has every
  // other word (a year aside), side by side as tier 1 asks of a run of
  // words (title pairs), weighted by those title words; empty when the
  // query does not start with a type or has a number or code after it.
  // T3 (session 15): Nghị định 59, whose title holds the law's name, ranked
  // above Luật 10/2022/QH15 for "luật dân chủ cơ sở".
  // `min_words`: the fewest words after the type that are not stopwords.
  Xapian::Query TypeLedTitle(const std::vector<text::Token>& ts, size_t year_from, size_t year,
                             size_t min_words = 1);
  std::vector<std::string> MatchingFilterTerms(const std::string& prefix, const std::string& key);
  Xapian::doccount TermFreq(const std::string& term) const {
    return freqs_ ? freqs_->Get(db_, term) : db_.get_termfreq(term);
  }
  bool Exists(const std::string& term) const { return TermFreq(term) > 0; }
  // The most the term can add to a document's BM25 score (0 when no
  // document has it).
  double MaxWeight(const std::string& term) const;
  // The term can add at most kNegligibleWeight (query.cc) to a BM25 score.
  bool Negligible(const std::string& term) const;
  // The words of a phrase in order: `terms` (exact where typed with marks,
  // else folded) against `folded`; see exact_positions_.
  Xapian::Query AccentedPhrase(const std::vector<std::string>& folded,
                               const std::vector<std::string>& terms) const;

  const Xapian::Database& db_;
  const text::Analyzer& analyzer_;
  TermFreqs* freqs_;
  bool title_pairs_;
  bool exact_positions_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_QUERY_H_
