// The abbreviation table (src/text/abbreviations.cc).
#include "text/abbreviations.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "text/analyzer.h"

namespace vanban::text {
namespace {

using Views = std::vector<std::string_view>;

TEST(AbbreviationsTest, TableIsTheIssueTable) {
  const std::vector<std::pair<std::string, std::string>> kExpected = {
      {"UBND", "ủy ban nhân dân"},
      // V12 (session 14) broke: "UB MTTQ" (the plan's recipients) found 1
      // document, "Ủy ban MTTQ" 7.
      {"UB", "ủy ban"},
      {"UBTVQH", "ủy ban thường vụ quốc hội"},
      {"HĐND", "hội đồng nhân dân"},
      {"MTTQ", "mặt trận tổ quốc"},
      {"TW", "trung ương"},
      {"TTg", "thủ tướng"},
      {"CP", "chính phủ"},
      {"QH", "quốc hội"},
      {"TU", "tỉnh ủy"},
      {"CCHC", "cải cách hành chính"},
      {"CBCCVC", "cán bộ công chức viên chức"},
      {"CT", "chỉ thị"},
      {"QĐ", "quyết định"},
      {"NQ", "nghị quyết"},
      {"KL", "kết luận"},
      {"KH", "kế hoạch"},
      {"QC", "quy chế"},
      {"NĐ", "nghị định"},
      {"TT", "thông tư"},
      // S5 (QA 21): the commonest of social insurance and the codes ("BHXH"
      // found 7 of the 143 documents on bảo hiểm xã hội; "BLHS" none), and
      // UBMTTQ (Q18, session 17).
      {"UBMTTQ", "ủy ban mặt trận tổ quốc"},
      {"BHXH", "bảo hiểm xã hội"},
      {"BHYT", "bảo hiểm y tế"},
      {"BHTN", "bảo hiểm thất nghiệp"},
      {"BLHS", "bộ luật hình sự"},
      {"BLDS", "bộ luật dân sự"},
      {"BLLĐ", "bộ luật lao động"},
      {"BLTTHS", "bộ luật tố tụng hình sự"},
      {"BLTTDS", "bộ luật tố tụng dân sự"},
  };
  ASSERT_EQ(Abbreviations().size(), kExpected.size());
  std::set<std::string> seen;
  for (size_t i = 0; i < kExpected.size(); ++i) {
    EXPECT_EQ(Abbreviations()[i].abbrev, kExpected[i].first);
    EXPECT_EQ(Abbreviations()[i].expansion, kExpected[i].second);
    // Expansions are in the analyser's canonical form.
    EXPECT_EQ(Lower(CanonicalTone(std::string(Abbreviations()[i].expansion))),
              Abbreviations()[i].expansion);
    EXPECT_TRUE(seen.insert(FoldText(Abbreviations()[i].abbrev)).second) << "duplicate key";
  }
}

TEST(AbbreviationsTest, ExpandAnyCaseOrFolded) {
  EXPECT_EQ(ExpandAbbreviation("UBND"), (Views{"ủy ban nhân dân"}));
  EXPECT_EQ(ExpandAbbreviation("ubnd"), (Views{"ủy ban nhân dân"}));
  EXPECT_EQ(ExpandAbbreviation("HĐND"), (Views{"hội đồng nhân dân"}));
  EXPECT_EQ(ExpandAbbreviation("hdnd"), (Views{"hội đồng nhân dân"}));
  EXPECT_EQ(ExpandAbbreviation("TTg"), (Views{"thủ tướng"}));
  EXPECT_EQ(ExpandAbbreviation("qd"), (Views{"quyết định"}));
  EXPECT_TRUE(ExpandAbbreviation("XYZ").empty());
  EXPECT_TRUE(ExpandAbbreviation("").empty());
}

TEST(AbbreviationsTest, AbbreviationsOfPhrase) {
  EXPECT_EQ(AbbreviationsOf("ủy ban nhân dân"), (Views{"UBND"}));
  EXPECT_EQ(AbbreviationsOf("Uỷ ban nhân dân"), (Views{"UBND"}));
  EXPECT_EQ(AbbreviationsOf("tỉnh uỷ"), (Views{"TU"}));
  EXPECT_EQ(AbbreviationsOf("cán bộ công chức viên chức"), (Views{"CBCCVC"}));
  EXPECT_EQ(AbbreviationsOf("ủy ban"), (Views{"UB"}));
  EXPECT_TRUE(AbbreviationsOf("ban nhân dân").empty());
}

// L6 (QA 22): "UBMTTQ" missed the plan, which writes "Uỷ ban MTTQ" and
// "UB MTTQ"; "UB MTTQ" in quotes missed the laws writing "Ủy ban Mặt trận
// Tổ quốc". Each spelling of an entry lists the others.
TEST(AbbreviationsTest, SpellingsCombineTheTable) {
  auto spellings = [](std::string_view abbrev) {
    for (const Abbreviation& a : Abbreviations()) {
      if (a.abbrev == abbrev) return Spellings(a);
    }
    return std::vector<std::string>();
  };
  EXPECT_EQ(spellings("UBMTTQ"),
            (std::vector<std::string>{"ủy ban mặt trận tổ quốc", "ủy ban MTTQ",
                                      "UB mặt trận tổ quốc", "UB MTTQ", "UBMTTQ"}));
  EXPECT_EQ(spellings("UBND"),
            (std::vector<std::string>{"ủy ban nhân dân", "UBND", "UB nhân dân"}));
  EXPECT_EQ(spellings("HĐND"), (std::vector<std::string>{"hội đồng nhân dân", "HĐND"}));
  EXPECT_EQ(spellings("UBTVQH"),
            (std::vector<std::string>{"ủy ban thường vụ quốc hội", "ủy ban thường vụ QH",
                                      "UB thường vụ quốc hội", "UB thường vụ QH", "UBTVQH"}));
}

TEST(AbbreviationsTest, FindInText) {
  EXPECT_EQ(FindAbbreviation("UBND")->abbrev, "UBND");
  EXPECT_EQ(FindAbbreviation("ubnd")->abbrev, "UBND");
  EXPECT_EQ(FindAbbreviation("TU")->abbrev, "TU");
  // "tu" is an ordinary syllable ("tu sửa"); only the capitals are tỉnh ủy.
  EXPECT_EQ(FindAbbreviation("tu"), nullptr);
  EXPECT_EQ(FindAbbreviation("Tu"), nullptr);
  EXPECT_EQ(FindAbbreviation("dân"), nullptr);
}

}  // namespace
}  // namespace vanban::text
