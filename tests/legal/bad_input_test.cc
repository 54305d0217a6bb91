// Bad input: empty text, no structure, absurdly long lines, bogus numbers,
// half-written citations, invalid UTF-8. Clear results, never a crash or a
// hang (the scanner is linear; a 10 MB line must simply finish).
#include <gtest/gtest.h>

#include "legal/parser.h"

namespace vanban::legal {
namespace {

TEST(BadInputTest, EmptyText) {
  Document doc = ParseDocument("");
  EXPECT_TRUE(doc.paragraphs.empty());
  EXPECT_TRUE(doc.units.empty());
  EXPECT_TRUE(doc.citations.empty());
  EXPECT_EQ(doc.id, "");
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_EQ(doc.warnings.back(), "Văn bản rỗng: không có nội dung");
  EXPECT_TRUE(ParseDocument("\n\n   \n").paragraphs.empty());
}

TEST(BadInputTest, NoRecognisableStructure) {
  Document doc = ParseDocument("xin chào\nđây là một ghi chú không có cấu trúc");
  EXPECT_TRUE(doc.units.empty());
  EXPECT_EQ(doc.paragraphs.size(), 2u);
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_NE(doc.warnings.back().find("Không nhận ra cấu trúc"), std::string::npos);
}

TEST(BadInputTest, TenMegabyteLineOfCitations) {
  const std::string unit = "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ; ";
  std::string line;
  size_t n = 0;
  while (line.size() < 10 * 1024 * 1024) {
    line += unit;
    ++n;
  }
  Document doc = ParseDocument(line);
  ASSERT_EQ(doc.citations.size(), n);
  EXPECT_EQ(doc.citations.back().number, "33/CT-TTg");
  EXPECT_EQ(doc.paragraphs.size(), 1u);
}

TEST(BadInputTest, TenMegabyteLinesWithoutSpacesOrWithOnlyDigits) {
  std::string letters(10 * 1024 * 1024, 'a');
  EXPECT_TRUE(ParseDocument(letters).citations.empty());
  std::string digits;
  while (digits.size() < 10 * 1024 * 1024) digits += "1/2-";
  EXPECT_TRUE(ExtractCitations(digits).empty());
  std::string keywords;
  while (keywords.size() < 10 * 1024 * 1024) keywords += "khoản 1, Điều ";
  EXPECT_NO_FATAL_FAILURE(ParseDocument(keywords));
}

// Regression: UnitAt was a linear scan per citation, so a long law full of
// "khoản 1 Điều này" was quadratic.
TEST(BadInputTest, ManyArticlesWithSelfReferences) {
  std::string text;
  const int kArticles = 40000;
  for (int i = 1; i <= kArticles; ++i) {
    text += "Điều " + std::to_string(i) + ". Tên\n1. Theo khoản 2 Điều này.\n2. Nội dung.\n";
  }
  Document doc = ParseDocument(text);
  ASSERT_EQ(doc.citations.size(), static_cast<size_t>(kArticles));
  EXPECT_EQ(doc.citations.back().article, std::to_string(kArticles));
  EXPECT_EQ(doc.units.size(), static_cast<size_t>(3 * kArticles));
}

TEST(BadInputTest, BogusNumbers) {
  EXPECT_TRUE(ExtractCitations("xem 99999999/XX-YY ngày 01/01/2020").empty());
  Document doc = ParseDocument("Chỉ thị số 99999999/XX-YY của UBND xã");
  EXPECT_TRUE(doc.citations.empty());
  bool warned = false;
  for (const std::string& w : doc.warnings) warned |= w.find("99999999/XX-YY") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(BadInputTest, HalfWrittenCitation) {
  Document doc = ParseDocument("Thực hiện Chỉ thị số /CT-TTg của Thủ tướng Chính phủ.");
  EXPECT_TRUE(doc.citations.empty());
  bool warned = false;
  for (const std::string& w : doc.warnings) {
    warned |= w.find("Dẫn chiếu thiếu số hiệu") != std::string::npos;
  }
  EXPECT_TRUE(warned);
  EXPECT_TRUE(ExtractCitations("Chỉ thị số").empty());
  EXPECT_TRUE(ExtractCitations("khoản").empty());
  EXPECT_TRUE(ExtractCitations("điểm a khoản").empty());
  EXPECT_TRUE(ExtractCitations("Điều").empty());
}

TEST(BadInputTest, InvalidUtf8AndImpossibleDates) {
  Document doc = ParseDocument("Chỉ thị số 33/CT-TTg ngày 31/02/2021 \xff\xfe của Thủ tướng");
  ASSERT_EQ(doc.citations.size(), 1u);
  EXPECT_EQ(doc.citations[0].date, "");  // 31/02 is no date
  EXPECT_FALSE(doc.warnings.empty());
}

}  // namespace
}  // namespace vanban::legal
