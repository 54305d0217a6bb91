// DOCX: structure kept (paragraphs, headings, table rows, footnotes),
// tracked deletions and field codes dropped; the plan written as a DOCX
// with libzip comes back paragraph for paragraph.
#include <gtest/gtest.h>

#include "ingest/extract.h"
#include "ingest/fixtures.h"
#include "ingest/test_util.h"
#include "support/shared_data.h"
#include "text/analyzer.h"

namespace vanban::ingest {
namespace {

TEST(DocxTest, StructureFootnotesTrackedChangesAndFields) {
  testing::TempDir dir("docx");
  std::string body =
      R"(<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t xml:space="preserve">Thực hiện Chỉ thị số </w:t></w:r>)"
      R"(<w:del w:id="1" w:author="A"><w:r><w:delText>34</w:delText></w:r></w:del>)"
      R"(<w:ins w:id="2" w:author="A"><w:r><w:t>33</w:t></w:r></w:ins>)"
      R"(<w:r><w:t>/CT-TTg</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>)"
      R"(<w:r><w:t xml:space="preserve"> ngày </w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \@ "d/M/yyyy" </w:instrText></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>26/11/2021</w:t></w:r>)"
      R"(<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>)"
      R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:tc></w:tr>)"
      R"(<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tuyên truyền</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>Luật Tố cáo</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
      R"(<w:p><w:r><w:t>Nơi nhận:</w:t></w:r></w:p>)";
  std::string footnotes =
      R"(<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
      R"(<w:footnote w:id="1"><w:p><w:r><w:t>Về tiếp tục tăng cường và đổi mới công tác dân vận.</w:t></w:r></w:p></w:footnote>)"
      R"(</w:footnotes>)";
  auto path = dir / "ke-hoach.docx";
  ASSERT_TRUE(fixtures::WriteDocx(path, fixtures::DocxDocumentXmlFromBody(body), footnotes).ok());
  StatusOr<Extracted> e = ExtractFile(path);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->format, "docx");
  EXPECT_EQ(e->text,
            "KẾ HOẠCH\n\n"
            "Thực hiện Chỉ thị số 33/CT-TTg[1] ngày 26/11/2021.\n\n"
            "STT | Nội dung\n\n"
            "1 | Tuyên truyền Luật Tố cáo\n\n"
            "Nơi nhận:\n\n"
            "[1] Về tiếp tục tăng cường và đổi mới công tác dân vận.");
}

TEST(DocxTest, PlanWrittenAsDocxComesBackIdentical) {
  VANBAN_REQUIRE_SHARED();
  testing::TempDir dir("docx-plan");
  std::string plan = vanban::testing::ReadFile(testing::SharedCorpusTexts().front());
  std::string unwrapped = fixtures::Unwrap(text::Normalize(plan));
  std::vector<std::string> paragraphs;
  for (size_t pos = 0; pos < unwrapped.size();) {
    size_t end = unwrapped.find("\n\n", pos);
    if (end == std::string::npos) end = unwrapped.size();
    paragraphs.push_back(unwrapped.substr(pos, end - pos));
    pos = end + 2;
  }
  auto path = dir / "plan.docx";
  ASSERT_TRUE(fixtures::WriteDocx(path, fixtures::DocxDocumentXml(paragraphs)).ok());
  StatusOr<Extracted> e = ExtractFile(path);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->text, unwrapped);
}

TEST(DocxTest, CorruptDocxGivesErrorNamingTheFile) {
  testing::TempDir dir("docx-bad");
  std::string doc = fixtures::DocxDocumentXml({"Luật Khiếu nại"});
  auto good = dir / "good.docx";
  ASSERT_TRUE(fixtures::WriteDocx(good, doc).ok());
  std::string bytes = fixtures::ReadBytes(good).value();
  auto truncated = dir / "cat-ngan.docx";
  ASSERT_TRUE(fixtures::WriteBytes(truncated, bytes.substr(0, bytes.size() / 2)).ok());
  StatusOr<Extracted> e = ExtractFile(truncated);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kCorruption);
  EXPECT_NE(e.status().message().find("cat-ngan.docx"), std::string::npos) << e.status().message();
  EXPECT_NE(e.status().message().find("DOCX"), std::string::npos) << e.status().message();
  // A12 broke: libzip's English reason reached `vanban extract` ("(Not a zip
  // archive)"); only `vanban index` put it in Vietnamese.
  EXPECT_NE(e.status().message().find("(không có cấu trúc tệp nén ZIP)"), std::string::npos)
      << e.status().message();
  EXPECT_EQ(e.status().message().find("zip archive"), std::string::npos) << e.status().message();
  auto not_zip = dir / "khong-phai.docx";
  ASSERT_TRUE(fixtures::WriteBytes(not_zip, "Đây không phải tệp nén").ok());
  e = ExtractFile(not_zip);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("khong-phai.docx"), std::string::npos);
}

}  // namespace
}  // namespace vanban::ingest
