// SentenceAround: the citing sentence a reader is shown, on the real texts
// in ../shared/corpus/texts and the plan.
#include <gtest/gtest.h>

#include <string>

#include "legal/document.h"
#include "legal/parser.h"
#include "support/shared_data.h"

namespace vanban::legal {
namespace {

using ::vanban::testing::ReadFile;
using ::vanban::testing::SharedDir;
using ::vanban::testing::SourceDir;

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Regression: a ';' inside a line ended the sentence, so the citations of
// Nghị định 59/2023 Điều 1 were quoted as "khoản 4 Điều 33;", which does not
// name the law.
TEST(SentenceTest, SemicolonInsideALineDoesNotEndTheSentence) {
  VANBAN_REQUIRE_SHARED();
  Document doc = ParseDocument(ReadFile(SharedDir() / "corpus/texts/nd-59-2023-cp.txt"));
  size_t at = doc.text.find("khoản 4 Điều 33;");
  ASSERT_NE(at, std::string::npos);
  std::string s = SentenceAround(doc.text, at, at + std::string_view("khoản 4 Điều 33").size());
  EXPECT_TRUE(StartsWith(s, "Nghị định này quy định chi tiết khoản 4 Điều 23; khoản 4 Điều 33;"))
      << s;
  EXPECT_TRUE(EndsWith(s, "của Luật Thực hiện dân chủ ở cơ sở, gồm các nội dung sau:")) << s;
}

constexpr std::string_view kEllipsis = "…";

// `s`, quoted from `text`, starts and ends where a sentence does, or at a
// whole word marked "…". It is the occurrence of `s` that holds `inside`.
void ExpectWholeSentenceOrWords(const std::string& text, const std::string& s, size_t inside) {
  ASSERT_FALSE(s.empty());
  bool cut_front = StartsWith(s, kEllipsis);
  bool cut_back = EndsWith(s, kEllipsis);
  std::string core = s.substr(cut_front ? kEllipsis.size() : 0);
  if (cut_back) core.resize(core.size() - kEllipsis.size());
  size_t at = text.rfind(core, inside);
  ASSERT_NE(at, std::string::npos) << s;
  size_t after = at + core.size();
  if (cut_front) {
    EXPECT_EQ(text[at - 1], ' ') << s;
  } else {
    size_t before = at;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '-')) --before;
    if (before > 0) {
      char p = text[before - 1];
      EXPECT_TRUE(p == '\n' || p == '.' || p == '!' || p == '?') << s;
    }
  }
  if (cut_back) {
    EXPECT_TRUE(text[after] == ' ' || text[after] == ';') << s;
  } else {
    char last = core.back();
    EXPECT_TRUE(after == text.size() || text[after] == '\n' || last == '.' || last == '!' ||
                last == '?')
        << s;
  }
}

// Every citation of every text: the quoted sentence holds the citation and
// is whole, or cut between words and marked.
// Regression: sentences longer than the window were cut inside a word
// ("ộng đồng dân cư…", "gày kết thúc…") with nothing to say so.
TEST(SentenceTest, EveryCitingSentenceIsWholeOrCutBetweenWords) {
  VANBAN_REQUIRE_SHARED();
  std::vector<std::filesystem::path> files = {
      SourceDir() / "corpus/ke-hoach-dan-van-chinh-quyen-2023-xa-ngoc-ky.txt"};
  for (const auto& e : std::filesystem::directory_iterator(SharedDir() / "corpus/texts")) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  int checked = 0, cut = 0;
  for (const auto& f : files) {
    Document doc = ParseDocument(ReadFile(f));
    for (const Citation& c : doc.citations) {
      std::string s = SentenceAround(doc.text, c.begin, c.end);
      std::string cited = doc.text.substr(c.begin, c.end - c.begin);
      SCOPED_TRACE(f.filename().string() + ": " + cited);
      EXPECT_NE(s.find(cited), std::string::npos) << s;
      ExpectWholeSentenceOrWords(doc.text, s, c.begin);
      cut += StartsWith(s, kEllipsis) || EndsWith(s, kEllipsis);
      ++checked;
    }
  }
  EXPECT_GT(checked, 200);
  EXPECT_GT(cut, 0);  // the plan's long list of grounds is cut
}

// Regression: the plan's long list of grounds was cut at 600 bytes from the
// citation, mid-name ("…trị về Quy chế…", "…; Quy…"): it is cut at the ';'
// around the cited item.
TEST(SentenceTest, ALongListIsCutAtTheItemCited) {
  std::string text =
      ReadFile(SourceDir() / "corpus/ke-hoach-dan-van-chinh-quyen-2023-xa-ngoc-ky.txt");
  Document doc = ParseDocument(text);
  std::string cited = "Chỉ thị số 14/CT-TTg";
  size_t at = doc.text.find(cited);
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(SentenceAround(doc.text, at, at + cited.size()),
            "…Chỉ thị số 14/CT-TTg ngày 18/5/2012 của Thủ tướng Chính phủ về chấn chỉnh và nâng "
            "cao hiệu quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo…");
}

TEST(SentenceTest, ALongSentenceIsCutAtWholeWords) {
  std::string words;
  while (words.size() < 2000) words += "cộng đồng dân cư ";
  std::string text =
      "Câu trước. " + words + "theo Luật Thực hiện dân chủ ở cơ sở " + words + "xong.";
  size_t at = text.find("Luật Thực hiện");
  std::string s = SentenceAround(text, at, at + std::string_view("Luật Thực hiện").size());
  EXPECT_TRUE(StartsWith(s, kEllipsis)) << s.substr(0, 40);
  EXPECT_TRUE(EndsWith(s, kEllipsis)) << s.substr(s.size() - 40);
  ExpectWholeSentenceOrWords(text, s, at);
  EXPECT_LT(s.size(), 1400u);
  EXPECT_NE(s.find("theo Luật Thực hiện dân chủ ở cơ sở"), std::string::npos);
  // A short sentence is whole, with its full stop.
  text = "Một câu. Căn cứ Luật Tố cáo năm 2018. Câu sau.";
  at = text.find("Luật Tố cáo");
  EXPECT_EQ(SentenceAround(text, at, at + 5), "Căn cứ Luật Tố cáo năm 2018.");
  EXPECT_EQ(SentenceAround("", 0, 0), "");
}

}  // namespace
}  // namespace vanban::legal
