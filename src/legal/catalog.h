// The corpus catalog (corpus/catalog.toml): every document vanban knows of,
// with or without full text, and the aliases used to resolve name-only
// references. Immutable after loading; safe to share across threads.
#ifndef VANBAN_LEGAL_CATALOG_H_
#define VANBAN_LEGAL_CATALOG_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"
#include "legal/citation.h"
#include "legal/document.h"

namespace vanban::legal {

struct CatalogEntry {
  std::string id;                    // DocumentId
  Metadata meta;                     // only facts stated in the sources
  std::vector<std::string> aliases;  // "Luật Khiếu nại", "Luật Tố cáo"
  // Where the full text is, relative to the catalog file's folder or with
  // the prefix "shared:" for ../shared (e.g. "shared:corpus/texts/luat-02-2011-qh13.txt").
  // Empty when no text is available.
  std::string text_path;
};

class Catalog {
 public:
  Catalog() = default;
  // Parses a catalog file. Errors name the file, line and field.
  static StatusOr<Catalog> Load(const std::filesystem::path& path);
  static StatusOr<Catalog> Parse(const std::string& toml, const std::string& source_name);

  const std::vector<CatalogEntry>& entries() const { return entries_; }
  const CatalogEntry* FindById(const std::string& id) const;
  // Resolved absolute path of an entry's text, or empty when it has none or
  // when the file (e.g. in ../shared) does not exist.
  std::filesystem::path TextPath(const CatalogEntry& entry) const;
  // The entry whose text_path names this file, if any.
  const CatalogEntry* FindByTextPath(const std::filesystem::path& file) const;

  // Resolves `citation` in place (status, resolved_id, anchor, reason).
  // `self_id` is the citing document's id, for self references.
  void Resolve(Citation* citation, const std::string& self_id) const;

 private:
  std::filesystem::path base_dir_;    // folder of the catalog file
  std::filesystem::path shared_dir_;  // ../shared relative to base_dir_'s repository
  std::vector<CatalogEntry> entries_;
};

}  // namespace vanban::legal

#endif  // VANBAN_LEGAL_CATALOG_H_
