// List numbers shared by the DOCX and HTML readers (readers.h).
#include <string>
#include <utility>

#include "ingest/readers.h"

namespace vanban::ingest {
namespace {

// "IV" for 4, "iv" when !upper; `n` in 1..3999.
std::string RomanNumeral(int64_t n, bool upper) {
  static constexpr std::pair<int, const char*> kDigits[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    for (; n >= value; n -= value) out += digits;
  }
  if (!upper) {
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string ListNumber(int64_t n, NumberStyle style) {
  switch (style) {
    case NumberStyle::kLowerLetter:
    case NumberStyle::kUpperLetter:
      if (n >= 1 && n <= 26) {
        char first = style == NumberStyle::kLowerLetter ? 'a' : 'A';
        return std::string(1, static_cast<char>(first + n - 1));
      }
      break;
    case NumberStyle::kLowerRoman:
    case NumberStyle::kUpperRoman:
      if (n >= 1 && n < 4000) return RomanNumeral(n, style == NumberStyle::kUpperRoman);
      break;
    case NumberStyle::kDecimalZero:
      if (n >= 0 && n < 10) return "0" + std::to_string(n);
      break;
    case NumberStyle::kDecimal:
      break;
  }
  return std::to_string(n);
}

std::string MarkupTooDeepWarning() {
  return "Bỏ qua phần nội dung lồng sâu quá " + std::to_string(kMaxMarkupDepth) + " cấp";
}

}  // namespace vanban::ingest
