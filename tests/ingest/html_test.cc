// HTML: a page shaped like a legal portal's (menus, scripts, breadcrumb,
// sidebar, footer around the document) yields only the document text, with
// entities decoded and block elements as paragraphs.
#include <gtest/gtest.h>

#include "ingest/encoding.h"
#include "ingest/extract.h"
#include "ingest/fixtures.h"
#include "ingest/test_util.h"
#include "support/shared_data.h"

namespace vanban::ingest {
namespace {

constexpr char kPortalPage[] = R"(<!DOCTYPE html>
<html><head><title>Luật Tố cáo 2018</title>
<style>body { font: 12px Arial }</style>
<script>var menu = "Trang chủ"; function go() {}</script></head>
<body class="has-sidebar">
<div id="header"><a href="/">Trang chủ</a> <a href="/vb">Văn bản pháp luật</a></div>
<nav><ul><li>Tìm kiếm</li><li>Đăng nhập</li></ul></nav>
<div class="breadcrumb">Trang chủ &raquo; Văn bản</div>
<div class="sidebar"><h3>Văn bản liên quan</h3><p>Luật Khiếu nại 2011</p></div>
<div id="toanvancontent">
<p align="center"><b>QUỐC HỘI</b></p>
<p>Luật số: 25/2018/QH14</p>
<h2>LUẬT<br>TỐ CÁO</h2>
<p>Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;</p>
<p>Quốc hội ban hành Luật Tố cáo.</p>
<p><b>Điều 1. Phạm vi điều chỉnh</b></p>
<p>Luật này quy định về tố cáo và giải quyết tố cáo đối với hành vi vi phạm pháp luật&nbsp;của cán bộ, công chức &amp; viên chức; &lt;bảo vệ&gt; người tố cáo.</p>
<table><tr><td>Nơi nhận:</td><td>CHỦ TỊCH QUỐC HỘI</td></tr></table>
<script>track();</script>
</div>
<div class="footer">Bản quyền © Cổng thông tin</div>
</body></html>)";

TEST(HtmlTest, PortalPageYieldsOnlyTheDocument) {
  StatusOr<Extracted> e = ExtractBytes(kPortalPage, "luat-to-cao.html");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->format, "html");
  EXPECT_EQ(
      e->text,
      "QUỐC HỘI\n\n"
      "Luật số: 25/2018/QH14\n\n"
      "LUẬT\nTỐ CÁO\n\n"
      "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\n"
      "Quốc hội ban hành Luật Tố cáo.\n\n"
      "Điều 1. Phạm vi điều chỉnh\n\n"
      "Luật này quy định về tố cáo và giải quyết tố cáo đối với hành vi vi phạm pháp luật của "
      "cán bộ, công chức & viên chức; <bảo vệ> người tố cáo.\n\n"
      "Nơi nhận: | CHỦ TỊCH QUỐC HỘI");
}

TEST(HtmlTest, PageWithoutContentContainerDropsBoilerplateOnly) {
  std::string page =
      "<html><body><nav>Menu chính</nav><h1>Chỉ thị 33/CT-TTg</h1>"
      "<p>Tiếp tục tăng cường và đổi mới công tác dân vận</p><footer>Liên "
      "hệ</footer></body></html>";
  StatusOr<Extracted> e = ExtractBytes(page, "chi-thi.htm");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->text, "Chỉ thị 33/CT-TTg\n\nTiếp tục tăng cường và đổi mới công tác dân vận");
}

// A6 broke: a table row with class "header" (the two-column heading of a
// legal text) was dropped as the page's header.
TEST(HtmlTest, TableHeaderRowIsKept) {
  std::string page =
      "<html><body><table><tr class=\"header\"><td>QUỐC HỘI</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA "
      "VIỆT NAM</td></tr><tr><td>Luật số: 25/2018/QH14</td><td>Độc lập - Tự do - Hạnh "
      "phúc</td></tr></table><div class=\"header\">Trang chủ</div></body></html>";
  StatusOr<Extracted> e = ExtractBytes(page, "luat.html");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->text,
            "QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
            "Luật số: 25/2018/QH14 | Độc lập - Tự do - Hạnh phúc");
}

// A3 broke: the items of an <ol> lost their numbers, which in a legal text
// are the clause and point numbers ("1. …", "a) …").
TEST(HtmlTest, OrderedListItemsKeepTheirNumbers) {
  std::string page =
      "<html><body><p>Điều 2. Ví dụ</p><ol><li>Khoản một;</li>"
      "<li>Khoản hai:<ol type=\"a\"><li>Điểm một;</li><li>Điểm hai.</li></ol></li></ol>"
      "<ol start=\"4\"><li>Bốn</li><li value=\"9\">Chín</li><li>Mười</li></ol>"
      "<ul><li>Không số</li></ul><ol type=\"I\"><li>Một</li><li>Hai</li></ol>"
      "</body></html>";
  StatusOr<Extracted> e = ExtractBytes(page, "vi-du.html");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->text,
            "Điều 2. Ví dụ\n\n1. Khoản một;\n\n2. Khoản hai:\n\na) Điểm một;\n\nb) Điểm hai.\n\n"
            "4. Bốn\n\n9. Chín\n\n10. Mười\n\n- Không số\n\nI. Một\n\nII. Hai");
}

