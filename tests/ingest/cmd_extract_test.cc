// `vanban extract` end to end (skipped when the vanban executable has not
// been built in this build tree): text output, the --json contract, and
// errors in Vietnamese naming the file with exit code 1.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/encoding.h"
#include "ingest/fixtures.h"
#include "ingest/test_util.h"
#include "support/shared_data.h"

namespace vanban::ingest {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CliRun Vanban(const std::string& args, const testing::TempDir& dir) {
  CliRun run;
  std::filesystem::path exe = std::filesystem::path(VANBAN_BINARY_DIR) / "vanban";
  auto err_file = dir / "stderr.txt";
  std::string cmd = exe.string() + " " + args + " 2>'" + err_file.string() + "'";
  ::vanban::testing::ShellRun shell = ::vanban::testing::RunShell(cmd);
  if (shell.exit_code < 0 && shell.out.empty()) return run;
  run.out = std::move(shell.out);
  run.exit_code = shell.exit_code;
  run.err = fixtures::ReadBytes(err_file).value();
  return run;
}

class CmdExtractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(std::filesystem::path(VANBAN_BINARY_DIR) / "vanban")) {
      GTEST_SKIP() << "vanban executable not built";
    }
  }
};

TEST_F(CmdExtractTest, PrintsTextAndJson) {
  testing::TempDir dir("cmd-extract");
  auto file = dir / "quyet-dinh.txt";
  ASSERT_TRUE(
      fixtures::WriteBytes(file, EncodeFromUtf8("Ủy ban nhân dân xã Ngọc Kỳ\r\nQuyết định", kVni))
          .ok());
  CliRun text = Vanban("extract '" + file.string() + "'", dir);
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, "Ủy ban nhân dân xã Ngọc Kỳ\nQuyết định\n");

  CliRun json = Vanban("extract --json '" + file.string() + "'", dir);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(json.out);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"file", "format", "encoding", "pages", "ocr", "confidence",
                                      "bytes", "characters", "warnings", "text"}));
  EXPECT_EQ(j["format"], "txt");
  EXPECT_EQ(j["encoding"], "vni");
  EXPECT_EQ(j["ocr"], false);
  EXPECT_TRUE(j["confidence"].is_null());
  EXPECT_EQ(j["text"], "Ủy ban nhân dân xã Ngọc Kỳ\nQuyết định");
  EXPECT_EQ(j["characters"], 37);
}

TEST_F(CmdExtractTest, ErrorsNameTheFileAndExitOne) {
  testing::TempDir dir("cmd-extract-err");
  CliRun missing = Vanban("extract '" + (dir / "khong-co.docx").string() + "'", dir);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("Không tìm thấy tệp"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("khong-co.docx"), std::string::npos) << missing.err;

  auto big = dir / "lon.txt";
  ASSERT_TRUE(fixtures::WriteBytes(big, std::string(2 * 1024 * 1024, 'a')).ok());
  CliRun too_big = Vanban("extract --max-mb 1 '" + big.string() + "'", dir);
  EXPECT_EQ(too_big.exit_code, 1);
  EXPECT_NE(too_big.err.find("vượt giới hạn 1.00 MB"), std::string::npos) << too_big.err;
  EXPECT_TRUE(too_big.out.empty());
}

// C3 (QA 15) broke: `extract --max-mb 1 /dev/zero` read until memory ran
// out (st_size is 0 for a device). Run under a 2 GB address-space limit so
// that the old fault ends in bad_alloc, not in the machine's memory.
TEST_F(CmdExtractTest, ADeviceIsRefused) {
  std::string cmd = "ulimit -v 2000000; timeout 60 " + std::string(VANBAN_BINARY_DIR) +
                    "/vanban extract --max-mb 1 /dev/zero 2>&1 >/dev/null";
  ::vanban::testing::ShellRun limited = ::vanban::testing::RunShell(cmd);
  EXPECT_EQ(limited.exit_code, 1);
  EXPECT_EQ(limited.out,
            "vanban extract: Bỏ qua tệp \"/dev/zero\": không phải tệp thông thường mà là thiết bị "
            "hoặc socket\n");
}

// C7 (QA 15) broke: `--max-mb 1e30` was converted out of uint64_t's range
// (UB; 0 on x86-64) and refused a 200-byte file "vượt giới hạn 0.00 MB";
// `nan` was taken.
TEST_F(CmdExtractTest, MaxMbIsValidatedAndClamped) {
  testing::TempDir dir("cmd-extract-max-mb");
  auto file = dir / "ngan.txt";
  ASSERT_TRUE(fixtures::WriteBytes(file, "Quyết định").ok());
  for (const char* huge : {"1e30", "1e300", "17592186044416"}) {
    CliRun run = Vanban("extract --max-mb " + std::string(huge) + " '" + file.string() + "'", dir);
    EXPECT_EQ(run.exit_code, 0) << huge << ": " << run.err;
    EXPECT_EQ(run.out, "Quyết định\n") << huge;
  }
  for (const char* bad : {"nan", "inf", "0", "-1", "abc"}) {
    CliRun run = Vanban("extract --max-mb " + std::string(bad) + " '" + file.string() + "'", dir);
    EXPECT_EQ(run.exit_code, 2) << bad;
    EXPECT_NE(run.err.find("giá trị \"" + std::string(bad) +
                           "\" của --max-mb phải là một số dương (MB), ví dụ 100"),
              std::string::npos)
        << bad << ": " << run.err;
    EXPECT_TRUE(run.out.empty()) << bad;
  }
}

// A14 broke: a file the user may not read gave "Không đọc được tệp" and no
// reason. Run as nobody (root reads every file).
TEST_F(CmdExtractTest, UnreadableFileSaysWhy) {
  if (geteuid() != 0 || std::system("command -v runuser >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "needs root and runuser (runs vanban as nobody)";
  }
  testing::TempDir dir("cmd-extract-perm");
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
  auto file = dir / "kin.txt";
  ASSERT_TRUE(fixtures::WriteBytes(file, "Quyết định").ok());
  std::filesystem::permissions(file, std::filesystem::perms::none);
  std::string cmd = "runuser -u nobody -- " + std::string(VANBAN_BINARY_DIR) + "/vanban extract '" +
                    file.string() + "' 2>&1";
  ::vanban::testing::ShellRun run = ::vanban::testing::RunShell(cmd);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out,
            "vanban extract: Không đọc được tệp \"" + file.string() + "\": không có quyền đọc\n");
}

}  // namespace
}  // namespace vanban::ingest
