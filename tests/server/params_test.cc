#include "server/params.h"

#include <gtest/gtest.h>

namespace vanban::server {
namespace {

using Params = std::multimap<std::string, std::string>;

TEST(ParamsTest, DocumentIds) {
  for (const char* ok : {"chi-thi-33-ct-ttg-2021", "luat-10-2022-qh15", "a", "ke-hoach.v2"}) {
    EXPECT_TRUE(IsValidDocumentId(ok)) << ok;
  }
  for (const char* bad : {"", "..", "../../etc/passwd", "..%2f..%2fetc%2fpasswd", "a/b", ".git",
                          "-x", "Luat", "chỉ-thị", "a b", "a..b"}) {
    EXPECT_FALSE(IsValidDocumentId(bad)) << bad;
  }
  EXPECT_FALSE(IsValidDocumentId(std::string(201, 'a')));
}

TEST(ParamsTest, Defaults) {
  auto p = ParseSearchParams(Params{{"q", "dân vận"}}, true);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->request.query, "dân vận");
  EXPECT_EQ(p->page, 1);
  EXPECT_EQ(p->request.offset, 0);
  EXPECT_EQ(p->request.limit, kDefaultPageSize);
  EXPECT_EQ(p->request.sort, search::SearchRequest::Sort::kRelevance);
}

// X9 (QA 20) broke: a parameter given twice kept its first value without a
// word: "year=2023&year=2021" searched 2023 alone (the query's "year:2023
// year:2021" means either), and "page=2&page=x" was 200 where
// "page=x&page=2" was 400.
TEST(ParamsTest, AParameterWithTwoValuesIsRefusedNamingIt) {
  struct Case {
    Params params;
    std::string message;
  };
  const Case cases[] = {
      {{{"q", "dân vận"}, {"year", "2023"}, {"year", "2021"}},
       "Năm (tham số year) có nhiều giá trị (“2023”, “2021”): mỗi tham số chỉ nhận một giá trị; "
       "để tìm văn bản có một trong các giá trị đó, hãy viết vào từ khóa: year:2023 year:2021"},
      {{{"q", "dân vận"}, {"type", "Luật"}, {"type", "Kế hoạch"}},
       "Loại văn bản (tham số type) có nhiều giá trị (“Luật”, “Kế hoạch”): mỗi tham số chỉ nhận "
       "một giá trị; để tìm văn bản có một trong các giá trị đó, hãy viết vào từ khóa: type:Luật "
       "type:\"Kế hoạch\""},
      {{{"q", "dân vận"}, {"page", "2"}, {"page", "x"}},
       "Trang (tham số page) có nhiều giá trị (“2”, “x”): mỗi tham số chỉ nhận một giá trị"},
      {{{"q", "dân vận"}, {"page", "x"}, {"page", "2"}},
       "Trang (tham số page) có nhiều giá trị (“x”, “2”): mỗi tham số chỉ nhận một giá trị"},
      {{{"q", "dân"}, {"q", "vận"}},
       "Từ khóa tìm kiếm (tham số q) có nhiều giá trị (“dân”, “vận”): mỗi tham số chỉ nhận một "
       "giá trị"},
  };
  for (const Case& c : cases) {
    auto p = ParseSearchParams(c.params, true);
    ASSERT_FALSE(p.ok()) << c.message;
    EXPECT_TRUE(p.status().IsInvalidArgument());
    EXPECT_EQ(p.status().message(), c.message);
  }
  // The same value twice is one value.
  auto same = ParseSearchParams(Params{{"q", "dân vận"}, {"year", "2023"}, {"year", "2023"}}, true);
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same->request.year, "2023");
}

TEST(ParamsTest, PageLimitSortAndFilters) {
  auto p = ParseSearchParams(Params{{"q", "luật"},
                                    {"page", "3"},
                                    {"limit", "20"},
                                    {"sort", "date"},
                                    {"type", "Luật"},
                                    {"year", "2022"},
                                    {"issuer", "Quốc hội"}},
                             true);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->request.offset, 40);
  EXPECT_EQ(p->request.limit, 20);
  EXPECT_EQ(p->request.sort, search::SearchRequest::Sort::kDate);
  EXPECT_EQ(p->request.type, "Luật");
  EXPECT_EQ(p->request.year, "2022");
  EXPECT_EQ(p->request.issuer, "Quốc hội");
}

