// Runs the built `vanban` binary (VANBAN_BINARY_DIR/vanban) on a scratch
// corpus and checks exit codes (0 ok, 1 failure/not found, 2 usage) and
// the --json contract.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/shared_data.h"

namespace vanban {
namespace {
namespace fs = std::filesystem;

struct CommandResult {
  int code = -1;
  std::string out;
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("vanban-cli-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "corpus");
    fs::copy_file(
        testing::SourceDir() / "corpus" / "ke-hoach-dan-van-chinh-quyen-2023-xa-ngoc-ky.txt",
        dir_ / "corpus" / "ke-hoach.txt");
    fs::path catalog = testing::SourceDir() / "corpus" / "catalog.toml";
    if (fs::exists(catalog)) fs::copy_file(catalog, dir_ / "catalog.toml");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  // Runs vanban with `args`; its standard error is dropped, or with
  // `with_stderr` captured after the standard output.
  static CommandResult Vanban(const std::string& args, bool with_stderr = false) {
    std::string cmd = std::string(VANBAN_BINARY_DIR) + "/vanban " + args +
                      (with_stderr ? " 2>&1" : " 2>/dev/null");
    testing::ShellRun run = testing::RunShell(cmd);
    return {run.exit_code, std::move(run.out)};
  }
  static std::string Db() { return Quote((dir_ / "index").string()); }
  static void Index() {
    static bool done = false;
    if (done) return;
    std::string catalog = fs::exists(dir_ / "catalog.toml")
                              ? " --catalog " + Quote((dir_ / "catalog.toml").string())
                              : "";
    CommandResult r =
        Vanban("index --db " + Db() + catalog + " " + Quote((dir_ / "corpus").string()));
    ASSERT_EQ(r.code, 0) << r.out;
    done = true;
  }

  static fs::path dir_;
};

fs::path CliTest::dir_;

// Issue 6: `vanban index` reports per file its format, encoding and size
// (and with --quiet only the summary).
TEST_F(CliTest, IndexReportsEachFile) {
  fs::path db = dir_ / "index-report";
  std::string args = "index --db " + Quote(db.string()) + " " + Quote((dir_ / "corpus").string());
  CommandResult r = Vanban(args);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("ke-hoach.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("txt, utf-8, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" ký tự"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Định dạng: txt 1"), std::string::npos) << r.out;
  fs::remove_all(db);
  r = Vanban(args + " --quiet");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.find("ke-hoach.txt"), std::string::npos) << r.out;
  fs::remove_all(db);
}

TEST_F(CliTest, IndexThenSearchJsonContract) {
  Index();
  CommandResult r = Vanban("search --db " + Db() + " --json --limit 3 dân vận chính quyền");
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["query"], "dân vận chính quyền");
  EXPECT_GT(j["total"].get<int>(), 0);
  EXPECT_TRUE(j["suggestion"].is_null());
  for (const char* f : {"type", "issuer", "year"}) EXPECT_TRUE(j["facets"][f].is_array()) << f;
  ASSERT_FALSE(j["results"].empty());
  EXPECT_LE(j["results"].size(), 3u);
  const auto& hit = j["results"][0];
  for (const char* key : {"id", "type", "number", "title", "issuer", "date", "score", "has_text",
                          "snippet", "article"}) {
    EXPECT_TRUE(hit.contains(key)) << key;
  }
  EXPECT_EQ(hit.size(), 10u) << hit.dump();
  EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_TRUE(hit["number"].is_null() || hit["number"].is_string());
}

TEST_F(CliTest, UnaccentedSearchSuggestsAccents) {
  Index();
  CommandResult r = Vanban("search --db " + Db() + " --json dan van");
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["suggestion"], "dân vận");
}

TEST_F(CliTest, NothingFoundIsExitOneWithValidJson) {
  Index();
  CommandResult r = Vanban("search --db " + Db() + " --json xqzw");
  EXPECT_EQ(r.code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["total"], 0);
  EXPECT_TRUE(j["results"].empty());
}

TEST_F(CliTest, BadQueryGivesNoticeNotCrash) {
  Index();
  CommandResult r = Vanban("search --db " + Db() + " --json " + Quote("\"dân vận"));
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.contains("notice"));
  EXPECT_GT(j["total"].get<int>(), 0);
}

TEST_F(CliTest, ShowCitedByMissing) {
  Index();
  CommandResult s = Vanban("search --db " + Db() + " --json --limit 1 dân vận");
  ASSERT_EQ(s.code, 0);
  std::string id = nlohmann::json::parse(s.out)["results"][0]["id"];
  CommandResult show = Vanban("show --db " + Db() + " --json " + Quote(id));
  ASSERT_EQ(show.code, 0) << show.out;
  auto d = nlohmann::json::parse(show.out);
  EXPECT_EQ(d["id"], id);
  EXPECT_TRUE(d["citations"].is_array());
  EXPECT_TRUE(d["cited_by"].is_array());
  EXPECT_TRUE(d["text"].is_string());
  CommandResult cited = Vanban("cited-by --db " + Db() + " --json " + Quote(id));
  ASSERT_EQ(cited.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(cited.out).is_array());
  CommandResult missing = Vanban("missing --db " + Db() + " --json");
  ASSERT_EQ(missing.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(missing.out).is_array());
  EXPECT_EQ(Vanban("show --db " + Db() + " khong-co-van-ban-nay").code, 1);
}

