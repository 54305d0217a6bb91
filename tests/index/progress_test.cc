#include "index/progress.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::index {
namespace {

// 1 173 of 1 200 files, 1.2 of 1.3 MB, 0.9 MB/s.
IndexProgress Late() {
  IndexProgress p;
  p.files_done = 1173;
  p.files_total = 1200;
  p.bytes_done = 1258291;
  p.bytes_total = 1363149;
  p.seconds = 1.4;
  return p;
}

// I12 (QA 20) broke: the bar was ~85 columns whatever the terminal's width,
// so on a narrower one every redraw left a wrapped line behind. It fits in
// the width less one column: a shorter bar, then fewer fields, then no bar.
TEST(ProgressBarLineTest, FitsTheTerminalsWidth) {
  struct {
    int columns;
    const char* line;
  } cases[] = {
      {120, "[###########################---] 1173/1200 tệp · 1.2/1.3 MB · 0.9 MB/s · còn 00:00"},
      {80, "[########################---] 1173/1200 tệp · 1.2/1.3 MB · 0.9 MB/s · còn 00:00"},
      {50, "[#########-] 1173/1200 tệp · 0.9 MB/s · còn 00:00"},
      {40, "[##########-] 1173/1200 tệp · còn 00:00"},
      {30, "[###########--] 1173/1200 tệp"},
      {20, "1173/1200 tệp"},
      {10, "1173/1200"},
      {0, "1"},
  };
  for (const auto& c : cases) {
    std::string line = ProgressBarLine(Late(), c.columns);
    EXPECT_EQ(line, c.line) << c.columns;
  }
  for (int columns = 2; columns <= 200; ++columns) {
    EXPECT_LE(TerminalColumns(ProgressBarLine(Late(), columns)), columns - 1) << columns;
  }
}

TEST(ProgressBarLineTest, TerminalColumnsCountsLettersNotBytes) {
  EXPECT_EQ(TerminalColumns("tệp · còn"), 9);
  EXPECT_EQ(TerminalColumns(""), 0);
}

}  // namespace
}  // namespace vanban::index
