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

// Telex ("luaatj", "truwowngf", "ddieeuf"): letters and combining marks,
// or empty when `w` (ASCII letters) has no Telex key.
std::string FromTelex(const std::string& w) {
  struct Letter {
    char c;
    std::string mark;
  };
  std::vector<Letter> out;
  std::string tone;
  bool keyed = false;
  auto last_vowel = [&]() -> long {
    for (long j = static_cast<long>(out.size()) - 1; j >= 0; --j) {
      if (IsVowel(out[static_cast<size_t>(j)].c)) return j;
    }
    return -1;
  };
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
      long j = last_vowel();
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
    } else if (std::string_view("sfrxj").find(c) != std::string_view::npos && last_vowel() >= 0 &&
               !vowel_after) {
      if (!tone.empty()) return {};
      tone = c == 's'   ? "\u0301"
             : c == 'f' ? "\u0300"
             : c == 'r' ? "\u0309"
             : c == 'x' ? "\u0303"
                        : "\u0323";
      keyed = true;
    } else {
      out.push_back({c, ""});
    }
  }
  if (!keyed) return {};
  std::string s;
  long toned = last_vowel();
  for (size_t j = 0; j < out.size(); ++j) {
    s += out[j].mark == "\u0111" ? out[j].mark : std::string(1, out[j].c) + out[j].mark;
    if (static_cast<long>(j) == toned) s += tone;
  }
  return s;
}

