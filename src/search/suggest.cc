#include "search/suggest.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "index/builder.h"
#include "index/schema.h"
#include "search/query.h"
#include "search/typing.h"
#include "text/analyzer.h"

namespace vanban::search {
namespace {

namespace schema = index::schema;

// The most weighed entry of `counts` (the first of equals), or null.
template <typename Key>
const Key* Best(const std::map<Key, int>& counts, int* weight) {
  const Key* best = nullptr;
  *weight = 0;
  for (const auto& [key, n] : counts) {
    if (n > *weight) {
      *weight = n;
      best = &key;
    }
  }
  return best;
}

}  // namespace

// The vowel letters with each tone: none, grave, acute, hook, tilde, dot.
constexpr const char* kTones[][6] = {
    {"a", "à", "á", "ả", "ã", "ạ"}, {"ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"}, {"â", "ầ", "ấ", "ẩ", "ẫ", "ậ"},
    {"e", "è", "é", "ẻ", "ẽ", "ẹ"}, {"ê", "ề", "ế", "ể", "ễ", "ệ"}, {"i", "ì", "í", "ỉ", "ĩ", "ị"},
    {"o", "ò", "ó", "ỏ", "õ", "ọ"}, {"ô", "ồ", "ố", "ổ", "ỗ", "ộ"}, {"ơ", "ờ", "ớ", "ở", "ỡ", "ợ"},
    {"u", "ù", "ú", "ủ", "ũ", "ụ"}, {"ư", "ừ", "ứ", "ử", "ữ", "ự"}, {"y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"},
};

// Every spelling of a folded syllable other than itself, with canonical
// tone placement ("so": "sò", "sổ", "sơ", "sợ"…; "ki": "ky", "kỳ", "kì"…):
// each vowel letter with and without its marks, "d" or "đ", "i" or "y",
// and a tone on any one vowel. Some are no words; the index tells.
//
// None for a run of letters longer than a syllable: a Vietnamese syllable
// has at most 7 letters ("nghiêng") and 3 vowel letters ("khuya"; 4 are
// let through), and
// the spellings grow threefold per vowel (C4, session 17: "keu aaaaaaaaaaa",
// a word some text held, took 26 s).
std::set<std::string> SpellingsOf(const std::string& folded) {
  constexpr size_t kMaxLetters = 7, kMaxVowels = 4;
  if (folded.size() > kMaxLetters || std::count_if(folded.begin(), folded.end(), [](char c) {
                                       return std::string_view("aeiouy").find(c) !=
                                              std::string_view::npos;
                                     }) > static_cast<long>(kMaxVowels)) {
    return {};
  }
  std::vector<std::vector<int>> vowels;  // per letter: rows of kTones, or none
  std::vector<std::vector<std::string>> letters;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    std::vector<int> rows;
    switch (c) {
      case 'a':
        rows = {0, 1, 2};
        break;
      case 'e':
        rows = {3, 4};
        break;
      case 'i':
        rows = {5, 11};
        break;
      case 'o':
        rows = {6, 7, 8};
        break;
      case 'u':
        rows = {9, 10};
        break;
      case 'y':
        rows = {11};
        break;
      default:
        break;
    }
    vowels.push_back(rows);
    if (rows.empty()) {
      letters.push_back(c == 'd' && i == 0 ? std::vector<std::string>{"d", "đ"}
                                           : std::vector<std::string>{std::string(1, c)});
    } else {
      letters.emplace_back();
    }
  }
  std::set<std::string> out;
  // choice[i]: the variant of letter i; `toned`: the letter with the tone.
  std::vector<size_t> choice(folded.size(), 0);
  auto spell = [&](size_t toned, int tone) {
    std::string s;
    for (size_t i = 0; i < folded.size(); ++i) {
      s += vowels[i].empty() ? letters[i][choice[i]]
                             : kTones[vowels[i][choice[i]]][i == toned ? tone : 0];
    }
    s = text::CanonicalTone(s);
    if (s != folded && text::FoldSyllable(s) == folded) out.insert(std::move(s));
  };
  auto size = [&](size_t i) { return vowels[i].empty() ? letters[i].size() : vowels[i].size(); };
  while (true) {
    spell(folded.size(), 0);
    for (size_t i = 0; i < folded.size(); ++i) {
      if (vowels[i].empty()) continue;
      for (int tone = 1; tone < 6; ++tone) spell(i, tone);
    }
    size_t i = 0;
    while (i < folded.size() && ++choice[i] == size(i)) choice[i++] = 0;
    if (i == folded.size()) break;
  }
  return out;
}

