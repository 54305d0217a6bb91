// Reflow of PDF-extracted text (the plan) and line classification.
#include "legal/layout.h"

#include <gtest/gtest.h>

#include "legal/parser.h"
#include "support/shared_data.h"

namespace vanban::legal::internal {
namespace {

using ::vanban::testing::ReadFile;
using ::vanban::testing::SharedDir;
using ::vanban::testing::SourceDir;

std::vector<std::string> Paragraphs(const Layout& layout) {
  std::vector<std::string> out;
  for (const LaidOutParagraph& p : layout.paragraphs) {
    out.push_back(layout.text.substr(p.begin, p.end - p.begin));
  }
  return out;
}

Layout PlanLayout() {
  return Reflow(ReadFile(SourceDir() / "corpus/ke-hoach-dan-van-chinh-quyen-2023-xa-ngoc-ky.txt"));
}

TEST(LayoutTest, PlanIsReflowed) {
  Layout layout = PlanLayout();
  EXPECT_TRUE(layout.wrapped);
  std::vector<std::string> paras = Paragraphs(layout);
  ASSERT_EQ(paras.size(), 49u);
  EXPECT_EQ(paras[0], "KẾ HOẠCH");
  // Title across a blank line.
  EXPECT_EQ(paras[1],
            "Triển khai thực hiện công tác dân vận chính quyền năm 2023 trên địa bàn xã Ngọc Kỳ");
  EXPECT_EQ(paras[3], "I. MỤC ĐÍCH, YÊU CẦU");
  EXPECT_EQ(paras[4],
            "- Triển khai, thực hiện nghiêm túc, chặt chẽ, đảm bảo chất lượng, hiệu quả Chỉ thị số "
            "33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về “Tiếp tục tăng cường và đổi mới "
            "công tác dân vận của cơ quan nhà nước và chính quyền các cấp trong tình hình mới”.");
  // A full line ending in '.' inside a list item does not end the item.
  EXPECT_NE(paras[6].find("gắn với công tác dân vận. Tăng cường công tác phối hợp"),
            std::string::npos);
}

TEST(LayoutTest, PlanHeadingsAndListItemsStayApart) {
  std::vector<std::string> paras = Paragraphs(PlanLayout());
  auto index_of = [&](const std::string& start) {
    for (size_t i = 0; i < paras.size(); ++i) {
      if (paras[i].rfind(start, 0) == 0) return static_cast<int>(i);
    }
    return -1;
  };
  int h = index_of("1. Công chức Văn phòng");
  ASSERT_GE(h, 0);
  EXPECT_EQ(paras[h], "1. Công chức Văn phòng- Thống kê phụ trách công tác Nội vụ");
  // A list item continued after a blank line with a lowercase word.
  EXPECT_EQ(paras[h + 1],
            "- Có nhiệm vụ hướng dẫn, theo dõi, kiểm tra việc triển khai Kế hoạch này; kịp thời đề "
            "xuất UBND xã các biện pháp, giải pháp để tổ chức, thực hiện Kế hoạch được đồng bộ, "
            "thông suốt và hiệu quả.");
  int h3 = index_of("3. Các công chức");
  ASSERT_GE(h3, 0);
  EXPECT_EQ(paras[h3], "3. Các công chức chuyên môn thuộc UBND xã");
  EXPECT_EQ(paras[h3 + 1].rfind("Căn cứ mục đích, yêu cầu", 0), 0u);
  EXPECT_NE(paras[h3 + 1].find("trên cơ sở chức năng, nhiệm vụ được giao"), std::string::npos);
  int h2 = index_of("2. Tiếp tục đẩy mạnh");
  ASSERT_GE(h2, 0);
  EXPECT_EQ(paras[h2],
            "2. Tiếp tục đẩy mạnh công tác tuyên truyền, giáo dục nâng cao nhận thức về công tác "
            "dân vận; gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
  EXPECT_EQ(paras[index_of("Nơi nhận") + 1], "- Ban Dân vận Huyện uỷ;");
  EXPECT_EQ(paras.back(), "Nguyễn Xuân Thoảng");
  // No body paragraph starts with a lowercase word: every carried line was joined.
  for (const std::string& p : paras) EXPECT_FALSE(p[0] >= 'a' && p[0] <= 'z') << p;
}

TEST(LayoutTest, SharedTextsKeepOneParagraphPerLine) {
  VANBAN_REQUIRE_SHARED();
  std::string text = ReadFile(SharedDir() / "corpus/texts/luat-42-2013-qh13.txt");
  Layout layout = Reflow(text);
  EXPECT_FALSE(layout.wrapped);
  size_t nonblank = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    nonblank += nl > start;
    start = nl + 1;
  }
  EXPECT_EQ(layout.paragraphs.size(), nonblank);
}

TEST(LayoutTest, ClassifyLine) {
  struct Case {
    const char* line;
    LineKind kind;
  } cases[] = {
      {"Điều 44.13.LQ.5. Quyền của công dân", LineKind::kArticle},
      {"Điều 5. Quyền", LineKind::kArticle},
      {"Điều 5 Luật này quy định", LineKind::kText},
      {"(Điều 5 Luật số 10/2022/QH15, có hiệu lực thi hành kể từ ngày 01/07/2023)",
       LineKind::kSourceLine},
      {"Chương IV", LineKind::kChapter},
      {"Chương trình cải cách", LineKind::kText},
      {"Mục 2", LineKind::kLegalSection},
      {"Mục tiêu chung", LineKind::kText},
      {"Tiểu mục 3", LineKind::kSubsection},
      {"III. TỔ CHỨC THỰC HIỆN", LineKind::kRoman},
      {"1. Tổ chức quán triệt", LineKind::kNumbered},
      {"2023. Năm", LineKind::kText},
      {"05/12/2023.", LineKind::kText},
      {"a) Tham gia", LineKind::kPoint},
      {"đ) Bàn", LineKind::kPoint},
      {"- Ban Dân vận", LineKind::kDash},
      {"Nơi nhận:", LineKind::kRecipients},
      {"CHỦ TỊCH", LineKind::kCaps},
      {"Nguyễn Xuân Thoảng", LineKind::kText},
  };
  for (const Case& c : cases) EXPECT_EQ(ClassifyLine(c.line), c.kind) << c.line;
}

}  // namespace
}  // namespace vanban::legal::internal
