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

// True when `c` names a document the catalog has, but was ruled out as
// that document (issued after the citing text, or in another year than
// cited): a search by its name would put the document ruled out first.
bool NamesakeRuledOut(const Citation& c);

// True when what `c` says of the document it cites by number (type, year,
// date, issuer) does not contradict `meta`: the test the catalog applies
// to its entries of that number, and cited-by to a document the catalog
// does not list. A4 (session 16): cited-by listed a citation the catalog
// had ruled out for its entry of that number ("Quyết định số 15/QĐ-UBND
// của Chủ tịch Ủy ban nhân dân xã" for UBND xã Ngọc Kỳ's of another date).
bool CitationFits(const Citation& c, const Metadata& meta);

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
  // What is wrong but does not stop the catalog loading, in Vietnamese,
  // each naming the file and line: an alias equal (accents and case aside,
  // as Resolve compares names) to another entry's title or alias, which
  // makes a citation by that name alone ambiguous.
  const std::vector<std::string>& warnings() const { return warnings_; }
  const CatalogEntry* FindById(const std::string& id) const;
  // Resolved absolute path of an entry's text, or empty when it has none or
  // when the file (e.g. in ../shared) does not exist.
  std::filesystem::path TextPath(const CatalogEntry& entry) const;
  // The entry whose text_path names this file, if any.
  const CatalogEntry* FindByTextPath(const std::filesystem::path& file) const;

  // Resolves `citation` in place (status, resolved_id, anchor, reason).
  // `self_id` is the citing document's id, for self references.
  //  - numbered: entries with the same number, then narrowed by type,
  //    year/date and issuer (UBND == Ủy ban nhân dân, accents ignored);
  //  - name-only: the longest alias (or title) that the name equals or
  //    begins with, compared without accents or case;
  //  - a number whose issuer code is shared by many bodies (CT-UBND, -/TU)
  //    cited with neither issuer nor year is ambiguous, never guessed.
  //  - a name-only citation is not resolved to a document issued after the
  //    citing one (`citing_date`, ISO, when known): "Luật tố cáo" in a law
  //    of 2013 is not the Luật Tố cáo of 2018;
  // Unresolved citations get kNotInCatalog or kAmbiguous and a Vietnamese
  // reason naming the candidates.
  void Resolve(Citation* citation, const std::string& self_id,
               const std::string& citing_date = std::string()) const;
  // Resolves every citation of `doc` against this catalog, with doc->id
  // as the self id and its date as the citing date.
  void ResolveAll(Document* doc) const;
  // Fills the empty metadata fields of `doc` from its catalog entry (the
  // entry whose text is that document), and sets doc->id to the entry id.
  void FillFromEntry(const CatalogEntry& entry, Document* doc) const;

  // Where "shared:" paths point (default: $VANBAN_SHARED_DIR, else
  // ../shared beside the repository that holds the catalog's folder).
  const std::filesystem::path& shared_dir() const { return shared_dir_; }
  void set_shared_dir(std::filesystem::path dir) { shared_dir_ = std::move(dir); }
  const std::filesystem::path& base_dir() const { return base_dir_; }

 private:
  std::filesystem::path base_dir_;    // folder of the catalog file
  std::filesystem::path shared_dir_;  // ../shared relative to base_dir_'s repository
  std::vector<CatalogEntry> entries_;
  std::vector<std::string> warnings_;
};

}  // namespace vanban::legal

#endif  // VANBAN_LEGAL_CATALOG_H_
