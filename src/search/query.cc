#include "search/query.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <set>

#include "index/builder.h"
#include "index/schema.h"
#include "legal/names.h"
#include "text/abbreviations.h"
#include "text/stopwords.h"

namespace vanban::search {
namespace schema = index::schema;
using text::Token;
using text::TokenKind;

namespace {

// A name key without the article, clause or point it is asked about, before
// ("dieu 15 luat thuc hien dan chu o co so", "khoan 2 dieu 15 cua luat …")
// or after it ("luat tiep cong dan dieu 5"); empty when there is none. V8
// (session 14): "điều 15 luật thực hiện dân chủ ở cơ sở" named no document,
// so Nghị định 59 (whose title holds the law's name) ranked above the law.
std::string WithoutUnitRef(const std::string& key) {
  if (key.find("dieu ") == std::string::npos) return {};  // most queries: no regex
  static const std::regex kBefore(
      R"(^(diem [a-z]( |$))?(khoan [0-9]+( |$))?dieu [0-9]+[a-z]?( (cua|tai))? )");
  static const std::regex kAfter(R"( (diem [a-z] )?(khoan [0-9]+ )?dieu [0-9]+[a-z]?$)");
  std::string out = std::regex_replace(key, kBefore, "", std::regex_constants::format_first_only);
  if (out == key)
    out = std::regex_replace(key, kAfter, "", std::regex_constants::format_first_only);
  return out == key ? std::string() : out;
}

// A word that numbers a part of a document: "điều", "khoản", "điểm", "mục",
// "chương", "phần" (folded).
bool IsUnitWord(const std::string& folded) {
  return folded == "dieu" || folded == "khoan" || folded == "diem" || folded == "muc" ||
         folded == "chuong" || folded == "phan";
}

constexpr double kNameScale = 30;
constexpr double kNumberScale = 20;
constexpr double kTitlePhraseScale = 3;
constexpr double kTypeLedScale = 6;
constexpr double kPairScale = 2;
constexpr size_t kMaxQueryTokens = BuiltQuery::kMaxQueryWords;
// A weight-only term whose BM25 part can add no more than this to a score
// is left out: such a term is in more than 79 % of the documents ("Fva", in
// 32 203 of 38 767 articles, adds at most 0.19) and says next to nothing
// about them, but costs a read of its long posting list for the candidates
// ("quyền và nghĩa vụ": 0.83 -> 0.65 ms). Scores of matches are 10-150; the
// top 10 of the 78 benchmark query forms stayed the same.
constexpr double kNegligibleWeight = 0.25;

// Straight quotes for typographic ones, so “...” works like "...".
std::string StraightenQuotes(const std::string& q) {
  std::string out;
  out.reserve(q.size());
  for (size_t i = 0; i < q.size(); ++i) {
    if (i + 2 < q.size() && static_cast<unsigned char>(q[i]) == 0xE2 &&
        static_cast<unsigned char>(q[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(q[i + 2]) == 0x9C ||
         static_cast<unsigned char>(q[i + 2]) == 0x9D)) {
      out.push_back('"');
      i += 2;
    } else {
      out.push_back(q[i]);
    }
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool StartsWithField(const std::string& q, size_t i, const char* field) {
  size_t n = std::char_traits<char>::length(field);
  if (q.size() - i < n) return false;
  for (size_t k = 0; k < n; ++k) {
    if (std::tolower(static_cast<unsigned char>(q[i + k])) != field[k]) return false;
  }
  return true;
}

// Reads a quoted run starting after the opening quote at `i`. Sets
// *balanced to false when the quote is never closed.
std::string ReadQuoted(const std::string& q, size_t* i, bool* balanced) {
  size_t close = q.find('"', *i);
  *balanced = close != std::string::npos;
  if (!*balanced) close = q.size();
  std::string s = q.substr(*i, close - *i);
  *i = *balanced ? close + 1 : close;
  return s;
}

std::string ReadWord(const std::string& q, size_t* i) {
  size_t start = *i;
  while (*i < q.size() && !IsSpace(q[*i]) && q[*i] != '"') ++*i;
  return q.substr(start, *i - start);
}

// Appends `notice` to `*notices`: a query may need several repairs (C8,
// session 17: each one's notice replaced the one before).
void AddNotice(std::string* notices, const std::string& notice) {
  if (notices->find(notice) == std::string::npos)
    *notices += (notices->empty() ? "" : " ") + notice;
}

std::string ReadValue(const std::string& q, size_t* i, std::string* notice) {
  if (*i < q.size() && q[*i] == '"') {
    ++*i;
    bool balanced = true;
    std::string v = ReadQuoted(q, i, &balanced);
    if (!balanced)
      AddNotice(notice, "Thiếu dấu ngoặc kép đóng; đã hiểu phần còn lại là giá trị lọc.");
    return v;
  }
  return ReadWord(q, i);
}

Xapian::Query OrOf(const std::vector<Xapian::Query>& qs) {
  if (qs.empty()) return Xapian::Query();
  if (qs.size() == 1) return qs[0];
  return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

Xapian::Query AndOf(const std::vector<Xapian::Query>& qs) {
  if (qs.empty()) return Xapian::Query();
  if (qs.size() == 1) return qs[0];
  return Xapian::Query(Xapian::Query::OP_AND, qs.begin(), qs.end());
}

// The folded pair term of two adjacent words given by their folded forms
// ("ho", "gia" -> "Who_gia").
std::string FoldedPairTerm(std::string_view a, std::string_view b) {
  std::string pair(a);
  pair.push_back(schema::kPairJoiner);
  pair.append(b);
  return schema::Term(schema::kFoldedPair, pair);
}

Xapian::Query Phrase(const std::vector<std::string>& terms) {
  if (terms.empty()) return Xapian::Query();
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

// The words of an abbreviation's expansion ("ủy ban nhân dân") next to
// each other: all their adjacent-pair terms ("Wuy_ban", "Wban_nhan",
// "Wnhan_dan"). Pair terms carry no positions, so this is a conjunction of
// short posting lists instead of a positional check of very common
// syllables (the body phrase made "Ủy ban nhân dân cấp xã" the slowest
// query). It can only differ from the phrase when every pair occurs but
// never in one run, which does not happen for these fixed expansions.
Xapian::Query NearPhrase(const std::vector<std::string>& folded_terms, double scale = 1) {
  if (folded_terms.size() < 2) return Phrase(folded_terms);
  std::vector<Xapian::Query> pairs;
  for (size_t i = 0; i + 1 < folded_terms.size(); ++i) {
    Xapian::Query pair(FoldedPairTerm(folded_terms[i].substr(schema::kFolded.size()),
                                      folded_terms[i + 1].substr(schema::kFolded.size())));
    pairs.push_back(scale == 1 ? pair : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, pair, scale));
  }
  return AndOf(pairs);
}

Xapian::Query Scale(double f, const Xapian::Query& q) {
  if (q.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, f);
}

// The user typed diacritics in `t`.
bool Accented(const Token& t) {
  return (t.kind == TokenKind::kSyllable || t.kind == TokenKind::kAbbreviation) &&
         text::HasMarks(t);
}

// The exact term of `t` is the form typed, apart from its folded one: a
// syllable typed with marks ("ky" typed plain folds to "ki" but is no
// exact form), or an abbreviation (the table's spelling, however typed).
bool TypedExact(const Token& t) {
  return t.kind == TokenKind::kAbbreviation ? t.exact != t.folded : text::HasMarks(t);
}

bool IsWord(const Token& t) {
  return t.kind == TokenKind::kSyllable || t.kind == TokenKind::kAbbreviation ||
         t.kind == TokenKind::kNumber;
}

// together[k] (k >= 1): the words ts[k - 1] and ts[k] were typed next to
// each other, spaces or a hyphen between (index::AdjacentTokens); such
// words stand so in the text too. together[0] is 1.
std::vector<char> Together(const text::AnalyzedText& at) {
  const auto& ts = at.tokens;
  std::vector<char> together(ts.size(), 1);
  for (size_t k = 1; k < ts.size(); ++k) {
    together[k] =
        IsWord(ts[k - 1]) && IsWord(ts[k]) && index::AdjacentTokens(at.text, ts[k - 1], ts[k]);
  }
  return together;
}

// The folded pair terms of the words together (Together) in `ts`.
std::vector<Xapian::Query> PairTerms(const std::vector<Token>& ts,
                                     const std::vector<char>& together) {
  std::vector<Xapian::Query> pairs;
  for (size_t k = 1; k < ts.size(); ++k) {
    if (together[k]) pairs.emplace_back(FoldedPairTerm(ts[k - 1].folded, ts[k].folded));
  }
  return pairs;
}

// The folded phrase of `ts` with the pair terms of its words together.
Xapian::Query PhraseWithPairs(const std::vector<Token>& ts, const std::vector<char>& together) {
  std::vector<std::string> terms;
  for (const Token& t : ts) terms.push_back(schema::Term(schema::kFolded, t.folded));
  std::vector<Xapian::Query> parts = PairTerms(ts, together);
  parts.insert(parts.begin(), Phrase(terms));
  return AndOf(parts);
}

// A document number without its leading zeros: "08" -> "8" ("0" stays).
std::string Unpadded(const std::string& n) {
  size_t first = n.find_first_not_of('0');
  return first == std::string::npos ? "0" : n.substr(first);
}

// The forms a leading number is written in, the typed one first: "8" ->
// "8", "08", "008"; "02" -> "02", "2", "002". Catalogs and texts write
// "08/CT-UBND", users type "8/CT-UBND": the same number.
std::vector<std::string> PaddedForms(const std::string& n) {
  std::vector<std::string> forms{n};
  for (std::string f = Unpadded(n); f.size() <= 3; f = "0" + f) {
    if (f != n) forms.push_back(f);
  }
  return forms;
}

// A folded identifier with its leading number in each of its PaddedForms:
// "8/ct-ubnd" -> "8/ct-ubnd", "08/ct-ubnd", "008/ct-ubnd".
std::vector<std::string> IdentifierForms(const std::string& folded) {
  size_t end = folded.find_first_not_of("0123456789");
  if (end == 0 || end == std::string::npos) return {folded};
  std::vector<std::string> forms;
  for (const auto& n : PaddedForms(folded.substr(0, end))) forms.push_back(n + folded.substr(end));
  return forms;
}

// A word of ASCII letters fused to a number, either way round: "ct33" ->
// "ct" + "33", "23qd" (typed "23QĐ") -> "qd" + "23". False for any other
// word ("h5n1", "luat", "33").
bool SplitFused(const std::string& folded, std::string* letters, std::string* digits) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  if (folded.empty()) return false;
  bool digits_first = is_digit(folded[0]);
  size_t cut = 0;
  while (cut < folded.size() && (digits_first ? is_digit(folded[cut]) : is_letter(folded[cut]))) {
    ++cut;
  }
  if (cut == 0 || cut == folded.size()) return false;
  for (size_t i = cut; i < folded.size(); ++i) {
    if (digits_first ? !is_letter(folded[i]) : !is_digit(folded[i])) return false;
  }
  *letters = digits_first ? folded.substr(cut) : folded.substr(0, cut);
  *digits = digits_first ? folded.substr(0, cut) : folded.substr(cut);
  return true;
}

// A word of ASCII letters and one number fused ("ct33", "23qd" typed
// "23QĐ", "qd23tw", "ct33ttg", "23qdtw"): the number and the runs of
// letters around it. False for any other word ("luat", "33", "h5n1").
bool SplitFusedRuns(const std::string& folded, std::string* digits,
                    std::vector<std::string>* runs) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  size_t a = 0;
  while (a < folded.size() && is_letter(folded[a])) ++a;
  size_t b = a;
  while (b < folded.size() && is_digit(folded[b])) ++b;
  size_t c = b;
  while (c < folded.size() && is_letter(folded[c])) ++c;
  if (c != folded.size() || b == a || (a == 0 && c == b)) return false;
  *digits = folded.substr(a, b - a);
  runs->clear();
  if (a > 0) runs->push_back(folded.substr(0, a));
  if (c > b) runs->push_back(folded.substr(b));
  return true;
}

// "số" before a number ("số 33", "văn bản số 47/KH-UBND"), as texts quote
// a document number: the mark of that number, not a word to find. Typed
// without marks ("so 47") it is read so too; "sổ", "sở" are other words.
bool NumberMarker(const std::vector<Token>& ts, size_t i) {
  if (i + 1 >= ts.size() || ts[i].kind != TokenKind::kSyllable || ts[i].folded != "so") {
    return false;
  }
  if (text::HasMarks(ts[i]) && ts[i].exact != "số") return false;
  return ts[i + 1].kind == TokenKind::kNumber || ts[i + 1].kind == TokenKind::kIdentifier;
}

// The abbreviation table as the analyser reads it, in table order;
// computed once.
struct FoldedAbbreviation {
  std::string abbrev;                      // "UBND"
  std::vector<std::string> exact, folded;  // the expansion's words: "ủy"…, "uy"…
  // Every way texts write it (text::Spellings), analysed: "ủy ban nhân
  // dân", "UB nhân dân", "UBND".
  std::vector<std::vector<Token>> spellings;
};

// The longest expansion, in words ("cán bộ công chức viên chức").
constexpr size_t kMaxExpansionWords = 6;

const std::vector<FoldedAbbreviation>& FoldedAbbreviations() {
  static const std::vector<FoldedAbbreviation> folded = [] {
    text::Analyzer analyzer;
    std::vector<FoldedAbbreviation> out;
    for (const auto& a : text::Abbreviations()) {
      FoldedAbbreviation f;
      f.abbrev = a.abbrev;
      for (const auto& t : analyzer.Analyze(a.expansion).tokens) {
        f.exact.push_back(t.exact);
        f.folded.push_back(t.folded);
      }
      for (const auto& s : text::Spellings(a)) f.spellings.push_back(analyzer.Analyze(s).tokens);
      out.push_back(std::move(f));
    }
    return out;
  }();
  return folded;
}

// The table entry of an abbreviation token ("UBND", however typed: its
// exact form is the table's spelling), or null.
const FoldedAbbreviation* EntryOf(const Token& t) {
  if (t.kind != TokenKind::kAbbreviation) return nullptr;
  for (const auto& a : FoldedAbbreviations()) {
    if (a.abbrev == t.exact) return &a;
  }
  return nullptr;
}

// The number of tokens from ts[i] on, typed together, that spell a table
// entry's expansion in one of its spellings ("ủy ban MTTQ", "UB mặt trận
// tổ quốc", "uy ban nhan dan", "UBND"), the longest; 0 when none does. A
// word typed with marks must have the expansion's; one typed without,
// its folded form. *entry is set to the entry.
size_t SpelledEntry(const text::AnalyzedText& at, size_t i, const FoldedAbbreviation** entry) {
  const auto& ts = at.tokens;
  std::vector<const std::string*> exact, folded;  // the words so far, written out
  std::vector<bool> marked;
  size_t best = 0;
  for (size_t k = i; k < ts.size(); ++k) {
    const Token& t = ts[k];
    if (k > i && !index::AdjacentTokens(at.text, ts[k - 1], t)) break;
    if (const FoldedAbbreviation* a = EntryOf(t)) {
      for (size_t w = 0; w < a->exact.size(); ++w) {
        exact.push_back(&a->exact[w]);
        folded.push_back(&a->folded[w]);
        marked.push_back(true);
      }
    } else if (t.kind == TokenKind::kSyllable) {
      exact.push_back(&t.exact);
      folded.push_back(&t.folded);
      marked.push_back(text::HasMarks(t));
    } else {
      break;
    }
    if (exact.size() > kMaxExpansionWords) break;
    for (const auto& a : FoldedAbbreviations()) {
      if (a.exact.size() != exact.size()) continue;
      bool same = true;
      for (size_t w = 0; w < exact.size() && same; ++w) {
        same = marked[w] ? *exact[w] == a.exact[w] : *folded[w] == a.folded[w];
      }
      if (same) {
        best = k - i + 1;
        *entry = &a;
        break;
      }
    }
  }
  return best;
}

}  // namespace

Xapian::Query AllDocuments() {
  // Not Xapian::Query::MatchAll: that is one static object, and Xapian's
  // reference counts are not atomic. Copied by searches on several
  // threads, its count went wrong and `vanban serve` crashed under load.
  return Xapian::Query(std::string());
}

Xapian::Query AndMaybe(const Xapian::Query& match, const Xapian::Query& weight) {
  if (weight.empty()) return match;
  return Xapian::Query(
      Xapian::Query::OP_AND_MAYBE, match,
      Xapian::Query(Xapian::Query::OP_OR, weight,
                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, AllDocuments(), 0)));
}

std::string ParsedQuery::Describe() const {
  std::string s = "free=[" + free_text + "]";
  for (const auto& p : phrases) s += " phrase=[" + p + "]";
  for (const auto& e : exclusions) s += " not=[" + e + "]";
  for (const auto& v : types) s += " type=" + v;
  for (const auto& v : issuers) s += " issuer=" + v;
  for (const auto& v : years) s += " year=" + v;
  for (const auto& [name, value] : excluded_filters) s += " not-" + name + "=" + value;
  return s;
}

std::string ParsedQuery::WithFreeText(const std::string& free) const {
  std::string s = free;
  for (const auto& p : phrases) s += (s.empty() ? "\"" : " \"") + p + "\"";
  return WithWordsAndPhrases(s);
}

std::string ParsedQuery::WithWordsAndPhrases(const std::string& text) const {
  auto quoted = [](const std::string& v) {
    return v.find_first_of(" \t") == std::string::npos ? v : "\"" + v + "\"";
  };
  std::string s = text;
  auto add = [&s](const std::string& part) { s += (s.empty() ? "" : " ") + part; };
  for (const auto& e : exclusions) add("-" + quoted(e));
  for (const auto& v : types) add("type:" + quoted(v));
  for (const auto& v : issuers) add("issuer:" + quoted(v));
  for (const auto& v : years) add("year:" + quoted(v));
  for (const auto& [name, value] : excluded_filters) add("-" + name + ":" + quoted(value));
  return s;
}

ParsedQuery ParseQuery(const std::string& raw) {
  ParsedQuery p;
  std::string q = StraightenQuotes(raw);
  size_t i = 0;
  while (i < q.size()) {
    if (IsSpace(q[i])) {
      ++i;
      continue;
    }
    // A filter, or with "-" before it, a filter's value excluded.
    bool negated = q[i] == '-';
    size_t field = negated ? i + 1 : i;
    if (StartsWithField(q, field, "type:") || StartsWithField(q, field, "issuer:") ||
        StartsWithField(q, field, "year:")) {
      char f = std::tolower(static_cast<unsigned char>(q[field]));
      std::string name = f == 't' ? "type" : f == 'i' ? "issuer" : "year";
      i = q.find(':', field) + 1;
      // "type: Luật" is "type:Luật" (R1, QA 21: the filter was dropped and
      // "Luật" searched as a word, without a notice).
      size_t value = i;
      while (value < q.size() && IsSpace(q[value])) ++value;
      size_t next = value < q.size() && q[value] == '-' ? value + 1 : value;
      bool field_next = StartsWithField(q, next, "type:") || StartsWithField(q, next, "issuer:") ||
                        StartsWithField(q, next, "year:");
      std::string v;
      if (value < q.size() && q[value] != '-' && !field_next) {
        i = value;
        v = ReadValue(q, &i, &p.notice);
      }
      if (v.empty()) {
        const char* example = f == 't'   ? "type:Luật"
                              : f == 'i' ? "issuer:\"Quốc hội\""
                                         : "year:2021";
        AddNotice(&p.notice, std::string(negated ? "-" : "") + name +
                                 ": thiếu giá trị nên đã được bỏ qua (ví dụ: " +
                                 (negated ? "-" : "") + example + ").");
      }
      if (negated) {
        if (!v.empty()) p.excluded_filters.emplace_back(name, v);
        continue;
      }
      std::vector<std::string>& values = f == 't' ? p.types : f == 'i' ? p.issuers : p.years;
      if (!v.empty() && std::find(values.begin(), values.end(), v) == values.end()) {
        values.push_back(std::move(v));
      }
      continue;
    }
    if (q[i] == '-' && (i + 1 == q.size() || IsSpace(q[i + 1]))) {
      AddNotice(&p.notice, "Dấu \"-\" đứng riêng đã được bỏ qua (dùng -từ để loại trừ một từ).");
      ++i;
      continue;
    }
    if (q[i] == '-') {
      ++i;
      if (q[i] == '"') {
        ++i;
        bool balanced = true;
        p.exclusions.push_back(ReadQuoted(q, &i, &balanced));
        if (!balanced)
          AddNotice(&p.notice, "Thiếu dấu ngoặc kép đóng; đã tự đóng ở cuối câu truy vấn.");
      } else {
        p.exclusions.push_back(ReadWord(q, &i));
      }
      continue;
    }
    if (q[i] == '"') {
      ++i;
      bool balanced = true;
      std::string phrase = ReadQuoted(q, &i, &balanced);
      if (!balanced) {
        AddNotice(&p.notice, "Thiếu dấu ngoặc kép đóng; đã tìm các từ như không có ngoặc kép.");
        p.free_text += (p.free_text.empty() ? "" : " ") + phrase;
        p.words_and_phrases += (p.words_and_phrases.empty() ? "" : " ") + phrase;
      } else if (phrase.find_first_not_of(" \t") != std::string::npos) {
        p.phrases.push_back(phrase);
        p.words_and_phrases += (p.words_and_phrases.empty() ? "\"" : " \"") + phrase + "\"";
      }
      continue;
    }
    std::string w = ReadWord(q, &i);
    p.free_text += (p.free_text.empty() ? "" : " ") + w;
    p.words_and_phrases += (p.words_and_phrases.empty() ? "" : " ") + w;
  }
  return p;
}

}  // namespace vanban::search

namespace vanban::search {

Xapian::doccount TermFreqs::Get(const Xapian::Database& db, const std::string& term) {
  auto it = freqs_.find(term);
  if (it != freqs_.end()) return it->second;
  if (freqs_.size() >= kMaxTerms) freqs_.clear();
  Xapian::doccount tf = db.get_termfreq(term);
  freqs_.emplace(term, tf);
  return tf;
}

double QueryBuilder::MaxWeight(const std::string& term) const {
  double n = db_.get_doccount();
  double tf = TermFreq(term);
  if (n == 0 || tf == 0) return 0;
  // Xapian's BM25Weight (k1 = 1, no relevance set): termweight log(tw),
  // tw = (N - tf + 1/2) / (tf + 1/2), raised to tw / 2 + 1 below 2; a
  // document's part is at most (k1 + 1) times that.
  double tw = (n - tf + 0.5) / (tf + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  return 2 * std::log(tw);
}

bool QueryBuilder::Negligible(const std::string& term) const {
  double weight = MaxWeight(term);  // 0: no document has it
  return weight > 0 && weight < kNegligibleWeight;
}

void QueryBuilder::Locate(const Token& t, BuiltQuery* out) const {
  out->highlight.Add(t);
  bool by_exact = exact_positions_ && t.kind == TokenKind::kSyllable && text::HasMarks(t);
  out->highlight_terms.push_back({by_exact ? schema::Term(schema::kExact, t.exact) : std::string(),
                                  schema::Term(schema::kFolded, t.folded),
                                  t.kind == TokenKind::kIdentifier,
                                  {}});
}

void QueryBuilder::LocatePhrase(const std::vector<Token>& words, BuiltQuery* out, bool typed,
                                const std::vector<char>& together) const {
  out->highlight.AddPhrase(words, typed, together);
  PositionTerm phrase;
  phrase.folded = "phrase:";
  for (size_t k = 0; k < words.size(); ++k) {
    const Token& t = words[k];
    bool by_exact = exact_positions_ && t.kind == TokenKind::kSyllable && text::HasMarks(t);
    bool close = together.empty() || (k < together.size() && together[k]);
    phrase.words.push_back({by_exact ? schema::Term(schema::kExact, t.exact) : std::string(),
                            schema::Term(schema::kFolded, t.folded), close});
    // A word typed apart is another phrase (the key tells them apart).
    phrase.folded += (close ? " " : " , ") + phrase.words.back().folded;
  }
  out->highlight_terms.push_back(std::move(phrase));
}

void QueryBuilder::LocateNumber(const std::string& folded, BuiltQuery* out) const {
  out->highlight.AddNumber(folded);
  std::string term = schema::Term(schema::kFolded, folded);
  for (auto& p : out->highlight_terms) {
    if (p.folded == term && p.exact.empty()) {
      p.number = true;
      return;
    }
  }
  out->highlight_terms.push_back({std::string(), term, true, {}});
}

Xapian::Query QueryBuilder::WordQuery(const Token& t, bool accented, BuiltQuery* out) {
  std::vector<Xapian::Query> alts;
  std::string folded_term = schema::Term(schema::kFolded, t.folded);
  // An abbreviation is located after its expansion: next to the word typed
  // after it ("UBND xã"), it is a pair of query terms (snippet.cc).
  if (t.kind != TokenKind::kAbbreviation) Locate(t, out);
  if (t.kind == TokenKind::kIdentifier) {
    // "8/CT-UBND" is also "08/CT-UBND" as written.
    for (const auto& form : IdentifierForms(t.folded)) {
      std::string term = schema::Term(schema::kIdentifier, form);
      if (!alts.empty() && !Exists(term)) continue;
      alts.emplace_back(term);
      alts.emplace_back(schema::Term(schema::kFolded, form));
    }
    return OrOf(alts);
  }
  alts.emplace_back(folded_term);
  // Every document with the exact term also has the folded one, so the
  // exact term cannot widen the match: it only adds weight. As a boost it
  // is read for the candidates only (AND(F, ...) + AND_MAYBE exact scores
  // the same as AND(F OR exact, ...) and decodes half the postings).
  if (accented && TypedExact(t)) {
    std::string exact = schema::Term(schema::kExact, t.exact);
    if (!Negligible(exact)) out->exact_boost.push_back(exact);
  }
  if (const FoldedAbbreviation* entry = EntryOf(t)) {
    // Its other spellings, whole: "UBMTTQ" is also "Uỷ ban MTTQ" and "UB
    // MTTQ" (L6, QA 22).
    for (const auto& spelling : entry->spellings) {
      if (spelling.size() < 2) continue;
      std::vector<std::string> terms;
      for (const auto& e : spelling) terms.push_back(schema::Term(schema::kFolded, e.folded));
      LocatePhrase(spelling, out);
      alts.push_back(NearPhrase(terms));
    }
    Locate(t, out);
  }
  return OrOf(alts);
}

Xapian::Query QueryBuilder::PhraseQuery(const text::AnalyzedText& at, bool accented,
                                        BuiltQuery* out) {
  if (at.tokens.empty()) return Xapian::Query();
  // Its words are marked where they stand together only: before, "tiếp"
  // of "tiếp xúc" was marked for "tiếp công dân".
  if (at.tokens.size() == 1) {
    Locate(at.tokens.front(), out);
  } else {
    LocatePhrase(at.tokens, out, /*typed=*/true, Together(at));
  }
  PhraseParts p = Phrases(at, out);
  Xapian::Query plain =
      p.variants.empty() ? p.folded : Xapian::Query(Xapian::Query::OP_OR, p.folded, p.variants);
  if (!accented) return plain;
  return Xapian::Query(Xapian::Query::OP_OR, Scale(2, p.exact), plain);
}

QueryBuilder::PhraseParts QueryBuilder::Phrases(const text::AnalyzedText& at, BuiltQuery* out) {
  std::vector<std::string> folded, exact;
  for (const auto& t : at.tokens) {
    folded.push_back(schema::Term(schema::kFolded, t.folded));
    exact.push_back(TypedExact(t) ? schema::Term(schema::kExact, t.exact) : folded.back());
  }
  // Abbreviations both ways inside quotes too: "UBND cấp xã" is also the
  // phrase "ủy ban nhân dân cấp xã", and "ủy ban nhân dân cấp xã" also
  // "UBND cấp xã" (folded); "UB MTTQ" is "Ủy ban Mặt trận Tổ quốc" and
  // "UBMTTQ" (L6, QA 22: only one abbreviation was written out at a time).
  // Each run of words spelling an expansion takes each of its spellings:
  // a phrase with every combination, the one typed aside, at most
  // kMaxVariants (then each run's spellings with the others as typed).
  struct SpelledRun {
    size_t begin, n;
    const FoldedAbbreviation* entry;
  };
  std::vector<SpelledRun> runs;
  for (size_t i = 0; i < at.tokens.size();) {
    const FoldedAbbreviation* entry = nullptr;
    size_t n = SpelledEntry(at, i, &entry);
    if (n == 0) {
      ++i;
      continue;
    }
    runs.push_back({i, n, entry});
    i += n;
  }
  constexpr size_t kMaxVariants = 16;
  size_t combinations = 1;
  for (const SpelledRun& r : runs)
    combinations = std::min(combinations * r.entry->spellings.size(), kMaxVariants + 1);
  // Words typed next to each other stand next to each other in the text,
  // with no punctuation between (a hyphen aside): their pair terms (which
  // span no comma) must be there too. Positions alone made "dân vận" match
  // "hướng dẫn, vận động". A spelling's words stand together.
  const std::vector<char> together = Together(at);
  // The phrases, as words, each with whether each word stands next to the
  // one before it (Together).
  std::vector<std::pair<std::vector<Token>, std::vector<char>>> written;
  // choice[r]: the spelling of run r, or -1 for the words typed.
  auto add = [&](const std::vector<int>& choice) {
    std::vector<Token> words;
    std::vector<char> close;
    auto typed = [&](size_t from, size_t to) {
      for (size_t k = from; k < to; ++k) {
        words.push_back(at.tokens[k]);
        close.push_back(together[k]);
      }
    };
    size_t next = 0;
    for (size_t r = 0; r < runs.size(); ++r) {
      typed(next, runs[r].begin);
      next = runs[r].begin + runs[r].n;
      if (choice[r] < 0) {
        typed(runs[r].begin, next);
      } else {
        const auto& s = runs[r].entry->spellings[static_cast<size_t>(choice[r])];
        for (size_t k = 0; k < s.size(); ++k) {
          words.push_back(s[k]);
          close.push_back(k == 0 ? together[runs[r].begin] : 1);
        }
      }
    }
    typed(next, at.tokens.size());
    for (size_t k = 1; k < words.size(); ++k) close[k] &= IsWord(words[k - 1]) && IsWord(words[k]);
    written.emplace_back(std::move(words), std::move(close));
  };
  std::vector<int> choice(runs.size(), -1);
  if (combinations <= kMaxVariants) {
    for (auto& c : choice) c = 0;
    while (!runs.empty()) {
      add(choice);
      size_t r = 0;
      while (r < runs.size() &&
             static_cast<size_t>(++choice[r]) == runs[r].entry->spellings.size()) {
        choice[r++] = 0;
      }
      if (r == runs.size()) break;
    }
  } else {
    for (size_t r = 0; r < runs.size(); ++r) {
      for (size_t k = 0; k < runs[r].entry->spellings.size(); ++k) {
        choice[r] = static_cast<int>(k);
        add(choice);
      }
      choice[r] = -1;
    }
  }
  std::vector<Xapian::Query> variants;
  std::set<std::vector<std::string>> seen{folded};
  for (const auto& [words, close] : written) {
    std::vector<std::string> terms;
    for (const Token& t : words) terms.push_back(schema::Term(schema::kFolded, t.folded));
    if (!seen.insert(terms).second) continue;
    variants.push_back(PhraseWithPairs(words, close));
    if (out) LocatePhrase(words, out, /*typed=*/true, close);
  }
  std::vector<Xapian::Query> pairs = PairTerms(at.tokens, together);
  auto with_pairs = [&](const Xapian::Query& phrase) {
    return pairs.empty() ? phrase : AndOf({phrase, AndOf(pairs)});
  };
  return {with_pairs(Phrase(folded)), with_pairs(AccentedPhrase(folded, exact)), OrOf(variants)};
}

Xapian::Query QueryBuilder::AccentedPhrase(const std::vector<std::string>& folded,
                                           const std::vector<std::string>& terms) const {
  if (exact_positions_ || terms.size() <= 1) return Phrase(terms);
  // Exact terms without positions (schema < 4): the folded phrase gives
  // the order, and the exact words must occur somewhere.
  std::vector<Xapian::Query> parts{Phrase(folded)};
  for (size_t i = 0; i < terms.size(); ++i) {
    if (terms[i] != folded[i]) parts.emplace_back(terms[i]);
  }
  return AndOf(parts);
}

namespace {

// "2018": four digits from 1900 to 2099.
bool IsYear(const std::string& s) {
  return s.size() == 4 && (s.compare(0, 2, "19") == 0 || s.compare(0, 2, "20") == 0) &&
         s.find_first_not_of("0123456789") == std::string::npos;
}

// The one year typed among words ("luật tố cáo 2018", "chỉ thị 2021",
// "2018"): a number from 1945 to 2100 and no other number, identifier or
// date in `ts` (then it may be a document number's year: "số 10 năm
// 2022"), apart from the numbers of articles, clauses and points ("điều 9
// luật khiếu nại 2011"). Its index, or ts.size() when there is none.
size_t BareYear(const std::vector<Token>& ts) {
  auto part_number = [&](size_t i) {
    if (i == 0 || ts[i].kind != TokenKind::kNumber || ts[i - 1].kind != TokenKind::kSyllable) {
      return false;
    }
    const std::string& w = ts[i - 1].folded;
    return w == "dieu" || w == "khoan" || w == "diem" || w == "chuong" || w == "muc";
  };
  size_t year = ts.size();
  for (size_t i = 0; i < ts.size(); ++i) {
    if ((ts[i].kind != TokenKind::kNumber && ts[i].kind != TokenKind::kIdentifier &&
         ts[i].kind != TokenKind::kDate) ||
        part_number(i)) {
      continue;
    }
    if (year != ts.size()) return ts.size();  // a second number
    year = i;
  }
  if (year == ts.size() || ts[year].kind != TokenKind::kNumber) return ts.size();
  const std::string& y = ts[year].folded;
  bool in_range = y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos &&
                  y >= "1945" && y <= "2100";
  return in_range ? year : ts.size();
}

}  // namespace

Xapian::Query QueryBuilder::YearQuery(const Token& t, BuiltQuery* out) {
  Xapian::Query word = WordQuery(t, false, out);
  std::string year = schema::Term(schema::kFilterYear, t.folded);
  if (!Exists(year)) return word;
  // The documents of that year weigh as if the year were a rare word of
  // theirs, above any document that only writes the number: the year
  // filter term has wdf 0 (no BM25 weight), so a fixed weight stands in.
  double weight = MaxWeight(schema::Term(schema::kFolded, t.folded)) + MaxWeight(year);
  if (weight <= 0) weight = 1;
  Xapian::Query of_year(Xapian::Query::OP_FILTER,
                        Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()),
                        Xapian::Query(year));
  return Xapian::Query(Xapian::Query::OP_OR, word, of_year);
}

namespace {

// `weight` for each document of `filter` (no weight of its own).
Xapian::Query Fixed(double weight, const Xapian::Query& filter) {
  return Xapian::Query(Xapian::Query::OP_FILTER,
                       Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()),
                       filter);
}

// The id a document's id derives from when it collided with it: the
// indexer adds "-" and 6 or more hex digits of the path hash
// (index/indexer.cc, Rename): "bo-luat-91-2015-qh13-0a1b2c" ->
// "bo-luat-91-2015-qh13". Else the id itself.
std::string HeadId(const std::string& id) {
  size_t dash = id.rfind('-');
  if (dash == std::string::npos || dash == 0) return id;
  size_t n = id.size() - dash - 1;
  bool hex = n >= 6 && n <= 16 &&
             std::all_of(id.begin() + static_cast<std::ptrdiff_t>(dash) + 1, id.end(),
                         [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  return hex ? id.substr(0, dash) : id;
}

// Appends the identifiers of identifier terms ("I23-qd/tw" -> "23-qd/tw").
void KeepIdentifiers(const std::vector<std::string>& terms, std::vector<std::string>* out) {
  for (const auto& t : terms) out->push_back(t.substr(schema::kIdentifier.size()));
}

// Whether the codes of a number (index::SplitIdentifier's symbols) say it
// is of the type `type` (folded, "nghi dinh"): 1 when they have the code
// that type's numbers carry ("nd" of 43/2014/NĐ-CP; a Quốc hội code,
// "qh13", and no type's code for a law), -1 when they have another type's
// ("tt" of 45/2013/TT-BTC for a law), 0 when they say neither.
int CodesFitType(const std::vector<std::string>& symbols, std::string_view type) {
  struct TypeCode {
    std::string_view type, code;
  };
  static constexpr TypeCode kTypeCodes[] = {
      {"nghi dinh", "nd"}, {"thong tu", "tt"},   {"thong tu", "ttlt"},   {"quyet dinh", "qd"},
      {"chi thi", "ct"},   {"nghi quyet", "nq"}, {"nghi quyet", "nqlt"}, {"ket luan", "kl"},
      {"ke hoach", "kh"},  {"quy che", "qc"},    {"luat", "l"},          {"bo luat", "l"},
      {"phap lenh", "pl"},
  };
  auto has = [&](std::string_view code) {
    return std::find(symbols.begin(), symbols.end(), code) != symbols.end();
  };
  bool other = false;
  for (const TypeCode& tc : kTypeCodes) {
    if (!has(tc.code)) continue;
    if (tc.type == type) return 1;
    other = true;
  }
  if (other) return -1;
  // Laws and ordinances carry their issuer's code alone: "qh13",
  // "ubtvqh11".
  std::string_view issuer = type == "luat" || type == "bo luat" ? "qh"
                            : type == "phap lenh"               ? "ubtvqh"
                                                                : "";
  return !issuer.empty() && has(issuer) ? 1 : 0;
}

}  // namespace

std::vector<std::string> QueryBuilder::FusedCodes(const std::string& code) {
  constexpr size_t kMaxCode = 24;
  size_t n = code.size();
  if (n > kMaxCode) return {};
  // from[e]: where the last code of a reading of code[0, e) begins, or npos.
  std::vector<size_t> from(n + 1, std::string::npos);
  from[0] = 0;
  for (size_t e = 2; e <= n; ++e) {
    for (size_t b = 0; b + 2 <= e && from[e] == std::string::npos; ++b) {
      if (from[b] != std::string::npos &&
          Exists(schema::Term(schema::kNumberSymbol, code.substr(b, e - b)))) {
        from[e] = b;
      }
    }
  }
  std::vector<std::string> codes;
  if (from[n] == std::string::npos) return codes;
  for (size_t e = n; e > 0; e = from[e])
    codes.insert(codes.begin(), code.substr(from[e], e - from[e]));
  if (codes.size() < 2) codes.clear();
  return codes;
}

Xapian::Query QueryBuilder::NumberQuery(const text::AnalyzedText& at,
                                        std::vector<std::string>* identifiers, std::string* unknown,
                                        std::vector<std::string>* others) {
  std::vector<std::string> found, not_named;
  std::string unknown_number;
  Xapian::Query parts = PartsQuery(at, &found, &unknown_number, &not_named);
  if (others) others->insert(others->end(), not_named.begin(), not_named.end());
  if (unknown) *unknown = unknown_number;
  std::vector<Xapian::Query> readings;
  if (!parts.empty()) readings.push_back(parts);
  // A code with digits typed alone ("QH15"): a symbol of document numbers,
  // when one has it, or when the code and number it splits into ("QH 15")
  // are no document's.
  int parts_found = -1;  // looked up for the first such code only
  for (size_t i = 0; i < at.tokens.size() && i < kMaxQueryTokens; ++i) {
    const Token& t = at.tokens[i];
    std::string code, digits;
    if (t.kind != TokenKind::kSyllable || !SplitFused(t.folded, &code, &digits) ||
        t.folded.compare(0, code.size(), code) != 0) {
      continue;
    }
    bool symbol = Exists(schema::Term(schema::kNumberSymbol, t.folded));
    if (!symbol && Exists(schema::Term(schema::kNumberSymbol, code))) {
      if (parts_found < 0) {
        parts_found = 0;
        if (!parts.empty()) {
          Xapian::Enquire enquire(db_);
          enquire.set_query(parts);
          parts_found = enquire.get_mset(0, 1).empty() ? 0 : 1;
        }
      }
      symbol = parts_found == 0;
    }
    if (!symbol) continue;
    Xapian::Query q = SymbolQuery(t.folded, &found);
    if (!q.empty()) readings.push_back(q);
  }
  // Codes typed alone ("TW", "QĐ/TW", "TTg"), which are abbreviations too:
  // the documents whose own number has them all, then those writing the
  // words (Q2, session 17: "QĐ/TW" found "Ủy ban Trung ương" and none of
  // the Quyết định numbered QĐ/TW).
  if (readings.empty() && !at.tokens.empty() && at.tokens.size() <= 3) {
    std::vector<Xapian::Query> codes;
    for (const Token& t : at.tokens) {
      std::string term = schema::Term(schema::kNumberSymbol, t.folded);
      if (t.kind != TokenKind::kAbbreviation || !Exists(term)) {
        codes.clear();
        break;
      }
      codes.emplace_back(term);
    }
    if (!codes.empty()) readings.push_back(AndOf(codes));
  }
  if (identifiers) identifiers->insert(identifiers->end(), found.begin(), found.end());
  return OrOf(readings);
}

Xapian::Query QueryBuilder::SymbolQuery(const std::string& code, std::vector<std::string>* found) {
  constexpr size_t kMaxCited = 32;
  std::string prefix(schema::kIdentifier);
  std::vector<Xapian::Query> qs;
  double bound = 0;  // the most the cited numbers can add to a score
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && qs.size() < kMaxCited;
       ++t) {
    std::string id = (*t).substr(prefix.size());
    auto symbols = index::SplitIdentifier(id).symbols;
    if (std::find(symbols.begin(), symbols.end(), code) == symbols.end()) continue;
    qs.emplace_back(*t);
    bound += MaxWeight(*t);
    found->push_back(id);
  }
  // The documents whose own number has the code come first.
  std::string own = schema::Term(schema::kNumberSymbol, code);
  if (Exists(own)) {
    qs.emplace_back(own);
    if (bound > 0) qs.push_back(Fixed(bound, Xapian::Query(own)));
  }
  return OrOf(qs);
}

Xapian::Query QueryBuilder::PartsQuery(const text::AnalyzedText& at,
                                       std::vector<std::string>* identifiers, std::string* unknown,
                                       std::vector<std::string>* others) {
  unknown->clear();
  std::string typed_full;  // the first number typed in full with codes ("26/2016/NĐ-CP")
  std::vector<std::string> numbers, years, quals;
  std::vector<std::string> strong;  // identifier terms
  const auto& ts = at.tokens;
  auto add_code = [&](const std::string& code) {
    std::string term = schema::Term(schema::kNumberSymbol, code);
    quals.push_back(term);
    if (Exists(term)) return;
    // "23/QĐTW": the codes of 23-QĐ/TW written together.
    for (const auto& c : FusedCodes(code)) {
      quals.push_back(schema::Term(schema::kNumberSymbol, c));
    }
  };
  // The codes typed as part of a number ("nd", "cp" of "26/2016/NĐ-CP";
  // "qd", "tw" of "23/QĐTW" or "qd23tw"): a document whose own number
  // lacks one is not the one named.
  std::vector<std::string> typed_codes;
  // The types typed with it ("KTnghi dinh" for "nghị định 33/2021"): a
  // document of none of them is not the one named (S2, session 16).
  std::vector<std::string> typed_types;
  std::vector<std::string> dates;  // ISO, typed after "ngày"
  auto add_parts = [&](const std::string& folded) {
    index::NumberParts parts = index::SplitIdentifier(folded);
    if (!parts.number.empty()) numbers.push_back(parts.number);
    for (auto& y : parts.years) years.push_back(y);
    for (auto& s : parts.symbols) {
      add_code(s);
      if (Exists(schema::Term(schema::kNumberSymbol, s))) {
        typed_codes.push_back(s);
      } else {
        std::vector<std::string> split = FusedCodes(s);
        typed_codes.insert(typed_codes.end(), split.begin(), split.end());
      }
    }
  };
  bool marked = false;  // a number typed after "số"
  // The type and number typed ("nghị định 33/2021"): from the first word
  // of the first type to the last number, for a notice.
  size_t type_first = ts.size(), number_last = ts.size();
  size_t code_first = ts.size();  // the first code typed as a word ("qd 23 tw")
  for (size_t i = 0; i < ts.size() && i < kMaxQueryTokens; ++i) {
    const Token& t = ts[i];
    if (t.kind == TokenKind::kIdentifier || t.kind == TokenKind::kNumber ||
        t.kind == TokenKind::kDate) {
      number_last = i;
    }
    if (NumberMarker(ts, i)) {
      marked = true;
      continue;
    }
    // "ct33", "23QĐ", "qd23tw", "23qdtw": a number fused to codes of
    // document numbers, as "CT 33", "23 QĐ" and "QĐ 23 TW" ("QH15" is a
    // code itself: NumberQuery). A run of letters may be codes written
    // together ("qdtw": "qd", "tw").
    std::string digits;
    std::vector<std::string> runs, codes;
    if ((t.kind == TokenKind::kSyllable || t.kind == TokenKind::kNumber) &&
        SplitFusedRuns(t.folded, &digits, &runs) &&
        !Exists(schema::Term(schema::kNumberSymbol, t.folded))) {
      for (const auto& run : runs) {
        if (Exists(schema::Term(schema::kNumberSymbol, run))) {
          codes.push_back(run);
          continue;
        }
        std::vector<std::string> split = FusedCodes(run);
        if (split.empty()) {
          codes.clear();
          break;
        }
        codes.insert(codes.end(), split.begin(), split.end());
      }
    }
    if (!codes.empty()) {
      numbers.push_back(digits);
      for (const auto& c : codes) quals.push_back(schema::Term(schema::kNumberSymbol, c));
      typed_codes.insert(typed_codes.end(), codes.begin(), codes.end());
      continue;
    }
    // "điều 15", "khoản 2": a part's number, not a document's (V8, session
    // 14: "khoản 2 điều 15 luật …" put Luật 02/2011/QH13 first).
    if (t.kind == TokenKind::kNumber && i > 0 && IsUnitWord(ts[i - 1].folded)) continue;
    if (t.kind == TokenKind::kIdentifier) {
      if (typed_full.empty() && !index::SplitIdentifier(t.folded).symbols.empty()) {
        typed_full = t.exact;
      }
      for (const auto& form : IdentifierForms(t.folded)) {
        std::string term = schema::Term(schema::kIdentifier, form);
        if (Exists(term)) strong.push_back(term);
      }
      add_parts(t.folded);
    } else if (t.kind == TokenKind::kDate && i > 0 && ts[i - 1].folded == "ngay") {
      // "chỉ thị ngày 26/11/2021": the document's date, not a number (Q11,
      // session 17: 26 of 2021 was looked up, and said to be no document).
      std::string iso = legal::internal::IsoDateFromDmy(t.surface);
      if (iso.empty() && t.surface.size() == 10 && t.surface[4] == '-') iso = t.surface;
      if (!iso.empty()) dates.push_back(iso);
    } else if (t.kind == TokenKind::kDate || t.kind == TokenKind::kNumber) {
      add_parts(index::NameKey(t.surface));
    } else {
      quals.push_back(schema::Term(schema::kNumberSymbol, t.folded));
      if (Exists(quals.back())) code_first = std::min(code_first, i);
      std::string gram;
      for (size_t n = 0; n < 3 && i + n < ts.size(); ++n) {
        if (!IsWord(ts[i + n])) break;
        gram += (n ? " " : "") + index::NameKey(ts[i + n].folded);
        quals.push_back(schema::Term(schema::kNumberType, gram));
        if (Exists(quals.back())) {
          typed_types.push_back(quals.back());
          type_first = std::min(type_first, i);
        }
        // A Bộ luật is a law: "luật 100/2015" names Bộ luật 100/2015/QH13
        // (S7, QA 21: it came after the texts citing Nghị định
        // 100/2015/NĐ-CP, and the texts citing it were dropped).
        if (gram == "luat" && (i == 0 || ts[i - 1].folded != "bo")) {
          std::string code = schema::Term(schema::kNumberType, "bo luat");
          if (Exists(code)) {
            quals.push_back(code);
            typed_types.push_back(code);
          }
        }
      }
    }
  }
  // A lone year is a year, a number beside a year is a document number.
  if (numbers.empty() && years.size() > 1) {
    numbers.push_back(years.front());
    years.erase(years.begin());
  }
  // "25/2018", "số 10 năm 2022": a year-shaped number after the number is
  // its year (each number token is split on its own, so "2018" came as a
  // number).
  if (years.empty()) {
    for (size_t i = 1; i < numbers.size(); ++i) {
      if (IsYear(numbers[i])) {
        years.push_back(numbers[i]);
        numbers.erase(numbers.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    }
  }
  // The documents of a date typed, of a type typed with it if any, weigh
  // as their type and year would.
  Xapian::Query dated;
  if (!dates.empty()) {
    std::vector<Xapian::Query> on, types;
    double weight = 1;
    for (const auto& iso : dates) {
      on.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, iso, iso);
      weight += MaxWeight(schema::Term(schema::kNumberYear, iso.substr(0, 4)));
    }
    for (const auto& type : typed_types) {
      types.emplace_back(type);
      weight += MaxWeight(type);
    }
    dated =
        Fixed(weight, types.empty() ? OrOf(on)
                                    : Xapian::Query(Xapian::Query::OP_AND, OrOf(on), OrOf(types)));
  }
  // Years and qualifiers only go with a number: none, nothing to look up.
  if (numbers.empty()) {
    if (identifiers) KeepIdentifiers(strong, identifiers);
    std::vector<Xapian::Query> found(strong.begin(), strong.end());
    if (!dated.empty()) found.push_back(dated);
    return OrOf(found);
  }
  std::vector<Xapian::Query> year_terms, qual_terms;
  for (const auto& y : years) {
    std::string term = schema::Term(schema::kNumberYear, y);
    if (Exists(term)) year_terms.emplace_back(term);
  }
  for (const auto& q : quals) {
    if (Exists(q)) qual_terms.emplace_back(q);
  }
  // A query that is a number and nothing else ("33", "629") is taken as a
  // document number: that document first, then what mentions the number.
  // So is a number after "số" among words that name no type or code of a
  // number ("số 33", "văn bản số 33"): those stay words to find.
  bool number_only =
      years.empty() && numbers.size() == 1 && (quals.empty() || (marked && qual_terms.empty()));
  std::vector<Xapian::Query> per_number;
  double parts_bound = 0;  // the most the parts can add to a score
  for (const auto& n : numbers) {
    std::vector<Xapian::Query> forms;  // "KN08" for "8"
    double bound = 0;
    for (const auto& form : PaddedForms(n)) {
      std::string term = schema::Term(schema::kNumberPart, form);
      if (!Exists(term)) continue;
      forms.emplace_back(term);
      bound = std::max(bound, MaxWeight(term));
    }
    if (forms.empty()) continue;
    Xapian::Query q = OrOf(forms);
    parts_bound += bound;
    for (const auto& t : year_terms) parts_bound += MaxWeight(*t.get_terms_begin());
    for (const auto& t : qual_terms) parts_bound += MaxWeight(*t.get_terms_begin());
    if (!years.empty()) {
      if (year_terms.empty()) continue;  // a year no document has
      q = Xapian::Query(Xapian::Query::OP_AND, q, OrOf(year_terms));
      q = AndMaybe(q, OrOf(qual_terms));
    } else {
      if (qual_terms.empty() && !number_only) continue;  // "điều 33": not a document number
      if (!qual_terms.empty()) q = Xapian::Query(Xapian::Query::OP_AND, q, OrOf(qual_terms));
    }
    per_number.push_back(q);
  }
  // True when document `did` is of a type typed, or none was typed.
  auto of_type_typed = [&](Xapian::docid did) {
    if (typed_types.empty()) return true;
    for (const auto& type : typed_types) {
      Xapian::TermIterator t = db_.termlist_begin(did);
      t.skip_to(type);
      if (t != db_.termlist_end(did) && *t == type) return true;
    }
    return false;
  };
  // Numbers cited in full with the number typed but not of the type or
  // codes typed, when some are (their citers come after those of `strong`).
  std::vector<std::string> weaker;
  Xapian::docid own = 0;  // a document whose own number the query is
  bool other_year = false;  // `own`'s number has no year typed (Q1)
  constexpr Xapian::doccount kOwnCandidates = 10;
  const std::string prefix(schema::kIdentifier);
  // Of the best matches of `query`, sets `strong` and `own` to the
  // first whose own number has the number and every code typed, and the
  // year typed when `with_years` (else the first without it).
  auto find_own = [&](const Xapian::Query& query, bool with_years) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Xapian::MSet top = enquire.get_mset(0, kOwnCandidates);
    std::vector<std::string> dated;  // own numbers without the year typed
    Xapian::docid dated_own = 0;
    // With no year typed, every document with the number is named ("luật
    // 02": 02/2011/QH13 and 02/2016/QH14; Q13, session 17: the second came
    // after texts citing the first).
    bool every = with_years && years.empty();
    for (auto m = top.begin(); m != top.end() && (strong.empty() || every); ++m) {
      if (!of_type_typed(*m)) continue;
      // Its own number, as its hit record has it: a Pháp điển đề mục
      // cites other acts' numbers as often as its own (wdf 8 and more).
      std::string own_number = index::OwnNumberOf(analyzer_, m.get_document());
      std::string own_term =
          own_number.empty() ? own_number : schema::Term(schema::kIdentifier, own_number);
      std::vector<std::string> mine;
      bool with_year = false;
      Xapian::TermIterator t = db_.termlist_begin(*m);
      for (t.skip_to(prefix); t != db_.termlist_end(*m); ++t) {
        if ((*t).compare(0, prefix.size(), prefix) != 0) break;
        // Its own number: wdf 8, more when its text writes it too (Bộ
        // luật 91/2015/QH13 does); a number it cites that often has
        // another leading number.
        if (t.get_wdf() < schema::kNumberWdf || (!own_term.empty() && *t != own_term)) continue;
        index::NumberParts parts = index::SplitIdentifier((*t).substr(prefix.size()));
        std::string number = Unpadded(parts.number);
        if (std::none_of(numbers.begin(), numbers.end(),
                         [&](const std::string& n) { return Unpadded(n) == number; })) {
          continue;
        }
        if (!std::all_of(typed_codes.begin(), typed_codes.end(), [&](const std::string& c) {
              return std::find(parts.symbols.begin(), parts.symbols.end(), c) !=
                     parts.symbols.end();
            })) {
          continue;
        }
        with_year |= std::any_of(parts.years.begin(), parts.years.end(), [&](const std::string& y) {
          return std::find(years.begin(), years.end(), y) != years.end();
        });
        mine.push_back(*t);
      }
      if (mine.empty()) continue;
      if (!with_years || years.empty() || with_year) {
        if (strong.empty()) own = *m;
        for (auto& term : mine) {
          if (std::find(strong.begin(), strong.end(), term) == strong.end()) {
            strong.push_back(std::move(term));
          }
        }
      } else if (!dated_own) {
        dated = std::move(mine);
        dated_own = *m;
      }
    }
    if (strong.empty() && dated_own) {
      strong = std::move(dated);
      own = dated_own;
    }
  };
  if (strong.empty() && !per_number.empty()) {
    // The number as the document writes it, as if typed in full: "chỉ
    // thị 33" then also finds what cites "33/CT-TTg" (its identifier term
    // is in their text, weighing less than in the document itself), as
    // "33/CT-TTg" does. Of the best matches, the first whose own number
    // has the number typed, every code typed with it, and the year typed
    // when one is: S1 (session 16), "luật 14/2012" took Chỉ thị 14/CT-TTg,
    // of 2012 by its date, for Luật 14/2012/QH13; S2, "26/2016/NĐ-CP", a
    // number no document has, took Chỉ thị 26/CT-TTg of 2016 as its own.
    find_own(OrOf(per_number), true);
  } else if (!strong.empty()) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(strong.front()));
    Xapian::MSet top = enquire.get_mset(0, 1);
    if (!top.empty()) own = *top.begin();
  }
  if (strong.empty() && !years.empty()) {
    // No document has it as its own number, typed short ("03/2011", "luật
    // 58/2005"): the numbers the texts cite in full that begin with it
    // ("03/2011/QH13", cited by Luật Tố cáo 2018).
    constexpr int kMaxCited = 16;
    for (const auto& n : numbers) {
      std::string bare = n.substr(std::min(n.find_first_not_of('0'), n.size() - 1));
      std::set<std::string> leads = {n, bare};
      if (bare.size() == 1) leads.insert("0" + bare);
      for (const auto& y : years) {
        for (const auto& lead : leads) {
          std::string prefix = schema::Term(schema::kIdentifier, lead + "/" + y + "/");
          int k = 0;
          for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && k < kMaxCited;
               ++t, ++k) {
            // With the codes typed, if any (S2, session 16).
            std::vector<std::string> codes =
                index::SplitIdentifier((*t).substr(schema::kIdentifier.size())).symbols;
            if (!std::all_of(typed_codes.begin(), typed_codes.end(), [&](const std::string& c) {
                  return std::find(codes.begin(), codes.end(), c) != codes.end();
                })) {
              continue;
            }
            // Nor the number of a document of another type than the one
            // typed (Q12, session 17: "chỉ thị 10/2022" gave Luật
            // 10/2022/QH15 as that Chỉ thị, with no notice).
            bool other_type = false;
            for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t) && !other_type; ++p) {
              if (p.get_wdf() < schema::kNumberWdf || of_type_typed(*p)) continue;
              // Its own number, not one it cites that often.
              std::string own_number =
                  index::OwnNumberOf(analyzer_, db_.get_document(*p, Xapian::DOC_ASSUME_VALID));
              other_type =
                  !own_number.empty() && schema::Term(schema::kIdentifier, own_number) == *t;
            }
            if (!other_type) strong.push_back(*t);
          }
        }
      }
    }
    // Of them, those whose codes say they are of the type typed ("luật
    // 45/2013": 45/2013/QH13, not 45/2013/TT-BTC), or have the codes
    // typed as words ("nd 43 2014": 43/2014/NĐ-CP), are the number named;
    // the texts citing the others come after (S1, QA 21: the citers of
    // Thông tư 45/2013/TT-BTC came first).
    std::vector<std::string> word_codes;
    const std::string symbol(schema::kNumberSymbol);
    for (const auto& q : quals) {
      if (q.starts_with(symbol) && Exists(q)) word_codes.push_back(q.substr(symbol.size()));
    }
    auto fits = [&](const std::string& term) {
      auto codes = index::SplitIdentifier(std::string_view(term).substr(prefix.size())).symbols;
      for (const auto& type : typed_types) {
        if (CodesFitType(codes, std::string_view(type).substr(schema::kNumberType.size())) > 0) {
          return true;
        }
      }
      return !word_codes.empty() &&
             std::all_of(word_codes.begin(), word_codes.end(), [&](const std::string& c) {
               return std::find(codes.begin(), codes.end(), c) != codes.end();
             });
    };
    auto other = std::stable_partition(strong.begin(), strong.end(), fits);
    if (other != strong.begin()) {
      weaker.assign(other, strong.end());
      strong.erase(other, strong.end());
    }
  }
  // Q1 (session 17): a number typed with its codes or type and a year it
  // is not of ("23/QĐ-TW 2020", of 2021; "chỉ thị 33 năm 2022"): no
  // document has that year, and the one with the number and every code
  // typed was not even listed. It is now, under the notice that no
  // document is the number typed.
  // Codes typed as words ("qd 23 tw 2020", "CT 33 2022") are codes its
  // number must have, as when typed in it.
  if (strong.empty() && !years.empty() && typed_codes.empty()) {
    const std::string symbol(schema::kNumberSymbol);
    for (const auto& q : quals) {
      if (q.compare(0, symbol.size(), symbol) == 0 && Exists(q)) {
        typed_codes.push_back(q.substr(symbol.size()));
      }
    }
  }
  if (strong.empty() && !years.empty() && (!typed_codes.empty() || !typed_types.empty()) &&
      !qual_terms.empty()) {
    std::vector<Xapian::Query> any_year;
    for (const auto& n : numbers) {
      std::vector<Xapian::Query> forms;
      for (const auto& form : PaddedForms(n)) {
        std::string term = schema::Term(schema::kNumberPart, form);
        if (Exists(term)) forms.emplace_back(term);
      }
      if (!forms.empty()) {
        any_year.emplace_back(Xapian::Query::OP_AND, OrOf(forms), OrOf(qual_terms));
      }
    }
    if (!any_year.empty()) {
      find_own(OrOf(any_year), false);
      other_year = !strong.empty();
    }
  }
  // The number itself before its parts: a document that has it (its own
  // number, or a citation of exactly it) weighs at least what the parts
  // can give any document ("33/CT-TTg": the plan citing it before the
  // articles of Quyết định 33/2014/QĐ-TTg, which share "33" and "TTg").
  double weaker_bound = 0;  // the most the numbers not named can add
  for (const auto& term : weaker) {
    per_number.emplace_back(term);
    weaker_bound += MaxWeight(term);
  }
  for (const auto& term : strong) {
    Xapian::Query exact(term);
    if (double bound = parts_bound + weaker_bound; bound > 0)
      exact = Xapian::Query(Xapian::Query::OP_OR, exact, Fixed(bound, exact));
    per_number.push_back(exact);
  }
  // A document split into parts (articles indexed one by one) has one
  // head: the id the others derive from ("bo-luat-91-2015-qh13", its parts
  // "bo-luat-91-2015-qh13-0a1b2c"). It comes first: the parts are shorter
  // and would weigh more.
  if (own != 0 && !strong.empty()) {
    std::string head =
        HeadId(db_.get_document(own, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotId));
    std::string head_term = schema::Term(schema::kId, head);
    if (!head.empty() && Exists(head_term)) {
      double bound = parts_bound + MaxWeight(strong.front());
      per_number.push_back(
          Fixed(bound, Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(head_term),
                                     Xapian::Query(strong.front()))));
    }
  }
  if (!dated.empty()) per_number.push_back(dated);
  if (strong.empty()) *unknown = typed_full;
  if (other_year) {
    size_t first = std::min(type_first, code_first);
    for (size_t i = 0; i < first; ++i) {
      if (ts[i].kind == TokenKind::kIdentifier || ts[i].kind == TokenKind::kNumber) first = i;
    }
    if (first < ts.size() && number_last < ts.size() && first <= number_last) {
      *unknown = at.text.substr(ts[first].begin, ts[number_last].end - ts[first].begin);
    }
  }
  if (strong.empty() && unknown->empty() && own == 0 && type_first < number_last &&
      number_last < ts.size()) {
    *unknown = at.text.substr(ts[type_first].begin, ts[number_last].end - ts[type_first].begin);
  }
  if (identifiers) KeepIdentifiers(strong, identifiers);
  KeepIdentifiers(weaker, others);
  return OrOf(per_number);
}