namespace {

// Where each form of a word stands next to the word typed before or after
// it in the texts of the hits, read from the positions of the exact terms.
// A form without marks ("ban") has no exact term (builder.cc): it stands
// where the folded term does and no marked form does.
struct FormSites {
  // Per document, (position, index of the form there), by position.
  std::vector<std::vector<std::pair<Xapian::termpos, size_t>>> sites;
};

// Empty when the document lacks the term or the index cannot be read: the
// suggestion then goes by the marks alone.
std::vector<Xapian::termpos> ReadPositions(const Xapian::Database& db, Xapian::docid did,
                                           const std::string& term) {
  std::vector<Xapian::termpos> out;
  try {
    for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) {
      out.push_back(*p);
    }
  } catch (const Xapian::Error&) {
    out.clear();
  }
  return out;
}

// `forms`: the word's forms, `folded` among them (the form without marks);
// `order`: the marked forms, the commonest first; `at[d]`: the positions of
// document d to read, by position (those of the folded word next to a
// folded neighbour: the rest count for no pair). A position holds one form,
// so a document's reading stops once each of its positions has its form:
// most often after the commonest form or two, not one list per spelling.
FormSites SitesOf(const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
                  const std::string& folded, const std::vector<std::string>& forms,
                  const std::vector<size_t>& order,
                  const std::vector<std::vector<Xapian::termpos>>& at) {
  FormSites out;
  size_t plain = std::find(forms.begin(), forms.end(), folded) - forms.begin();
  for (size_t d = 0; d < docs.size(); ++d) {
    auto& sites = out.sites.emplace_back();
    if (at[d].empty()) continue;  // no position list to read
    for (Xapian::termpos p : at[d]) sites.emplace_back(p, plain);
    size_t unread = sites.size();
    for (size_t f : order) {
      if (unread == 0) break;
      auto site = sites.begin();
      for (Xapian::termpos p : ReadPositions(db, docs[d], schema::Term(schema::kExact, forms[f]))) {
        while (site != sites.end() && site->first < p) ++site;
        if (site == sites.end()) break;
        if (site->first == p && site->second == plain) {
          site->second = f;
          --unread;
        }
      }
    }
  }
  return out;
}

// The positions of `word` right after one of `before` or right before one
// of `after` (either may be null), all by position.
std::vector<Xapian::termpos> NextToNeighbour(const std::vector<Xapian::termpos>& word,
                                             const std::vector<Xapian::termpos>* before,
                                             const std::vector<Xapian::termpos>* after) {
  static const std::vector<Xapian::termpos> kNone;
  if (before == nullptr) before = &kNone;
  if (after == nullptr) after = &kNone;
  std::vector<Xapian::termpos> out;
  auto b = before->begin(), a = after->begin();
  for (Xapian::termpos p : word) {
    while (b != before->end() && *b + 1 < p) ++b;
    while (a != after->end() && *a < p + 1) ++a;
    if ((b != before->end() && *b + 1 == p) || (a != after->end() && *a == p + 1)) {
      out.push_back(p);
    }
  }
  return out;
}

// counts[a][b]: the times form a of one word stands just before form b of
// the next. Positions do not see punctuation: "hồ sơ. Hộ khẩu" counts as
// "sơ hộ" (rare enough).
std::vector<std::vector<long>> CountTogether(const FormSites& first, size_t first_forms,
                                             const FormSites& second, size_t second_forms) {
  std::vector<std::vector<long>> counts(first_forms, std::vector<long>(second_forms, 0));
  for (size_t d = 0; d < first.sites.size(); ++d) {
    const auto& b = second.sites[d];
    auto next = b.begin();
    for (const auto& [p, fa] : first.sites[d]) {
      while (next != b.end() && next->first <= p) ++next;
      if (next == b.end()) break;
      if (next->first == p + 1) ++counts[fa][next->second];
    }
  }
  return counts;
}

