#include "search/typing.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "index/schema.h"
#include "ingest/legacy_encodings.h"
#include "search/query.h"
#include "search/suggest.h"
#include "text/analyzer.h"

namespace vanban::search {
namespace {

namespace schema = index::schema;

constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kCircumflex = 0x0302, kTilde = 0x0303,
                   kBreve = 0x0306, kHook = 0x0309, kHorn = 0x031B, kDot = 0x0323;

bool IsTone(char32_t c) {
  return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDot;
}
bool IsLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsVowel(char c) { return std::string_view("aeiouy").find(c | 0x20) != std::string_view::npos; }

// A syllable as base letters ("d" for "đ"), each letter's vowel mark or
// stroke, and the tone.
struct Spelled {
  std::string letters;
  std::vector<char32_t> marks;  // per letter: kCircumflex, kBreve, kHorn, 'd' (đ), or 0
  char32_t tone = 0;
  bool valid = true;  // one mark per letter, one tone
};

// Reads NFD text (or ViqrToUtf8's base letters and combining marks).
Spelled SpelledOf(std::string_view decomposed) {
  Spelled s;
  int32_t i = 0, n = static_cast<int32_t>(decomposed.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(decomposed.data(), i, n, c);
    char32_t u = static_cast<char32_t>(c);
    if (u == 0x0111 || u == 0x0110) {
      s.letters.push_back('d');
      s.marks.push_back('d');
    } else if (u < 0x80 && IsLetter(static_cast<char>(u))) {
      s.letters.push_back(static_cast<char>(u | 0x20));
      s.marks.push_back(0);
    } else if (IsTone(u)) {
      s.valid &= s.tone == 0;
      s.tone = u;
    } else if ((u == kCircumflex || u == kBreve || u == kHorn) && !s.marks.empty()) {
      s.valid &= s.marks.back() == 0;
      s.marks.back() = u;
    } else {
      s.valid = false;
    }
  }
  return s;
}

std::string Nfd(const std::string& nfc) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return nfc;
  icu::UnicodeString out = nfd->normalize(icu::UnicodeString::fromUTF8(nfc), status);
  std::string s;
  return U_FAILURE(status) ? nfc : out.toUTF8String(s);
}

// True when `form` (NFC) has the letters and tone typed and every vowel
// mark typed ("luạt" typed fits "luật": a mark left out is not wrong).
bool Fits(const Spelled& typed, const std::string& form) {
  Spelled f = SpelledOf(Nfd(form));
  if (f.letters != typed.letters || f.tone != typed.tone) return false;
  for (size_t i = 0; i < f.marks.size(); ++i) {
    if (typed.marks[i] != 0 && typed.marks[i] != f.marks[i]) return false;
  }
  return true;
}

// A syllable typed key by key (Telex, VNI): its letters, each with the
// vowel mark or stroke typed on it, and its tone.
struct Keyed {
  struct Letter {
    char c;
    std::string mark;  // a combining mark, or "đ" for a "d" so struck
  };
  std::vector<Letter> letters;
  std::string tone;

