// `vanban cites [--json] [--catalog PATH] FILE|ID`: the citations of a
// document, in order, resolved against the catalog.
// `vanban catalog [--json] [--catalog PATH]`: the catalog, with whether each
// document's full text is available.
// Exit codes: 0 ok, 1 file/id/catalog not found or unreadable, 2 usage.
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/json_output.h"
#include "ingest/extract.h"
#include "legal/catalog.h"
#include "legal/numbering.h"
#include "legal/parser.h"

namespace vanban::cli {
namespace {

constexpr const char* kDefaultCatalog = "corpus/catalog.toml";

struct LegalOptions {
  bool json = false;
  std::string catalog = kDefaultCatalog;
  std::string target;
};

const char* StatusLabel(legal::CitationStatus status) {
  switch (status) {
    case legal::CitationStatus::kResolved:
      return "đã liên kết";
    case legal::CitationStatus::kSelf:
      return "tự dẫn";
    case legal::CitationStatus::kNotInCatalog:
      return "ngoài danh mục";
    case legal::CitationStatus::kAmbiguous:
      return "mơ hồ";
    case legal::CitationStatus::kUnresolved:
      return "chưa đối chiếu";
  }
  return "?";
}

std::string OrUnknown(const std::string& s) { return s.empty() ? "(không rõ)" : s; }

// Loads the catalog. A missing default catalog is not an error for a FILE
// (its citations stay unresolved); a missing --catalog is.
std::optional<legal::Catalog> LoadCatalog(const LegalOptions& opt, bool required, int* exit_code) {
  StatusOr<legal::Catalog> catalog = legal::Catalog::Load(opt.catalog);
  if (catalog.ok()) {
    for (const std::string& w : catalog->warnings()) std::cerr << "Cảnh báo: " << w << "\n";
    return std::move(catalog).value();
  }
  bool optional_default =
      !required && opt.catalog == kDefaultCatalog && catalog.status().IsNotFound();
  std::cerr << (optional_default ? "Cảnh báo: " : "Lỗi: ") << catalog.status().message() << "\n";
  if (!optional_default) *exit_code = 1;
  return std::nullopt;
}

// Reads the document's text through the extractor, so that docx, pdf and
// legacy-encoded (TCVN3, VNI, CP1258) files work as well as UTF-8 text.
std::optional<std::string> ReadText(const std::filesystem::path& path, int* exit_code) {
  StatusOr<ingest::Extracted> extracted = ingest::ExtractFile(path);
  if (!extracted.ok()) {
    std::cerr << "Lỗi: không đọc được tệp " << path.string() << ": " << extracted.status().message()
              << "\n";
    *exit_code = 1;
    return std::nullopt;
  }
  for (const std::string& w : extracted->warnings) std::cerr << "Cảnh báo: " << w << "\n";
  return std::move(extracted->text);
}

// Finds the document: an existing file, else a catalog id with text.
std::optional<std::filesystem::path> FindTarget(const LegalOptions& opt,
                                                const legal::Catalog* catalog, int* exit_code) {
  std::error_code ec;
  std::filesystem::path path(opt.target);
  if (std::filesystem::is_directory(path, ec)) {
    std::cerr << "Lỗi: " << opt.target << " là thư mục, không phải tệp văn bản\n";
  } else if (std::filesystem::exists(path, ec)) {
    return path;
  } else if (const legal::CatalogEntry* e = catalog ? catalog->FindById(opt.target) : nullptr) {
    std::filesystem::path text = catalog->TextPath(*e);
    if (!text.empty()) return text;
    std::cerr << "Lỗi: văn bản " << e->id << " có trong danh mục nhưng không có toàn văn"
              << (e->text_path.empty() ? "" : " (không tìm thấy " + e->text_path + ")") << "\n";
  } else {
    std::cerr << "Lỗi: không tìm thấy tệp hoặc mã văn bản \"" << opt.target << "\"\n";
  }
  *exit_code = 1;
  return std::nullopt;
}

nlohmann::ordered_json MetaJson(const legal::Document& doc, const std::string& path) {
  const legal::Metadata& m = doc.meta;
  return {{"id", doc.id},
          {"path", path},
          {"type", m.type},
          {"number", m.number},
          {"issuer", m.issuer},
          {"place", m.place},
          {"date", m.date},
          {"title", m.title},
          {"signer", m.signer},
          {"signer_position", m.signer_position},
          {"recipients", m.recipients},
          {"filing", m.filing},
          {"effective_date", m.effective_date}};
}

nlohmann::ordered_json CitationJson(const legal::Citation& c) {
  return {{"begin", c.begin},
          {"end", c.end},
          {"raw", c.raw},
          {"type", c.type},
          {"number", c.number},
          {"name", c.name},
          {"year", c.year},
          {"date", c.date},
          {"issuer", c.issuer},
          {"article", c.article},
          {"clause", c.clause},
          {"point", c.point},
          {"self", c.self},
          {"source_note", c.source_note},
          {"status", legal::CitationStatusName(c.status)},
          {"resolved_id", c.resolved_id},
          {"anchor", c.anchor},
          {"reason", c.reason}};
}

// The structure of the documents a citation list links into, parsed from
// the catalog's texts once each, for the links' notes (UncertainLinkNote).
class LinkTargets {
 public:
  LinkTargets(const legal::Document& doc, const legal::Catalog* catalog)
      : doc_(doc), catalog_(catalog) {}