// Regression: `vanban search dân vận -chính` (README: "-word" excludes a
// word) was a usage error, CLI11 taking "-chính" for an option.
TEST_F(CliTest, ExcludedWordIsAQueryWordNotAnOption) {
  Index();
  CommandResult r = Vanban("search --db " + Db() + " --json dân vận -chính --limit 5");
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["query"], "dân vận -chính");
  CommandResult all = Vanban("search --db " + Db() + " --json dân vận");
  EXPECT_LT(j["total"].get<int>(), nlohmann::json::parse(all.out)["total"].get<int>());
  // An option's value that starts with '-' is still that option's.
  EXPECT_EQ(Vanban("search --db " + Db() + " --offset -3 dân vận").code, 2);
}

// Regression: a page past the last result printed "Khoảng 8 kết quả" and
// nothing else; a count below the facet depth is exact, not "Khoảng".
TEST_F(CliTest, OffsetPastTheLastResultSaysSo) {
  Index();
  CommandResult r = Vanban("search --db " + Db() + " --offset 500 dân vận");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("--offset 500 đã qua kết quả cuối cùng"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Khoảng"), std::string::npos) << r.out;
  CommandResult none = Vanban("search --db " + Db() + " xyzqqq");
  EXPECT_EQ(none.code, 1);
  EXPECT_NE(none.out.find("Không tìm thấy văn bản nào cho \"xyzqqq\""), std::string::npos)
      << none.out;
}

TEST_F(CliTest, MissingDatabaseIsExitOne) {
  EXPECT_EQ(Vanban("search --db " + Quote((dir_ / "khong-co").string()) + " dân").code, 1);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  for (const char* args : {"search", "search --sort foo dân", "search --limit 0 dân",
                           "search --year 20x dân", "show", "cited-by", "index --threads 999"}) {
    EXPECT_EQ(Vanban(args).code, 2) << args;
  }
}

// Regression: CLI11's own messages ("A subcommand is required", "Run with
// --help for more information.") reached users in English.
TEST_F(CliTest, UsageErrorsAndHelpAreVietnamese) {
  struct Case {
    const char* args;
    const char* message;
  };
  const Case cases[] = {
      {"", "cần một lệnh"},
      {"nosuch", "không có lệnh \"nosuch\""},
      {"search --limit 500 dân", "giá trị \"500\" của --limit phải trong khoảng 1–100"},
      {"search --sort foo dân", "giá trị \"foo\" của --sort phải là một trong {relevance,date}"},
      // Regression: a year that is no year searched and found nothing (exit 1).
      {"search --year 20x dân", "giá trị \"20x\" của --year phải là năm bốn chữ số, ví dụ 2021"},
      {"search", "thiếu tham số bắt buộc: query"},
      {"search --db", "thiếu giá trị cho --db"},
      {"index --bogus", "không hiểu tham số: --bogus"},
  };
  for (const Case& c : cases) {
    CommandResult run = Vanban(c.args, /*with_stderr=*/true);
    EXPECT_EQ(run.code, 2) << c.args;
    EXPECT_NE(run.out.find(std::string("Lỗi: ") + c.message), std::string::npos) << c.args << "\n"
                                                                                 << run.out;
    EXPECT_EQ(run.out.find("Run with"), std::string::npos) << run.out;
  }
  CommandResult help = Vanban("--help");
  EXPECT_EQ(help.code, 0);
  for (const char* label : {"Cách dùng:", "Lệnh:", "In hướng dẫn này rồi thoát"}) {
    EXPECT_NE(help.out.find(label), std::string::npos) << label << "\n" << help.out;
  }
  EXPECT_EQ(help.out.find("Usage"), std::string::npos) << help.out;
  CommandResult sub = Vanban("search --help");
  EXPECT_EQ(sub.code, 0);
  EXPECT_NE(sub.out.find("Tùy chọn:"), std::string::npos) << sub.out;
  EXPECT_EQ(sub.out.find("Options:"), std::string::npos) << sub.out;
}

TEST_F(CliTest, IndexingNothingIsExitOne) {
  fs::create_directories(dir_ / "empty");
  CommandResult r = Vanban("index --db " + Quote((dir_ / "index-empty").string()) + " " +
                           Quote((dir_ / "empty").string()));
  EXPECT_EQ(r.code, 1) << r.out;
  fs::create_directories(dir_ / "bad");
  std::ofstream(dir_ / "bad" / "hong.docx") << "not a zip";
  r = Vanban("index --db " + Quote((dir_ / "index-bad").string()) + " " +
             Quote((dir_ / "bad").string()));
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("hong.docx"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace vanban