  // The index of the last letter in `of`, or -1.
  long Last(std::string_view of) const {
    for (long j = static_cast<long>(letters.size()) - 1; j >= 0; --j) {
      if (of.find(letters[static_cast<size_t>(j)].c) != std::string_view::npos) return j;
    }
    return -1;
  }
  // Letters and combining marks, the tone on the last vowel.
  std::string Decomposed() const {
    std::string s;
    long toned = Last("aeiouy");
    for (size_t j = 0; j < letters.size(); ++j) {
      const Letter& l = letters[j];
      s += l.mark == "\u0111" ? l.mark : std::string(1, l.c) + l.mark;
      if (static_cast<long>(j) == toned) s += tone;
    }
    return s;
  }
};

// Telex ("luaatj", "truwowngf", "ddieeuf"): letters and combining marks,
// or empty when `w` (ASCII letters) has no Telex key.
std::string FromTelex(const std::string& w) {
  Keyed k;
  auto& out = k.letters;
  bool keyed = false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = static_cast<char>(w[i] | 0x20);
    bool vowel_after = std::any_of(w.begin() + static_cast<long>(i) + 1, w.end(),
                                   [](char v) { return IsVowel(v); });
    if (i == 0 && c == 'd' && w.size() > 1 && (w[1] | 0x20) == 'd') {
      out.push_back({'d', "\u0111"});
      ++i;
      keyed = true;
    } else if ((c == 'a' || c == 'e' || c == 'o') && !out.empty() && out.back().c == c &&
               out.back().mark.empty()) {
      out.back().mark = "\u0302";
      keyed = true;
    } else if (c == 'w') {
      long j = k.Last("aeiouy");
      if (j < 0) {
        out.push_back({'u', "\u031B"});  // "w" alone is "ư"
      } else {
        auto& v = out[static_cast<size_t>(j)];
        if (!v.mark.empty() || (v.c != 'a' && v.c != 'o' && v.c != 'u')) return {};
        v.mark = v.c == 'a' ? "\u0306" : "\u031B";
        if (v.c == 'o' && j > 0 && out[static_cast<size_t>(j) - 1].c == 'u') {
          out[static_cast<size_t>(j) - 1].mark = "\u031B";  // "uow": "ươ"
        }
      }
      keyed = true;
    } else if (std::string_view("sfrxj").find(c) != std::string_view::npos &&
               k.Last("aeiouy") >= 0 && !vowel_after) {
      if (!k.tone.empty()) return {};
      k.tone = c == 's'   ? "\u0301"
               : c == 'f' ? "\u0300"
               : c == 'r' ? "\u0309"
               : c == 'x' ? "\u0303"
                          : "\u0323";
      keyed = true;
    } else {
      out.push_back({c, ""});
    }
  }
  return keyed ? k.Decomposed() : std::string();
}

// VNI typing ("luat5", "lua6t5", "d9ie6u2"): letters and combining marks,
// or empty when `w` (ASCII letters and digits) is not so typed.
std::string FromVni(const std::string& w) {
  Keyed k;
  auto& out = k.letters;
  bool keyed = false;
  for (char raw : w) {
    char c = static_cast<char>(IsLetter(raw) ? raw | 0x20 : raw);
    if (!IsDigit(c)) {
      out.push_back({c, ""});
      continue;
    }
    keyed = true;
    int d = c - '0';
    if (d >= 1 && d <= 5) {
      if (!k.tone.empty() || k.Last("aeiouy") < 0) return {};
      static const char* const kTone[] = {"\u0301", "\u0300", "\u0309", "\u0303", "\u0323"};
      k.tone = kTone[d - 1];
      continue;
    }
    long j = d == 6   ? k.Last("aeo")
             : d == 7 ? k.Last("ou")
             : d == 8 ? k.Last("a")
             : d == 9 ? 0
                      : -1;
    if (j < 0 || j >= static_cast<long>(out.size())) return {};
    auto& [letter, mark] = out[static_cast<size_t>(j)];
    if (!mark.empty() || (d == 9 && letter != 'd')) return {};
    mark = d == 6 ? "\u0302" : d == 7 ? "\u031B" : d == 8 ? "\u0306" : "\u0111";
    if (d == 7 && letter == 'o' && j > 0 && out[static_cast<size_t>(j) - 1].c == 'u') {
      out[static_cast<size_t>(j) - 1].mark = "\u031B";  // "uo7": "ươ"
    }
  }
  return keyed ? k.Decomposed() : std::string();
}