// What a reading of words typed together is worth: how many of its
// adjacent forms the hits' texts show together ("hồ sổ" never: "hồ sơ hộ
// khẩu", not "hồ sổ hộ khẩu" for all the "sổ hộ khẩu"), how often they
// do, then how many of its words take the form the marks prefer.
struct Worth {
  int seen = 0;
  long together = 0;
  int preferred = 0;
  bool operator<(const Worth& o) const {
    return std::tie(seen, together, preferred) < std::tie(o.seen, o.together, o.preferred);
  }
};

// The reading of words typed together worth most (Viterbi; the first of
// equals), as an index into each word's forms. `forms[k]`: the forms of word
// k; `preferred[k]`: the index of the one the marks prefer; `counts[k]`: how
// often each form of word k stands before each of word k + 1 (empty: never
// counted).
std::vector<size_t> BestReading(const std::vector<std::vector<std::string>>& forms,
                                const std::vector<size_t>& preferred,
                                const std::vector<std::vector<std::vector<long>>>& counts) {
  size_t n = forms.size();
  // best[k][j]: the best reading of words 0..k ending in form j of word k;
  // from[k][j], the form of word k - 1 in it.
  std::vector<std::vector<Worth>> best(n);
  std::vector<std::vector<size_t>> from(n);
  for (size_t k = 0; k < n; ++k) {
    best[k].resize(forms[k].size());
    from[k].resize(forms[k].size());
    for (size_t j = 0; j < forms[k].size(); ++j) {
      int pref = j == preferred[k];
      if (k == 0) {
        best[k][j] = {0, pref};
        continue;
      }
      for (size_t h = 0; h < forms[k - 1].size(); ++h) {
        Worth w = best[k - 1][h];
        if (!counts[k - 1].empty()) {
          w.seen += counts[k - 1][h][j] > 0;
          w.together += counts[k - 1][h][j];
        }
        w.preferred += pref;
        if (h == 0 || best[k][j] < w) {
          best[k][j] = w;
          from[k][j] = h;
        }
      }
    }
  }
  std::vector<size_t> reading(n);
  size_t j = std::max_element(best[n - 1].begin(), best[n - 1].end()) - best[n - 1].begin();
  for (size_t k = n; k-- > 0;) {
    reading[k] = j;
    j = from[k][j];
  }
  return reading;
}

