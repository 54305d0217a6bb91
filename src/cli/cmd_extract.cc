// `vanban extract [--json] [--max-mb N] [--no-ocr] FILE`: prints the clean
// text vanban would index from FILE (or a JSON object describing it), so a
// user can see what went wrong with a file.
#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/json_output.h"
#include "ingest/extract.h"

namespace vanban::cli {
namespace {

struct ExtractArgs {
  std::string file;
  bool json = false;
  double max_mb = 100;
  bool no_ocr = false;
};

nlohmann::ordered_json ToJson(const std::string& file, const ingest::Extracted& e) {
  nlohmann::ordered_json j;
  j["file"] = file;
  j["format"] = e.format;
  j["encoding"] = e.encoding;
  j["pages"] = e.pages;
  j["ocr"] = e.ocr;
  j["confidence"] =
      e.ocr ? nlohmann::ordered_json(e.ocr_confidence) : nlohmann::ordered_json(nullptr);
  j["bytes"] = e.bytes;
  j["characters"] = e.characters;
  j["warnings"] = e.warnings;
  j["text"] = e.text;
  return j;
}

// --max-mb in bytes. A value past what 64 bits hold (1e30) is no limit:
// the conversion of a double out of uint64_t's range is undefined (it gave
// 0 on x86-64, and every file was refused).
uint64_t MegabytesToBytes(double mb) {
  double bytes = mb * 1024 * 1024;
  constexpr double kPast = 18446744073709551616.0;  // 2^64
  return bytes >= kPast ? std::numeric_limits<uint64_t>::max() : static_cast<uint64_t>(bytes);
}

// --max-mb must be a positive finite number (CLI::PositiveNumber took nan).
std::string CheckMaxMb(std::string& value) {
  double mb = 0;
  bool ok = CLI::detail::lexical_cast(value, mb) && std::isfinite(mb) && mb > 0;
  return ok ? std::string()
            : "giá trị \"" + value + "\" của --max-mb phải là một số dương (MB), ví dụ 100";
}

int RunExtract(const ExtractArgs& args) {
  ingest::ExtractOptions options;
  options.max_bytes = MegabytesToBytes(args.max_mb);
  options.ocr = !args.no_ocr;
  StatusOr<ingest::Extracted> r = ingest::ExtractFile(args.file, options);
  if (!r.ok()) {
    std::cerr << "vanban extract: " << r.status().message() << "\n";
    return 1;
  }
  if (args.json) {
    // The text is normalised, but the file name may not be UTF-8.
    PrintJson(ToJson(args.file, *r));
    return 0;
  }
  for (const std::string& w : r->warnings) std::cerr << "cảnh báo: " << w << "\n";
  std::cout << r->text;
  if (!r->text.empty() && r->text.back() != '\n') std::cout << "\n";
  return 0;
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "In văn bản sạch sẽ được lập chỉ mục từ một tệp (txt, docx, pdf, html, md, ảnh) / "
      "print the clean text vanban would index from FILE");
  cmd->add_option("FILE", args->file, "Tệp cần trích / file to extract")->required();
  cmd->add_flag("--json", args->json,
                "In JSON: text, format, encoding, pages, ocr, confidence, warnings");
  cmd->add_option("--max-mb", args->max_mb, "Giới hạn kích thước tệp, MB (mặc định 100)")
      ->check(CLI::Validator(CheckMaxMb, "MB"));
  cmd->add_flag("--no-ocr", args->no_ocr, "Không OCR trang ảnh quét / do not OCR scanned pages");
  cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
}

}  // namespace vanban::cli
