#include "text/letters.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

namespace vanban::text::internal {
namespace {

// The twelve vowel rows by tone: none, grave, hook, tilde, acute, dot.
constexpr std::u32string_view kVowelRows[kNumRows] = {
    U"aàảãáạ", U"ăằẳẵắặ", U"âầẩẫấậ", U"eèẻẽéẹ", U"êềểễếệ", U"iìỉĩíị",
    U"oòỏõóọ", U"ôồổỗốộ", U"ơờởỡớợ", U"uùủũúụ", U"ưừửữứự", U"yỳỷỹýỵ",
};

}  // namespace

namespace {

CharClass ClassifyWithIcu(char32_t cp) {
  int8_t type = u_charType(static_cast<UChar32>(cp));
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
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
  // Ð/ð (U+00D0/U+00F0, Icelandic eth) stand in for Đ in many converted
  // Vietnamese documents ("NÐ-CP", "Ðiều"); read them as đ.
  lower[0xD0] = lower[0xF0] = U'đ';
  fold[0xD0] = fold[0xF0] = U'd';
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

char32_t ToLowerSlow(char32_t cp) {
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

char32_t FoldCharSlow(char32_t cp) {
  if (ClassifyWithIcu(cp) == CharClass::kMark) return 0;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

CharClass ClassOfSlow(char32_t cp) { return ClassifyWithIcu(cp); }

}  // namespace vanban::text::internal
