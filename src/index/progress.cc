#include "index/progress.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace vanban::index {
namespace {

constexpr int kBarCells = 30;     // the bar on a wide terminal
constexpr int kMinBarCells = 10;  // shorter than this, no bar

std::string Mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", bytes / 1048576.0);
  return buf;
}

std::string Clock(double seconds) {
  int s = static_cast<int>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", s / 60, s % 60);
  return buf;
}

// The first `columns` code points of `text`.
std::string CutToColumns(const std::string& text, int columns) {
  size_t end = 0;
  for (int n = 0; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && n++ == columns) break;
  }
  return text.substr(0, end);
}

}  // namespace

int TerminalColumns(const std::string& text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

std::string ProgressBarLine(const IndexProgress& p, int columns) {
  double rate = p.seconds > 0 ? p.bytes_done / 1048576.0 / p.seconds : 0;
  double frac = p.bytes_total ? static_cast<double>(p.bytes_done) / p.bytes_total : 1.0;
  double eta = frac > 0 ? p.seconds * (1 - frac) / frac : 0;
  char speed[32];
  std::snprintf(speed, sizeof speed, "%.1f MB/s", rate);
  const std::string files =
      std::to_string(p.files_done) + "/" + std::to_string(p.files_total) + " tệp";
  const std::string mb = Mb(p.bytes_done) + "/" + Mb(p.bytes_total) + " MB";
  const std::string left = "còn " + Clock(eta);
  const std::string dot = " · ";
  // From the most said to the least.
  const std::vector<std::string> texts = {files + dot + mb + dot + speed + dot + left,
                                          files + dot + speed + dot + left, files + dot + left,
                                          files};
  int room = std::max(columns - 1, 1);
  for (const std::string& text : texts) {
    int cells = std::min(kBarCells, room - TerminalColumns(text) - 3);  // "[", "] "
    if (cells < kMinBarCells) continue;
    int filled = std::clamp(static_cast<int>(frac * cells), 0, cells);
    return "[" + std::string(filled, '#') + std::string(cells - filled, '-') + "] " + text;
  }
  for (const std::string& text : texts) {
    if (TerminalColumns(text) <= room) return text;
  }
  return CutToColumns(files, room);
}

}  // namespace vanban::index
