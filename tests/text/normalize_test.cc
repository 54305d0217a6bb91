// Normalize, Lower, FoldText (src/text/normalize.cc).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/analyzer.h"

namespace vanban::text {
namespace {

TEST(NormalizeTest, ComposesToHopAndNfd) {
  // "tổ hợp" style: NFC base letter followed by a combining tone.
  EXPECT_EQ(Normalize("a\u0301"), "á");
  EXPECT_EQ(Normalize("ê\u0323"), "ệ");
  EXPECT_EQ(Normalize("ơ\u0323"), "ợ");
  // Full NFD: base + shape mark + tone.
  EXPECT_EQ(Normalize("Vie\u0302\u0323t Nam"), "Việt Nam");
  EXPECT_EQ(Normalize("Quyê\u0301t đi\u0323nh"), "Quyết định");
  // A mark after a long NFC prefix composes with the letter before it only.
  EXPECT_EQ(Normalize("Việt Nam, tỉnh Hải Dương: hoa\u0300 bi\u0300nh"),
            "Việt Nam, tỉnh Hải Dương: hoà bình");
  EXPECT_EQ(Normalize("\u0301a"), "\u0301a");  // nothing to combine with
  EXPECT_EQ(Normalize("e\u0323\u0302"), "ệ");  // marks reordered, then composed
  // Already NFC and ASCII pass unchanged.
  EXPECT_EQ(Normalize("Tỉnh uỷ"), "Tỉnh uỷ");
  EXPECT_EQ(Normalize("UBND"), "UBND");
}

// O3 broke: a zero-width space or soft hyphen inside a word (text pasted
// from Word or a web page) split it: "d\u200Bân vận" searched "d", "ân",
// "v", "ận". O6 broke: full-width digits ("３３/CT-TTg") were a syllable.
TEST(NormalizeTest, InvisibleCharactersGoAndFullWidthBecomesAscii) {
  EXPECT_EQ(Normalize("d\u200Bân v\u200Bận"), "dân vận");
  EXPECT_EQ(Normalize("d\u00ADân ch\u200Củ"), "dân chủ");
  EXPECT_EQ(Normalize("Ủy\u200D ban\u2060 nhân\uFEFF dân"), "Ủy ban nhân dân");
  EXPECT_EQ(Normalize("\uFF13\uFF13\uFF0FCT-TTg"), "33/CT-TTg");
  EXPECT_EQ(Normalize("Luật\u3000Tố cáo"), "Luật Tố cáo");
  // Removed before composing: a tone mark after a soft hyphen still
  // composes with its letter.
  EXPECT_EQ(Normalize("a\u00AD\u0301"), "á");
  EXPECT_EQ(Normalize("\u200B"), "");
  // Mathematical bold/italic letters and digits, with combining tones that
  // then compose, and Latin ligatures become plain letters; other
  // compatibility characters keep their meaning.
  EXPECT_EQ(Normalize("\U0001D40B\U0001D42E\U0001D41A\u0323\u0302\U0001D42D \U0001D7D1\U0001D7D1"),
            "Luật 33");
  EXPECT_EQ(Normalize("\U0001D63F\U0001D622\u0302\U0001D62F"), "Dân");
  EXPECT_EQ(Normalize("\uFB01le \uFB00"), "file ff");
  EXPECT_EQ(Normalize("m\u00B2 \u00BD"), "m\u00B2 \u00BD");
  // The analyser sees one word each.
  Analyzer analyzer;
  AnalyzedText at = analyzer.Analyze("d\u200Bân v\u00ADận \uFF13\uFF13");
  ASSERT_EQ(at.tokens.size(), 3u);
  EXPECT_EQ(at.tokens[0].exact, "dân");
  EXPECT_EQ(at.tokens[1].exact, "vận");
  EXPECT_EQ(at.tokens[2].exact, "33");
}

TEST(NormalizeTest, RepairsInvalidUtf8WithWarning) {
  struct Case {
    std::string input;
    std::string expected;
    size_t warnings;
  };
  const Case kCases[] = {
      {"ab\xFF"
       "cd",
       "ab\uFFFDcd", 1},
      {"\xC3", "\uFFFD", 1},                      // truncated
      {"x\xE0\x80\x80y", "x\uFFFDy", 1},          // overlong
      {"\xED\xA0\x80", "\uFFFD", 1},              // surrogate
      {"a\xF4\x90\x80\x80", "a\uFFFD", 1},        // above U+10FFFF
      {"\xFF đ \xFE\xFE", "\uFFFD đ \uFFFD", 2},  // two runs
      {"hợp lệ", "hợp lệ", 0},
  };
  for (const Case& c : kCases) {
    std::vector<std::string> warnings;
    EXPECT_EQ(Normalize(c.input, &warnings), c.expected);
    EXPECT_EQ(warnings.size(), c.warnings) << c.expected;
  }
  std::vector<std::string> warnings;
  Normalize("ab\xFF", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("byte 2"), std::string::npos) << warnings[0];
}

// The per-syllable functions are public too; bad bytes must not crash them.
TEST(NormalizeTest, SyllableFunctionsSurviveBadBytes) {
  for (const char* bad : {"\xFF", "\xC3", "\xE1\xBA",
                          "a\x80"
                          "b",
                          "\xF0\x9F"}) {
    EXPECT_EQ(CanonicalTone(bad), bad);
    EXPECT_FALSE(Lower(bad).empty());
    FoldSyllable(bad);
    FoldText(bad);
    EXPECT_EQ(CanonicalIdentifier(bad), "");
  }
}

TEST(NormalizeTest, LowerIsVietnameseAware) {
  EXPECT_EQ(Lower("ĐẢNG"), "đảng");
  EXPECT_EQ(Lower("Ủy Ban Nhân Dân"), "ủy ban nhân dân");
  EXPECT_EQ(Lower("QĐ/TW"), "qđ/tw");
  EXPECT_EQ(Lower("ƯỚC"), "ước");
  // Ð (U+00D0, eth) stands in for Đ in converted documents.
  EXPECT_EQ(Lower("\u00D0IỀU"), "điều");
}

TEST(NormalizeTest, FoldText) {
  EXPECT_EQ(FoldText("Đảng Cộng sản Việt Nam"), "dang cong san viet nam");
  EXPECT_EQ(FoldText("QĐ/TW"), "qd/tw");
  EXPECT_EQ(FoldText("Quyê\u0301t đi\u0323nh"), "quyet dinh");
  EXPECT_EQ(FoldText("Luật Tố cáo"), "luat to cao");
  EXPECT_EQ(FoldText("\u00D0iều"), "dieu");
}

// R7 (QA 22): legal and ingest each counted code points with a copy of
// their own; one function serves both.
TEST(NormalizeTest, CodePointsCountsCharactersNotBytes) {
  EXPECT_EQ(CodePoints(""), 0u);
  EXPECT_EQ(CodePoints("Luật Tố cáo"), 11u);
  EXPECT_EQ(CodePoints("QUỐC HỘI"), 8u);
  EXPECT_EQ(CodePoints("To\u0302\u0301"), 4u);  // "Tố" decomposed: a base and two marks
}

}  // namespace
}  // namespace vanban::text