// VNI typing ("luat5", "lua6t5", "d9ie6u2"): letters and combining marks,
// or empty when `w` (ASCII letters and digits) is not so typed.
std::string FromVni(const std::string& w) {
  std::vector<std::pair<char, std::string>> out;
  std::string tone;
  bool keyed = false;
  auto last = [&](std::string_view of) -> long {
    for (long j = static_cast<long>(out.size()) - 1; j >= 0; --j) {
      if (of.find(out[static_cast<size_t>(j)].first) != std::string_view::npos) return j;
    }
    return -1;
  };
  for (char raw : w) {
    char c = static_cast<char>(IsLetter(raw) ? raw | 0x20 : raw);
    if (!IsDigit(c)) {
      out.emplace_back(c, "");
      continue;
    }
    keyed = true;
    int d = c - '0';
    if (d >= 1 && d <= 5) {
      if (!tone.empty() || last("aeiouy") < 0) return {};
      static const char* const kTone[] = {"\u0301", "\u0300", "\u0309", "\u0303", "\u0323"};
      tone = kTone[d - 1];
      continue;
    }
    long j = d == 6 ? last("aeo") : d == 7 ? last("ou") : d == 8 ? last("a") : d == 9 ? 0 : -1;
    if (j < 0 || j >= static_cast<long>(out.size())) return {};
    auto& [letter, mark] = out[static_cast<size_t>(j)];
    if (!mark.empty() || (d == 9 && letter != 'd')) return {};
    mark = d == 6 ? "\u0302" : d == 7 ? "\u031B" : d == 8 ? "\u0306" : "\u0111";
    if (d == 7 && letter == 'o' && j > 0 && out[static_cast<size_t>(j) - 1].first == 'u') {
      out[static_cast<size_t>(j) - 1].second = "\u031B";  // "uo7": "ươ"
    }
  }
  if (!keyed) return {};
  std::string s;
  long toned = last("aeiouy");
  for (size_t j = 0; j < out.size(); ++j) {
    s += out[j].second == "\u0111" ? out[j].second : std::string(1, out[j].first) + out[j].second;
    if (static_cast<long>(j) == toned) s += tone;
  }
  return s;
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
// empty.
std::string AsIndexed(const std::string& decomposed, const Xapian::Database& db, TermFreqs* freqs) {
  Spelled typed = SpelledOf(decomposed);
  std::string nfc = text::Normalize(decomposed);
  if (!typed.valid || typed.letters.empty() || !text::IsSyllableShaped(nfc)) return {};
  std::string exact = text::Lower(text::CanonicalTone(nfc));
  auto freq = [&](const std::string& form) {
    std::string term = schema::Term(schema::kExact, form);
    return freqs ? freqs->Get(db, term) : db.get_termfreq(term);
  };
  if (freq(exact) > 0) return exact;
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

// The end of the word starting at `i` (an ASCII letter), over letters,
// digits and, for VIQR, its mark characters: ^ ( + ' ` ~ always, ? and .
// before a letter or after another mark.
size_t WordEnd(const std::string& q, size_t i, bool viqr, bool* marked) {
  *marked = false;
  for (; i < q.size(); ++i) {
    char c = q[i];
    if (IsLetter(c) || IsDigit(c)) continue;
    if (!viqr) break;
    bool mark = std::string_view("^(+'`~").find(c) != std::string_view::npos;
    bool stop = c == '.' || c == '?';
    if (stop && !(i + 1 < q.size() && IsLetter(q[i + 1])) && !*marked) break;
    if (!mark && !stop) break;
    *marked = true;
    if (stop && !(i + 1 < q.size() && IsLetter(q[i + 1]))) return i + 1;
  }
  return i;
}

// A VIQR word as typed, then, when it ends in marks typed after its final
// consonant ("dan^" for "da^n", "tien^'" for "tie^'n"), with them after
// each of its vowels, the last first. Not for marks that are only "'" or
// "`" ("van'" ends a single quote).
std::vector<std::string> ViqrSpellings(const std::string& word) {
  std::vector<std::string> out{word};
  size_t marks = word.find_last_not_of("^(+'`~.?") + 1;
  if (marks == 0 || marks == word.size() || IsVowel(word[marks - 1]) ||
      word.find_first_not_of("'`", marks) == std::string::npos) {
    return out;
  }
  for (size_t v = marks; v-- > 0;) {
    if (!IsVowel(word[v])) continue;
    out.push_back(word.substr(0, v + 1) + word.substr(marks) + word.substr(v + 1, marks - v - 1));
  }
  return out;
}

}  // namespace

std::string ReadTyping(const std::string& q, Typing typing, const Xapian::Database& db,
                       TermFreqs* freqs) {
  bool viqr = typing == Typing::kViqr;
  bool quoted = !q.empty() && (q[0] == '\'' || q.find(" '") != std::string::npos);
  std::string out;
  bool changed = false;
  size_t cursor = 0;
  for (size_t i = 0; i < q.size();) {
    // A word starts after anything but a letter, a digit or a non-ASCII
    // byte (a marked letter: the word is written in Unicode).
    bool starts = IsLetter(q[i]) && (i == 0 || (!IsLetter(q[i - 1]) && !IsDigit(q[i - 1]) &&
                                                static_cast<unsigned char>(q[i - 1]) < 0x80));
    if (!starts) {
      ++i;
      continue;
    }
    bool marked = false;
    size_t end = WordEnd(q, i, viqr, &marked);
    std::string word = q.substr(i, end - i);
    bool glued = end < q.size() && static_cast<unsigned char>(q[end]) >= 0x80;
    std::string decomposed, form;
    if (glued) {
      // part of a word written in Unicode
    } else if (viqr) {
      bool dd = word.size() > 2 && (word[0] | 0x20) == 'd' && (word[1] | 0x20) == 'd';
      // A word in single quotes ("'to cao'") ends in a quote, not a tone.
      if (quoted && word.back() == '\'' && word.find_first_of("^(+`~.?") == std::string::npos) {
        marked = false;
      }
      if (marked || dd) {
        for (const std::string& spelling : ViqrSpellings(word)) {
          // Every mark after a vowel is one here, a final "." or "?" too
          // ("bo^." is "bộ"): an RFC escape appended makes ViqrToUtf8
          // read so (it is strict then), and gives the "." removed.
          std::string read = ingest::ViqrToUtf8(spelling + "\\.");
          read.pop_back();
          form = AsIndexed(read, db, freqs);
          if (!form.empty()) break;
        }
      }
    } else if (!text::IsSyllableShaped(word) &&
               db.get_termfreq(schema::Term(schema::kFolded, text::FoldText(word))) == 0) {
      bool digits = std::any_of(word.begin(), word.end(), IsDigit);
      decomposed = digits ? FromVni(word) : FromTelex(word);
    }
    if (!decomposed.empty()) form = AsIndexed(decomposed, db, freqs);
    if (!form.empty()) {
      out += q.substr(cursor, i - cursor) + InCaseOf(word, form);
      cursor = end;
      changed = true;
    }
    i = end;
  }
  if (!changed) return {};
  return out + q.substr(cursor);
}

}  // namespace vanban::search