// `form` in the case `typed` is written in: "Hai" -> "Hải", "UBND" stays
// in capitals (Q6, session 17: "Hai Duong" gave "hải dương").
std::string InTypedCase(const std::string& typed, const std::string& form) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (typed.empty() || !upper(typed[0])) return form;
  bool all = typed.size() > 1 && std::none_of(typed.begin(), typed.end(), lower);
  std::string out;
  int32_t i = 0, n = static_cast<int32_t>(form.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(form.data(), i, n, c);
    if (c < 0) return form;
    if (all || out.empty()) c = u_toupper(c);
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

// True for a form written without marks ("ban", "ky"): the word as typed.
bool Plain(const std::string& form) {
  return std::all_of(form.begin(), form.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Sets `chosen[first, last)`, words typed together, to the reading worth
// most among the forms the index has for them (each word's form the marks
// prefer, on entry, breaking ties).
void ChooseReading(const Xapian::Database& db, TermFreqs* freqs,
                   const std::vector<Xapian::docid>& docs, const std::vector<text::Token>& ts,
                   size_t first, size_t last, std::vector<std::string>* chosen) {
  size_t n = last - first;
  std::vector<std::vector<std::string>> forms(n);
  std::vector<size_t> preferred(n);
  // The folded words' positions, to read the forms' next to a neighbour.
  std::vector<std::vector<std::vector<Xapian::termpos>>> folded(n);
  for (size_t k = 0; k < n; ++k) {
    for (Xapian::docid did : docs) {
      folded[k].push_back(
          ReadPositions(db, did, schema::Term(schema::kFolded, ts[first + k].folded)));
    }
  }
  std::vector<FormSites> sites(n);
  for (size_t k = 0; k < n; ++k) {
    const std::string& fold = ts[first + k].folded;
    std::map<std::string, Xapian::doccount> all{{fold, 0}, {(*chosen)[first + k], 0}};
    for (const auto& s : SpellingsOf(fold)) {
      std::string term = schema::Term(schema::kExact, s);
      Xapian::doccount n = freqs ? freqs->Get(db, term) : db.get_termfreq(term);
      if (n > 0) all[s] = n;
    }
    std::vector<size_t> order;  // the marked forms, commonest first
    for (const auto& [form, n] : all) {
      if (form != fold) order.push_back(forms[k].size());
      forms[k].push_back(form);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return all[forms[k][a]] > all[forms[k][b]]; });
    preferred[k] =
        std::find(forms[k].begin(), forms[k].end(), (*chosen)[first + k]) - forms[k].begin();
    std::vector<std::vector<Xapian::termpos>> at;
    for (size_t d = 0; d < docs.size(); ++d) {
      at.push_back(NextToNeighbour(folded[k][d], k > 0 ? &folded[k - 1][d] : nullptr,
                                   k + 1 < n ? &folded[k + 1][d] : nullptr));
    }
    sites[k] = SitesOf(db, docs, fold, forms[k], order, at);
  }
  std::vector<std::vector<std::vector<long>>> counts(n);
  for (size_t k = 0; k + 1 < n; ++k) {
    counts[k] = CountTogether(sites[k], forms[k].size(), sites[k + 1], forms[k + 1].size());
  }
  std::vector<size_t> reading = BestReading(forms, preferred, counts);
  for (size_t k = 0; k < n; ++k) (*chosen)[first + k] = forms[k][reading[k]];
}

// True when the analyser cut a word of `at` at marks typed in ASCII (VIQR
// the Searcher could not read: "to^'q", "dan^x"; TypedWords says which
// marks are VIQR, as ReadTyping reads them).
bool CutAtAsciiMarks(const text::AnalyzedText& at) {
  auto words = TypedWords(at.text, /*viqr=*/true);
  return std::any_of(words.begin(), words.end(), [](const TypedWord& w) { return w.marked; });
}

}  // namespace

SuggestMarks MergeMarks(std::vector<SuggestMarks> hits) {
  SuggestMarks out;
  for (auto& hit : hits) {
    for (auto& [fold, forms] : hit.words) {
      if (!forms.empty()) out.words.try_emplace(fold, std::move(forms));
    }
    for (auto& [pair, forms] : hit.pairs) {
      if (!forms.empty()) out.pairs.try_emplace(pair, std::move(forms));
    }
    out.docs.insert(out.docs.end(), hit.docs.begin(), hit.docs.end());
  }
  return out;
}

std::string SuggestAccents(const text::Analyzer& analyzer, const std::string& free_text,
                           const SuggestMarks& marks, const Xapian::Database* db,
                           TermFreqs* freqs) {
  text::AnalyzedText at = analyzer.Analyze(free_text);
  // The words the search used (QueryBuilder::Build), not the ones it left
  // out (C9, session 17: a 255-word suggestion for a 64-word search).
  if (at.tokens.size() > BuiltQuery::kMaxQueryWords) {
    at.tokens.resize(BuiltQuery::kMaxQueryWords);
    at.text.resize(at.tokens.back().end);
  }
  const auto& ts = at.tokens;
  // Typed with diacritics, as QueryBuilder reads it: a word's marks; a
  // number's "Đ" ("23/QĐ-TW") is how numbers are written (R9, QA 21: it
  // left "quyet dinh 23/QĐ-TW dan van" without a suggestion).
  for (const auto& t : ts) {
    bool word = t.kind == text::TokenKind::kSyllable || t.kind == text::TokenKind::kAbbreviation;
    if (word && text::HasMarks(t)) return {};
  }
  // Its pieces are no words to accent, and the marks no text to keep (L5,
  // QA 22: "to^' ca'o" gave "tổ^' cá'ở").
  if (CutAtAsciiMarks(at)) return {};
  auto syllable = [&](size_t i) { return ts[i].kind == text::TokenKind::kSyllable; };
  auto together = [&](size_t a) {
    return a + 1 < ts.size() && index::AdjacentTokens(at.text, ts[a], ts[a + 1]);
  };
  // The form of ts[i] seen next to the word typed on its `left` or right,
  // with the number of times; null when not seen so.
  auto beside = [&](size_t i, bool left, int* n) -> const std::string* {
    *n = 0;
    if (left && i == 0) return nullptr;
    size_t a = left ? i - 1 : i;
    if (!together(a)) return nullptr;
    auto it = marks.pairs.find({ts[a].folded, ts[a + 1].folded});
    if (it == marks.pairs.end()) return nullptr;
    const auto* forms = Best(it->second, n);
    if (forms == nullptr) return nullptr;
    return left ? &forms->second : &forms->first;
  };
  // The form the marks prefer for each word.
  std::vector<std::string> chosen(ts.size());
  for (size_t i = 0; i < ts.size(); ++i) {
    if (!syllable(i)) continue;
    int n_left = 0, n_right = 0, weight = 0;
    const std::string* left = beside(i, true, &n_left);
    const std::string* right = beside(i, false, &n_right);
    const std::string* form = nullptr;
    if (left != nullptr || right != nullptr) {
      form = n_left >= n_right ? left : right;
    } else if (auto it = marks.words.find(ts[i].folded); it != marks.words.end()) {
      form = Best(it->second, &weight);
    }
    // A word no hit shows: its form is unknown, and a half-accented
    // suggestion ("quyen cua nguoi tố cáo") is worse than none.
    if (form == nullptr) return {};
    chosen[i] = *form;
  }
  // Each run of words typed together takes the reading whose adjacent
  // forms the hits' texts show together most.
  if (db != nullptr && !marks.docs.empty()) {
    for (size_t first = 0; first < ts.size();) {
      size_t last = first + 1;
      while (syllable(first) && last < ts.size() && syllable(last) && together(last - 1)) ++last;
      if (last - first > 1) ChooseReading(*db, freqs, marks.docs, ts, first, last, &chosen);
      first = last;
    }
  }
  // One word typed that the texts write as typed at least as often as
  // the form chosen is no word to correct ("ban": 6 636 times, "bản" 4 245
  // in 25 đề mục files; Q5, session 17: "ban" gave "bản", "thanh"
  // "thành"). Typed without marks, a word's folded term counts it in every
  // form, and only its marked forms have exact terms.
  if (db != nullptr && ts.size() == 1 && syllable(0) && !Plain(chosen[0])) {
    const std::string& fold = ts[0].folded;
    Xapian::termcount all = db->get_collection_freq(schema::Term(schema::kFolded, fold));
    Xapian::termcount marked = 0, most = 0;
    for (const auto& form : SpellingsOf(fold)) {
      Xapian::termcount n = db->get_collection_freq(schema::Term(schema::kExact, form));
      marked += n;
      // Alone, a word takes the form the texts write most ("le": "lệ" 350
      // times, "lễ" 98).
      if (n > most) {
        most = n;
        chosen[0] = form;
      }
    }
    Xapian::termcount as_typed = all > marked ? all - marked : 0;
    if (as_typed >= most) return {};
  }
  std::string out;
  size_t cursor = 0;
  bool changed = false;
  for (size_t i = 0; i < ts.size(); ++i) {
    const auto& t = ts[i];
    out += at.text.substr(cursor, t.begin - cursor);
    bool same = !syllable(i) || chosen[i] == t.exact || Plain(chosen[i]);
    std::string typed = at.text.substr(t.begin, t.end - t.begin);
    out += same ? typed : InTypedCase(typed, chosen[i]);
    changed |= !same;
    cursor = t.end;
  }
  out += at.text.substr(cursor);
  return changed ? out : std::string();
}

}  // namespace vanban::search
