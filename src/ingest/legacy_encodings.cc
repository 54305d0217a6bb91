// VNI-Windows and VIQR tables, written from the VNI-Windows character chart
// (VNI Software, as reproduced in the Unicode Vietnamese encoding charts)
// and RFC 1456 (VIQR). Decoders emit base letters followed by combining
// marks; the caller composes to NFC.
#include "ingest/legacy_encodings.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "ingest/utf8_util.h"

namespace vanban::ingest {
namespace {

constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309, kDot = 0x0323;
constexpr char32_t kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

struct Marks {
  char32_t modifier = 0;  // circumflex or breve (horn is a letter in VNI)
  char32_t tone = 0;
};

// VNI diacritic bytes in their lowercase form; the uppercase form is the
// byte minus 0x20 and means the same (VNI writes "AÙ" for Á, "aù" for á).
struct VniMark {
  uint8_t byte;
  Marks marks;
};
constexpr std::array<VniMark, 16> kVniMarks = {{
    {0xF9, {0, kAcute}},
    {0xF8, {0, kGrave}},
    {0xFB, {0, kHook}},
    {0xF5, {0, kTilde}},
    {0xEF, {0, kDot}},
    {0xE2, {kCircumflex, 0}},
    {0xE1, {kCircumflex, kAcute}},
    {0xE0, {kCircumflex, kGrave}},
    {0xE5, {kCircumflex, kHook}},
    {0xE3, {kCircumflex, kTilde}},
    {0xE4, {kCircumflex, kDot}},
    {0xEA, {kBreve, 0}},
    {0xE9, {kBreve, kAcute}},
    {0xE8, {kBreve, kGrave}},
    {0xFA, {kBreve, kHook}},
    {0xFC, {kBreve, kTilde}},
}};
constexpr VniMark kVniBreveDot = {0xEB, {kBreve, kDot}};

// VNI bytes that stand for a whole letter (lowercase byte, uppercase byte).
struct VniLetter {
  uint8_t lower_byte;
  char32_t lower;
  char32_t upper;
};
constexpr std::array<VniLetter, 9> kVniLetters = {{
    {0xF4, 0x01A1, 0x01A0},  // ơ Ơ
    {0xF6, 0x01B0, 0x01AF},  // ư Ư
    {0xF1, 0x0111, 0x0110},  // đ Đ
    {0xED, 0x00ED, 0x00CD},  // í Í
    {0xEC, 0x00EC, 0x00CC},  // ì Ì
    {0xE6, 0x1EC9, 0x1EC8},  // ỉ Ỉ
    {0xF3, 0x0129, 0x0128},  // ĩ Ĩ
    {0xF2, 0x1ECB, 0x1ECA},  // ị Ị
    {0xEE, 0x1EF5, 0x1EF4},  // ỵ Ỵ
}};

// Windows-1252 0x80..0x9F (0 = undefined).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

struct VniTables {
  std::array<bool, 256> is_mark{};
  std::array<Marks, 256> mark{};
  std::array<char32_t, 256> letter{};  // 0 = not a VNI letter byte
};

const VniTables& Vni() {
  static const VniTables tables = [] {
    VniTables t;
    auto add_mark = [&t](const VniMark& m) {
      for (uint8_t b : {m.byte, static_cast<uint8_t>(m.byte - 0x20)}) {
        t.is_mark[b] = true;
        t.mark[b] = m.marks;
      }
    };
    for (const VniMark& m : kVniMarks) add_mark(m);
    add_mark(kVniBreveDot);
    for (const VniLetter& l : kVniLetters) {
      t.letter[l.lower_byte] = l.lower;
      t.letter[l.lower_byte - 0x20] = l.upper;
    }
    return t;
  }();
  return tables;
}

bool IsAsciiVowel(char32_t c) {
  switch (c | 0x20) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

bool IsHornVowel(char32_t c) { return c == 0x01A1 || c == 0x01A0 || c == 0x01B0 || c == 0x01AF; }

// Whether `marks` may follow base letter `base` in VNI.
bool MarksFit(char32_t base, const Marks& marks) {
  char32_t lower = base < 0x80 ? (base | 0x20) : base;
  if (marks.modifier == kCircumflex) return lower == 'a' || lower == 'e' || lower == 'o';
  if (marks.modifier == kBreve) return lower == 'a';
  return IsAsciiVowel(base) || IsHornVowel(base);
}

char32_t Windows1252(uint8_t b) {
  if (b >= 0x80 && b < 0xA0) return kCp1252High[b - 0x80] ? kCp1252High[b - 0x80] : 0xFFFD;
  return b;
}

}  // namespace

std::string VniToUtf8(std::string_view vni) {
  const VniTables& t = Vni();
  std::string out;
  out.reserve(vni.size() + vni.size() / 4);
  for (size_t i = 0; i < vni.size(); ++i) {
    uint8_t b = static_cast<uint8_t>(vni[i]);
    char32_t c = t.letter[b] ? t.letter[b] : Windows1252(b);
    AppendUtf8(out, c);
    if (i + 1 >= vni.size() || !(IsAsciiVowel(c) || IsHornVowel(c))) continue;
    uint8_t next = static_cast<uint8_t>(vni[i + 1]);
    if (!t.is_mark[next] || !MarksFit(c, t.mark[next])) continue;
    if (t.mark[next].modifier) AppendUtf8(out, t.mark[next].modifier);
    if (t.mark[next].tone) AppendUtf8(out, t.mark[next].tone);
    ++i;
  }
  return out;
}

namespace {

// One letter in NFD: base code point plus its Vietnamese marks.
struct Letter {
  char32_t base = 0;
  char32_t modifier = 0;  // circumflex, breve or horn
  char32_t tone = 0;
  char32_t other = 0;  // a combining mark Vietnamese does not use
};

bool IsModifier(char32_t c) { return c == kCircumflex || c == kBreve || c == kHorn; }
bool IsTone(char32_t c) {
  return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDot;
}

// Splits NFD code points into letters with their marks.
template <typename Fn>
void ForEachLetter(std::string_view utf8, Fn fn) {
  std::u32string nfd = Nfd(utf8);
  for (size_t i = 0; i < nfd.size();) {
    Letter l;
    l.base = nfd[i++];
    while (i < nfd.size() && (IsModifier(nfd[i]) || IsTone(nfd[i]))) {
      (IsModifier(nfd[i]) ? l.modifier : l.tone) = nfd[i];
      ++i;
    }
    fn(l);
  }
}

uint8_t VniMarkByte(const Marks& m, bool upper) {
  for (const VniMark& vm : kVniMarks) {
    if (vm.marks.modifier == m.modifier && vm.marks.tone == m.tone) {
      return upper ? vm.byte - 0x20 : vm.byte;
    }
  }
  if (m.modifier == kBreve && m.tone == kDot) return upper ? 0xCB : 0xEB;
  return 0;
}

uint8_t VniLetterByte(char32_t c) {
  for (const VniLetter& l : kVniLetters) {
    if (l.lower == c) return l.lower_byte;
    if (l.upper == c) return l.lower_byte - 0x20;
  }
  return 0;
}

char32_t Compose(char32_t base, char32_t mark) {
  if (mark != kHorn) return 0;
  switch (base) {
    case 'o':
      return 0x01A1;
    case 'O':
      return 0x01A0;
    case 'u':
      return 0x01B0;
    case 'U':
      return 0x01AF;
    default:
      return 0;
  }
}

// i/y with a tone: VNI has single bytes for some of them.
char32_t PrecomposedIY(char32_t base, char32_t tone) {
  static constexpr char32_t kI[] = {0x00EC, 0x00ED, 0x0129, 0x1EC9, 0x1ECB};
  static constexpr char32_t kIUpper[] = {0x00CC, 0x00CD, 0x0128, 0x1EC8, 0x1ECA};
  int idx = tone == kGrave ? 0 : tone == kAcute ? 1 : tone == kTilde ? 2 : tone == kHook ? 3 : 4;
  if (base == 'i') return kI[idx];
  if (base == 'I') return kIUpper[idx];
  if (tone == kDot && base == 'y') return 0x1EF5;
  if (tone == kDot && base == 'Y') return 0x1EF4;
  return 0;
}

void AppendVniLetter(std::string& out, const Letter& l) {
  char32_t base = l.base;
  Marks marks{l.modifier, l.tone};
  if (char32_t horned = Compose(base, l.modifier)) {
    base = horned;
    marks.modifier = 0;
  }
  if (!marks.modifier && marks.tone) {
    if (char32_t single = PrecomposedIY(base, marks.tone)) {
      out += static_cast<char>(VniLetterByte(single));
      return;
    }
  }
  if (base < 0x80) {
    out += static_cast<char>(base);
  } else if (uint8_t b = VniLetterByte(base)) {
    out += static_cast<char>(b);
  } else {
    uint8_t cp = 0;
    for (int k = 0; k < 32; ++k) {
      if (kCp1252High[k] == base) cp = static_cast<uint8_t>(0x80 + k);
    }
    if (!cp && base >= 0xA0 && base < 0xC0) cp = static_cast<uint8_t>(base);
    out += cp ? static_cast<char>(cp) : '?';
  }
  if (marks.modifier || marks.tone) {
    bool upper = base < 0x80 ? (base & 0x20) == 0 : (base == 0x01A0 || base == 0x01AF);
    if (uint8_t mb = VniMarkByte(marks, upper)) out += static_cast<char>(mb);
  }
}

}  // namespace

std::string Utf8ToVni(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  ForEachLetter(utf8, [&out](const Letter& l) { AppendVniLetter(out, l); });
  return out;
}

// ---- VIQR (RFC 1456) ----

namespace {

constexpr std::string_view kViqrMarks = "^(+'`?~.";

char32_t ViqrModifier(char c, char32_t base) {
  char32_t lower = base | 0x20;
  if (c == '^' && (lower == 'a' || lower == 'e' || lower == 'o')) return kCircumflex;
  if (c == '(' && lower == 'a') return kBreve;
  if (c == '+' && (lower == 'o' || lower == 'u')) return kHorn;
  return 0;
}

char32_t ViqrTone(char c) {
  switch (c) {
    case '\'':
      return kAcute;
    case '`':
      return kGrave;
    case '?':
      return kHook;
    case '~':
      return kTilde;
    case '.':
      return kDot;
    default:
      return 0;
  }
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsLineEnd(std::string_view s, size_t i) {
  return i >= s.size() || s[i] == '\n' || s[i] == '\r';
}

// Context after a word-final '.' or '?' at `pos`: unambiguous tone (a
// space and a lowercase letter, or a comma-like mark), or ambiguous (line
// end, a space and a capital: a sentence may end there).
enum class After { kTone, kAmbiguous, kEndOfParagraph };

After ContextAfter(std::string_view s, size_t pos) {
  size_t next = pos + 1;
  if (next >= s.size()) return After::kEndOfParagraph;
  if (IsLineEnd(s, next)) {
    size_t k = next + (s[next] == '\r' && next + 1 < s.size() && s[next + 1] == '\n' ? 2 : 1);
    while (k < s.size() && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r')) ++k;
    return k >= s.size() || s[k] == '\n' ? After::kEndOfParagraph : After::kAmbiguous;
  }
  if (s[next] != ' ' && s[next] != '\t') return After::kTone;
  while (next < s.size() && (s[next] == ' ' || s[next] == '\t')) ++next;
  if (IsLineEnd(s, next)) return After::kAmbiguous;
  return IsAsciiUpper(s[next]) || static_cast<uint8_t>(s[next]) >= 0x80 ? After::kAmbiguous
                                                                        : After::kTone;
}

// Without RFC escapes, a word-final '.' or '?' after a vowel is a tone or
// punctuation: "tri." is "trị" or "tri" ending a sentence. The text itself
// decides: how often the same word (and the same pair of words) occurs
// with that tone where it is unambiguous, against without it. With no
// evidence, '?' is a hook tone and '.' a full stop, except at the end of a
// paragraph where both are punctuation.
class ViqrResolver {
 public:
  explicit ViqrResolver(std::string_view s) : s_(s) {
    Scan(false);
    Scan(true);
  }
  // True when the mark at `pos` is a tone.
  bool IsTone(size_t pos) const {
    auto it = decisions_.find(pos);
    return it == decisions_.end() || it->second;
  }

 private:
  void Scan(bool decide) {
    std::string prev;
    for (size_t i = 0; i < s_.size();) {
      if (!IsAsciiLetter(s_[i])) {
        ++i;
        continue;
      }
      size_t start = i;
      while (i < s_.size() &&
             (IsAsciiLetter(s_[i]) ||
              std::string_view("^(+'`~").find(s_[i]) != std::string_view::npos ||
              ((s_[i] == '.' || s_[i] == '?') && i + 1 < s_.size() && IsAsciiLetter(s_[i + 1])))) {
        ++i;
      }
      std::string word = Lower(s_.substr(start, i - start));
      bool vowel_end =
          !word.empty() && (IsAsciiVowel(static_cast<unsigned char>(word.back())) ||
                            word.back() == '^' || word.back() == '(' || word.back() == '+');
      if (i < s_.size() && (s_[i] == '.' || s_[i] == '?') && vowel_end) {
        std::string toned = word + s_[i];
        After after = ContextAfter(s_, i);
        if (!decide && after == After::kTone) Count(prev, toned, 1);
        if (decide && after != After::kTone)
          decisions_[i] = Decide(prev, word, toned, after, s_[i]);
        word = toned;
        ++i;
      } else if (!decide) {
        Count(prev, word, 1);
      }
      prev = word;
    }
  }

  static std::string Lower(std::string_view w) {
    std::string out(w);
    for (char& c : out) c = static_cast<char>(IsAsciiUpper(c) ? c | 0x20 : c);
    return out;
  }

  void Count(const std::string& prev, const std::string& word, int n) {
    unigrams_[word] += n;
    bigrams_[prev + ' ' + word] += n;
  }

  int Get(const std::unordered_map<std::string, int>& m, const std::string& k) const {
    auto it = m.find(k);
    return it == m.end() ? 0 : it->second;
  }

  bool Decide(const std::string& prev, const std::string& plain, const std::string& toned,
              After after, char mark) const {
    int bt = Get(bigrams_, prev + ' ' + toned), bp = Get(bigrams_, prev + ' ' + plain);
    if (bt != bp) return bt > bp;
    int ut = Get(unigrams_, toned), up = Get(unigrams_, plain);
    if (ut != up) return ut > up;
    return after != After::kEndOfParagraph && mark == '?';
  }

  std::string_view s_;
  std::unordered_map<std::string, int> unigrams_, bigrams_;
  std::unordered_map<size_t, bool> decisions_;
};

bool HasViqrEscapes(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '\\' && kViqrMarks.find(s[i + 1]) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::string ViqrToUtf8(std::string_view s) {
  const bool strict = HasViqrEscapes(s);
  std::optional<ViqrResolver> resolver;
  if (!strict) resolver.emplace(s);
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() &&
        (kViqrMarks.find(s[i + 1]) != std::string_view::npos || s[i + 1] == '\\' ||
         (s[i + 1] | 0x20) == 'd')) {
      out += s[++i];
      continue;
    }
    if ((c | 0x20) == 'd' && i + 1 < s.size() && (s[i + 1] | 0x20) == 'd') {
      AppendUtf8(out, IsAsciiUpper(c) ? 0x0110 : 0x0111);
      ++i;
      continue;
    }
    out += c;
    if (!IsAsciiVowel(static_cast<unsigned char>(c))) continue;
    if (i + 1 < s.size()) {
      if (char32_t mod = ViqrModifier(s[i + 1], static_cast<unsigned char>(c))) {
        AppendUtf8(out, mod);
        ++i;
      }
    }
    if (i + 1 < s.size()) {
      char t = s[i + 1];
      char32_t tone = ViqrTone(t);
      if (tone && resolver && (t == '.' || t == '?') && !resolver->IsTone(i + 1)) tone = 0;
      if (tone) {
        AppendUtf8(out, tone);
        ++i;
      }
    }
  }
  return out;
}

namespace {

char ViqrModifierChar(char32_t m) {
  return m == kCircumflex ? '^' : m == kBreve ? '(' : m == kHorn ? '+' : 0;
}

char ViqrToneChar(char32_t t) {
  switch (t) {
    case kAcute:
      return '\'';
    case kGrave:
      return '`';
    case kHook:
      return '?';
    case kTilde:
      return '~';
    case kDot:
      return '.';
    default:
      return 0;
  }
}

}  // namespace

std::string Utf8ToViqr(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool after_vowel = false;  // the previous letter could take a mark
  bool after_d = false;      // the previous letter was a plain 'd'
  ForEachLetter(utf8, [&](const Letter& l) {
    char32_t c = l.base;
    if (c < 0x80 &&
        ((after_vowel && kViqrMarks.find(static_cast<char>(c)) != std::string_view::npos) ||
         (after_d && (c | 0x20) == 'd') || c == '\\')) {
      out += '\\';
    }
    after_vowel = after_d = false;
    if (c == 0x0111 || c == 0x0110) {
      out += c == 0x0110 ? "DD" : "dd";
      return;
    }
    if (c >= 0x80) {
      AppendUtf8(out, c);
      if (l.modifier) AppendUtf8(out, l.modifier);
      if (l.tone) AppendUtf8(out, l.tone);
      return;
    }
    out += static_cast<char>(c);
    after_d = (c | 0x20) == 'd' && !l.modifier && !l.tone;
    if (!IsAsciiVowel(c)) return;
    if (char m = ViqrModifierChar(l.modifier)) out += m;
    if (char t = ViqrToneChar(l.tone)) out += t;
    after_vowel = true;
  });
  return out;
}

}  // namespace vanban::ingest
