// Internal to vanban_text: UTF-8 decoding and precomputed per-code-point
// tables (lowercase, accent fold, Vietnamese vowel/tone decomposition).
// The tables are built once, on first use, and are read-only afterwards, so
// every function here is thread-safe.
#ifndef VANBAN_TEXT_LETTERS_H_
#define VANBAN_TEXT_LETTERS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vanban::text::internal {

// Vietnamese vowel rows (base letters) and tones, in table order.
enum VowelRow : int8_t {
  kRowA,
  kRowAw,
  kRowAa,
  kRowE,
  kRowEe,
  kRowI,
  kRowO,
  kRowOo,
  kRowOw,
  kRowU,
  kRowUw,
  kRowY,
  kNumRows
};
// Tones: 0 none (ngang), 1 grave (huyền), 2 hook (hỏi), 3 tilde (ngã),
// 4 acute (sắc), 5 dot below (nặng).
inline constexpr int kNumTones = 6;

struct VowelInfo {
  int8_t row = -1;  // -1: not a Vietnamese vowel letter
  int8_t tone = 0;
  bool upper = false;
};

// Decodes one code point of UTF-8 at s[i], advancing i.
// Truncated sequences yield U+FFFD (one byte consumed); other ill-formed
// input is the caller's to avoid (Normalize repairs it first).
inline char32_t DecodeUtf8(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  if (c < 0xE0) {
    char32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    i += 2;
    return cp;
  }
  if (c < 0xF0) {
    char32_t cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                  (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    i += 3;
    return cp;
  }
  char32_t cp = ((c & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
                ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
                (static_cast<unsigned char>(s[i + 3]) & 0x3F);
  i += 4;
  return cp;
}

// Character classes used by the tokenizer.
enum class CharClass : uint8_t { kOther, kLetter, kDigit, kMark };

// Code points below this bound are looked up in tables; every Vietnamese
// letter (Latin-1, Latin Extended-A/B, Latin Extended Additional) is below.
inline constexpr char32_t kTableSize = 0x2000;

struct Tables {
  char32_t lower[kTableSize];
  char32_t fold[kTableSize];
  CharClass cls[kTableSize];
  VowelInfo vowel[kTableSize];
  char32_t compose[kNumRows][kNumTones][2];

  Tables();
};

// The tables, built on first use (thread-safe static initialisation).
inline const Tables& GetTables() {
  static const Tables tables;
  return tables;
}

// Slow paths for code points at or above kTableSize (ICU lookups).
char32_t ToLowerSlow(char32_t cp);
char32_t FoldCharSlow(char32_t cp);
CharClass ClassOfSlow(char32_t cp);

// Simple lowercase mapping (ICU u_tolower), except that Ð/ð become đ.
inline char32_t ToLower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return cp < kTableSize ? GetTables().lower[cp] : ToLowerSlow(cp);
}
// Lowercase base letter with every mark removed and đ -> d; 0 for a
// combining mark (dropped when folding). Other code points map to their
// lowercase.
inline char32_t FoldChar(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return cp < kTableSize ? GetTables().fold[cp] : FoldCharSlow(cp);
}
inline CharClass ClassOf(char32_t cp) {
  return cp < kTableSize ? GetTables().cls[cp] : ClassOfSlow(cp);
}
inline VowelInfo VowelOf(char32_t cp) {
  return cp < kTableSize ? GetTables().vowel[cp] : VowelInfo{};
}
// The precomposed vowel for a row, tone and case.
inline char32_t ComposeVowel(int row, int tone, bool upper) {
  return GetTables().compose[row][tone][upper ? 1 : 0];
}
// True for ASCII consonant letters and đ/Đ/Ð/ð (the consonants of Vietnamese
// spelling, plus f j w z for loan words).
inline bool IsConsonant(char32_t cp) {
  if (cp == U'đ' || cp == U'Đ' || cp == 0xD0 || cp == 0xF0) return true;
  char32_t c = cp | 0x20;
  if (cp >= 0x80 || c < 'a' || c > 'z' || cp < 'A') return false;
  return c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'y';
}

// Encodes into buf (at least 4 bytes free), returning the bytes written.
inline int EncodeUtf8(char32_t cp, char* buf) {
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  buf[0] = static_cast<char>(0xF0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Appends the UTF-8 encoding of cp to *out.
inline void AppendUtf8(char32_t cp, std::string* out) {
  char buf[4];
  out->append(buf, static_cast<size_t>(EncodeUtf8(cp, buf)));
}

}  // namespace vanban::text::internal

#endif  // VANBAN_TEXT_LETTERS_H_