// A5 (QA 21): the items of an <ul> lost their bullet, so a list in an HTML
// copy read otherwise than in the .txt, .docx or .md copy: Pháp lệnh Hàm,
// cấp ngoại giao's "- Hàm Đại sứ;" came out "Hàm Đại sứ;". An item that
// writes its own dash keeps one; a list showing no marker gets none.
TEST(HtmlTest, UnorderedListItemsKeepADash) {
  VANBAN_REQUIRE_SHARED();
  std::string md = vanban::testing::ReadFile(
      vanban::testing::SharedDir() /
      "bench/large-corpus/phapdien-md/ngoai-giao-dieu-uoc-quoc-te/ham-cap-ngoai-giao.md");
  size_t begin = md.find("\n# Hàm, cấp ngoại giao\n");
  size_t end = md.find("\n## Danh sách điều khoản");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  std::string page = "<html><body>", want;
  bool in_list = false;
  size_t items = 0;
  for (size_t pos = md.find('\n', begin + 1) + 1; pos < end;) {
    size_t eol = md.find('\n', pos);
    // As a page shows it: no-break spaces plain, runs of spaces one.
    std::string line = md.substr(pos, eol - pos);
    pos = eol + 1;
    for (size_t at; (at = line.find("\u00A0")) != std::string::npos;) line.replace(at, 2, " ");
    line = testing::CollapseSpaces(line);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty()) continue;
    bool item = line.starts_with("- ");
    if (item != in_list) page += item ? "<ul>" : "</ul>";
    in_list = item;
    std::string escaped = fixtures::XmlEscape(item ? line.substr(2) : line);
    page += item ? "<li>" + escaped + "</li>" : "<p>" + escaped + "</p>";
    items += item;
    want += (want.empty() ? "" : "\n\n") + line;
  }
  page += in_list ? "</ul></body></html>" : "</body></html>";
  ASSERT_GT(items, 10u);
  StatusOr<Extracted> e = ExtractBytes(page, "ham-cap-ngoai-giao.html");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->text, want);

  StatusOr<Extracted> own = ExtractBytes(
      "<html><body><p>Cấp ngoại giao cao cấp gồm có:</p><ul><li>- Hàm Đại sứ;</li>"
      "<li>– Hàm Công sứ;</li></ul><ul style=\"list-style: none\"><li>Hàm Tham tán.</li></ul>"
      "</body></html>",
      "ham.html");
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->text,
            "Cấp ngoại giao cao cấp gồm có:\n\n- Hàm Đại sứ;\n\n– Hàm Công sứ;\n\nHàm Tham tán.");
}

// C6 (QA 15) broke: start="2147483647" overflowed the item counter (UB:
// "-2147483648."), and atoi of start="99999999999999999999" gave "-1.".
// Absurd and negative start/value attributes are ignored: no label is
// negative.
TEST(HtmlTest, AbsurdListNumbersNeitherOverflowNorGoNegative) {
  std::string page =
      "<html><body><ol start=\"2147483647\"><li>Một điều</li><li>Hai điều</li></ol>"
      "<ol start=\"99999999999999999999\"><li>Ba</li></ol>"
      "<ol start=\"-5\"><li>Năm</li></ol>"
      "<ol start=\" +7 khoản\"><li>Bảy</li><li value=\"-2147483649\">Tám</li>"
      "<li value=\"x\">Chín</li><li value=\"-3\">Mười</li><li value=\"+-4\">Mười một</li>"
      "<li value=\"0\">Không</li></ol></body></html>";
  StatusOr<Extracted> e = ExtractBytes(page, "so-lon.html");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->text,
            "2147483647. Một điều\n\n2147483648. Hai điều\n\n1. Ba\n\n1. Năm\n\n7. Bảy\n\n"
            "8. Tám\n\n9. Chín\n\n10. Mười\n\n11. Mười một\n\n0. Không");
}

// A4: a footnote reference after a document number ran into it
// ("25/2018/QH14" + superscript "1" = "25/2018/QH141"); it is "[1]" as in
// docx, and a note's number stays with its text.
TEST(HtmlTest, FootnoteReferencesAreBracketed) {
  std::string page =
      "<html><body><table><tr><td>Luật số: 25/2018/QH14<a href=\"#fn1\" class=\"footnote-ref\" "
      "role=\"doc-noteref\"><sup>1</sup></a> </td><td>Độc lập - Tự do - Hạnh phúc</td></tr>"
      "</table><section class=\"footnotes\"><ol><li id=\"fn1\"><p>Ghi chú.</p></li></ol>"
      "</section></body></html>";
  StatusOr<Extracted> e = ExtractBytes(page, "luat.html");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->text, "Luật số: 25/2018/QH14[1] | Độc lập - Tự do - Hạnh phúc\n\n1. Ghi chú.");
}

TEST(HtmlTest, LegacyEncodedPageIsDecoded) {
  std::string page =
      "<html><body><p>" +
      EncodeFromUtf8("Ủy ban nhân dân xã Ngọc Kỳ triển khai thực hiện kế hoạch", kCp1258) +
      "</p></body></html>";
  StatusOr<Extracted> e = ExtractBytes(page, "cu.html");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->encoding, "cp1258");
  EXPECT_EQ(e->text, "Ủy ban nhân dân xã Ngọc Kỳ triển khai thực hiện kế hoạch");
}

}  // namespace
}  // namespace vanban::ingest
