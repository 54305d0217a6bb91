// The JSON contract of search/json.h (README, "JSON"): the keys each object
// carries, as documented.
#include "search/json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "support/shared_data.h"

namespace vanban::search {
namespace {

std::vector<std::string> Keys(const nlohmann::json& j) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  return keys;
}

// The keys a contract in `doc` lists for `object` ("units": [{"kind", …}]),
// sorted as nlohmann::json orders them.
std::vector<std::string> DocumentedKeys(const std::string& doc, const std::string& object) {
  std::string head = "\"" + object + "\": [{";
  size_t begin = doc.find(head);
  if (begin == std::string::npos) return {};
  begin += head.size();
  std::string list = doc.substr(begin, doc.find('}', begin) - begin);
  std::vector<std::string> keys;
  std::regex key("\"([a-z_]+)\"");
  for (std::sregex_iterator it(list.begin(), list.end(), key), end; it != end; ++it) {
    keys.push_back((*it)[1]);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// C10 (QA 15): units carry "code", which the README's contract did not
// list. It is the Pháp điển codification number of an article ("Điều
// 44.13.LQ.5", labelled "Điều 5"), null for every other unit.
TEST(JsonTest, UnitsCarryTheDocumentedKeysWithTheCodification) {
  StoredDocument d;
  legal::Unit plain;
  plain.label = "Điều 3";
  plain.number = "3";
  plain.anchor = "dieu-3";
  legal::Unit codified;
  codified.label = "Điều 5";
  codified.number = "5";
  codified.title = "Quyền của công dân trong thực hiện dân chủ ở cơ sở";
  codified.anchor = "dieu-5";
  codified.code = "44.13.LQ.5";
  d.doc.units = {plain, codified};
  nlohmann::json units = ToJson(d, false)["units"];
  ASSERT_EQ(units.size(), 2u);
  // nlohmann::json orders keys by name.
  const std::vector<std::string> documented = {"anchor", "begin",  "code",   "end",  "kind",
                                               "label",  "number", "parent", "title"};
  EXPECT_EQ(Keys(units[0]), documented);
  EXPECT_EQ(Keys(units[1]), documented);
  EXPECT_TRUE(units[0]["code"].is_null());
  // Q18 (session 17): a unit without a title had "" where every other
  // unknown field of the contract is null.
  EXPECT_TRUE(units[0]["title"].is_null());
  EXPECT_EQ(units[1]["title"], "Quyền của công dân trong thực hiện dân chủ ở cơ sở");
  EXPECT_EQ(units[1]["code"], "44.13.LQ.5");
  EXPECT_EQ(units[1]["label"], "Điều 5");
  EXPECT_EQ(units[1]["kind"], "article");
  // The fix: the README and docs/index-search.md list "code" with the rest.
  for (const char* doc : {"README.md", "docs/index-search.md"}) {
    EXPECT_EQ(DocumentedKeys(testing::ReadFile(testing::SourceDir() / doc), "units"), documented)
        << doc;
  }
}

}  // namespace
}  // namespace vanban::search
