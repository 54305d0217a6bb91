// `vanban extract [--json] [--max-mb N] [--no-ocr] FILE`: prints the clean
// text vanban would index from FILE (or a JSON object describing it), so a
// user can see what went wrong with a file.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
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

int RunExtract(const ExtractArgs& args) {
  ingest::ExtractOptions options;
  options.max_bytes = static_cast<uint64_t>(args.max_mb * 1024 * 1024);
  options.ocr = !args.no_ocr;
  StatusOr<ingest::Extracted> r = ingest::ExtractFile(args.file, options);
  if (!r.ok()) {
    std::cerr << "vanban extract: " << r.status().message() << "\n";
    return 1;
  }
  if (args.json) {
    // Invalid UTF-8 cannot reach here (the text is normalised), but keep
    // the dump total anyway.
    std::cout << ToJson(args.file, *r)
                     .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
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
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--no-ocr", args->no_ocr, "Không OCR trang ảnh quét / do not OCR scanned pages");
  cmd->callback([args, exit_code] { *exit_code = RunExtract(*args); });
}

}  // namespace vanban::cli
