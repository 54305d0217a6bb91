// OCR: a paragraph of the plan rendered to a PNG (300 dpi) and wrapped as
// an image-only PDF must be read back by Tesseract "vie" with character
// accuracy above 90% (edit distance over code points, spaces collapsed).
#include "ingest/ocr.h"

#include <gtest/gtest.h>

#include "ingest/extract.h"
#include "ingest/fixtures.h"
#include "ingest/test_util.h"
#include "support/shared_data.h"
#include "text/analyzer.h"

namespace vanban::ingest {
namespace {

constexpr double kMinAccuracy = 0.90;

std::string PlanExcerpt() {
  std::string plan = vanban::testing::ReadFile(testing::SharedCorpusTexts().front());
  std::string unwrapped = fixtures::Unwrap(text::Normalize(plan));
  // Paragraphs 4..6: ordinary running text with numbers and symbols.
  size_t start = 0;
  for (int i = 0; i < 4; ++i) start = unwrapped.find("\n\n", start) + 2;
  size_t end = start;
  for (int i = 0; i < 2; ++i) end = unwrapped.find("\n\n", end) + 2;
  return unwrapped.substr(start, end - start - 2);
}

class OcrTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!OcrAvailable()) GTEST_SKIP() << "built without VANBAN_OCR";
    VANBAN_REQUIRE_SHARED();
  }
};

TEST_F(OcrTest, ScannedPdfPageIsRead) {
  testing::TempDir dir("ocr-pdf");
  std::string source = PlanExcerpt();
  auto png = dir / "trang.png";
  fixtures::RenderOptions options;
  options.font = "DejaVu Serif 12";
  options.dpi = 300;
  ASSERT_TRUE(fixtures::RenderWithPango(source, png, options).ok());
  int w = 0, h = 0;
  std::vector<uint8_t> gray = fixtures::ReadGrayImage(png, &w, &h);
  ASSERT_FALSE(gray.empty());
  auto pdf = dir / "scan.pdf";
  ASSERT_TRUE(fixtures::WriteBytes(pdf, fixtures::ImageOnlyPdf(gray, w, h, 300)).ok());

  StatusOr<Extracted> e = ExtractFile(pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->format, "pdf-ocr");
  EXPECT_TRUE(e->ocr);
  EXPECT_GT(e->ocr_confidence, 50);
  EXPECT_LE(e->ocr_confidence, 100);
  double accuracy =
      testing::CharAccuracy(testing::CollapseSpaces(source), testing::CollapseSpaces(e->text));
  EXPECT_GT(accuracy, kMinAccuracy) << e->text;
  std::cout << "[ OCR pdf ] accuracy " << accuracy << " confidence " << e->ocr_confidence << "\n";

  ExtractOptions no_ocr;
  no_ocr.ocr = false;
  StatusOr<Extracted> off = ExtractFile(pdf, no_ocr);
  ASSERT_FALSE(off.ok());
  EXPECT_NE(off.status().message().find("scan.pdf"), std::string::npos);
}

TEST_F(OcrTest, PngImageIsRead) {
  testing::TempDir dir("ocr-png");
  std::string source = PlanExcerpt();
  auto png = dir / "anh.png";
  fixtures::RenderOptions options;
  options.font = "DejaVu Sans 12";
  options.dpi = 300;
  ASSERT_TRUE(fixtures::RenderWithPango(source, png, options).ok());
  StatusOr<Extracted> e = ExtractFile(png);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->format, "image-ocr");
  double accuracy =
      testing::CharAccuracy(testing::CollapseSpaces(source), testing::CollapseSpaces(e->text));
  EXPECT_GT(accuracy, kMinAccuracy) << e->text;
  std::cout << "[ OCR png ] accuracy " << accuracy << " confidence " << e->ocr_confidence << "\n";
}

TEST_F(OcrTest, CorruptImageGivesError) {
  testing::TempDir dir("ocr-bad");
  auto png = dir / "hong.png";
  ASSERT_TRUE(fixtures::WriteBytes(png, std::string("\x89PNG\r\n\x1a\n", 8) + "garbage").ok());
  StatusOr<Extracted> e = ExtractFile(png);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("hong.png"), std::string::npos) << e.status().message();
  // A7 (second QA pass) broke: libpng printed its own English line with raw
  // bytes on stderr ("libpng error: [38]c[B9][8E]: invalid chunk type")
  // before vanban's report. A PNG whose chunks are not whole is refused in
  // Vietnamese without decoding it: junk chunks, or a file cut short.
  std::string good_png;
  {
    fixtures::RenderOptions options;
    options.dpi = 100;
    auto whole = dir / "nguyen.png";
    ASSERT_TRUE(fixtures::RenderWithPango("Luật Tiếp công dân", whole, options).ok());
    good_png = fixtures::ReadBytes(whole).value();
  }
  std::string junk = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\x0d", 4) +
                     "\x38\x63\xB9\x8E" + std::string(17, '\x01');
  for (const std::string& bytes : {junk, good_png.substr(0, good_png.size() / 2)}) {
    auto bad = dir / "anh-gia.png";
    ASSERT_TRUE(fixtures::WriteBytes(bad, bytes).ok());
    ::testing::internal::CaptureStderr();
    StatusOr<Extracted> refused = ExtractFile(bad);
    std::string stderr_text = ::testing::internal::GetCapturedStderr();
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.status().message().find(
                  "ảnh PNG hỏng (cấu trúc khối dữ liệu sai hoặc tệp bị cắt ngắn)"),
              std::string::npos)
        << refused.status().message();
    EXPECT_EQ(stderr_text, "");
  }
}

}  // namespace
}  // namespace vanban::ingest