// W4 (session 16) broke: the search page's error named the parameter in
// English only ("Tham số year không hợp lệ"); it is named in Vietnamese,
// with its name in the URL and what a valid value is.
TEST(ParamsTest, BadValuesNameTheParameter) {
  struct Case {
    Params params;
    const char* message;
  } cases[] = {
      {{{"q", "x"}, {"page", "0"}},
       "Trang (tham số page) không hợp lệ: \"0\" (cần số nguyên từ 1 đến 1000)"},
      {{{"q", "x"}, {"page", "abc"}}, "Trang (tham số page) không hợp lệ: \"abc\""},
      {{{"q", "x"}, {"page", "1001"}}, "Trang (tham số page) không hợp lệ"},
      {{{"q", "x"}, {"limit", "101"}},
       "Số kết quả mỗi trang (tham số limit) không hợp lệ: \"101\" (cần số nguyên từ 1 đến 100)"},
      {{{"q", "x"}, {"limit", "-5"}}, "Số kết quả mỗi trang (tham số limit) không hợp lệ"},
      {{{"q", "x"}, {"sort", "name"}},
       "Cách sắp xếp (tham số sort) không hợp lệ: \"name\" (chỉ nhận relevance (liên quan nhất) "
       "hoặc date (mới nhất))"},
      {{{"q", "x"}, {"year", "21"}},
       "Năm (tham số year) không hợp lệ: \"21\" (cần năm bốn chữ số, ví dụ 2021)"},
      {{{"q", "x"}, {"year", "<b>"}}, "Năm (tham số year) không hợp lệ: \"<b>\""},
      {{{"q", "x"}, {"type", std::string(300, 'a')}}, "Loại văn bản (tham số type) không hợp lệ"},
      {{{"q", "x"}, {"issuer", std::string(300, 'a')}},
       "Cơ quan ban hành (tham số issuer) không hợp lệ"},
  };
  for (const Case& c : cases) {
    auto p = ParseSearchParams(c.params, true);
    ASSERT_FALSE(p.ok()) << c.message;
    EXPECT_TRUE(p.status().IsInvalidArgument());
    EXPECT_EQ(p.status().message().rfind(c.message, 0), 0u) << p.status().message();
  }
}

TEST(ParamsTest, LongQueryIsCutForPagesAndRefusedByTheApi) {
  std::string q;
  while (q.size() < 1500) q += "dân vận chính quyền ";
  auto page = ParseSearchParams(Params{{"q", q}}, false);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->truncated);
  EXPECT_LE(page->request.query.size(), search::SearchRequest::kMaxQueryBytes);
  EXPECT_EQ(q.compare(0, page->request.query.size(), page->request.query), 0);
  auto api = ParseSearchParams(Params{{"q", q}}, true);
  ASSERT_FALSE(api.ok());
  EXPECT_NE(api.status().message().find("Từ khóa tìm kiếm (tham số q) không hợp lệ"),
            std::string::npos);
}

// Broke: "q=+++" searched for "   ": the page said both "Hãy nhập từ cần
// tìm." and "Không tìm thấy … “   ”", under a blank title.
TEST(ParamsTest, WhiteSpaceAroundTheQueryIsDropped) {
  auto blank = ParseSearchParams(Params{{"q", "  \t \u00a0 "}}, false);
  ASSERT_TRUE(blank.ok());
  EXPECT_EQ(blank->request.query, "");
  EXPECT_TRUE(blank->blank_query);
  auto padded = ParseSearchParams(Params{{"q", " \u00a0dân vận  "}}, false);
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(padded->request.query, "dân vận");
  EXPECT_FALSE(padded->blank_query);
  auto none = ParseSearchParams(Params{{"q", ""}}, false);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->blank_query);  // the home page, not a request for words
}

TEST(ParamsTest, SearchLinksKeepStateAndEncode) {
  auto p = ParseSearchParams(Params{{"q", "dân vận"}, {"type", "Chỉ thị"}, {"page", "2"}}, true);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(SearchLink(*p, {}),
            "/tim-kiem?q=d%C3%A2n%20v%E1%BA%ADn&type=Ch%E1%BB%89%20th%E1%BB%8B&page=2");
  std::string empty;
  LinkOverrides clear;
  clear.type = &empty;
  clear.page = 1;
  EXPECT_EQ(SearchLink(*p, clear), "/tim-kiem?q=d%C3%A2n%20v%E1%BA%ADn");
  LinkOverrides by_date;
  by_date.sort = "date";
  EXPECT_NE(SearchLink(*p, by_date).find("&sort=date"), std::string::npos);
}

}  // namespace
}  // namespace vanban::server