// `form` in the case of `typed`: its first letter, or all when all typed
// letters are capitals.
std::string InCaseOf(std::string_view typed, const std::string& form) {
  bool first = !typed.empty() && typed[0] >= 'A' && typed[0] <= 'Z';
  bool all =
      first &&
      std::none_of(typed.begin(), typed.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
      std::count_if(typed.begin(), typed.end(), IsLetter) > 1;
  if (!first) return form;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(form);
  if (all) {
    u.toUpper();
  } else {
    u.replace(0, 1, static_cast<UChar32>(u_toupper(u.char32At(0))));
  }
  std::string s;
  return u.toUTF8String(s);
}

// The syllable `decomposed` spells as `db` writes it (see ReadTyping), or
// empty; with `exact_only`, only the form with the marks typed.
std::string AsIndexed(const std::string& decomposed, const Xapian::Database& db, TermFreqs* freqs,
                      bool exact_only = false) {
  Spelled typed = SpelledOf(decomposed);
  std::string nfc = text::Normalize(decomposed);
  if (!typed.valid || typed.letters.empty() || !text::IsSyllableShaped(nfc)) return {};
  std::string exact = text::Lower(text::CanonicalTone(nfc));
  auto freq = [&](const std::string& form) {
    std::string term = schema::Term(schema::kExact, form);
    return freqs ? freqs->Get(db, term) : db.get_termfreq(term);
  };
  if (freq(exact) > 0) return exact;
  if (exact_only) return {};
  std::string best;
  Xapian::doccount most = 0;
  for (const std::string& form : SpellingsOf(text::FoldSyllable(exact))) {
    if (!Fits(typed, form)) continue;
    Xapian::doccount n = freq(form);
    if (n > most) {
      most = n;
      best = form;
    }
  }
  return best;
}

// The code point before byte `i` of `s`, and the one at it; negative when
// there is none (or it is malformed).
UChar32 Before(std::string_view s, size_t i) {
  if (i == 0) return U_SENTINEL;
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(s.data(), 0, j, c);
  return c;
}
UChar32 At(std::string_view s, size_t i) {
  if (i >= s.size()) return U_SENTINEL;
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), c);
  return c;
}

// A letter, digit or mark of any script: part of a word. Punctuation and
// spaces of any script ("“", "«", U+00A0, "—") are not (R3, QA 23).
bool WordChar(UChar32 c) { return c >= 0 && (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)); }

constexpr std::string_view kViqrMarks = "^(+'`~.?";

// How many characters from s[i], after a letter, digit or mark of the
// same word, are VIQR marks (see TypedWords): 1, a run ending the word, or
// none.
size_t ViqrMarksAt(std::string_view s, size_t i) {
  char c = s[i];
  char p = IsLetter(s[i - 1]) ? static_cast<char>(s[i - 1] | 0x20) : s[i - 1];
  bool after_modifier = p == '^' || p == '(' || p == '+';
  bool letter_next = i + 1 < s.size() && IsLetter(s[i + 1]);
  switch (c) {
    case '^':
      if (p == 'a' || p == 'e' || p == 'o') return 1;
      break;
    case '(':
      if (p == 'a') return 1;
      break;
    case '+':
      if (p == 'o' || p == 'u') return 1;
      break;
    case '\'':
    case '`':
      return IsVowel(p) || after_modifier ? 1 : 0;
    case '~':
      if (IsVowel(p) || after_modifier) return 1;
      break;
    case '.':
    case '?':
      // Else the end of a sentence ("bao lau?", "TP.HCM").
      return (IsVowel(p) && letter_next) || after_modifier ? 1 : 0;
    default:
      return 0;
  }
  // Typed after the final consonant ("dan^", "tien^'"): the run of marks
  // ending the word, not between two ("luat(2018)", "dan+van").
  if (!IsLetter(p) && !IsDigit(p)) return 0;
  size_t run = std::min(s.find_first_not_of(kViqrMarks, i), s.size());
  return run < s.size() && (IsLetter(s[run]) || IsDigit(s[run])) ? 0 : run - i;
}

// A VIQR word as typed, then, when it ends in marks typed after its final
// consonant ("dan^" for "da^n", "tien^'" for "tie^'n"), with them after
// each of its vowels, the last first.
std::vector<std::string> ViqrSpellings(const std::string& word) {
  std::vector<std::string> out{word};
  size_t marks = word.find_last_not_of(kViqrMarks) + 1;
  if (marks == 0 || marks == word.size() || IsVowel(word[marks - 1])) return out;
  for (size_t v = marks; v-- > 0;) {
    if (!IsVowel(word[v])) continue;
    out.push_back(word.substr(0, v + 1) + word.substr(marks) + word.substr(v + 1, marks - v - 1));
  }
  return out;
}

// The syllable the VIQR `word` spells as `db` writes it, or empty.
std::string ReadViqr(const std::string& word, bool marked, const Xapian::Database& db,
                     TermFreqs* freqs) {
  bool dd = word.size() > 2 && (word[0] | 0x20) == 'd' && (word[1] | 0x20) == 'd';
  if (!marked && !dd) return {};
  for (const std::string& spelling : ViqrSpellings(word)) {
    // Every mark after a vowel is one here, a final "." or "?" too ("bo^."
    // is "bộ"): an RFC escape appended makes ViqrToUtf8 read so (it is
    // strict then), and gives the "." removed.
    std::string read = ingest::ViqrToUtf8(spelling + "\\.");
    read.pop_back();
    if (std::string form = AsIndexed(read, db, freqs); !form.empty()) return form;
  }
  return {};
}

