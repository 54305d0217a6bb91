// Paragraph reconstruction on synthetic page lines (table-driven).
#include "ingest/text_layout.h"

#include <gtest/gtest.h>

namespace vanban::ingest {
namespace {

// Lines 14 points apart, 400 points wide unless `right` says otherwise.
PageText Page(std::vector<std::pair<std::string, double>> lines, double top = 50) {
  PageText page;
  double y = top;
  for (auto& [text, right] : lines) {
    if (text.empty()) {
      y += 14;
      continue;
    }
    page.lines.push_back({text, 50, y, right, y + 12});
    y += 14;
  }
  return page;
}

TEST(TextLayoutTest, JoinsWrappedLinesAndUndoesHyphenation) {
  std::vector<PageText> pages = {
      Page({{"Tổ chức quán triệt và thể chế hóa chủ trương, đường", 450},
            {"lối của Đảng về công tác dân vận theo Quyết định số 23-", 450},
            {"QĐ/TW, nâng cao hiệu quả của hệ thống chính trị ở cơ", 450},
            {"sở, đặc biệt là các thông tin điện tử và in-", 450},
            {"ternet.", 120},
            {"Nội dung thứ hai.", 160}})};
  EXPECT_EQ(JoinLines(pages),
            "Tổ chức quán triệt và thể chế hóa chủ trương, đường lối của Đảng về công tác dân vận "
            "theo Quyết định số 23- QĐ/TW, nâng cao hiệu quả của hệ thống chính trị ở cơ sở, đặc "
            "biệt là các thông tin điện tử và internet.\n\nNội dung thứ hai.");
}

TEST(TextLayoutTest, BlankGapsListItemsAndShortLinesBreakParagraphs) {
  std::vector<PageText> pages = {
      Page({{"I. MỤC ĐÍCH, YÊU CẦU", 200},
            {"", 0},
            {"- Triển khai, thực hiện nghiêm túc, chặt chẽ, đảm bảo chất", 450},
            {"lượng, hiệu quả.", 150},
            {"- Tiếp tục tạo chuyển biến tích cực về nhận thức và hành", 450},
            {"động của cấp ủy đảng:", 200},
            {"a) Tuyên truyền;", 150},
            {"Điều 5. Phạm vi", 150}})};
  EXPECT_EQ(JoinLines(pages),
            "I. MỤC ĐÍCH, YÊU CẦU\n\n"
            "- Triển khai, thực hiện nghiêm túc, chặt chẽ, đảm bảo chất lượng, hiệu quả.\n\n"
            "- Tiếp tục tạo chuyển biến tích cực về nhận thức và hành động của cấp ủy đảng:\n\n"
            "a) Tuyên truyền;\n\nĐiều 5. Phạm vi");
}

TEST(TextLayoutTest, ArticleWordInsideSentenceDoesNotBreak) {
  std::vector<PageText> pages = {
      Page({{"Việc tiếp công dân thực hiện theo quy định tại khoản 2", 450},
            {"Điều 5 của Luật này.", 180}})};
  EXPECT_EQ(JoinLines(pages),
            "Việc tiếp công dân thực hiện theo quy định tại khoản 2 Điều 5 của Luật này.");
}

TEST(TextLayoutTest, HeadersFootersAndPageNumbersDropped) {
  const char* bodies[3][2] = {
      {"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và",
       "Luật Tiếp công dân;"},
      {"Xét đề nghị của Trưởng Công an xã về việc tiếp công dân và giải quyết",
       "khiếu nại, tố cáo."},
      {"Quyết định này có hiệu lực kể từ ngày ký; các cơ quan, đơn vị có liên",
       "quan chịu trách nhiệm thi hành."}};
  std::vector<PageText> pages;
  for (int p = 1; p <= 3; ++p) {
    pages.push_back(
        Page({{"CÔNG BÁO/Số 123 + 124/Ngày " + std::to_string(p + 10) + "-02-2023", 450},
              {"", 0},
              {bodies[p - 1][0], 450},
              {bodies[p - 1][1], 200},
              {"", 0},
              {"Trang " + std::to_string(p), 80}}));
  }
  pages[2].lines.pop_back();  // the last page has no footer
  pages[2].lines.push_back({"- 3 -", 200, 200, 230, 212});
  LayoutStats stats;
  DropHeadersAndFooters(pages, &stats);
  EXPECT_EQ(JoinLines(pages),
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Luật Tiếp công "
            "dân;\n\nXét đề nghị của Trưởng Công an xã về việc tiếp công dân và giải quyết khiếu "
            "nại, tố cáo.\n\nQuyết định này có hiệu lực kể từ ngày ký; các cơ quan, đơn vị có liên "
            "quan chịu trách nhiệm thi hành.");
  EXPECT_EQ(stats.headers_dropped, 3);  // the 3 headers
  // "Trang 1", "Trang 2" and "- 3 -": page numbers, repeated or not.
  EXPECT_EQ(stats.page_numbers_dropped, 3);
}

// A line box 12 units high on an A4-like page 800 units high.
TextLine Box(std::string text, double x0, double y, double x1) {
  return {std::move(text), x0, y, x1, y + 12};
}

// A1 (session 16): lines that repeat at the page edges but are content: a
// form label whose number differs ("Mẫu số 0N"), the national heading, a
// signature line at the same place on each form but far from the page
// bottom, an article heading ending a page and its paragraph (one wording,
// digits aside) starting the next.
TEST(TextLayoutTest, ContentRepeatedAtPageEdgesIsKept) {
  std::vector<PageText> pages;
  for (int n = 1; n <= 4; ++n) {
    std::string d = std::to_string(n);
    PageText form;
    form.height = 800;
    form.lines = {Box("Mẫu số 0" + d, 500, 40, 570),
                  Box("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 160, 68, 450),
                  Box("Độc lập - Tự do - Hạnh phúc", 210, 96, 400),
                  Box("Nội dung: ....", 40, 124, 300),
                  Box("NGƯỜI KHIẾU NẠI", 450, 152, 570),
                  Box("(Ký, ghi rõ họ tên)", 460, 180, 570)};
    pages.push_back(form);
  }
  for (int n = 1; n <= 3; ++n) {
    std::string d = std::to_string(n);
    PageText articles;
    articles.height = 800;
    articles.lines = {
        Box("Tổ hòa giải có trách nhiệm thực hiện nhiệm vụ số " + d + " theo", 40, 28, 570),
        Box("quy định của pháp luật về hòa giải ở cơ sở, bảo đảm khách quan,", 40, 40, 570),
        Box("có lý, có tình.", 40, 52, 200),
        Box("Điều " + d + ". Nội dung thứ " + d, 40, 760, 200)};
    pages.push_back(articles);
  }
  std::vector<PageText> before = pages;
  LayoutStats stats;
  DropHeadersAndFooters(pages, &stats);
  EXPECT_EQ(stats.headers_dropped, 0);
  EXPECT_EQ(stats.page_numbers_dropped, 0);
  for (size_t p = 0; p < pages.size(); ++p) {
    EXPECT_EQ(pages[p].lines.size(), before[p].lines.size()) << "page " << p + 1;
  }
  EXPECT_NE(JoinLines(pages).find("có lý, có tình.\n\nĐiều 1. Nội dung thứ 1\n\nTổ hòa giải có "
                                  "trách nhiệm thực hiện nhiệm vụ số 2 theo quy định"),
            std::string::npos)
      << JoinLines(pages);
}

// A1 (session 16): a form starting on a new page is not the end of the
// paragraph the previous page stopped in: "NGƯỜI KHIẾU NẠI Độc lập - Tự do
// - Hạnh phúc" was one paragraph.
TEST(TextLayoutTest, PageStartingAwayFromTheMarginStartsAParagraph) {
  PageText first, second;
  first.height = second.height = 800;
  first.lines = {Box("Nội dung khiếu nại: ....", 40, 40, 300),
                 Box("NGƯỜI KHIẾU NẠI", 450, 68, 570)};
  second.lines = {Box("Độc lập - Tự do - Hạnh phúc", 210, 40, 400),
                  Box("Kính gửi: Chủ tịch Ủy ban nhân dân xã.", 40, 68, 300),
                  Box("Họ và tên người khiếu nại: ....", 40, 82, 300)};
  EXPECT_EQ(JoinLines({first, second}),
            "Nội dung khiếu nại: ....\n\nNGƯỜI KHIẾU NẠI\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Kính gửi: Chủ tịch Ủy ban nhân dân xã.\n\nHọ và tên người khiếu nại: ....");
}

// Lines 15 units apart from `top` with a 21-unit gap (6 pt after 13 pt
// text) before each line whose text starts with '|' (the mark dropped);
// `right` for each line's right end, on a page from 40 to 570.
PageText SpacedPage(const std::vector<std::pair<std::string, double>>& lines) {
  PageText page;
  page.height = 800;
  double y = 40;
  for (const auto& [text, right] : lines) {
    bool gap = text.starts_with("|");
    if (gap && !page.lines.empty()) y += 6;
    page.lines.push_back(Box(gap ? text.substr(1) : text, 40, y, right));
    y += 15;
  }
  return page;
}

// A3 (QA 21): Nghị định 72/2000/NĐ-CP printed with 6 pt after each
// paragraph. A gap of 1.4 lines was no paragraph break ("> 1.4"), so the
// breaks came from the text alone, and these were missed: an article
// heading after a chapter title in capitals (the article was lost), a
// clause written "2.Việc …" without a space, a "(Điều này …)" note after
// its article's last sentence ending a full line, and the annex names.
TEST(TextLayoutTest, TitlesInCapitalsGluedLabelsNotesAndModestSpacing) {
  std::vector<PageText> unspaced = {SpacedPage(
      {{"QUẢN LÝ NHÀ NƯỚC VỀ CÔNG BỐ PHỔ BIẾN TÁC PHẨM RA NƯỚCNGOÀI", 566},
       {"Điều 41.3.NĐ.9. Chính phủ thống nhất quản lý nhà nước về công bố, phổ biến tác", 570},
       {"phẩm ra nước ngoài.", 200},
       {"1.Tổ chức, cá nhân công bố, phổ biến tác phẩm ra nước ngoài, đưa sản phẩm ghi", 570},
       {"âm,ghi hình ra nhân bản ở nước ngoài theo quy định tại Điều 2 Nghị định này phải", 570},
       {"được phép của cơ quan có thẩm quyền theo quy định tại Điều 6 Nghị định này.", 568},
       {"2.Việc cung cấp thông tin cho báo chí nước ngoài, việc công bố, phổ biến tác", 570},
       {"phẩmđược sáng tạo trong thời gian dự trại sáng tác ở nước ngoài không phải xin", 570},
       {"phép nhưng không được vi phạm quy định cấm tại Điều 5 Nghị định này.", 569},
       {"(Điều này có nội dung liên quan đến Điều 41.3.NĐ.4.; Điều 41.3.TT.1.1. Phạm vi", 570},
       {"điều chỉnh; Điều 41.3.TT.1.4. Giải thích một số từ ngữ)", 400}})};
  EXPECT_EQ(JoinLines(unspaced),
            "QUẢN LÝ NHÀ NƯỚC VỀ CÔNG BỐ PHỔ BIẾN TÁC PHẨM RA NƯỚCNGOÀI\n\n"
            "Điều 41.3.NĐ.9. Chính phủ thống nhất quản lý nhà nước về công bố, phổ biến tác phẩm "
            "ra nước ngoài.\n\n"
            "1.Tổ chức, cá nhân công bố, phổ biến tác phẩm ra nước ngoài, đưa sản phẩm ghi âm,ghi "
            "hình ra nhân bản ở nước ngoài theo quy định tại Điều 2 Nghị định này phải được phép "
            "của cơ quan có thẩm quyền theo quy định tại Điều 6 Nghị định này.\n\n"
            "2.Việc cung cấp thông tin cho báo chí nước ngoài, việc công bố, phổ biến tác "
            "phẩmđược sáng tạo trong thời gian dự trại sáng tác ở nước ngoài không phải xin phép "
            "nhưng không được vi phạm quy định cấm tại Điều 5 Nghị định này.\n\n"
            "(Điều này có nội dung liên quan đến Điều 41.3.NĐ.4.; Điều 41.3.TT.1.1. Phạm vi điều "
            "chỉnh; Điều 41.3.TT.1.4. Giải thích một số từ ngữ)");
  std::vector<PageText> spaced = {SpacedPage(
      {{"3. Trong quá trình thực hiện, tổ chức, cá nhân thấy vướng mắc, cần phản ánh kịp", 570},
       {"thời về Bộ Văn hoá, Thể thao và Du lịch để nghiên cứu, điều chỉnh.", 480},
       {"|PhulucI_Maudondenghicapgiaypheptrienlam.doc", 360},
       {"|PhulucII_Maugiaypheptrienlam.doc", 270},
       {"|PhulucIII_Maugiaydangkytrienlam.doc", 290}})};
  EXPECT_EQ(JoinLines(spaced),
            "3. Trong quá trình thực hiện, tổ chức, cá nhân thấy vướng mắc, cần phản ánh kịp thời "
            "về Bộ Văn hoá, Thể thao và Du lịch để nghiên cứu, điều chỉnh.\n\n"
            "PhulucI_Maudondenghicapgiaypheptrienlam.doc\n\nPhulucII_Maugiaypheptrienlam.doc\n\n"
            "PhulucIII_Maugiaydangkytrienlam.doc");
}

TEST(TextLayoutTest, PageNumberLines) {
  for (const char* yes : {"5", "- 5 -", "– 12 –", "Trang 3", "3/12", " 7 "}) {
    EXPECT_TRUE(IsPageNumberLine(yes)) << yes;
  }
  for (const char* no : {"2023.", "Điều 5", "5. Tổ chức", "33/CT-TTg", "12345"}) {
    EXPECT_FALSE(IsPageNumberLine(no)) << no;
  }
}

}  // namespace
}  // namespace vanban::ingest
