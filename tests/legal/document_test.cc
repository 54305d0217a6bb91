// A document's name as headings and lists show it (legal::HeadingOf,
// legal::ShortName).
#include "legal/document.h"

#include <gtest/gtest.h>

namespace vanban::legal {
namespace {

// T5 (session 15) broke: the page of the Nghị quyết Đại hội read "Nghị
// quyết" over "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của
// Đảng", and its graph node the same. A title that starts with its type
// is the name, the type shown once.
TEST(DocumentTest, HeadingShowsTheTypeOnce) {
  struct Case {
    const char* type;
    const char* number;
    const char* title;
    const char* name;
    const char* title_under;
  } cases[] = {
      {"Chỉ thị", "33/CT-TTg", "Tiếp tục tăng cường", "Chỉ thị 33/CT-TTg", "Tiếp tục tăng cường"},
      {"Kế hoạch", "", "Triển khai thực hiện", "Kế hoạch", "Triển khai thực hiện"},
      {"Nghị quyết", "", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
       "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", ""},
      {"Luật", "", "Luật Thanh tra", "Luật Thanh tra", ""},
      // The type as a whole word only.
      {"Luật", "", "Luậtx Thanh tra", "Luật", "Luậtx Thanh tra"},
      // With a number, the title goes under it, whatever its first words.
      {"Luật", "02/2011/QH13", "Luật Khiếu nại", "Luật 02/2011/QH13", "Luật Khiếu nại"},
      // A7 (QA 21): a Pháp điển source line's "Nghị định số 72/2000/NĐ-CP Về
      // công bố …" showed "Nghị định 72/2000/NĐ-CP — Nghị định Về công bố …".
      {"Nghị định", "72/2000/NĐ-CP", "Nghị định Về công bố, phổ biến tác phẩm ra nước ngoài",
       "Nghị định 72/2000/NĐ-CP", "Về công bố, phổ biến tác phẩm ra nước ngoài"},
      {"Nghị định", "30/2020/NĐ-CP", "Nghị định về công tác văn thư", "Nghị định 30/2020/NĐ-CP",
       "về công tác văn thư"},
      {"", "", "Biên bản họp thôn", "Biên bản họp thôn", ""},
      {"", "47/KH-UBND", "", "47/KH-UBND", ""},
      {"Quyết định", "", "", "Quyết định", ""},
      {"", "", "", "", ""},
  };
  for (const Case& c : cases) {
    HeadingName h = HeadingOf(c.type, c.number, c.title);
    EXPECT_EQ(h.name, c.name) << c.type << " | " << c.number << " | " << c.title;
    EXPECT_EQ(h.title, c.title_under) << c.type << " | " << c.number << " | " << c.title;
  }
  EXPECT_EQ(HeadingOf("Chỉ thị", "33/CT-TTg", "", " số ").name, "Chỉ thị số 33/CT-TTg");
}

TEST(DocumentTest, ShortNameIsTheHeadingOnOneLine) {
  struct Case {
    const char* type;
    const char* number;
    const char* title;
    const char* name;
  } cases[] = {
      {"Chỉ thị", "33/CT-TTg", "Tiếp tục tăng cường", "Chỉ thị 33/CT-TTg"},
      {"Luật", "", "Khiếu nại", "Luật Khiếu nại"},
      {"Nghị quyết", "", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
       "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"},
      {"", "", "Biên bản họp thôn", "Biên bản họp thôn"},
      {"Quyết định", "", "", "fallback"},
      {"", "", "", "fallback"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ShortName(c.type, c.number, c.title, "fallback"), c.name) << c.title;
  }
}

}  // namespace
}  // namespace vanban::legal
