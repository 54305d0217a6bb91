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
  EXPECT_EQ(stats.headers_dropped, 5);       // 3 headers, 2 "Trang #" footers
  EXPECT_EQ(stats.page_numbers_dropped, 1);  // "- 3 -"
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
