// Vietnamese syllable structure: (onset)(nucleus)(coda) + tone, after the
// standard description of Vietnamese orthography (onsets b c ch d đ g gh gi
// h k kh l m n ng ngh nh p ph qu r s t th tr v x; codas c ch m n ng nh p t
// and the semivowels i y o u written in the nucleus).
#include "ingest/vietnamese_score.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "ingest/utf8_util.h"

namespace vanban::ingest {
namespace {

constexpr char32_t kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

bool IsToneMark(char32_t c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

// A letter folded to one byte: ASCII letters as is; vowels with a modifier
// get their own codes (ă=1 â=2 ê=3 ô=4 ơ=5 ư=6), đ=7.
struct Syllable {
  std::string letters;
  char32_t tone = 0;
  int tones = 0;
  bool marked = false;   // has a tone, modifier or đ
  bool foreign = false;  // a letter or mark Vietnamese does not use
};

bool IsVowelCode(char c) {
  return (c >= 1 && c <= 6) || c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

char ModifiedVowel(char base, char32_t mod) {
  if (mod == kBreve && base == 'a') return 1;
  if (mod == kCircumflex) return base == 'a' ? 2 : base == 'e' ? 3 : base == 'o' ? 4 : 0;
  if (mod == kHorn) return base == 'o' ? 5 : base == 'u' ? 6 : 0;
  return 0;
}

// Adds one NFD code point to the syllable being built.
void AddCodePoint(Syllable& s, char32_t c) {
  if (IsToneMark(c)) {
    s.marked = true;
    ++s.tones;
    s.tone = c;
    if (s.letters.empty() || !IsVowelCode(s.letters.back())) s.foreign = true;
    return;
  }
  if (c == kCircumflex || c == kBreve || c == kHorn) {
    s.marked = true;
    char m = s.letters.empty() ? 0 : ModifiedVowel(s.letters.back(), c);
    if (m) {
      s.letters.back() = m;
    } else {
      s.foreign = true;
    }
    return;
  }
  // ASCII without ICU (most letters of any Vietnamese text).
  char32_t lower = c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : u_tolower(c);
  if (lower == 0x0111) {
    s.marked = true;
    s.letters += 7;
  } else if (lower >= 'a' && lower <= 'z') {
    s.letters += static_cast<char>(lower);
  } else {
    s.foreign = true;
    s.marked = true;
  }
}

constexpr std::array<std::string_view, 28> kOnsets = {
    "",  "b",  "c",   "ch", "d", "\x07", "g",  "gh", "gi", "h", "k",  "kh", "l", "m",
    "n", "ng", "ngh", "nh", "p", "ph",   "qu", "r",  "s",  "t", "th", "tr", "v", "x"};
constexpr std::array<std::string_view, 9> kCodas = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

// Vowel nuclei (with glides) in the byte codes above.
const std::vector<std::string>& Nuclei() {
  static const std::vector<std::string> kNuclei = {
      "a",     "\x01",  "\x02",   "e",        "\x03",      "i",     "o",     "\x04",
      "\x05",  "u",     "\x06",   "y",        "ai",        "ao",    "au",    "ay",
      "\x02u", "\x02y", "eo",     "\x03u",    "ia",        "i\x03", "iu",    "i\x03u",
      "oa",    "o\x01", "oai",    "oay",      "oe",        "oi",    "\x04i", "\x05i",
      "oo",    "ua",    "u\x02",  "u\x02y",   "u\x03",     "ui",    "u\x04", "u\x04i",
      "uy",    "uya",   "uy\x03", "\x06\x05", "\x06\x05i", "y\x03"};
  return kNuclei;
}

bool IsNucleus(std::string_view v) {
  static const std::array<std::string_view, 10> kMore = {
      "\x06"
      "a",
      "\x06i",
      "\x06u",
      "\x06\x05u",
      "y\x03u",
      "uyu",
      "oeo",
      "oao",
      "u\x05",
      "\x04\x04"};
  for (const std::string& n : Nuclei()) {
    if (n == v) return true;
  }
  return std::find(kMore.begin(), kMore.end(), v) != kMore.end();
}

bool IsValid(const Syllable& s) {
  if (s.foreign || s.tones > 1 || s.letters.empty()) return false;
  std::string_view w = s.letters;
  size_t v = 0;
  while (v < w.size() && !IsVowelCode(w[v])) ++v;
  if (v == w.size()) return false;
  std::string onset(w.substr(0, v));
  // "qu" and "gi" take the following vowel letter into the onset.
  if (onset == "q" && w[v] == 'u') onset = "qu", ++v;
  if (onset == "g" && w[v] == 'i' && v + 1 < w.size() && IsVowelCode(w[v + 1])) onset = "gi", ++v;
  if (std::find(kOnsets.begin(), kOnsets.end(), onset) == kOnsets.end()) return false;
  size_t c = v;
  while (c < w.size() && IsVowelCode(w[c])) ++c;
  if (c == v && onset != "qu" && onset != "gi") return false;
  if (c > v && !IsNucleus(w.substr(v, c - v))) return false;
  std::string_view coda = w.substr(c);
  if (std::find(kCodas.begin(), kCodas.end(), coda) == kCodas.end()) return false;
  bool stop = coda == "c" || coda == "ch" || coda == "p" || coda == "t";
  if (stop && s.tone != 0 && s.tone != 0x0301 && s.tone != 0x0323) return false;
  return true;
}

bool IsOddChar(char32_t c) {
  if (c == 0xFFFD) return true;
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r' && c != '\f';
  if (c >= 0x7F && c < 0xA0) return true;
  if (c >= 0xA1 && c < 0xC0) return c != 0xAB && c != 0xBB && c != 0xB0 && c != 0xA7;
  return c == 0xD7 || c == 0xF7;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(c) || IsToneMark(c) || u_charType(c) == U_NON_SPACING_MARK;
}

}  // namespace

bool IsVietnameseSyllable(std::string_view syllable) {
  Syllable s;
  for (char32_t c : Nfd(syllable)) AddCodePoint(s, c);
  return IsValid(s);
}

VietnameseScore ScoreVietnamese(std::string_view text) {
  VietnameseScore score;
  Syllable current;
  bool in_word = false;
  auto finish = [&] {
    if (!in_word) return;
    ++score.words;
    if (current.marked) {
      if (IsValid(current)) {
        ++score.vietnamese;
      } else {
        ++score.invalid;
      }
    }
    current = Syllable();
    in_word = false;
  };
  for (char32_t c : Nfd(text)) {
    if (IsWordChar(c)) {
      AddCodePoint(current, c);
      in_word = true;
      continue;
    }
    finish();
    if (IsOddChar(c)) ++score.odd_chars;
  }
  finish();
  return score;
}

}  // namespace vanban::ingest