BuiltQuery QueryBuilder::Build(const ParsedQuery& parsed) {
  BuiltQuery out;
  text::AnalyzedText at = analyzer_.Analyze(parsed.free_text);
  if (at.tokens.size() > kMaxQueryTokens) {
    out.words_dropped = at.tokens.size() - kMaxQueryTokens;
    at.tokens.resize(kMaxQueryTokens);
  }
  const auto& ts = at.tokens;
  for (const auto& t : ts) out.accented |= Accented(t);
  std::vector<text::AnalyzedText> phrases;
  for (const auto& p : parsed.phrases) {
    phrases.push_back(analyzer_.Analyze(p));
    for (const auto& t : phrases.back().tokens) out.accented |= Accented(t);
  }
  // Words typed next to each other: a snippet word marked beside the word
  // typed beside it shows the form the suggestion takes.
  for (size_t i = 0; i + 1 < ts.size(); ++i) {
    if (IsWord(ts[i]) && IsWord(ts[i + 1]) && index::AdjacentTokens(at.text, ts[i], ts[i + 1])) {
      out.highlight.AddPair(ts[i].folded, ts[i + 1].folded);
    }
  }
  for (const auto& p : phrases) {
    for (size_t i = 0; i + 1 < p.tokens.size(); ++i) {
      out.highlight.AddPair(p.tokens[i].folded, p.tokens[i + 1].folded);
    }
  }
  // "điều 9": the first article named.
  for (size_t i = 0; i + 1 < ts.size(); ++i) {
    if (ts[i].kind == TokenKind::kSyllable && ts[i].folded == "dieu" &&
        ts[i + 1].kind == TokenKind::kNumber && index::AdjacentTokens(at.text, ts[i], ts[i + 1])) {
      out.article_anchor = "dieu-" + ts[i + 1].folded;
      break;
    }
  }
  bool all_stop = true;
  for (const auto& t : ts) all_stop &= t.stopword;
  // What the free words contribute to the match, in order: an abbreviation
  // segment ("ủy ban nhân dân" or UBND) or one token's WordQuery.
  struct Part {
    size_t begin, n;
    Xapian::Query q;
    bool optional;  // a stopword among other words: weight only
    // Tiers 1 and 2 together, when more than `q` (tier 1): an
    // abbreviation's words as its compounds, apart (Any). M1 (QA 23): "cán
    // bộ công chức viên chức" and "CBCCVC" found nothing, though the texts
    // write "cán bộ, công chức, viên chức" (pair terms span no comma).
    Xapian::Query apart;
    const Xapian::Query& Any() const { return apart.empty() ? q : apart; }
  };
  // `q`, or the two-syllable words of an expansion `spelling` anywhere in a
  // document: its pairs from the first word on, every other one, and the
  // last ("cán bộ", "công chức", "viên chức"; "mặt trận", "tổ quốc").
  // Vietnamese compounds are mostly of two syllables, and the pair lists
  // are short: the folded words themselves ("Fto", "Fquoc") made the tier-2
  // count of "Mặt trận Tổ quốc giám sát" 3× plain Xapian's time.
  auto or_apart = [](const Xapian::Query& q,
                     const std::vector<const std::vector<Token>*>& spellings) {
    std::vector<Xapian::Query> alts{q};
    for (const auto* spelling : spellings) {
      const std::vector<Token>& words = *spelling;
      std::vector<Xapian::Query> pairs;
      for (size_t k = 0; k + 1 < words.size(); k += 2) {
        pairs.emplace_back(FoldedPairTerm(words[k].folded, words[k + 1].folded));
      }
      if (words.size() % 2 == 1) {
        pairs.emplace_back(FoldedPairTerm(words[words.size() - 2].folded, words.back().folded));
      }
      alts.push_back(AndOf(pairs));
    }
    return OrOf(alts);
  };
  std::vector<Part> parts;
  // ts[i] + ts[i + 1] is a pair of an abbreviation's expansion, weighed in
  // the match.
  std::vector<bool> pair_in_match(ts.size(), false);
  // A year typed among words counts for the documents of that year; it is
  // no document number, no part of a name and no title word.
  // "năm 2018" is the year too ("luật tố cáo năm 2018"): "năm" joins no
  // run of words (the law does not write "tố cáo năm"). Typed without
  // marks, "nam" after "viet" is the country's.
  const size_t year = BareYear(ts);
  size_t year_from = year;
  if (year != ts.size() && year > 0 && ts[year - 1].kind == TokenKind::kSyllable &&
      index::AdjacentTokens(at.text, ts[year - 1], ts[year])) {
    const Token& t = ts[year - 1];
    bool nam = text::HasMarks(t) ? t.exact == "năm"
                                 : t.folded == "nam" && (year < 2 || ts[year - 2].folded != "viet");
    if (nam) year_from = year - 1;
  }
  for (size_t i = 0; i < ts.size();) {
    if (i == year_from) {
      if (i != year) Locate(ts[i], &out);  // "năm", marked and suggested
      parts.push_back({i, year - i + 1, YearQuery(ts[year], &out), false, {}});
      i = year + 1;
      continue;
    }
    // Numbers typed joined ("59/2023", "10-2022") are found joined, as a
    // text writes them in a short citation ("Nghị định 59/2023"), not
    // anywhere apart: "59/2023" found Luật 10/2022/QH15 by its Pháp điển
    // code "44.13.LQ.59" and a date in 2023 (T8, session 15).
    size_t joined = 1;
    while (i != year_from && i + joined < ts.size() && i + joined != year_from &&
           ts[i].kind == TokenKind::kNumber && ts[i + joined].kind == TokenKind::kNumber &&
           ts[i + joined].begin == ts[i + joined - 1].end + 1 &&
           std::string_view("/-.").find(at.text[ts[i + joined - 1].end]) != std::string::npos) {
      ++joined;
    }
    if (joined > 1) {
      std::vector<std::string> terms;
      for (size_t k = i; k < i + joined; ++k) {
        terms.push_back(schema::Term(schema::kFolded, ts[k].folded));
        Locate(ts[k], &out);
      }
      parts.push_back({i, joined, Phrase(terms), false, {}});
      i += joined;
      continue;
    }
    // Words that spell an abbreviation's expansion ("ủy ban nhân dân",
    // "Ủy ban MTTQ") also find its other spellings ("UBND", "UB MTTQ",
    // "UBMTTQ"); an abbreviation alone is a WordQuery.
    const FoldedAbbreviation* entry = nullptr;
    size_t used = SpelledEntry(at, i, &entry);
    if (used >= 2) {
      std::vector<Xapian::Query> alts;
      for (size_t k = i; k < i + used; ++k) Locate(ts[k], &out);
      std::vector<std::string> typed;
      for (size_t k = i; k < i + used; ++k) typed.push_back(ts[k].folded);
      // The pairs of a spelling of several words weigh here, with the
      // boost's x2 added (each pair once: the boost leaves those typed out).
      for (const auto& spelling : entry->spellings) {
        std::vector<std::string> terms, folded;
        for (const auto& t : spelling) {
          terms.push_back(schema::Term(schema::kFolded, t.folded));
          folded.push_back(t.folded);
        }
        if (spelling.size() == 1) {
          alts.emplace_back(terms.front());
          Locate(spelling.front(), &out);
          continue;
        }
        alts.push_back(NearPhrase(terms, 1 + kPairScale));
        if (folded != typed) LocatePhrase(spelling, &out);
      }
      for (size_t k = i; k + 1 < i + used; ++k) pair_in_match[k] = true;
      std::vector<Token> words(ts.begin() + static_cast<std::ptrdiff_t>(i),
                               ts.begin() + static_cast<std::ptrdiff_t>(i + used));
      Xapian::Query q = OrOf(alts);
      parts.push_back({i, used, q, false, or_apart(q, {&words})});
    } else {
      used = 0;
    }
    if (used) {
      i += used;
      continue;
    }
    // "số" before a number only weighs, as a stopword does: documents
    // that have the number need not write "số" ("số 33" finds Chỉ thị
    // 33/CT-TTg, a catalog record without text).
    bool optional = (ts[i].stopword && !all_stop) || NumberMarker(ts, i);
    parts.push_back({i, 1, WordQuery(ts[i], out.accented, &out), optional, {}});
    if (const FoldedAbbreviation* abbreviation = EntryOf(ts[i])) {
      std::vector<const std::vector<Token>*> spelled;
      for (const auto& spelling : abbreviation->spellings) {
        if (spelling.size() >= 2) spelled.push_back(&spelling);
      }
      if (!spelled.empty()) parts.back().apart = or_apart(parts.back().q, spelled);
    }
    ++i;
  }
  std::vector<Xapian::Query> phrase_queries;
  for (const auto& p : phrases) {
    Xapian::Query q = PhraseQuery(p, out.accented, &out);
    if (!q.empty()) phrase_queries.push_back(q);
  }
  std::vector<Xapian::Query> required, optional;
  std::vector<Xapian::Query> known;  // the required parts some document has
  for (const auto& p : parts) {
    if (!p.optional) {
      required.push_back(p.Any());
      // A plain word no document has ("xyzabc") can match nothing.
      const Token& t = ts[p.begin];
      bool plain = p.n == 1 && p.begin != year_from &&
                   (t.kind == TokenKind::kSyllable || t.kind == TokenKind::kNumber);
      if (plain && !Exists(schema::Term(schema::kFolded, t.folded))) {
        out.unknown_words.push_back(t.surface);
      } else {
        known.push_back(p.Any());
      }
    } else if (!Negligible(schema::Term(schema::kFolded, ts[p.begin].folded))) {
      optional.push_back(p.q);
    }
  }
  // When no document has all the words: with words no document has, those
  // with all the others; else those with some of the free words. Every
  // quoted phrase stays (typed to be there). Not for one word, nor for
  // phrases alone.
  if (!out.unknown_words.empty() && (!known.empty() || !phrase_queries.empty())) {
    known.insert(known.end(), phrase_queries.begin(), phrase_queries.end());
    out.fallback = AndOf(known);
  } else if (required.size() >= 2 || (!required.empty() && !phrase_queries.empty())) {
    out.unknown_words.clear();
    std::vector<Xapian::Query> some = phrase_queries;
    if (required.size() >= 2) some.push_back(OrOf(required));
    out.fallback = AndOf(some);
  }
  required.insert(required.end(), phrase_queries.begin(), phrase_queries.end());
  Xapian::Query main = AndOf(required);
  auto pair_term = [&](size_t i) { return FoldedPairTerm(ts[i].folded, ts[i + 1].folded); };
  // Tier 1: in a run of adjacent plain words (syllables, numbers; no
  // punctuation between them as typed), every word must occur next to a
  // neighbour it was typed with: for "phòng cháy chữa cháy",
  // Wphong_chay AND Wchua_chay (a pair term spans no punctuation, and
  // "phòng cháy, chữa cháy" is how texts and titles write it); for three
  // words, both pairs. A pair implies its folded terms, which then only add
  // weight.
  auto run_word = [&](const Part& p) {
    return p.n == 1 && IsWord(ts[p.begin]) && ts[p.begin].kind != TokenKind::kAbbreviation &&
           p.begin != year_from;
  };
  std::vector<Xapian::Query> required1, weights1, covers;
  std::vector<bool> pair_weighed(ts.size(), false);  // ts[i] + ts[i + 1] weighs in tier 1
  std::set<std::string> exact_weighed;  // exact terms weighing in tier 1's match
  bool has_run = false;
  for (size_t k = 0; k < parts.size();) {
    size_t e = k + 1;
    if (run_word(parts[k])) {
      while (e < parts.size() && run_word(parts[e]) &&
             index::AdjacentTokens(at.text, ts[parts[e - 1].begin], ts[parts[e].begin])) {
        ++e;
      }
    }
    if (e - k < 2) {
      if (!parts[k].optional) required1.push_back(parts[k].q);
      // Beside a run, its words apart are tier 2. Alone, the weights of
      // its expansion's pairs rank the documents writing it first.
      if (!parts[k].apart.empty()) covers.push_back(parts[k].q);
      k = e;
      continue;
    }
    has_run = true;
    // Pair j joins words j and j + 1 of the run. The first and the last
    // word have one pair each, which is then required; a middle word is
    // covered by either of its pairs unless one of them is required. The
    // pairs weigh here (x2, as in `boost`), each once: an OR adds the
    // weights of the pairs a document has, so a tier-1 document gets the
    // weight `boost` would give it, and `tier1_boost` leaves them out.
    size_t n = e - k;
    std::vector<bool> required_pair(n - 1, false);
    required_pair[0] = required_pair[n - 2] = true;
    std::vector<Xapian::Query> cover, weighted;
    auto add_clause = [&](std::vector<size_t> js) {
      std::vector<Xapian::Query> plain, weighed;
      for (size_t j : js) {
        size_t i = parts[k + j].begin;
        plain.emplace_back(pair_term(i));
        weighed.push_back(Scale(pair_weighed[i] ? 0 : kPairScale, plain.back()));
        pair_weighed[i] = true;
      }
      cover.push_back(OrOf(plain));
      weighted.push_back(OrOf(weighed));
    };
    for (size_t j = 0; j + 1 < n; ++j) {
      if (required_pair[j]) add_clause({j});
    }
    for (size_t w = 1; w + 1 < n; ++w) {
      if (!required_pair[w - 1] && !required_pair[w]) add_clause({w - 1, w});
    }
    covers.push_back(AndOf(cover));
    required1.push_back(AndOf(weighted));
    for (size_t j = k; j < e; ++j) {
      const Token& t = ts[parts[j].begin];
      // A word typed with marks weighs by its exact form alone: documents
      // that write it as typed rank above those with other marks (which
      // match by the folded pair). One posting list per word instead of
      // the folded one plus the exact one in the boost.
      bool by_exact = out.accented && TypedExact(t);
      std::string term = by_exact ? schema::Term(schema::kExact, t.exact)
                                  : schema::Term(schema::kFolded, t.folded);
      if (parts[j].optional || Negligible(term)) continue;
      if (by_exact) exact_weighed.insert(term);
      weights1.push_back(by_exact ? Xapian::Query(term) : parts[j].q);
    }
    k = e;
  }
  required1.insert(required1.end(), phrase_queries.begin(), phrase_queries.end());
  Xapian::Query main1;
  if (has_run) {
    main1 = AndMaybe(AndOf(required1), OrOf(weights1));  // no weights: AndOf(required1)
  }
  // Name-aware and number-aware alternatives.
  std::vector<Xapian::Query> alternatives;
  std::string name = index::NameKey(year == ts.size() ? parsed.free_text
                                                      : at.text.substr(0, ts[year_from].begin) +
                                                            " " + at.text.substr(ts[year].end));
  std::string name_term = NameTerm(name);
  if (name_term.empty()) name_term = NameTerm(WithoutUnitRef(name));
  bool named = !name_term.empty();
  if (named) alternatives.push_back(Scale(kNameScale, Xapian::Query(name_term)));
  // A document of the type the query starts with whose title has the other
  // words side by side is named, loosely ("luật dân chủ cơ sở"): in tier 1
  // whatever its body.
  Xapian::Query type_led = TypeLedTitle(ts, year_from, year);
  if (!type_led.empty()) alternatives.push_back(Scale(kTypeLedScale, type_led));
  // With a year typed among words, the query has no other number.
  // The numbers it names are shown where a hit writes them.
  std::vector<std::string> identifiers, others;
  Xapian::Query number = year == ts.size()
                             ? NumberQuery(at, &identifiers, &out.unknown_number, &others)
                             : Xapian::Query();
  if (!number.empty()) alternatives.push_back(Scale(kNumberScale, number));
  for (const auto& id : identifiers) LocateNumber(id, &out);
  // The numbers with the digits typed but of another type: marked, and
  // where a text citing them writes them (a text citing the number named
  // shows that one).
  for (const auto& id : others) {
    out.highlight.AddNumber(id);
    PositionTerm p{std::string(), schema::Term(schema::kFolded, id), false, {}};
    p.other_number = true;
    out.highlight_terms.push_back(std::move(p));
  }
  if (!identifiers.empty()) {
    // The numbers typed as parts of a document number the query names
    // place no passage by themselves: "luật 10/2022" showed Điều 10 ("(Điều
    // 10 Luật số 10/2022/QH15 …)", T8, session 15) for the "10" beside the
    // law's number. The number itself places it; the parts are still marked.
    std::erase_if(out.highlight_terms, [](const PositionTerm& p) {
      std::string_view digits = p.folded;
      if (p.number || !p.words.empty() || !digits.starts_with(schema::kFolded)) return false;
      digits.remove_prefix(schema::kFolded.size());
      return !digits.empty() &&
             std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
  }
  std::vector<Xapian::Query> top;
  if (!main.empty()) top.push_back(main);
  top.insert(top.end(), alternatives.begin(), alternatives.end());
  out.query = OrOf(top);
  if (has_run) {
    std::vector<Xapian::Query> top1{main1};
    top1.insert(top1.end(), alternatives.begin(), alternatives.end());
    out.tier1 = OrOf(top1);
    // The same documents without the weights: counting them (no weights)
    // then looks up no statistics for the weight-only terms.
    top1.front() = AndOf(required1);
    out.tier1_set = OrOf(top1);
    // `main` has every other part of tier 1 already: only the covers and
    // the alternatives tell the tiers apart.
    std::vector<Xapian::Query> set1{AndOf(covers)};
    set1.insert(set1.end(), alternatives.begin(), alternatives.end());
    out.tier2 = Xapian::Query(Xapian::Query::OP_AND_NOT, main, OrOf(set1));
  }
  // Words typed with marks but in no run ("sổ", "sổ 2018"): the documents
  // writing each of them as typed are tier 1, those writing them only with
  // other marks tier 2 (Q15, session 17: "sổ" put texts writing only "cơ
  // sở" above Luật Cư trú, which writes "sổ" 255 times).
  bool as_typed_tier = false;
  if (!has_run && out.accented && !main.empty()) {
    std::vector<Xapian::Query> exact;
    for (const auto& p : parts) {
      const Token& t = ts[p.begin];
      if (!p.optional && run_word(p) && t.kind == TokenKind::kSyllable && TypedExact(t)) {
        exact.emplace_back(schema::Term(schema::kExact, t.exact));
      }
    }
    if (!exact.empty()) {
      as_typed_tier = true;
      Xapian::Query as_typed = AndOf(exact);
      std::vector<Xapian::Query> top1{Xapian::Query(Xapian::Query::OP_FILTER, main, as_typed)};
      top1.insert(top1.end(), alternatives.begin(), alternatives.end());
      out.tier1 = out.tier1_set = OrOf(top1);
      std::vector<Xapian::Query> set1{as_typed};
      set1.insert(set1.end(), alternatives.begin(), alternatives.end());
      out.tier2 = Xapian::Query(Xapian::Query::OP_AND_NOT, main, OrOf(set1));
    }
  }
  // Weight only: pairs, title words, the title phrase, stopwords.
  std::vector<Xapian::Query> boost = optional;
  std::vector<Xapian::Query> boost1 = optional;
  for (const auto& term : out.exact_boost) {
    boost.emplace_back(term);
    if (!exact_weighed.count(term)) boost1.push_back(boost.back());
  }
  // The title words, as titles write them: an abbreviation by its
  // expansion ("MTTQ giám sát" weighs a title "… giám sát … của Mặt trận Tổ
  // quốc …" as "mặt trận tổ quốc giám sát" does), and itself as one more
  // title word.
  std::vector<std::string> title_terms;
  std::vector<std::string> title_pairs;
  bool all_pairs = true;  // every neighbour pair is word-word
  std::string prev_folded;  // the title word before, and whether it is a word
  bool prev_word = false;
  auto add_title_word = [&](const std::string& folded, bool word) {
    if (!title_terms.empty()) {
      if (prev_word && word) {
        title_pairs.emplace_back(
            schema::Term(schema::kTitlePair, prev_folded + schema::kPairJoiner + folded));
      } else {
        all_pairs = false;
      }
    }
    prev_folded = folded;
    prev_word = word;
    title_terms.push_back(schema::Term(schema::kTitleFolded, folded));
    boost.emplace_back(title_terms.back());
    boost1.push_back(boost.back());
  };
  for (size_t i = 0; i < ts.size(); ++i) {
    auto expansions = ts[i].kind == TokenKind::kAbbreviation ? text::ExpandAbbreviation(ts[i].exact)
                                                             : std::vector<std::string_view>();
    if (i >= year_from && i <= year) {
      // Titles seldom write the year: "luật tố cáo" keeps its title phrase.
    } else if (expansions.empty()) {
      add_title_word(ts[i].folded, IsWord(ts[i]));
    } else {
      boost.emplace_back(schema::Term(schema::kTitleFolded, ts[i].folded));
      boost1.push_back(boost.back());
      for (const auto& e : analyzer_.Analyze(expansions.front()).tokens) {
        add_title_word(e.folded, IsWord(e));
      }
    }
    if (i + 1 >= ts.size() || !IsWord(ts[i]) || !IsWord(ts[i + 1])) continue;
    // Nor does a pair with the year weigh: "năm 2018" in a text of 2019.
    if (year != ts.size() && i + 1 >= year_from && i <= year) continue;
    // Words together outrank words apart. Pairs, not a body phrase: a
    // phrase reads position lists and tripled the median query time.
    if (!pair_in_match[i]) {
      boost.push_back(Scale(kPairScale, Xapian::Query(pair_term(i))));
      if (!pair_weighed[i]) boost1.push_back(boost.back());
    }
  }
  // With title pair terms in the index, a title pair no title has means no
  // title has the phrase: the phrase would only open the title terms'
  // posting lists a second time ("xử phạt vi phạm hành chính": 21 of the
  // ranking's 114 block reads).
  bool phrase_possible = !(all_pairs && title_pairs_) ||
                         std::all_of(title_pairs.begin(), title_pairs.end(),
                                     [&](const std::string& pair) { return Exists(pair); });
  if (title_terms.size() >= 2 && phrase_possible) {
    // The title phrase, weighted as the phrase of title terms. With title
    // pair terms in the index, "all title pairs" decides it without
    // reading the position lists of every candidate's title (the phrase
    // was most of the boost's cost).
    Xapian::Query phrase =
        all_pairs && title_pairs_
            ? Xapian::Query(
                  Xapian::Query::OP_FILTER,
                  Xapian::Query(Xapian::Query::OP_AND, title_terms.begin(), title_terms.end()),
                  Xapian::Query(Xapian::Query::OP_AND, title_pairs.begin(), title_pairs.end()))
            : Phrase(title_terms);
    boost.push_back(Scale(kTitlePhraseScale, phrase));
    boost1.push_back(boost.back());
  }
  out.boost = OrOf(boost);
  if (has_run || as_typed_tier) out.tier1_boost = OrOf(boost1);
  if (named && out.article_anchor.empty() && number.empty()) {
    // A query that is a document's name ("luật tố cáo") shows where that
    // document starts, not where its text happens to write the name: that
    // was the article on the law it replaced ("Luật Tố cáo số 03/2011/QH13
    // hết hiệu lực …", F8, session 15). The words are still marked. For
    // that document only (Searcher): the others show where they write them.
    out.name_term = name_term;
  }
  if (!out.article_anchor.empty()) {
    // The article asked for places the passage (MakeSnippet looks in it
    // alone): "điều 15", "khoản 2" do not place it within the article, or
    // its Pháp điển source line "(Điều 15 Luật số 10/2022/QH15, …)" was the
    // passage rather than its text (V8, session 14).
    std::set<std::string> unit_terms;
    for (size_t i = 0; i + 1 < ts.size(); ++i) {
      if (ts[i].kind != TokenKind::kSyllable || !IsUnitWord(ts[i].folded)) continue;
      unit_terms.insert(schema::Term(schema::kFolded, ts[i].folded));
      if (ts[i + 1].kind == TokenKind::kNumber) {
        unit_terms.insert(schema::Term(schema::kFolded, ts[i + 1].folded));
      }
    }
    // Nor do the words of the document's name when they name it ("luật
    // thực hiện dân chủ ở cơ sở"): the article's beginning is shown.
    std::erase_if(out.highlight_terms, [&](const PositionTerm& p) {
      return !p.number && (named || (p.words.empty() && unit_terms.count(p.folded)));
    });
  }
  return out;
}

std::string QueryBuilder::NameTerm(const std::string& key) const {
  if (key.empty()) return {};
  std::string term = schema::Term(schema::kName, key);
  if (Exists(term)) return term;
  constexpr std::string_view kLaw = "luat ";
  if (!key.starts_with(kLaw) || key.size() == kLaw.size()) return {};
  std::string code = schema::Term(schema::kName, "bo " + key);
  return Exists(code) ? code : std::string();
}

Xapian::Query QueryBuilder::TypeLedTitle(const std::vector<text::Token>& ts, size_t year_from,
                                         size_t year, size_t min_words) {
  // The longest type the query starts with ("nghị định", not "nghị").
  size_t type_words = 0;
  std::string type;
  std::string gram;
  for (size_t n = 0; n < 3 && n < ts.size() && ts[n].kind == TokenKind::kSyllable; ++n) {
    if (n == year_from) break;
    gram += (n ? " " : "") + ts[n].folded;
    if (Exists(schema::Term(schema::kFilterType, gram))) {
      type_words = n + 1;
      type = gram;
    }
  }
  if (type_words == 0 || !title_pairs_) return {};
  std::vector<std::string> rest;  // the other words, folded, an abbreviation written out
  size_t content = 0;             // of them, those not stopwords
  for (size_t i = type_words; i < ts.size(); ++i) {
    if (year != ts.size() && i >= year_from && i <= year) continue;
    if (ts[i].kind == TokenKind::kSyllable) {
      rest.push_back(ts[i].folded);
      content += !ts[i].stopword;
    } else if (ts[i].kind == TokenKind::kAbbreviation) {
      auto expansions = text::ExpandAbbreviation(ts[i].exact);
      if (expansions.empty()) return {};
      for (const auto& e : analyzer_.Analyze(expansions.front()).tokens) rest.push_back(e.folded);
      ++content;
    } else {
      return {};  // a number or a code: the number-aware query's
    }
  }
  if (rest.empty() || content < min_words) return {};
  std::vector<Xapian::Query> words, together;
  for (const auto& w : rest) words.emplace_back(schema::Term(schema::kTitleFolded, w));
  // Side by side in the title, as typed (F1, session 15: "quyết định hành
  // chính" named Quyết định 218-QĐ/TW by "Ban hành" and "chính trị"): the
  // first and the last pair, and each word between in a pair with a
  // neighbour, so that "dân chủ cơ sở" names "… dân chủ ở cơ sở".
  auto pair = [&](size_t j) {
    return Xapian::Query(
        schema::Term(schema::kTitlePair, rest[j] + schema::kPairJoiner + rest[j + 1]));
  };
  size_t n = rest.size();
  if (n >= 2) {
    together.push_back(pair(0));
    if (n > 2) together.push_back(pair(n - 2));
    for (size_t w = 2; w + 2 < n; ++w) together.push_back(OrOf({pair(w - 1), pair(w)}));
  }
  together.emplace_back(schema::Term(schema::kFilterType, type));
  return Xapian::Query(Xapian::Query::OP_FILTER, AndOf(words), AndOf(together));
}

namespace {

// A filter value as filters compare it: its NameKey with every '-' and '_'
// a space. The index keeps a hyphen ("XIbo lao dong - thuong binh va xa
// hoi"): compared so, "Bộ Lao động - Thương binh và Xã hội", "Bộ Lao
// động-Thương binh và Xã hội" and "chi-thi" find what they name.
std::string FilterKey(std::string_view value) {
  std::string v(value);
  for (char& c : v) {
    if (c == '-' || c == '_') c = ' ';
  }
  return index::NameKey(v);
}

}  // namespace

std::vector<std::string> QueryBuilder::MatchingFilterTerms(const std::string& prefix,
                                                           const std::string& key) {
  std::vector<std::string> terms;
  if (key.empty()) return terms;
  if (Exists(prefix + key)) return {prefix + key};
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
    std::string value = FilterKey(std::string_view(*t).substr(prefix.size()));
    if ((" " + value + " ").find(" " + key + " ") != std::string::npos) terms.push_back(*t);
  }
  return terms;
}

namespace {

// True when `text` has `word` as a whole word, in the same case.
bool HasWord(std::string_view text, std::string_view word) {
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
    bool starts = at == 0 || !letter(text[at - 1]);
    bool ends = at + word.size() == text.size() || !letter(text[at + word.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// `key` (a NameKey), and the same with each known abbreviation written out
// or each written-out one abbreviated, word for word: "uy ban nhan dan xa
// ngoc ky" -> also "ubnd xa ngoc ky"; "ubnd huyen" -> also "uy ban nhan
// dan huyen". Each mix of the two is a variant, so k abbreviations give up
// to 2^k: at most kMaxVariants of them, and then the value with all written
// out and with all abbreviated (C1, session 17: 17 abbreviations in an
// issuer filter took 57 s, 21 would have taken hours).
std::vector<std::string> AbbreviationVariants(const std::string& key) {
  constexpr size_t kMaxVariants = 32;
  std::vector<std::string> out = {key};
  auto replace_words = [](const std::string& s, const std::string& from, const std::string& to) {
    std::string padded = " " + s + " ";
    std::string needle = " " + from + " ";
    bool changed = false;
    for (size_t at = padded.find(needle); at != std::string::npos;
         at = padded.find(needle, at + to.size() + 1)) {
      padded.replace(at, needle.size(), " " + to + " ");
      changed = true;
    }
    return changed ? padded.substr(1, padded.size() - 2) : std::string();
  };
  auto add = [&out](std::string v) {
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end())
      out.push_back(std::move(v));
  };
  std::string written_out = key, abbreviated = key;
  for (const auto& a : text::Abbreviations()) {
    std::string abbrev = index::NameKey(a.abbrev);
    std::string expansion = index::NameKey(a.expansion);
    // An abbreviation spelled as a word ("TU": "tư", "từ", "tứ") is not
    // written in for its expansion: folded, "tinh uy" would be "tu", and
    // "Tỉnh ủy" found what "UBND huyện Tứ Kỳ" issued (Q19, session 17).
    bool word = text::IsSyllableShaped(abbrev);
    if (std::string v = replace_words(written_out, abbrev, expansion); !v.empty()) written_out = v;
    if (std::string v = replace_words(abbreviated, expansion, abbrev); !v.empty() && !word) {
      abbreviated = v;
    }
    size_t n = out.size();
    for (size_t i = 0; i < n && out.size() < kMaxVariants; ++i) {
      if (!word) add(replace_words(out[i], expansion, abbrev));
      add(replace_words(out[i], abbrev, expansion));
    }
  }
  add(written_out);
  add(abbreviated);
  return out;
}

}  // namespace

Xapian::Query QueryBuilder::Filters(const std::vector<std::string>& types,
                                    const std::vector<std::string>& issuers,
                                    const std::vector<std::string>& years, std::string* unknown,
                                    std::string* unmatched) {
  unknown->clear();
  if (unmatched) unmatched->clear();
  std::vector<Xapian::Query> all;
  // The terms of one value: "Ủy ban nhân dân xã Ngọc Kỳ" finds what "UBND
  // xã Ngọc Kỳ" issued, and the other way round.
  auto terms_of = [&](std::string_view prefix, const std::string& typed) {
    std::set<std::string> found;
    std::string key = FilterKey(typed);
    if (key.empty()) return found;
    // The value as indexed (a facet's value, hyphen kept) is found as it
    // is, as a value without a hyphen is, with no scan of the values.
    std::string as_indexed = schema::Term(prefix, index::NameKey(typed));
    bool exact = Exists(as_indexed);
    if (exact) found.insert(as_indexed);
    std::vector<std::string> variants = AbbreviationVariants(key);
    // Typed in capitals, an abbreviation spelled as a word is the
    // abbreviation: "TU" is Tỉnh ủy, not "tư", "từ", "tứ" (Q19).
    // Typed with marks ("Tứ"), it is that word, not the abbreviation (R7,
    // QA 21: "issuer:Tứ" kept what Tỉnh ủy issued); typed plain ("tu"),
    // either.
    auto has = [](const std::string& v, const std::string& word) {
      return (" " + v + " ").find(" " + word + " ") != std::string::npos;
    };
    for (const auto& a : text::Abbreviations()) {
      std::string abbrev = index::NameKey(a.abbrev);
      if (!text::IsSyllableShaped(abbrev) || !has(key, abbrev)) continue;
      if (HasWord(typed, a.abbrev)) {
        std::erase_if(variants, [&](const std::string& v) { return has(v, abbrev); });
      } else if (std::string expansion = index::NameKey(a.expansion);
                 !HasWord(text::Lower(typed), abbrev) && !has(key, expansion)) {
        std::erase_if(variants, [&](const std::string& v) { return has(v, expansion); });
      }
    }
    for (const auto& k : variants) {
      if (exact && k == key) continue;
      for (auto& t : MatchingFilterTerms(std::string(prefix), k)) found.insert(std::move(t));
    }
    return found;
  };
  auto add = [&](std::string_view prefix, const char* label,
                 const std::vector<std::string>& values) {
    std::set<std::string> found;
    std::vector<std::string> missing;
    for (const auto& typed : values) {
      if (FilterKey(typed).empty()) continue;
      std::set<std::string> terms = terms_of(prefix, typed);
      if (terms.empty()) missing.push_back(std::string(label) + " “" + typed + "”");
      found.merge(terms);
    }
    if (found.empty()) {
      if (!missing.empty() && unknown->empty()) *unknown = missing.front();
      return;
    }
    for (const auto& m : missing) {
      if (unmatched) *unmatched += (unmatched->empty() ? "" : ", ") + m;
    }
    std::vector<Xapian::Query> qs(found.begin(), found.end());
    all.push_back(OrOf(qs));
  };
  add(schema::kFilterType, "loại", types);
  add(schema::kFilterIssuer, "cơ quan ban hành", issuers);
  add(schema::kFilterYear, "năm", years);
  return AndOf(all);
}

Xapian::Query QueryBuilder::Exclusions(const std::vector<std::string>& words) {
  std::vector<Xapian::Query> qs;
  for (const auto& w : words) {
    text::AnalyzedText at = analyzer_.Analyze(w);
    if (at.tokens.empty()) continue;
    bool accented = false;
    for (const auto& t : at.tokens) accented |= Accented(t);
    // Typed with marks, the exact words in order; else the folded ones.
    // What the same phrase searched matches, no more, no less: its words
    // together (R3, QA 21: "-\"dan van\"" excluded "hướng dẫn, vận động"),
    // and an abbreviation both ways (R4: "UBND -UBND" kept the documents
    // writing "Ủy ban nhân dân").
    PhraseParts p = Phrases(at, nullptr);
    Xapian::Query words = accented ? p.exact : p.folded;
    qs.push_back(p.variants.empty() ? words
                                    : Xapian::Query(Xapian::Query::OP_OR, words, p.variants));
  }
  return OrOf(qs);
}

}  // namespace vanban::search
