#include "text/letters.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

namespace vanban::text::internal {
namespace {

// Code points below this bound are looked up in tables; every Vietnamese
// letter (Latin-1, Latin Extended-A/B, Latin Extended Additional) is below.
constexpr char32_t kTableSize = 0x2000;

// The twelve vowel rows by tone: none, grave, hook, tilde, acute, dot.
constexpr std::u32string_view kVowelRows[kNumRows] = {
    U"aàảãáạ", U"ăằẳẵắặ", U"âầẩẫấậ", U"eèẻẽéẹ", U"êềểễếệ", U"iìỉĩíị",
    U"oòỏõóọ", U"ôồổỗốộ", U"ơờởỡớợ", U"uùủũúụ", U"ưừửữứự", U"yỳỷỹýỵ",
};

}  // namespace

struct Tables {
  std::array<char32_t, kTableSize> lower{};
  std::array<char32_t, kTableSize> fold{};
  std::array<CharClass, kTableSize> cls{};
  std::array<VowelInfo, kTableSize> vowel{};
  char32_t compose[kNumRows][kNumTones][2] = {};

  Tables();
};

namespace {

CharClass ClassifyWithIcu(char32_t cp) {
  int8_t type = u_charType(static_cast<UChar32>(cp));
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
      type == U_ENCLOSING_MARK) {
    return CharClass::kMark;
  }
  if (type == U_DECIMAL_DIGIT_NUMBER) {
    // Only ASCII digits take part in numbers, dates and identifiers; other
    // scripts' digits are kept inside words.
    return cp < 0x80 ? CharClass::kDigit : CharClass::kLetter;
  }
  if (u_isalpha(static_cast<UChar32>(cp))) return CharClass::kLetter;
  return CharClass::kOther;
}

// Lowercase base letter of cp after full canonical decomposition.
char32_t FoldWithIcu(const icu::Normalizer2* nfd, char32_t cp) {
  if (cp == U'đ' || cp == U'Đ') return U'd';
  if (ClassifyWithIcu(cp) == CharClass::kMark) return 0;
  icu::UnicodeString decomposition;
  char32_t base = cp;
  if (nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) {
    base = static_cast<char32_t>(decomposition.char32At(0));
  }
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(base)));
}

}  // namespace

Tables::Tables() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  for (char32_t cp = 0; cp < kTableSize; ++cp) {
    lower[cp] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    cls[cp] = ClassifyWithIcu(cp);
    fold[cp] = U_SUCCESS(status) ? FoldWithIcu(nfd, cp) : lower[cp];
  }
  for (int row = 0; row < kNumRows; ++row) {
    for (int tone = 0; tone < kNumTones; ++tone) {
      char32_t lo = kVowelRows[row][tone];
      char32_t up = static_cast<char32_t>(u_toupper(static_cast<UChar32>(lo)));
      compose[row][tone][0] = lo;
      compose[row][tone][1] = up;
      vowel[lo] = VowelInfo{static_cast<int8_t>(row), static_cast<int8_t>(tone), false};
      vowel[up] = VowelInfo{static_cast<int8_t>(row), static_cast<int8_t>(tone), true};
    }
  }
}

const Tables& GetTables() {
  static const Tables* const tables = new Tables();  // never destroyed
  return *tables;
}

char32_t ToLower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp < kTableSize) return GetTables().lower[cp];
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

char32_t FoldChar(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp < kTableSize) return GetTables().fold[cp];
  if (ClassifyWithIcu(cp) == CharClass::kMark) return 0;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

CharClass ClassOf(char32_t cp) {
  if (cp < kTableSize) return GetTables().cls[cp];
  return ClassifyWithIcu(cp);
}

VowelInfo VowelOf(char32_t cp) {
  if (cp < kTableSize) return GetTables().vowel[cp];
  return VowelInfo{};
}

char32_t ComposeVowel(int row, int tone, bool upper) {
  return GetTables().compose[row][tone][upper ? 1 : 0];
}

bool IsConsonant(char32_t cp) {
  char32_t c = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (c == U'đ' || c == U'Đ') return true;
  if (c < 'a' || c > 'z') return false;
  return c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'y';
}

}  // namespace vanban::text::internal
