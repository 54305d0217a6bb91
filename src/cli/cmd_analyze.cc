// `vanban analyze [--json] [TEXT...]`: shows how the analyser splits text
// into search tokens (offsets, exact term, folded term, kind), so a user can
// see why a query matches or not. Reads stdin when no TEXT is given.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/json_output.h"
#include "text/abbreviations.h"
#include "text/analyzer.h"

namespace vanban::cli {
namespace {

struct AnalyzeOptions {
  bool json = false;
  std::vector<std::string> words;
};

// Vietnamese names of the token kinds, for the table.
const char* KindLabel(text::TokenKind kind) {
  switch (kind) {
    case text::TokenKind::kSyllable:
      return "âm tiết";
    case text::TokenKind::kIdentifier:
      return "số/ký hiệu";
    case text::TokenKind::kDate:
      return "ngày";
    case text::TokenKind::kNumber:
      return "số";
    case text::TokenKind::kAbbreviation:
      return "viết tắt";
  }
  return "?";
}

// Terminal columns of a UTF-8 string: one per code point, none for
// combining marks (good enough for Vietnamese and Latin text).
size_t DisplayWidth(const std::string& s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    bool combining = c == 0xCC || (c == 0xCD && static_cast<unsigned char>(s[i + 1]) < 0xB0);
    width += combining ? 0 : 1;
  }
  return width;
}

std::string Pad(const std::string& s, size_t width) {
  size_t w = DisplayWidth(s);
  return w >= width ? s + "  " : s + std::string(width - w + 2, ' ');
}

void PrintTable(const text::AnalyzedText& analyzed) {
  std::vector<std::vector<std::string>> rows = {
      {"#", "từ tố", "byte", "chính xác", "không dấu", "loại"}};
  for (const text::Token& t : analyzed.tokens) {
    std::string kind = KindLabel(t.kind);
    if (t.stopword) kind += " (hư từ)";
    if (t.kind == text::TokenKind::kAbbreviation) {
      for (std::string_view e : text::ExpandAbbreviation(t.exact)) kind += " = " + std::string(e);
    }
    rows.push_back({std::to_string(t.position), t.surface,
                    std::to_string(t.begin) + "-" + std::to_string(t.end), t.exact, t.folded,
                    kind});
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c + 1 < row.size(); ++c) line += Pad(row[c], widths[c]);
    std::cout << line << row.back() << "\n";
  }
  std::cout << "Tổng: " << analyzed.tokens.size() << " từ tố\n";
}

// The --json contract (README, "vanban analyze"): an object with the NFC
// text, the tokens (in order, keys in the order below) and the warnings.
nlohmann::ordered_json ToJson(const text::AnalyzedText& analyzed) {
  nlohmann::ordered_json tokens = nlohmann::ordered_json::array();
  for (const text::Token& t : analyzed.tokens) {
    nlohmann::ordered_json token = {{"position", t.position},
                                    {"begin", t.begin},
                                    {"end", t.end},
                                    {"surface", t.surface},
                                    {"exact", t.exact},
                                    {"folded", t.folded},
                                    {"kind", text::TokenKindName(t.kind)},
                                    {"stopword", t.stopword}};
    if (t.kind == text::TokenKind::kAbbreviation) {
      token["expansions"] = nlohmann::ordered_json::array();
      for (std::string_view e : text::ExpandAbbreviation(t.exact)) {
        token["expansions"].push_back(std::string(e));
      }
    }
    tokens.push_back(std::move(token));
  }
  return {{"text", analyzed.text}, {"tokens", tokens}, {"warnings", analyzed.warnings}};
}

int RunAnalyze(const AnalyzeOptions& options) {
  std::string input;
  if (options.words.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::cerr << "vanban analyze: thiếu văn bản; hãy đưa TEXT làm tham số hoặc qua stdin\n";
      return 2;
    }
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    for (const std::string& w : options.words) input += (input.empty() ? "" : " ") + w;
  }
  text::Analyzer analyzer;
  text::AnalyzedText analyzed = analyzer.Analyze(input);
  for (const std::string& w : analyzed.warnings) std::cerr << "cảnh báo: " << w << "\n";
  if (options.json) {
    PrintJson(ToJson(analyzed));
  } else {
    PrintTable(analyzed);
  }
  return 0;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Phân tích văn bản thành từ tố tìm kiếm (show search tokens: offsets, exact, folded, kind)");
  cmd->add_flag("--json", options->json, "Xuất JSON (JSON output)");
  cmd->add_option("text", options->words, "Văn bản cần phân tích; đọc stdin nếu bỏ trống");
  cmd->callback([options, exit_code] { *exit_code = RunAnalyze(*options); });
}

}  // namespace vanban::cli
