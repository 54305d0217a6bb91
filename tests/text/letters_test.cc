// The per-code-point tables (src/text/letters.cc), checked over every
// Vietnamese vowel letter in both cases.
#include "text/letters.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::text::internal {
namespace {

TEST(LettersTest, EveryVowelRoundTrips) {
  const char32_t kBase[kNumRows] = {U'a', U'a', U'a', U'e', U'e', U'i',
                                    U'o', U'o', U'o', U'u', U'u', U'y'};
  int letters = 0;
  for (int row = 0; row < kNumRows; ++row) {
    for (int tone = 0; tone < kNumTones; ++tone) {
      char32_t lower = ComposeVowel(row, tone, false);
      char32_t upper = ComposeVowel(row, tone, true);
      ASSERT_NE(lower, upper) << row << "/" << tone;
      for (char32_t cp : {lower, upper}) {
        VowelInfo v = VowelOf(cp);
        EXPECT_EQ(v.row, row);
        EXPECT_EQ(v.tone, tone);
        EXPECT_EQ(v.upper, cp == upper);
        EXPECT_EQ(FoldChar(cp), kBase[row]);
        EXPECT_EQ(ClassOf(cp), CharClass::kLetter);
        ++letters;
      }
      EXPECT_EQ(ToLower(upper), lower);
    }
  }
  EXPECT_EQ(letters, 144);  // 12 vowels x 6 tones x 2 cases
}

TEST(LettersTest, ConsonantsMarksAndOthers) {
  EXPECT_TRUE(IsConsonant(U'đ'));
  EXPECT_TRUE(IsConsonant(U'Đ'));
  EXPECT_TRUE(IsConsonant(U'Q'));
  EXPECT_FALSE(IsConsonant(U'y'));
  EXPECT_FALSE(IsConsonant(U'ư'));
  EXPECT_FALSE(IsConsonant(U'1'));
  EXPECT_EQ(FoldChar(U'Đ'), U'd');
  EXPECT_EQ(ToLower(U'Đ'), U'đ');
  EXPECT_EQ(FoldChar(0x0301), 0u);  // combining acute is dropped
  EXPECT_EQ(ClassOf(0x0301), CharClass::kMark);
  EXPECT_EQ(ClassOf(U'5'), CharClass::kDigit);
  EXPECT_EQ(ClassOf(U'/'), CharClass::kOther);
  EXPECT_EQ(ClassOf(U'“'), CharClass::kOther);
  EXPECT_EQ(ClassOf(0x4E2D), CharClass::kLetter);  // 中, above the tables
  EXPECT_EQ(FoldChar(U'é'), U'e');                 // non-Vietnamese Latin too
  EXPECT_EQ(FoldChar(U'Ç'), U'c');
}

TEST(LettersTest, Utf8RoundTrip) {
  for (char32_t cp : {0x41u, 0xE9u, 0x1EC7u, 0x4E2Du, 0x1F600u}) {
    std::string s;
    AppendUtf8(cp, &s);
    size_t i = 0;
    EXPECT_EQ(DecodeUtf8(s, i), cp);
    EXPECT_EQ(i, s.size());
  }
  size_t i = 0;
  EXPECT_EQ(DecodeUtf8("\xE1\xBA", i), 0xFFFDu);  // truncated: one byte consumed
  EXPECT_EQ(i, 1u);
}

}  // namespace
}  // namespace vanban::text::internal
