// `vanban analyze` end to end: runs the built binary (src/cli/cmd_analyze.cc).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "support/shared_data.h"

namespace vanban::text {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
};

// Runs `command` through the shell with the binary's path prepended.
CliRun RunVanban(const std::string& args, const std::string& stdin_text = "") {
  std::filesystem::path binary = std::filesystem::path(VANBAN_BINARY_DIR) / "vanban";
  EXPECT_TRUE(std::filesystem::exists(binary)) << "build the vanban target first: " << binary;
  // stdin_text is a printf format: octal escapes allowed, no '%'.
  std::string command = "printf '" + stdin_text + "' | " + binary.string() + " " + args;
  ::vanban::testing::ShellRun shell = ::vanban::testing::RunShell(command);
  CliRun run;
  run.exit_code = shell.exit_code;
  run.out = std::move(shell.out);
  return run;
}

TEST(CliAnalyzeTest, JsonDoneCriterion) {
  CliRun a = RunVanban("analyze --json 'Quyết định số 23- QĐ/TW của Tỉnh uỷ'");
  CliRun b = RunVanban("analyze --json 'Quyết định số 23-QĐ/TW của Tỉnh ủy'");
  ASSERT_EQ(a.exit_code, 0) << a.out;
  ASSERT_EQ(b.exit_code, 0) << b.out;
  nlohmann::json ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
  ASSERT_EQ(ja["tokens"].size(), 7u);
  ASSERT_EQ(jb["tokens"].size(), 7u);
  int identifiers = 0;
  for (size_t i = 0; i < ja["tokens"].size(); ++i) {
    EXPECT_EQ(ja["tokens"][i]["exact"], jb["tokens"][i]["exact"]) << i;
    EXPECT_EQ(ja["tokens"][i]["position"], i);
    if (ja["tokens"][i]["kind"] == "identifier") {
      ++identifiers;
      EXPECT_EQ(ja["tokens"][i]["exact"], "23-QĐ/TW");
      EXPECT_EQ(ja["tokens"][i]["folded"], "23-qd/tw");
      EXPECT_EQ(ja["tokens"][i]["surface"], "23- QĐ/TW");
      EXPECT_EQ(ja["tokens"][i]["begin"], 21);
      EXPECT_EQ(ja["tokens"][i]["end"], 31);
    }
  }
  EXPECT_EQ(identifiers, 1);
  EXPECT_EQ(ja["tokens"][6]["exact"], "ủy");
  EXPECT_TRUE(ja["warnings"].empty());
}

TEST(CliAnalyzeTest, TableFromStdin) {
  CliRun r = RunVanban("analyze", "Uỷ ban nhân dân xã Ngọc Kỳ");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("chính xác"), std::string::npos) << r.out;  // Vietnamese headers
  EXPECT_NE(r.out.find("không dấu"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ủy"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ki "), std::string::npos) << r.out;  // Kỳ folds to "ki"
  EXPECT_NE(r.out.find("Tổng: 7 từ tố"), std::string::npos) << r.out;
}

TEST(CliAnalyzeTest, AbbreviationShowsExpansion) {
  CliRun r = RunVanban("analyze --json 'UBND xã Ngọc Kỳ'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["tokens"][0]["kind"], "abbreviation");
  EXPECT_EQ(j["tokens"][0]["expansions"], nlohmann::json::array({"ủy ban nhân dân"}));
  EXPECT_FALSE(j["tokens"][1].contains("expansions"));
  CliRun table = RunVanban("analyze 'HĐND'");
  EXPECT_NE(table.out.find("viết tắt = hội đồng nhân dân"), std::string::npos) << table.out;
}

TEST(CliAnalyzeTest, InvalidUtf8WarnsAndSucceeds) {
  CliRun r = RunVanban("analyze --json 2>/dev/null", "d\\377n");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["warnings"].size(), 1u);
  EXPECT_EQ(j["text"].get<std::string>(), "d\uFFFDn");
}

}  // namespace
}  // namespace vanban::text
