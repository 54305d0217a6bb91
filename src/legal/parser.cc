#include "legal/parser.h"

#include <algorithm>
#include <map>
#include <set>

#include "legal/citation_extractor.h"
#include "legal/layout.h"
#include "legal/metadata.h"
#include "legal/names.h"
#include "legal/structure.h"
#include "text/analyzer.h"

namespace vanban::legal {
namespace {

constexpr size_t kMaxTitleSlug = 60;

// The article number of the innermost Điều around `offset`, or "".
std::string ArticleAt(const Document& doc, size_t offset) {
  for (int u = doc.UnitAt(offset); u >= 0; u = doc.units[u].parent) {
    if (doc.units[u].kind == UnitKind::kArticle) return doc.units[u].number;
  }
  return "";
}

// "khoản 2 Điều này" / "khoản 3" (same article): the article is the one
// the citation stands in.
void FillThisArticle(std::vector<internal::ExtractedCitation> found, Document* doc) {
  doc->citations.reserve(found.size());
  for (internal::ExtractedCitation& ec : found) {
    if (ec.this_article) ec.citation.article = ArticleAt(*doc, ec.citation.begin);
    doc->citations.push_back(std::move(ec.citation));
  }
}

// Slug of a title without its leading type ("Nghị quyết Đại hội ..." ->
// "dai-hoi-..."), cut at a word boundary.
std::string TitleSlug(const Metadata& meta) {
  std::string slug = internal::Slug(meta.title);
  std::string type = internal::Slug(meta.type);
  if (!type.empty() && slug.rfind(type + "-", 0) == 0) slug = slug.substr(type.size() + 1);
  if (slug.size() > kMaxTitleSlug) {
    size_t cut = slug.rfind('-', kMaxTitleSlug);
    slug = slug.substr(0, cut == std::string::npos ? kMaxTitleSlug : cut);
  }
  return slug;
}

// "Neo trùng lặp \"dieu-1\": …" -> "Neo trùng lặp".
std::string_view WarningKind(std::string_view w) {
  size_t end = w.size();
  for (std::string_view stop : {"\"", "«", "(", ":"}) end = std::min(end, w.find(stop));
  for (size_t i = 0; i + 1 < end; ++i) {  // a number as a word ("byte 7"), not "UTF-8"
    if (w[i] == ' ' && w[i + 1] >= '0' && w[i + 1] <= '9') end = i;
  }
  return internal::Trim(w.substr(0, end));
}

}  // namespace

void CapRepeatedWarnings(std::vector<std::string>* warnings, size_t keep) {
  std::map<std::string, std::pair<size_t, size_t>> kinds;  // kind -> (seen, index of "… và")
  std::vector<std::string> out;
  std::set<std::string_view> distinct;  // views of *warnings, which stays put until the end
  for (std::string& w : *warnings) {
    if (!distinct.insert(w).second) continue;  // the same words twice say nothing more
    auto& [seen, summary] = kinds[std::string(WarningKind(w))];
    if (++seen <= keep) {
      out.push_back(w);
    } else if (seen == keep + 1) {
      summary = out.size();
      out.emplace_back();
    }
  }
  for (const auto& [kind, counts] : kinds) {
    if (counts.first <= keep) continue;
    out[counts.second] = "… và " + std::to_string(counts.first - keep) + " cảnh báo tương tự";
    if (!kind.empty()) out[counts.second] += " (" + kind + ")";
  }
  *warnings = std::move(out);
}

Document ParseDocument(std::string_view input) {
  Document doc;
  std::string nfc = text::Normalize(input, &doc.warnings);
  internal::Layout layout = internal::Reflow(nfc);
  doc.text = std::move(layout.text);
  internal::BuildStructure(layout, &doc);
  doc.meta = internal::ExtractMetadata(layout, doc.text, &doc.warnings);
  std::vector<internal::ExtractedCitation> found = internal::ScanCitations(doc.text, &doc.warnings);
  FillThisArticle(std::move(found), &doc);
  if (doc.text.empty()) {
    doc.warnings.push_back("Văn bản rỗng: không có nội dung");
  } else if (doc.units.empty()) {
    doc.warnings.push_back(
        "Không nhận ra cấu trúc (Chương/Điều/mục La Mã): văn bản chỉ được chia thành đoạn");
  }
  if (!doc.meta.type.empty() || !doc.meta.number.empty() || !doc.meta.title.empty()) {
    doc.id = MakeDocumentId(doc.meta);
  }
  CapRepeatedWarnings(&doc.warnings);
  return doc;
}

std::vector<Citation> ExtractCitations(std::string_view text) {
  std::vector<Citation> out;
  for (internal::ExtractedCitation& ec : internal::ScanCitations(text, nullptr)) {
    out.push_back(std::move(ec.citation));
  }
  return out;
}

std::string MakeDocumentId(const Metadata& meta) {
  std::string id = internal::Slug(meta.type);
  auto add = [&id](const std::string& part) {
    if (part.empty()) return;
    if (!id.empty()) id.push_back('-');
    id += part;
  };
  if (!meta.number.empty()) {
    add(internal::Slug(meta.number));
    if (internal::YearInNumber(meta.number).empty() && meta.date.size() >= 4) {
      add(meta.date.substr(0, 4));
    }
    if (internal::HasLocalIssuerCode(meta.number)) add(internal::IssuerPlaceSlug(meta.issuer));
    return id;
  }
  add(internal::IssuerPlaceSlug(meta.issuer));
  if (meta.date.size() >= 4) add(meta.date.substr(0, 4));
  add(TitleSlug(meta));
  return id;
}

}  // namespace vanban::legal
