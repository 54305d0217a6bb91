#include "search/snippet.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <tuple>
#include <vector>

#include "index/builder.h"
#include "index/schema.h"

namespace vanban::search {
namespace {

constexpr size_t kWindowTokens = 30;    // tokens shown around the best spot
constexpr Xapian::termpos kSpan = 20;   // window for counting distinct matches
constexpr size_t kMaxPositions = 4000;  // per term, bounds work on huge texts

constexpr size_t kMaxTerms = 255;  // query terms located (hit keys keep 8 bits)
constexpr size_t kMaxPhraseWords = 8;  // an abbreviation's expansion is shorter

struct Hit {
  Xapian::termpos pos;
  int term;             // index of the query term
  bool pair = false;    // the next query term follows at pos + 1
  bool number = false;  // the term is a document number the query names
  bool other_number = false;  // PositionTerm::other_number
  uint32_t para = 0;    // the paragraph it is in (index into the starts given)
};

// The positions of a query word in document `did` from `from` on: those of
// its exact term when the document has it, else of its folded one.
Xapian::PositionIterator WordPositions(const Xapian::Database& db, Xapian::docid did,
                                       const std::string& exact, const std::string& folded,
                                       uint32_t from) {
  for (const std::string* t : {&exact, &folded}) {
    if (t->empty()) continue;
    Xapian::PositionIterator p = db.positionlist_begin(did, *t);
    if (p == Xapian::PositionIterator()) continue;
    if (from > 1) p.skip_to(from);
    return p;
  }
  return Xapian::PositionIterator();
}

// The positions of a document's phrase breaks (schema::kPhraseBreak), read
// forward: whether a phrase at a position runs across one. Positions are
// asked in increasing order. An index without the term has no breaks.
class PhraseBreaks {
 public:
  PhraseBreaks(const Xapian::Database& db, Xapian::docid did)
      : it_(db.positionlist_begin(did, std::string(index::schema::kPhraseBreak))) {}

  // True when a word of `words` that stands right after the one before
  // (Word::together) has a break before it, the phrase starting at `p`.
  bool Splits(Xapian::termpos p, const std::vector<PositionTerm::Word>& words) {
    while (!ahead_.empty() && ahead_.front() <= p) ahead_.pop_front();
    Xapian::termpos last = p + static_cast<Xapian::termpos>(words.size()) - 1;
    const Xapian::PositionIterator end;
    if (ahead_.empty() && it_ != end) it_.skip_to(p + 1);
    while (it_ != end && *it_ <= last) {
      if (*it_ > p) ahead_.push_back(*it_);
      ++it_;
    }
    for (Xapian::termpos b : ahead_) {
      if (b > last) break;
      if (words[b - p].together) return true;
    }
    return false;
  }

