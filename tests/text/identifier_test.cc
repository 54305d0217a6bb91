// Document identifiers and dates (src/text/identifier.cc).
#include <gtest/gtest.h>

#include <string>

#include "text/analyzer.h"

namespace vanban::text {
namespace {

struct Case {
  const char* raw;
  const char* canonical;  // "" when not an identifier
};

TEST(IdentifierTest, CanonicalIdentifier) {
  const Case kCases[] = {
      // Strings of the plan in ../shared/corpus/plan.
      {"33/CT-TTg", "33/CT-TTg"},
      {"23-QĐ/TW", "23-QĐ/TW"},
      {"23- QĐ/TW", "23-QĐ/TW"},
      {"35- CT/TW", "35-CT/TW"},
      {"76/NQ-CP", "76/NQ-CP"},
      {"629/QĐ-UBND", "629/QĐ-UBND"},
      {"47/KH-UBND", "47/KH-UBND"},
      {"03-QC/TU", "03-QC/TU"},
      {"114-KL/TW", "114-KL/TW"},
      // Laws and decrees in ../shared/corpus/texts and the large corpus.
      {"10/2022/QH15", "10/2022/QH15"},
      {"59/2023/NĐ-CP", "59/2023/NĐ-CP"},
      {"02/2016/TTLT-VKSNDTC-TANDTC", "02/2016/TTLT-VKSNDTC-TANDTC"},
      {"05/2008/UBTVQH12", "05/2008/UBTVQH12"},
      {"18-L/CTN", "18-L/CTN"},
      // Other spellings of the same identifiers.
      {"33/ct-ttg", "33/CT-TTg"},
      {"33/CT-TTG", "33/CT-TTg"},
      {"23-qđ/tw", "23-QĐ/TW"},
      {"23 - QĐ/TW", "23-QĐ/TW"},
      {"23\u2013QĐ/TW", "23-QĐ/TW"},
      // Q3 (session 17): codes written together, the last "TTg".
      {"33/CTTTg", "33/CTTTg"},
      // A2 (session 16): Word's non-breaking hyphen and the Unicode hyphens.
      {"15/QĐ\u2011UBND", "15/QĐ-UBND"},
      {"15/QĐ\u2010UBND", "15/QĐ-UBND"},
      {"23\u2011QĐ/TW", "23-QĐ/TW"},
      {"59/2023/NĐ\u2012CP", "59/2023/NĐ-CP"},
      {" 76/NQ-CP ", "76/NQ-CP"},
      {"59/2023/nđ-cp", "59/2023/NĐ-CP"},
      {"23-QD/TW", "23-QD/TW"},
      {"23-Q\u0110/TW", "23-QĐ/TW"},
      // Variants seen in ../shared/bench/large-corpus.
      {"11 /2018/TT-BGTVT", "11/2018/TT-BGTVT"},
      {"01/2012/QĐ -TTg", "01/2012/QĐ-TTg"},
      {"37/2013/TT - BCT", "37/2013/TT-BCT"},
      {"629/QĐ-UBND - UBND", ""},
      {"02/2012/TT- BTNMT", "02/2012/TT-BTNMT"},
      {"89/2015/NÐ-CP", "89/2015/NĐ-CP"},
      {"95/1998-NĐ-CP", "95/1998/NĐ-CP"},
      {"26-2019-NĐ-CP", "26/2019/NĐ-CP"},
      {"81: 2014/BGTVT", "81:2014/BGTVT"},
      {"01-96:2012/BNNPTNT", "01-96:2012/BNNPTNT"},
      {"01 - 180 : 2014/BNNPTNT", "01-180:2014/BNNPTNT"},
      {"01/2018/TTLT-BCA-BQP- TANDTC-VKSNDTC", "01/2018/TTLT-BCA-BQP-TANDTC-VKSNDTC"},
      // Not identifiers.
      {"1:2000", ""},
      {"26-2019-nđ-cp", ""},
      {"11 /2018/tt-bgtvt", ""},
      {"2020-2025", ""},
      {"2021- 2030", ""},
      {"26/11/2021", ""},
      {"44.13.LQ.5", ""},
      {"33", ""},
      {"33/", ""},
      {"23-QĐ", ""},
      {"Điều 5", ""},
      {"5/THÁNG", ""},
      {"", ""},
      {"24/24", ""},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(CanonicalIdentifier(c.raw), c.canonical) << c.raw;
  }
}

}  // namespace
}  // namespace vanban::text
