// Markdown: the codification files drop their YAML front matter, the
// "THÔNG TIN VĂN BẢN" table and the trailing heading list, keep the body
// without markup, and stay one document.
#include <gtest/gtest.h>

#include "ingest/extract.h"
#include "ingest/fixtures.h"
#include "ingest/test_util.h"
#include "support/shared_data.h"
#include "text/analyzer.h"

namespace vanban::ingest {
namespace {

TEST(MarkdownTest, CodificationLayout) {
  std::string md =
      "---\nlayout: page\ntitle: Tương trợ tư pháp\nlastedit: 2026-05-13\n---\n\n"
      "## THÔNG TIN VĂN BẢN\n\n| Thuộc tính | Nội dung |\n|---|---|\n| **Số hiệu** | Đang cập nhật "
      "|\n\n---\n\n"
      "## VĂN BẢN\n# Tương trợ tư pháp\n\n\nChương I\n\nNHỮNG QUY ĐỊNH CHUNG\n\n"
      "Điều 40.1.LQ.1. Phạm vi điều chỉnh\n\n"
      "Luật này quy định **nguyên tắc**, thẩm quyền với [Việt Nam](https://vi.wikipedia.org) nước "
      "ngoài.Điều 40.1.LQ.2. Đối tượng áp dụng\n\n"
      "* Cơ quan **ĐIỀU KHOẢN THI HÀNH**Điều 40.1.LQ.71. Hiệu lực\n\n| STT | Nội dung "
      "|\n|---|---|\n| 1 | Dân sự |\n\n"
      "## Danh sách điều khoản\n\n### 4001\n\nĐiều 40.1.LQ.1. Phạm vi điều chỉnh\n";
  StatusOr<Extracted> e = ExtractBytes(md, "tuong-tro-tu-phap.md");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->format, "md");
  EXPECT_EQ(e->text,
            "Tương trợ tư pháp\n\nChương I\n\nNHỮNG QUY ĐỊNH CHUNG\n\n"
            "Điều 40.1.LQ.1. Phạm vi điều chỉnh\n\n"
            "Luật này quy định nguyên tắc, thẩm quyền với Việt Nam nước ngoài.\n\n"
            "Điều 40.1.LQ.2. Đối tượng áp dụng\n\n- Cơ quan ĐIỀU KHOẢN THI HÀNH\n\n"
            "Điều 40.1.LQ.71. Hiệu lực\n\nSTT | Nội dung\n1 | Dân sự");
  ASSERT_EQ(e->warnings.size(), 1u);
}

// A10 (session 16): a backslash at a line end (a hard line break) stayed in
// the text as "…ngày ký.\". It is a line break, as two trailing spaces are;
// an escaped backslash ("\\") at a line end is a backslash.
TEST(MarkdownTest, HardLineBreaksBecomeLineBreaks) {
  std::string md =
      "## Điều 2. Hiệu lực\n"
      "Quyết định này có hiệu lực kể từ ngày ký.\\\n"
      "Dòng sau dấu gạch ngược.  \n"
      "Dòng sau hai dấu cách.\n"
      "* Mục có ngắt dòng\\\n"
      "Đường dẫn C:\\\\\n";
  StatusOr<Extracted> e = ExtractBytes(md, "qd60.md");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->text,
            "Điều 2. Hiệu lực\n\nQuyết định này có hiệu lực kể từ ngày ký.\n"
            "Dòng sau dấu gạch ngược.\nDòng sau hai dấu cách.\n- Mục có ngắt dòng\n"
            "Đường dẫn C:\\");
}

TEST(MarkdownTest, LargeCorpusFileKeepsEveryArticleOnce) {
  VANBAN_REQUIRE_SHARED();
  std::vector<std::filesystem::path> files = testing::LargeCorpusFiles();
  if (files.empty()) GTEST_SKIP() << "no large corpus";
  auto path = vanban::testing::SharedDir() /
              "bench/large-corpus/phapdien-md/tuong-tro-tu-phap/tuong-tro-tu-phap.md";
  StatusOr<Extracted> e = ExtractFile(path);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->text.find("layout: page"), std::string::npos);
  EXPECT_EQ(e->text.find("Đang cập nhật"), std::string::npos);
  EXPECT_EQ(e->text.find("Danh sách điều khoản"), std::string::npos);
  EXPECT_EQ(e->text.find("**"), std::string::npos);
  EXPECT_TRUE(e->text.starts_with("Tương trợ tư pháp\n\nChương I")) << e->text.substr(0, 200);
  // Every article heading of the body appears exactly once, at a line start.
  std::string raw = text::Normalize(vanban::testing::ReadFile(path));
  raw = raw.substr(0, raw.find("## Danh sách điều khoản"));
  size_t in_source = 0, in_text = 0;
  for (size_t p = 0; (p = raw.find("Điều 40.1.", p)) != std::string::npos; ++p) ++in_source;
  for (size_t p = 0; (p = e->text.find("\nĐiều 40.1.", p)) != std::string::npos; ++p) ++in_text;
  EXPECT_GT(in_source, 100u);
  // References "(Điều này có nội dung liên quan đến Điều 40.1...)" are not
  // at a line start, so count headings in the source the same way.
  size_t headings = 0;
  for (size_t p = 0; (p = raw.find("Điều 40.1.", p)) != std::string::npos; ++p) {
    char before = p ? raw[p - 1] : '\n';
    if (before == '\n' || before == '.' || before == ';') ++headings;
  }
  EXPECT_EQ(in_text, headings);
  EXPECT_EQ(e->text, text::Normalize(e->text));  // NFC although the source is not
}

}  // namespace
}  // namespace vanban::ingest