// The syllable the Telex or VNI `word` spells as `db` writes it, a number
// glued to a word split off ("muc 1"), or empty.
std::string ReadTelexOrVni(const std::string& word, const Xapian::Database& db, TermFreqs* freqs) {
  auto has = [&](std::string_view prefix, const std::string& value) {
    return db.get_termfreq(schema::Term(prefix, value)) > 0;
  };
  if (text::IsSyllableShaped(word) || has(schema::kFolded, text::FoldText(word))) return {};
  size_t digit = word.find_first_of("0123456789");
  if (digit == std::string::npos) return AsIndexed(FromTelex(word), db, freqs);
  // R4 (QA 23): a number glued to a word ("muc1", "lan2", "quy1") is that
  // word and number, as "muc 1" would be searched, not VNI tones ("mức",
  // the number lost); VNI only when it types a vowel mark too and spells a
  // syllable the index has with the very marks typed ("luat65": "luật").
  // Not a number fused to its code ("ct33": the query reads it so) or to
  // one letter ("d9" is "đ"; "A1", "B2" are codes).
  std::string letters = text::FoldText(word.substr(0, digit));
  if (digit > 1 && word.find_first_not_of("0123456789", digit) == std::string::npos &&
      text::IsSyllableShaped(letters) && has(schema::kFolded, letters) &&
      !has(schema::kNumberSymbol, letters)) {
    bool marks = word.find_first_of("6789", digit) != std::string::npos;
    std::string vni = marks ? AsIndexed(FromVni(word), db, freqs, /*exact_only=*/true) : "";
    return vni.empty() ? word.substr(0, digit) + " " + word.substr(digit) : vni;
  }
  return AsIndexed(FromVni(word), db, freqs);
}

}  // namespace

std::vector<TypedWord> TypedWords(std::string_view s, bool viqr) {
  bool quoted = viqr && SingleQuoted(s);
  std::vector<TypedWord> words;
  for (size_t i = 0; i < s.size();) {
    if (!IsLetter(s[i]) || WordChar(Before(s, i))) {
      ++i;
      continue;
    }
    TypedWord w{i, i, false};
    while (w.end < s.size()) {
      if (IsLetter(s[w.end]) || IsDigit(s[w.end])) {
        ++w.end;
      } else if (size_t marks = viqr ? ViqrMarksAt(s, w.end) : 0; marks > 0) {
        w.marked = true;
        w.end += marks;
      } else {
        break;
      }
    }
    i = w.end;
    if (WordChar(At(s, w.end))) continue;  // part of a word written in Unicode
    // A word in single quotes ("'to cao'") ends in a quote, not a tone.
    std::string_view word = s.substr(w.begin, w.end - w.begin);
    if (quoted && word.back() == '\'' && word.find_first_of("^(+`~.?") == std::string::npos) {
      w.marked = false;
    }
    words.push_back(w);
  }
  return words;
}

bool SingleQuoted(std::string_view q) {
  for (size_t i = q.find('\''); i != std::string_view::npos; i = q.find('\'', i + 1)) {
    if (i == 0 || u_isUWhiteSpace(Before(q, i))) return true;
  }
  return false;
}

std::string ReadTyping(const std::string& q, Typing typing, const Xapian::Database& db,
                       TermFreqs* freqs) {
  bool viqr = typing == Typing::kViqr;
  std::string out;
  size_t cursor = 0;
  for (const TypedWord& w : TypedWords(q, viqr)) {
    std::string word = q.substr(w.begin, w.end - w.begin);
    std::string form = viqr ? ReadViqr(word, w.marked, db, freqs) : ReadTelexOrVni(word, db, freqs);
    if (form.empty()) continue;
    out += q.substr(cursor, w.begin - cursor) + InCaseOf(word, form);
    cursor = w.end;
  }
  if (cursor == 0) return {};
  return out + q.substr(cursor);
}

}  // namespace vanban::search
