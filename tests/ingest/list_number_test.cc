// List numbers shared by the DOCX and HTML readers: letters to z, Roman
// numerals to 3999, digits past them and for any other number.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "ingest/readers.h"

namespace vanban::ingest {
namespace {

// R7 (QA 22): the two readers had a formatter each, with different rules
// (DOCX wrote "aa", "bbb" without bound, R2, and counted in an int, R3).
TEST(ListNumberTest, StylesAndTheirRanges) {
  struct Case {
    int64_t n;
    NumberStyle style;
    const char* want;
  } cases[] = {
      {3, NumberStyle::kDecimal, "3"},
      {2147483648, NumberStyle::kDecimal, "2147483648"},
      {0, NumberStyle::kDecimal, "0"},
      {7, NumberStyle::kDecimalZero, "07"},
      {0, NumberStyle::kDecimalZero, "00"},
      {10, NumberStyle::kDecimalZero, "10"},
      {1, NumberStyle::kLowerLetter, "a"},
      {26, NumberStyle::kLowerLetter, "z"},
      {27, NumberStyle::kLowerLetter, "27"},
      {2000000000, NumberStyle::kLowerLetter, "2000000000"},
      {0, NumberStyle::kLowerLetter, "0"},
      {3, NumberStyle::kUpperLetter, "C"},
      {4, NumberStyle::kLowerRoman, "iv"},
      {3999, NumberStyle::kUpperRoman, "MMMCMXCIX"},
      {4000, NumberStyle::kUpperRoman, "4000"},
      {0, NumberStyle::kUpperRoman, "0"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ListNumber(c.n, c.style), c.want) << c.n << " " << static_cast<int>(c.style);
  }
}

}  // namespace
}  // namespace vanban::ingest
