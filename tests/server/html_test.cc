#include "server/html.h"

#include <gtest/gtest.h>

namespace vanban::server {
namespace {

TEST(HtmlTest, EscapesEverythingThatCanOpenMarkup) {
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("a \"b\" & 'c'"), "a &quot;b&quot; &amp; &#39;c&#39;");
  EXPECT_EQ(HtmlEscape("Luật Tố cáo"), "Luật Tố cáo");
}

TEST(HtmlTest, UrlEncodesVietnameseAndReservedCharacters) {
  EXPECT_EQ(UrlEncode("33/CT-TTg"), "33%2FCT-TTg");
  EXPECT_EQ(UrlEncode("dân vận"), "d%C3%A2n%20v%E1%BA%ADn");
  EXPECT_EQ(UrlEncode("a&b=c#d"), "a%26b%3Dc%23d");
}

TEST(HtmlTest, DisplayDate) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {{"2021-11-26", "26/11/2021"}, {"2021", "2021"}, {"", ""}, {"2021-1-2", "2021-1-2"}};
  for (const Case& c : cases) EXPECT_EQ(DisplayDate(c.in), c.out) << c.in;
}

TEST(HtmlTest, Utf8PrefixNeverCutsACharacter) {
  std::string s = "Luật";  // "ậ" is 3 bytes at offset 2
  EXPECT_EQ(Utf8Prefix(s, 3), "Lu");
  EXPECT_EQ(Utf8Prefix(s, 4), "Lu");
  EXPECT_EQ(Utf8Prefix(s, 5), "Luậ");
  EXPECT_EQ(Utf8Prefix(s, 100), s);
}

TEST(HtmlTest, TypeClassesAndShortNames) {
  EXPECT_EQ(TypeClass("Chỉ thị"), "t-chi-thi");
  EXPECT_EQ(TypeClass("Luật"), "t-luat");
  EXPECT_EQ(TypeClass("Loại lạ"), "t-khac");
  EXPECT_EQ(ShortName("Chỉ thị", "33/CT-TTg", "Tiếp tục", "x"), "Chỉ thị 33/CT-TTg");
  EXPECT_EQ(ShortName("Luật", "", "Khiếu nại", "x"), "Luật Khiếu nại");
  EXPECT_EQ(ShortName("", "", "", "luat-x"), "luat-x");
}

}  // namespace
}  // namespace vanban::server
