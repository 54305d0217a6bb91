// PDF text layer: a multi-page PDF of the plan made by pango-view (one page
// per chunk of paragraphs, each page with a running header and a page
// number) must come back as the plan's paragraphs, without headers, page
// numbers or hard line breaks. Broken PDFs give per-file errors.
#include <gtest/gtest.h>

#include <cstdlib>

#include "ingest/extract.h"
#include "ingest/fixtures.h"
#include "ingest/test_util.h"
#include "support/shared_data.h"
#include "text/analyzer.h"

namespace vanban::ingest {
namespace {

constexpr char kHeader[] = "UBND xã Ngọc Kỳ – Kế hoạch công tác dân vận chính quyền";

std::vector<std::string> Paragraphs(const std::string& unwrapped) {
  std::vector<std::string> out;
  for (size_t pos = 0; pos < unwrapped.size();) {
    size_t end = unwrapped.find("\n\n", pos);
    if (end == std::string::npos) end = unwrapped.size();
    out.push_back(unwrapped.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

// Shows where two paragraphs first differ.
std::string Difference(const std::string& got, const std::string& want) {
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  size_t from = i < 50 ? 0 : i - 50;
  return "\n got: …" + got.substr(from, 100) + "\nwant: …" + want.substr(from, 100);
}

// Every paragraph comes back exactly: the count, then the first difference
// (when counts differ), or each paragraph (when they match).
void ExpectSameParagraphs(const std::vector<std::string>& got,
                          const std::vector<std::string>& want) {
  EXPECT_EQ(got.size(), want.size());
  for (size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
    if (got[i] != want[i]) {
      ADD_FAILURE() << "first different paragraph " << i << Difference(got[i], want[i]);
      break;
    }
  }
  if (got.size() != want.size()) return;
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_TRUE(got[i] == want[i]) << "paragraph " << i << Difference(got[i], want[i]);
  }
}

// Renders `paragraphs` onto pages of about `per_page` paragraphs.
std::filesystem::path MakePdf(const testing::TempDir& dir,
                              const std::vector<std::string>& paragraphs, size_t per_page) {
  std::vector<std::filesystem::path> pages;
  for (size_t i = 0, page = 1; i < paragraphs.size(); i += per_page, ++page) {
    std::string text = std::string(kHeader) + "\n\n";
    for (size_t k = i; k < std::min(paragraphs.size(), i + per_page); ++k)
      text += paragraphs[k] + "\n\n";
    text += "- " + std::to_string(page) + " -";
    auto out = dir / ("page-" + std::to_string(page) + ".pdf");
    EXPECT_TRUE(fixtures::RenderWithPango(text, out).ok());
    pages.push_back(out);
  }
  auto pdf = dir / "ke-hoach.pdf";
  EXPECT_TRUE(fixtures::JoinPdfs(pages, pdf).ok());
  return pdf;
}

TEST(PdfTest, PlanComesBackAsParagraphsWithoutHeadersAndPageNumbers) {
  VANBAN_REQUIRE_SHARED();
  testing::TempDir dir("pdf-plan");
  std::string plan = vanban::testing::ReadFile(testing::SharedCorpusTexts().front());
  std::string unwrapped = fixtures::Unwrap(text::Normalize(plan));
  std::vector<std::string> paragraphs = Paragraphs(unwrapped);
  auto pdf = MakePdf(dir, paragraphs, 12);
  StatusOr<Extracted> e = ExtractFile(pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->format, "pdf");
  EXPECT_EQ(e->pages, static_cast<int>((paragraphs.size() + 11) / 12));
  EXPECT_FALSE(e->ocr);
  EXPECT_EQ(e->text.find("UBND xã Ngọc Kỳ – Kế hoạch"), std::string::npos);
  std::vector<std::string> got = Paragraphs(e->text);
  ExpectSameParagraphs(got, paragraphs);
  // A1 (session 16): dropped lines are reported, so that the admin knows.
  // Each page has the running header (said) and a "- n -" page number (not
  // said: every printed document has them).
  EXPECT_EQ(e->warnings,
            std::vector<std::string>{"Bỏ " + std::to_string(e->pages) +
                                     " dòng tiêu đề, chân trang lặp lại ở đầu/cuối trang"});
}

// The legal texts have one paragraph per line.
std::vector<std::string> LawLines(size_t n) {
  auto law = vanban::testing::SharedDir() / "corpus/texts/luat-25-2018-qh14.txt";
  std::string text = text::Normalize(vanban::testing::ReadFile(law));
  std::vector<std::string> lines;
  for (size_t pos = 0; pos < text.size() && lines.size() < n;) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

TEST(PdfTest, LegalTextKeepsArticlesAsParagraphs) {
  VANBAN_REQUIRE_SHARED();
  testing::TempDir dir("pdf-law");
  std::vector<std::string> paragraphs = LawLines(80);
  auto pdf = MakePdf(dir, paragraphs, 16);
  StatusOr<Extracted> e = ExtractFile(pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  std::vector<std::string> got = Paragraphs(e->text);
  ExpectSameParagraphs(got, paragraphs);
}

// Paragraphs set without blank lines between them: breaks come only from
// short last lines and item starts. A paragraph whose last line happens to
// be full cannot be told apart, so at least 90% must come back exactly.
TEST(PdfTest, ParagraphsWithoutSpacingAreMostlyRecovered) {
  VANBAN_REQUIRE_SHARED();
  testing::TempDir dir("pdf-law-tight");
  std::vector<std::string> lines = LawLines(60);
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  auto pdf = dir / "tight.pdf";
  ASSERT_TRUE(fixtures::RenderWithPango(text, pdf).ok());
  StatusOr<Extracted> e = ExtractFile(pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  std::vector<std::string> got = Paragraphs(e->text);
  size_t exact = 0;
  for (const std::string& p : got) exact += std::find(lines.begin(), lines.end(), p) != lines.end();
  EXPECT_GE(exact * 10, lines.size() * 9) << exact << " of " << lines.size() << "\n" << e->text;
  EXPECT_EQ(testing::CollapseSpaces(e->text), testing::CollapseSpaces(text));
}

// Another producer: Chromium's print to PDF (justified text; a date and the
// title in the header, the file URL and "n/9" in the footer on every page).
// Regression: a clipped glyph Chromium leaves beside the footer ("Ủ") made
// that page's footer differ from the others, so it stayed in the text.
TEST(PdfTest, ChromiumPrintDropsHeadersAndFooters) {
  VANBAN_REQUIRE_SHARED();
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) GTEST_SKIP() << "no chromium";
  testing::TempDir dir("pdf-chromium");
  auto law = vanban::testing::SharedDir() / "corpus/texts/luat-42-2013-qh13.txt";
  std::vector<std::string> lines;
  std::string text = text::Normalize(vanban::testing::ReadFile(law));
  for (size_t pos = 0; pos < text.size() && lines.size() < 150;) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) lines.push_back(line);
    pos = end + 1;
  }
  std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Luật Tiếp công dân</title><style>p{text-align:"
      "justify;font-family:'DejaVu Serif';font-size:12pt}</style></head><body>";
  for (const std::string& l : lines) html += "<p>" + fixtures::XmlEscape(l) + "</p>";
  html += "</body></html>";
  auto html_path = dir / "luat.html";
  ASSERT_TRUE(fixtures::WriteBytes(html_path, html).ok());
  auto pdf = dir / "luat.pdf";
  std::string cmd = "timeout 120 chromium --headless --no-sandbox --disable-gpu --print-to-pdf='" +
                    pdf.string() + "' '" + html_path.string() + "' >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0 || !std::filesystem::exists(pdf)) {
    GTEST_SKIP() << "chromium could not print";
  }
  StatusOr<Extracted> e = ExtractFile(pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_GT(e->pages, 3);
  EXPECT_EQ(e->warnings.size(), 1u);  // the header and footer lines dropped
  std::vector<std::string> got = Paragraphs(e->text);
  EXPECT_EQ(got.size(), lines.size());
  for (size_t i = 0; i < std::min(got.size(), lines.size()); ++i) {
    if (got[i] != lines[i]) {
      ADD_FAILURE() << "first different paragraph " << i << Difference(got[i], lines[i]);
      break;
    }
  }
}

// Prints `html` to `name` with headless Chromium, without its date/title
// header and URL/page footer; an empty path when Chromium is missing.
std::filesystem::path PrintWithChromium(const testing::TempDir& dir, const std::string& html,
                                        const std::string& name) {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) return {};
  auto html_path = dir / (name + ".html");
  if (!fixtures::WriteBytes(html_path, html).ok()) return {};
  auto pdf = dir / (name + ".pdf");
  std::string cmd =
      "timeout 120 chromium --headless --no-sandbox --disable-gpu "
      "--no-pdf-header-footer --print-to-pdf='" +
      pdf.string() + "' '" + html_path.string() + "' >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0 || !std::filesystem::exists(pdf)) return {};
  return pdf;
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1))
    ++n;
  return n;
}

// A1 (session 16): a decision with four form annexes, one per page, lost
// every form's "Mẫu số 0N", "CỘNG HÒA …" and "(Ký, ghi rõ họ tên)" as a
// running header/footer (digits folded, they were on most pages), glued
// "NGƯỜI KHIẾU NẠI" onto the next form's "Độc lập …", and said nothing.
TEST(PdfTest, FormAnnexesOnTheirOwnPagesKeepTheirLabels) {
  testing::TempDir dir("pdf-forms");
  std::string html =
      "<html><head><meta charset='utf-8'><style>body{font-family:'DejaVu Serif';font-size:13pt}"
      ".f{page-break-before:always} .c{text-align:center} .r{text-align:right}</style></head>"
      "<body><p class=c>ỦY BAN NHÂN DÂN XÃ NGỌC KỲ</p><p class=c>QUYẾT ĐỊNH</p>"
      "<p>Điều 1. Ban hành kèm theo Quyết định này 04 biểu mẫu tiếp công dân.</p>"
      "<p>Điều 2. Quyết định này có hiệu lực kể từ ngày ký.</p>";
  const char* forms[4][2] = {{"ĐƠN KHIẾU NẠI", "NGƯỜI KHIẾU NẠI"},
                             {"ĐƠN TỐ CÁO", "NGƯỜI TỐ CÁO"},
                             {"BIÊN BẢN LÀM VIỆC", "NGƯỜI LẬP BIÊN BẢN"},
                             {"PHIẾU HẸN", "NGƯỜI TIẾP CÔNG DÂN"}};
  for (int i = 0; i < 4; ++i) {
    html += "<div class=f><p class=r>Mẫu số 0" + std::to_string(i + 1) +
            "</p><p class=c>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
            "<p class=c>Độc lập - Tự do - Hạnh phúc</p><p class=c><b>" +
            forms[i][0] +
            "</b></p><p>Kính gửi: Chủ tịch Ủy ban nhân dân xã Ngọc Kỳ.</p>"
            "<p>Nội dung: ..................</p><p class=r>" +
            forms[i][1] + "</p><p class=r>(Ký, ghi rõ họ tên)</p></div>";
  }
  html += "</body></html>";
  auto pdf = PrintWithChromium(dir, html, "mau");
  if (pdf.empty()) GTEST_SKIP() << "chromium could not print";
  StatusOr<Extracted> e = ExtractFile(pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_EQ(e->pages, 5);
  for (int i = 1; i <= 4; ++i) {
    EXPECT_EQ(Count(e->text, "Mẫu số 0" + std::to_string(i)), 1u) << i << "\n" << e->text;
  }
  EXPECT_EQ(Count(e->text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 4u) << e->text;
  EXPECT_EQ(Count(e->text, "\n\nĐộc lập - Tự do - Hạnh phúc\n\n"), 4u) << e->text;
  EXPECT_EQ(Count(e->text, "\n\n(Ký, ghi rõ họ tên)"), 4u) << e->text;
  EXPECT_EQ(e->text.find("NGƯỜI KHIẾU NẠI Độc lập"), std::string::npos) << e->text;
  EXPECT_TRUE(e->warnings.empty()) << e->warnings.front();
}

// A1 (session 16): 30 articles of like wording printed on 4 pages; pages
// ending with "Điều N. …" and starting with its paragraph made both look
// like a running header/footer, so Điều 7, 15 and 23 vanished and the last
// paragraph lost its last line.
TEST(PdfTest, ArticlesOfLikeWordingAcrossPageBreaksAllComeBack) {
  testing::TempDir dir("pdf-articles");
  std::vector<std::string> paragraphs = {"ỦY BAN NHÂN DÂN XÃ NGỌC KỲ", "Số: 40/QĐ-UBND",
                                         "QUYẾT ĐỊNH"};
  for (int n = 1; n <= 30; ++n) {
    paragraphs.push_back("Điều " + std::to_string(n) + ". Nội dung thứ " + std::to_string(n));
    paragraphs.push_back("Tổ hòa giải thôn có trách nhiệm thực hiện nhiệm vụ số " +
                         std::to_string(n) +
                         " theo quy định của pháp luật về hòa giải ở cơ sở, bảo đảm khách "
                         "quan, công bằng, kịp thời, có lý, có tình, giữ bí mật thông tin đời "
                         "tư của các bên.");
  }
  std::string html =
      "<html><head><meta charset='utf-8'><style>body{font-family:'DejaVu Serif';font-size:14pt;"
      "text-align:justify}</style></head><body>";
  for (const std::string& p : paragraphs) html += "<p>" + fixtures::XmlEscape(p) + "</p>";
  html += "</body></html>";
  auto pdf = PrintWithChromium(dir, html, "qd40");
  if (pdf.empty()) GTEST_SKIP() << "chromium could not print";
  StatusOr<Extracted> e = ExtractFile(pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_GE(e->pages, 3);
  ExpectSameParagraphs(Paragraphs(e->text), paragraphs);
  EXPECT_TRUE(e->warnings.empty()) << e->warnings.front();
}

// `paragraphs` without the space a line break after a hyphen leaves
// before a capital ("NĐ-⏎CP" reads "NĐ- CP", text_layout.cc).
std::vector<std::string> WithoutSpaceAfterHyphen(std::vector<std::string> paragraphs) {
  for (std::string& p : paragraphs) {
    for (size_t at = p.find("- "); at != std::string::npos; at = p.find("- ", at + 1)) {
      if (at > 0 && p[at - 1] != ' ') p.erase(at + 1, 1);
    }
  }
  return paragraphs;
}

// A3 (QA 21): a Pháp điển text (Nghị định 72/2000/NĐ-CP's đề mục) printed by
// Chromium with a modest paragraph spacing (13 pt text, 6 pt after each
// paragraph: 1.4 times the line spacing) lost 7 paragraph breaks: the
// article heading "Điều 41.3.NĐ.9." after the chapter title in capitals
// (so the article was lost), "2.Việc …" after "1.Tổ chức …", a "(Điều này
// có nội dung liên quan …)" note after its article's last sentence, and
// the annex file names.
TEST(PdfTest, ParagraphsWithModestSpacingAllComeBack) {
  VANBAN_REQUIRE_SHARED();
  testing::TempDir dir("pdf-spacing");
  std::string md =
      vanban::testing::ReadFile(vanban::testing::SharedDir() /
                                "bench/large-corpus/phapdien-md/van-hoa-the-thao-du-lich/"
                                "cong-bo-pho-bien-tac-pham-ra-nuoc-ngoai.md");
  size_t begin = md.find("\n# ");
  size_t end = md.find("\n## Danh sách điều khoản");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  std::vector<std::string> paragraphs;
  for (size_t pos = begin + 3; pos < end;) {
    size_t eol = md.find('\n', pos);
    // As printed: a no-break space shows as a space, and none ends a line.
    std::string line = md.substr(pos, eol - pos);
    pos = eol + 1;
    for (size_t at; (at = line.find("\u00A0")) != std::string::npos;) line.replace(at, 2, " ");
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) paragraphs.push_back(line);
  }
  ASSERT_GT(paragraphs.size(), 150u);
  std::string html =
      "<html><head><meta charset='utf-8'><style>body{font-family:'DejaVu Serif';font-size:13pt;"
      "text-align:justify} p{margin:0 0 6pt 0}</style></head><body>";
  for (const std::string& p : paragraphs) html += "<p>" + fixtures::XmlEscape(p) + "</p>";
  html += "</body></html>";
  auto pdf = PrintWithChromium(dir, html, "cong-bo");
  if (pdf.empty()) GTEST_SKIP() << "chromium could not print";
  StatusOr<Extracted> e = ExtractFile(pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_GE(e->pages, 5);
  ExpectSameParagraphs(WithoutSpaceAfterHyphen(Paragraphs(e->text)),
                       WithoutSpaceAfterHyphen(paragraphs));
}

TEST(PdfTest, CorruptPdfsGiveErrorsNamingTheFile) {
  testing::TempDir dir("pdf-bad");
  auto good = dir / "good.pdf";
  ASSERT_TRUE(fixtures::RenderWithPango("Luật Tiếp công dân số 42/2013/QH13", good).ok());
  std::string bytes = fixtures::ReadBytes(good).value();

  std::string random;
  for (int i = 0; i < 20000; ++i) random += static_cast<char>((i * 2654435761u) >> 13);
  auto random_pdf = dir / "ngau-nhien.pdf";
  ASSERT_TRUE(fixtures::WriteBytes(random_pdf, random).ok());
  StatusOr<Extracted> e = ExtractFile(random_pdf);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kCorruption);
  EXPECT_NE(e.status().message().find("ngau-nhien.pdf"), std::string::npos) << e.status().message();

  auto truncated = dir / "cat-ngan.pdf";
  ASSERT_TRUE(fixtures::WriteBytes(truncated, bytes.substr(0, 400)).ok());
  e = ExtractFile(truncated);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("cat-ngan.pdf"), std::string::npos) << e.status().message();

  // Broken xref: every offset wrong. Poppler rebuilds the table from the
  // objects, so the text must still come out intact.
  std::string broken = bytes;
  size_t xref = broken.rfind("\nxref");
  ASSERT_NE(xref, std::string::npos);
  for (size_t i = xref + 5; i < broken.size() && broken.compare(i, 7, "trailer") != 0; ++i) {
    if (broken[i] >= '0' && broken[i] <= '9') broken[i] = '7';
  }
  auto broken_pdf = dir / "xref-hong.pdf";
  ASSERT_TRUE(fixtures::WriteBytes(broken_pdf, broken).ok());
  e = ExtractFile(broken_pdf);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->text, "Luật Tiếp công dân số 42/2013/QH13");

  // Broken xref and the objects cut off: an error, not a crash.
  auto broken_cut = dir / "xref-hong-cat.pdf";
  ASSERT_TRUE(fixtures::WriteBytes(broken_cut, broken.substr(0, 200) + broken.substr(xref)).ok());
  e = ExtractFile(broken_cut);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("xref-hong-cat.pdf"), std::string::npos)
      << e.status().message();
}

}  // namespace
}  // namespace vanban::ingest