  // Why the link of `c` may land on another part than the one meant (T1),
  // or name a part the target does not have (V6), or "", as on the page.
  std::string Note(const legal::Citation& c) {
    if (c.anchor.empty()) return "";
    if (c.status == legal::CitationStatus::kSelf || c.resolved_id == doc_.id) {
      return legal::UncertainLinkNote(doc_, c.anchor, /*self=*/true);
    }
    if (c.status != legal::CitationStatus::kResolved) return "";
    const legal::Document* target = Load(c.resolved_id);
    return target ? legal::UncertainLinkNote(*target, c.anchor, /*self=*/false) : "";
  }

 private:
  const legal::Document* Load(const std::string& id) {
    auto it = parsed_.find(id);
    if (it != parsed_.end()) return it->second ? &*it->second : nullptr;
    std::optional<legal::Document>& slot = parsed_[id];
    const legal::CatalogEntry* entry = catalog_ ? catalog_->FindById(id) : nullptr;
    std::filesystem::path file = entry ? catalog_->TextPath(*entry) : std::filesystem::path();
    if (file.empty()) return nullptr;
    StatusOr<ingest::Extracted> extracted = ingest::ExtractFile(file);
    if (extracted.ok()) slot = legal::ParseDocument(extracted->text);
    return slot ? &*slot : nullptr;
  }