 private:
  Xapian::PositionIterator it_;
  std::deque<Xapian::termpos> ahead_;  // read, after the last phrase asked
};

// Appends key(position) for each position of `term` from `from` to `limit`
// (at most kMaxPositions): for a phrase, where its first word starts it,
// running across no phrase break between words that stand together.
template <typename Key>
void AddPositions(const Xapian::Database& db, Xapian::docid did, const PositionTerm& term,
                  uint32_t from, uint32_t limit, Key key, std::vector<uint64_t>* keys) {
  const Xapian::PositionIterator end;
  if (term.words.empty()) {
    size_t n = 0;
    for (auto p = WordPositions(db, did, term.exact, term.folded, from); p != end; ++p) {
      if (*p > limit || ++n > kMaxPositions) break;
      keys->push_back(key(*p));
    }
    return;
  }
  std::vector<Xapian::PositionIterator> words;
  for (const auto& w : term.words) {
    words.push_back(WordPositions(db, did, w.exact, w.folded, from));
    if (words.back() == end) return;
  }
  PhraseBreaks breaks(db, did);
  size_t n = 0;
  for (auto& p = words[0]; p != end; ++p) {
    if (*p > limit || ++n > kMaxPositions) break;
    bool whole = true;
    for (size_t k = 1; k < words.size() && whole; ++k) {
      words[k].skip_to(*p + static_cast<Xapian::termpos>(k));
      if (words[k] == end) return;
      whole = *words[k] == *p + k;
    }
    // L3, L4 (QA 22): "giải quyết. | Tố cáo hành vi" placed the passage
    // for "giải quyết tố cáo hành vi", in the article before the phrase.
    if (whole && !breaks.Splits(*p, term.words)) keys->push_back(key(*p));
  }
}

// Hits of the distinct `terms` in document `did` from position `from` to
// `limit`, in (position, term) order; *n_terms gets the number of distinct
// terms.
std::vector<Hit> CollectHits(const Xapian::Database& db, Xapian::docid did,
                             const std::vector<PositionTerm>& terms, uint32_t from, uint32_t limit,
                             const std::vector<uint32_t>& para_starts, size_t* n_terms) {
  // Sorting one integer key (position << 8 | term) is several times faster
  // than sorting structs, and long texts give thousands of hits.
  std::vector<uint64_t> keys;
  std::set<std::pair<std::string_view, std::string_view>> seen;
  std::vector<char> number, other_number, phrase;  // by term index
  uint64_t index = 0;
  for (const auto& term : terms) {
    if (index == kMaxTerms) break;
    if (!seen.emplace(term.exact, term.folded).second) continue;
    number.push_back(term.number);
    other_number.push_back(term.other_number);
    phrase.push_back(term.words.size() > 1);
    AddPositions(
        db, did, term, from, limit,
        [index](Xapian::termpos p) { return static_cast<uint64_t>(p) << 8 | index; }, &keys);
    ++index;
  }
  *n_terms = index;
  std::sort(keys.begin(), keys.end());
  std::vector<Hit> hits(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    hits[i].pos = static_cast<Xapian::termpos>(keys[i] >> 8);
    hits[i].term = static_cast<int>(keys[i] & 0xFF);
    hits[i].number = number[hits[i].term];
    hits[i].other_number = other_number[hits[i].term];
    // Term positions are token positions + 1; starts are token positions.
    hits[i].para = static_cast<uint32_t>(
        std::upper_bound(para_starts.begin(), para_starts.end(), hits[i].pos - 1) -
        para_starts.begin());
  }
  // Mark adjacent pairs: query term i at p and term i + 1 at p + 1.
  for (size_t i = 0, j = 0; i < hits.size(); ++i) {
    while (j < hits.size() &&
           (hits[j].pos < hits[i].pos + 1 ||
            (hits[j].pos == hits[i].pos + 1 && hits[j].term < hits[i].term + 1))) {
      ++j;
    }
    // A phrase is words together too.
    // A pair across a paragraph's end is none ("… pháp luật. | Tiếp công
    // dân …" for "luật tiếp").
    hits[i].pair =
        phrase[hits[i].term] || (j < hits.size() && hits[j].pos == hits[i].pos + 1 &&
                                 hits[j].term == hits[i].term + 1 && hits[j].para == hits[i].para);
  }
  return hits;
}

// Best position: where a document number the query names is first
// written; else in a window, within one paragraph (`para_starts`, token
// positions), with the most distinct adjacent query-term pairs
// ("dân vận" together beats "dân" repeated), then the most distinct query
// terms, then the most matches. Returns the window's first document
// number, else its first pair, else its first match.
Xapian::termpos BestPosition(const Xapian::Database& db, Xapian::docid did,
                             const std::vector<PositionTerm>& terms, uint32_t from, uint32_t limit,
                             const std::vector<uint32_t>& para_starts) {
  size_t n_terms = 0;
  std::vector<Hit> hits = CollectHits(db, did, terms, from, limit, para_starts, &n_terms);
  if (hits.empty()) return 0;
  // A document number the query names: where it is first written (F3,
  // session 15: any of a law's Pháp điển source lines, "(Điều 47 Luật số
  // 02/2011/QH13, …)", was shown, by the words around it).
  for (const Hit& h : hits) {
    if (h.number) return h.pos;
  }
  for (const Hit& h : hits) {
    if (h.other_number) return h.pos;
  }
  std::tuple<bool, int, int, int> best_score{false, -1, -1, -1};
  size_t best_lo = 0, best_hi = 0;
  // Per term: its hits and its pair starts in the window; how many terms
  // have at least one of each.
  std::vector<int> in_window(n_terms), pairs_in_window(n_terms);
  int terms_in = 0, pairs_in = 0, numbers_in = 0;
  size_t lo = 0;
  for (size_t hi = 0; hi < hits.size(); ++hi) {
    if (in_window[hits[hi].term]++ == 0) ++terms_in;
    if (hits[hi].pair && pairs_in_window[hits[hi].term]++ == 0) ++pairs_in;
    numbers_in += hits[hi].number;
    // A window is within one paragraph: the excerpt shows one (F2, session
    // 15: the window "pháp luật. | Tiếp công dân …" showed the paragraph
    // ending "pháp luật." alone).
    while (hits[hi].pos - hits[lo].pos > kSpan || hits[lo].para != hits[hi].para) {
      if (--in_window[hits[lo].term] == 0) --terms_in;
      if (hits[lo].pair && --pairs_in_window[hits[lo].term] == 0) --pairs_in;
      numbers_in -= hits[lo].number;
      ++lo;
    }
    std::tuple<bool, int, int, int> score{numbers_in > 0, pairs_in, terms_in,
                                          static_cast<int>(hi - lo + 1)};
    if (score > best_score) {
      best_score = score;
      best_lo = lo;
      best_hi = hi;
    }
  }
  // The number is shown with the words before it ("Quyết định số 23-
  // QĐ/TW"): a pair further on could leave it out of the excerpt.
  for (size_t i = best_lo; i <= best_hi && std::get<0>(best_score); ++i) {
    if (hits[i].number) return hits[i].pos;
  }
  for (size_t i = best_lo; i < hits.size() && std::get<1>(best_score) > 0; ++i) {
    if (hits[i].pair) return hits[i].pos;
  }
  return hits[best_lo].pos;
}

// Appends `s` HTML-escaped (as HtmlEscape) to `out`.
void AppendEscaped(std::string_view s, std::string* out) {
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* rep;
    switch (s[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&quot;";
        break;
      case '\'':
        rep = "&#39;";
        break;
      case '\n':
        rep = " ";
        break;
      default:
        continue;
    }
    out->append(s.substr(plain, i - plain));
    out->append(rep);
    plain = i + 1;
  }
  out->append(s.substr(plain));
}

// Marks the highlighted tokens among [first, last) of `at` (see
// Highlight). `cut`: text follows the analysed tokens (the last token is
// not the passage's last).
std::string Render(const text::AnalyzedText& at, size_t first, size_t last,
                   const Highlight& highlight, Snippet* marks, bool cut = false) {
  std::string_view text(at.text);
  std::string out;
  out.reserve(text.size() < 512 ? text.size() + 64 : 512);
  // lit[i - first]: token i is highlighted. A word typed with marks is
  // marked in another form only in a passage written without marks.
  std::vector<char> lit(last - first);
  if (highlight.HasPhrases()) {
    // A phrase that begins before the excerpt and ends in it is marked too.
    for (size_t i = first > kMaxPhraseWords ? first - kMaxPhraseWords : 0; i < last; ++i) {
      size_t n = highlight.PhraseAt(at, i);
      for (size_t k = std::max(i, first); k < std::min(i + n, last); ++k) lit[k - first] = 1;
    }
  }
  int unmarked = -1;  // the passage has no syllable with marks (-1: not known yet)
  for (size_t i = first; i < last; ++i) {
    const auto& t = at.tokens[i];
    if (lit[i - first] || !highlight.Has(t.folded)) continue;
    const std::set<std::string>* forms = highlight.TypedForms(t.folded);
    if (forms == nullptr || forms->count(t.exact) > 0) {
      lit[i - first] = 1;
      continue;
    }
    // An abbreviation is marked as written: "TU" (tỉnh ủy) is not the "Tứ"
    // of "Tứ Kỳ", in a passage written without marks neither.
    if (highlight.OnlyAbbreviation(t.folded)) continue;
    if (unmarked < 0) {
      unmarked = std::none_of(at.tokens.begin() + first, at.tokens.begin() + last,
                              [](const text::Token& u) {
                                return u.kind == text::TokenKind::kSyllable && text::HasMarks(u);
                              });
    }
    lit[i - first] = static_cast<char>(unmarked);
  }
  // From the passage's start, or with the opening brackets and quotes
  // that stand against the first word: "(Điều 10 Luật số …)" lost its "(".
  size_t cursor = first == 0 ? 0 : at.tokens[first].begin;
  for (bool more = first > 0; more;) {
    more = false;
    for (std::string_view open : {"(", "[", "\"", "'", "\u201C", "\u2018"}) {
      if (cursor >= open.size() && text.substr(cursor - open.size(), open.size()) == open) {
        cursor -= open.size();
        more = true;
        break;
      }
    }
  }
  for (size_t i = first; i < last; ++i) {
    if (!lit[i - first]) continue;
    const auto& t = at.tokens[i];
    if (marks) {
      // Next to the word typed before or after it.
      bool with_prev =
          i > first && lit[i - first - 1] && highlight.IsPair(at.tokens[i - 1].folded, t.folded);
      bool with_next =
          i + 1 < last && lit[i + 1 - first] && highlight.IsPair(t.folded, at.tokens[i + 1].folded);
      marks->marks[t.folded][t.exact] += with_prev || with_next ? 2 : 1;
      if (with_next) {
        const auto& u = at.tokens[i + 1];
        ++marks->pairs[{t.folded, u.folded}][{t.exact, u.exact}];
      }
    }
    AppendEscaped(text.substr(cursor, t.begin - cursor), &out);
    out += "<mark>";
    AppendEscaped(text.substr(t.begin, t.end - t.begin), &out);
    out += "</mark>";
    cursor = t.end;
  }
  size_t to = at.tokens[last - 1].end;
  if (last == at.tokens.size() && !cut) to = at.text.size();
  if (cursor < to) AppendEscaped(text.substr(cursor, to - cursor), &out);
  return out;
}

// Analyses `passage` far enough to hold `need` tokens, plus a margin so
// that a token cut at the end does not matter: a long paragraph (a whole
// article in one line) is not analysed past the excerpt. *cut says whether
// text follows the analysed part.
constexpr size_t kMargin = 4;

// `known_end` (0 for none): a byte offset in `passage` before which at least
// need + kMargin tokens begin (a later checkpoint), so one analysis of the
// prefix up to it is enough.
text::AnalyzedText AnalyzeUpTo(std::string_view passage, size_t need,
                               const text::Analyzer& analyzer, bool* cut, size_t known_end = 0) {
  if (known_end > 0 && known_end < passage.size()) {
    text::AnalyzedText at = analyzer.Analyze(passage.substr(0, known_end));
    if (at.tokens.size() >= need + kMargin) {
      at.tokens.resize(need);
      *cut = true;
      return at;
    }
  }
  // A syllable and its space take 5 bytes on average; start well above.
  for (size_t bytes = (need + kMargin) * 12 + 64;; bytes *= 2) {
    size_t end = bytes < passage.size() ? passage.find_first_of(" \n", bytes) : passage.npos;
    if (end == passage.npos) break;
    text::AnalyzedText at = analyzer.Analyze(passage.substr(0, end));
    if (at.tokens.size() >= need + kMargin) {
      at.tokens.resize(need);
      *cut = true;
      return at;
    }
  }
  *cut = false;
  return analyzer.Analyze(passage);
}

// `checkpoints`: byte offsets of the passage's tokens number
// kCheckpointTokens, 2 * kCheckpointTokens, ... (may be empty).
std::string Excerpt(std::string_view passage, uint32_t local_pos,
                    const std::vector<uint32_t>& checkpoints, const Highlight& highlight,
                    const text::Analyzer& analyzer, Snippet* marks) {
  size_t before = kWindowTokens / 3;
  size_t want_first = std::max<size_t>(local_pos, before) - before;
  // Start at the last checkpoint at or before the excerpt: the tokens from
  // there are those of the whole passage, shifted.
  size_t skip_tokens = 0, skip_bytes = 0, k = 0;
  for (; k < checkpoints.size(); ++k) {
    size_t token = (k + 1) * index::HitRecord::kCheckpointTokens;
    if (token > want_first || checkpoints[k] >= passage.size()) break;
    skip_tokens = token;
    skip_bytes = checkpoints[k];
  }
  size_t need = want_first - skip_tokens + kWindowTokens;
  // The first later checkpoint with enough tokens before it bounds the
  // analysis (else AnalyzeUpTo guesses from byte counts).
  size_t known_end = 0;
  for (; k < checkpoints.size(); ++k) {
    size_t token = (k + 1) * index::HitRecord::kCheckpointTokens;
    if (checkpoints[k] >= passage.size() || checkpoints[k] <= skip_bytes) break;
    if (token >= skip_tokens + need + kMargin) {
      known_end = checkpoints[k] - skip_bytes;
      break;
    }
  }
  passage.remove_prefix(skip_bytes);
  local_pos -= static_cast<uint32_t>(skip_tokens);
  bool cut = false;
  text::AnalyzedText at = AnalyzeUpTo(passage, need, analyzer, &cut, known_end);
  // A paragraph without words (a rule of dashes): its start, cut between
  // characters (R5, QA 21: at byte 300, a half em dash).
  if (at.tokens.empty()) return HtmlEscape(text::Utf8Prefix(passage, 300));
  size_t center = std::min<size_t>(local_pos, at.tokens.size() - 1);
  size_t first = center > before ? center - before : 0;
  size_t last = std::min(at.tokens.size(), first + kWindowTokens);
  std::string out = Render(at, first, last, highlight, marks, cut);
  if (first + skip_tokens > 0) out = "… " + out;
  if (last < at.tokens.size() || cut) out += " …";
  return out;
}

}  // namespace

void Highlight::AddNumber(const std::string& folded) {
  folded_.insert(folded);
  any_form_.insert(folded);
  typed_.erase(folded);
}

void Highlight::Add(const text::Token& t) {
  folded_.insert(t.folded);
  bool abbreviation = t.kind == text::TokenKind::kAbbreviation;
  if (!abbreviation && (t.kind != text::TokenKind::kSyllable || !text::HasMarks(t))) {
    any_form_.insert(t.folded);
    typed_.erase(t.folded);
    abbreviations_.erase(t.folded);
  } else if (any_form_.count(t.folded) == 0) {
    // An abbreviation's exact form is the table's spelling, which the
    // analyser gives it in any text that writes it ("ubnd", "UBND").
    if (abbreviation && typed_.count(t.folded) == 0) abbreviations_.insert(t.folded);
    if (!abbreviation) abbreviations_.erase(t.folded);
    typed_[t.folded].insert(t.exact);
  }
}

void Highlight::AddPhrase(const std::vector<text::Token>& words, bool typed,
                          const std::vector<char>& together) {
  if (words.empty()) return;
  std::vector<PhraseWord> phrase;
  for (size_t k = 0; k < words.size(); ++k) {
    const text::Token& t = words[k];
    bool any_form = typed && (t.kind != text::TokenKind::kSyllable || !text::HasMarks(t));
    bool close = together.empty() || (k < together.size() && together[k]);
    phrase.push_back({t.exact, t.folded, any_form, close});
  }
  for (const auto& p : phrases_) {
    if (p.size() == phrase.size() && std::equal(p.begin(), p.end(), phrase.begin(),
                                                [](const PhraseWord& a, const PhraseWord& b) {
                                                  return a.exact == b.exact &&
                                                         a.folded == b.folded &&
                                                         a.any_form == b.any_form &&
                                                         a.together == b.together;
                                                })) {
      return;
    }
  }
  phrases_.push_back(std::move(phrase));
}

size_t Highlight::PhraseAt(const text::AnalyzedText& at, size_t i) const {
  size_t best = 0;
  for (const auto& p : phrases_) {
    if (p.size() <= best || i + p.size() > at.tokens.size()) continue;
    bool match = true;
    for (size_t k = 0; k < p.size() && match; ++k) {
      const text::Token& t = at.tokens[i + k];
      match = t.exact == p[k].exact ||
              (t.folded == p[k].folded && (p[k].any_form || !text::HasMarks(t)));
      // Words together as the search finds them: spaces and a hyphen
      // between at most (L2, L4, QA 22: "kinh tế - xã hội" went unmarked,
      // "tiếp nhận thông tin, phản ánh" was taken for the phrase).
      if (match && k > 0 && p[k].together) {
        match = index::AdjacentTokens(at.text, at.tokens[i + k - 1], t);
      }
    }
    if (match) best = p.size();
  }
  return best;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  AppendEscaped(s, &out);
  return out;
}

std::string HighlightText(std::string_view text, const Highlight& highlight,
                          const text::Analyzer& analyzer, Snippet* marks_out) {
  text::AnalyzedText at = analyzer.Analyze(text);
  if (at.tokens.empty()) return HtmlEscape(text);
  return Render(at, 0, at.tokens.size(), highlight, marks_out);  // from the text's start
}

std::string RecordHeading(const index::HitRecord& hit) {
  // The type before the number, unless the title starts with it
  // ("Nghị quyết Đại hội …", not "Nghị quyết Nghị quyết Đại hội …").
  bool typed_title =
      !hit.type.empty() && text::FoldText(hit.title).rfind(text::FoldText(hit.type) + " ", 0) == 0;
  std::string heading = typed_title ? std::string() : hit.type;
  if (!hit.number.empty()) heading += (heading.empty() ? "" : " ") + hit.number;
  if (!hit.title.empty()) {
    // "Chỉ thị 33/CT-TTg — Tiếp tục …", as `vanban show` heads it.
    heading += (heading.empty() ? "" : hit.number.empty() ? " " : " — ") + hit.title;
  }
  return heading;
}

Snippet MakeSnippet(const Xapian::Database& db, Xapian::docid did, const index::HitRecord& hit,
                    std::string_view text, const Highlight& highlight,
                    const std::vector<PositionTerm>& position_terms, const text::Analyzer& analyzer,
                    std::string_view article) {
  Snippet s;
  const auto& ps = hit.paragraphs;
  if (text.empty() || ps.empty()) {
    s.html = HighlightText(RecordHeading(hit), highlight, analyzer, &s);
    return s;
  }
  // The paragraphs [first, last) of the article the query names, or all.
  size_t first = 0, last = ps.size();
  if (!article.empty()) {
    auto named =
        std::find_if(hit.articles.begin(), hit.articles.end(),
                     [&](const index::HitRecord::Article& a) { return a.anchor == article; });
    int a = static_cast<int>(named - hit.articles.begin());
    size_t at = named == hit.articles.end() ? ps.size() : 0;
    while (at < ps.size() && ps[at].article != a) ++at;
    if (at < ps.size()) {
      first = last = at;
      while (last < ps.size() && ps[last].article == a) ++last;
    }
  }
  // Term positions are token positions + 1.
  uint32_t from = first > 0 ? ps[first].position + 1 : 0;
  uint32_t limit = last < ps.size() ? ps[last].position : hit.text_tokens;
  std::vector<uint32_t> starts(ps.size());
  for (size_t i = 0; i < ps.size(); ++i) starts[i] = ps[i].position;
  Xapian::termpos pos = BestPosition(db, did, position_terms, from, limit, starts);
  uint32_t token = pos > 0 ? pos - 1 : 0;
  // The paragraph holding the token (the article's first, or the first
  // non-heading one when no word matched by position, e.g. a number-only
  // match).
  size_t para = first;
  if (pos > 0) {
    para = std::upper_bound(
               ps.begin(), ps.end(), token,
               [](uint32_t t, const index::HitRecord::Paragraph& p) { return t < p.position; }) -
           ps.begin();
    para = para > 0 ? para - 1 : 0;
  } else if (first == 0) {
    while (para + 1 < ps.size() && ps[para].heading) ++para;
  }
  const auto& p = ps[std::min(para, ps.size() - 1)];
  if (p.end > text.size() || p.begin > p.end) return s;
  uint32_t local = pos > 0 ? token - p.position : 0;
  s.html =
      Excerpt(text.substr(p.begin, p.end - p.begin), local, p.checkpoints, highlight, analyzer, &s);
  if (p.article >= 0 && p.article < static_cast<int>(hit.articles.size())) {
    s.article = hit.articles[p.article].label;
    s.anchor = hit.articles[p.article].anchor;
    // Plan sections are labelled by their numeral alone ("II"): "Mục II",
    // the same in the CLI, the JSON and the web page.
    if (s.anchor.rfind("muc-", 0) == 0 && !s.article.empty() && s.article.rfind("Mục", 0) != 0) {
      s.article = "Mục " + s.article;
    }
  }
  return s;
}

}  // namespace vanban::search
