#include "search/query.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "text/analyzer.h"

namespace vanban::search {
namespace {

TEST(QueryParseTest, Table) {
  struct Case {
    const char* input;
    const char* expected;
    bool notice;
  } cases[] = {
      {"luật tố cáo", "free=[luật tố cáo]", false},
      {"\"dân chủ\" cơ sở", "free=[cơ sở] phrase=[dân chủ]", false},
      {"khiếu nại -tố", "free=[khiếu nại] not=[tố]", false},
      {"dân vận -\"chính quyền\"", "free=[dân vận] not=[chính quyền]", false},
      {"type:Luật year:2018 tố cáo", "free=[tố cáo] type=Luật year=2018", false},
      {"issuer:\"Quốc hội\" khiếu nại", "free=[khiếu nại] issuer=Quốc hội", false},
      {"“dân chủ” ở cơ sở", "free=[ở cơ sở] phrase=[dân chủ]", false},
      // Quyết định 23-QĐ/TW keeps its hyphen: "-" only excludes at a word start.
      {"23-QĐ/TW", "free=[23-QĐ/TW]", false},
      // Repairs, with a notice.
      {"\"dân chủ ở cơ sở", "free=[dân chủ ở cơ sở]", true},
      {"dân vận -", "free=[dân vận]", true},
      {"-", "free=[]", true},
  };
  for (const auto& c : cases) {
    ParsedQuery p = ParseQuery(c.input);
    EXPECT_EQ(p.Describe(), c.expected) << c.input;
    EXPECT_EQ(!p.notice.empty(), c.notice) << c.input;
  }
}

// Broke: a typed syllable "tu"/"tư" expanded like the abbreviation TU to "tỉnh ủy".
TEST(QueryBuildTest, OnlyAbbreviationTokensExpand) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  text::Analyzer analyzer;
  QueryBuilder builder(db, analyzer);
  for (const char* syllable : {"tu", "tư", "tu tập"}) {
    std::string d = builder.Build(ParseQuery(syllable)).query.get_description();
    EXPECT_EQ(d.find("Ftinh"), std::string::npos) << syllable << ": " << d;
  }
  std::string d = builder.Build(ParseQuery("UBND")).query.get_description();
  EXPECT_NE(d.find("Fuy"), std::string::npos) << d;
  EXPECT_NE(d.find("Fban"), std::string::npos) << d;
}

}  // namespace
}  // namespace vanban::search