  const legal::Document& doc_;
  const legal::Catalog* catalog_;
  std::map<std::string, std::optional<legal::Document>> parsed_;
};

void PrintCites(const legal::Document& doc, const std::string& path,
                const legal::Catalog* catalog) {
  std::string kind = OrUnknown(doc.meta.type);
  if (!doc.meta.number.empty()) kind += " số " + doc.meta.number;
  std::cout << "Văn bản: " << OrUnknown(doc.id) << "\n"
            << "  " << kind << " — " << OrUnknown(doc.meta.title) << "\n"
            << "  Ngày: " << OrUnknown(doc.meta.date)
            << " | Cơ quan ban hành: " << OrUnknown(doc.meta.issuer) << "\n"
            << "  Tệp: " << path << "\n";
  // The Pháp điển's notes are listed, but are not the document's citations.
  size_t counts[5] = {0, 0, 0, 0, 0};
  size_t notes = 0;
  for (const legal::Citation& c : doc.citations) {
    if (c.source_note) {
      ++notes;
    } else {
      ++counts[static_cast<int>(c.status)];
    }
  }
  std::cout << "Dẫn chiếu: " << doc.citations.size() - notes << " (đã liên kết "
            << counts[static_cast<int>(legal::CitationStatus::kResolved)] << ", tự dẫn "
            << counts[static_cast<int>(legal::CitationStatus::kSelf)] << ", ngoài danh mục "
            << counts[static_cast<int>(legal::CitationStatus::kNotInCatalog)] << ", mơ hồ "
            << counts[static_cast<int>(legal::CitationStatus::kAmbiguous)] << ", chưa đối chiếu "
            << counts[static_cast<int>(legal::CitationStatus::kUnresolved)] << ")";
  if (notes > 0) std::cout << "; ghi chú của Pháp điển: " << notes;
  std::cout << "\n";
  size_t n = 0;
  LinkTargets targets(doc, catalog);
  for (const legal::Citation& c : doc.citations) {
    std::string target = c.resolved_id.empty() ? "" : " → " + c.resolved_id;
    if (!c.anchor.empty()) target += "#" + c.anchor;
    std::cout << "  " << ++n << ". [" << c.begin << "-" << c.end << "] "
              << (c.source_note ? "ghi chú của Pháp điển, " : "") << StatusLabel(c.status) << ": "
              << c.raw << target << "\n";
    if (!c.reason.empty()) std::cout << "       " << c.reason << "\n";
    std::string note = targets.Note(c);
    if (!note.empty()) std::cout << "       Lưu ý: " << note << "\n";
  }
  for (const std::string& w : doc.warnings) std::cerr << "Cảnh báo: " << w << "\n";
}

void RunCites(const LegalOptions& opt, int* exit_code) {
  std::optional<legal::Catalog> catalog = LoadCatalog(opt, false, exit_code);
  if (*exit_code != 0) return;
  std::optional<std::filesystem::path> path =
      FindTarget(opt, catalog ? &*catalog : nullptr, exit_code);
  if (!path) return;
  std::optional<std::string> text = ReadText(*path, exit_code);
  if (!text) return;
  legal::Document doc = legal::ParseDocument(*text);
  if (catalog) {
    const legal::CatalogEntry* entry = catalog->FindByTextPath(*path);
    if (entry == nullptr) entry = catalog->FindById(opt.target);
    if (entry != nullptr) catalog->FillFromEntry(*entry, &doc);
    catalog->ResolveAll(&doc);
  }
  if (!opt.json) {
    PrintCites(doc, path->string(), catalog ? &*catalog : nullptr);
    return;
  }
  nlohmann::ordered_json out;
  out["document"] = MetaJson(doc, path->string());
  out["citations"] = nlohmann::ordered_json::array();
  for (const legal::Citation& c : doc.citations) out["citations"].push_back(CitationJson(c));
  out["warnings"] = doc.warnings;
  PrintJson(out);
}

void RunCatalog(const LegalOptions& opt, int* exit_code) {
  std::optional<legal::Catalog> catalog = LoadCatalog(opt, true, exit_code);
  if (!catalog) return;
  if (opt.json) {
    nlohmann::ordered_json docs = nlohmann::ordered_json::array();
    for (const legal::CatalogEntry& e : catalog->entries()) {
      std::filesystem::path text = catalog->TextPath(e);
      docs.push_back({{"id", e.id},
                      {"type", e.meta.type},
                      {"number", e.meta.number},
                      {"issuer", e.meta.issuer},
                      {"date", e.meta.date},
                      {"effective_date", e.meta.effective_date},
                      {"title", e.meta.title},
                      {"aliases", e.aliases},
                      {"text_path", e.text_path},
                      {"has_text", !text.empty()},
                      {"text_file", text.string()}});
    }
    nlohmann::ordered_json out = {
        {"catalog", opt.catalog}, {"documents", docs}, {"warnings", catalog->warnings()}};
    PrintJson(out);
    return;
  }
  size_t with_text = 0;
  for (const legal::CatalogEntry& e : catalog->entries()) {
    bool has_text = !catalog->TextPath(e).empty();
    with_text += has_text;
    std::cout << e.id << "\n  " << OrUnknown(e.meta.type) << " " << e.meta.number
              << " | ngày: " << OrUnknown(e.meta.date) << " | cơ quan: " << OrUnknown(e.meta.issuer)
              << " | toàn văn: " << (has_text ? "có" : "không") << "\n  " << OrUnknown(e.meta.title)
              << "\n";
  }
  std::cout << "Tổng: " << catalog->entries().size() << " văn bản, " << with_text
            << " có toàn văn\n";
}

}  // namespace

void AddCitesCommand(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<LegalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "cites", "Liệt kê dẫn chiếu của một văn bản (tệp hoặc mã trong danh mục) / list citations");
  cmd->add_flag("--json", opt->json, "In kết quả dạng JSON");
  cmd->add_option("--catalog", opt->catalog, "Tệp danh mục (mặc định corpus/catalog.toml)");
  cmd->add_option("target", opt->target, "Tệp văn bản (.txt) hoặc mã văn bản trong danh mục")
      ->required();
  cmd->callback([opt, exit_code] { RunCites(*opt, exit_code); });
}

void AddCatalogCommand(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<LegalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "catalog", "Liệt kê danh mục văn bản và cho biết văn bản nào có toàn văn / list the catalog");
  cmd->add_flag("--json", opt->json, "In kết quả dạng JSON");
  cmd->add_option("--catalog", opt->catalog, "Tệp danh mục (mặc định corpus/catalog.toml)");
  cmd->callback([opt, exit_code] { RunCatalog(*opt, exit_code); });
}

}  // namespace vanban::cli
