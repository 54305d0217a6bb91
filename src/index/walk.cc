#include "index/walk.h"

#include <chrono>
#include <set>
#include <string_view>

#include "index/schema.h"
#include "ingest/extract.h"

namespace vanban::index {
namespace fs = std::filesystem;

namespace {

int64_t MtimeOf(const fs::path& p, std::error_code& ec) {
  auto t = fs::last_write_time(p, ec);
  if (ec) return 0;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

fs::path Absolute(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void Collect(const fs::path& root, std::set<fs::path>* files, std::vector<SkippedFile>* skipped) {
  std::error_code ec;
  if (fs::is_regular_file(root, ec)) {
    files->insert(Absolute(root));
    return;
  }
  if (!fs::is_directory(root, ec)) {
    skipped->push_back({root.string(), "không tồn tại hoặc không phải tệp/thư mục"});
    return;
  }
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    skipped->push_back({root.string(), "không đọc được thư mục: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      skipped->push_back({Absolute(it->path()).string(), "không đọc được: " + ec.message()});
      ec.clear();
      continue;
    }
    const fs::path& p = it->path();
    if (Hidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (p.filename() == "catalog.toml") continue;
    if (Status st = ingest::CheckSupported(p); !st.ok()) {
      skipped->push_back({Absolute(p).string(), SkipReason(st.message())});
      continue;
    }
    files->insert(Absolute(p));
  }
}

void LoadExisting(const Xapian::Database& db, Plan* plan) {
  std::string rec = schema::Term(schema::kCatalogRecord, "1");
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    Xapian::Document d = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
    std::string id = d.get_value(schema::kSlotId);
    std::string source = d.get_value(schema::kSlotSourcePath);
    plan->ids[id] = *p;
    plan->sources[*p] = source;
    if (!source.empty()) {
      ExistingDoc e;
      e.docid = *p;
      e.id = id;
      e.source_path = source;
      e.fingerprint = d.get_value(schema::kSlotFingerprint);
      plan->existing[source] = e;
    }
  }
  for (auto p = db.postlist_begin(rec); p != db.postlist_end(rec); ++p) {
    Xapian::Document d = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
    plan->catalog_records[d.get_value(schema::kSlotId)] = *p;
  }
}

bool UnderRoot(const std::string& path, const std::vector<fs::path>& roots) {
  for (const auto& r : roots) {
    std::string root = r.string();
    if (path.compare(0, root.size(), root) == 0) return true;
  }
  return false;
}

bool SizeAndTimeMatch(const std::string& fp, uint64_t size, int64_t mtime, const std::string& cat) {
  std::string prefix = std::to_string(size) + ":" + std::to_string(mtime) + ":";
  if (fp.compare(0, prefix.size(), prefix) != 0) return false;
  size_t last = fp.rfind(':');
  return last != std::string::npos && fp.substr(last + 1) == cat;
}

}  // namespace

std::string SkipReason(const std::string& message) {
  for (std::string_view lead : {"Bỏ qua tệp \"", "Không trích được văn bản từ tệp \""}) {
    if (message.rfind(lead, 0) != 0) continue;
    size_t cut = message.find("\": ", lead.size());
    if (cut != std::string::npos) return message.substr(cut + 3);
  }
  return message;
}

std::string CatalogEntryHash(const legal::CatalogEntry& e) {
  std::string all = e.id;
  for (const std::string* s : {&e.meta.type, &e.meta.number, &e.meta.issuer, &e.meta.date,
                               &e.meta.title, &e.meta.place, &e.meta.signer}) {
    all += '\x1f' + *s;
  }
  for (const auto& a : e.aliases) all += '\x1e' + a;
  return schema::Hex64(schema::Fnv1a(all)).substr(0, 8);
}

fs::path FindCatalog(const std::vector<fs::path>& roots, const fs::path& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  for (const auto& r : roots) {
    std::error_code ec;
    if (fs::is_regular_file(r / "catalog.toml", ec)) return r / "catalog.toml";
  }
  return {};
}

Plan MakePlan(const Xapian::Database& db, const legal::Catalog* catalog,
              const std::vector<fs::path>& roots, bool rebuild,
              std::vector<SkippedFile>* skipped) {
  Plan plan;
  if (!rebuild) LoadExisting(db, &plan);
  std::set<fs::path> files;
  std::vector<fs::path> abs_roots;
  for (const auto& r : roots) {
    Collect(r, &files, skipped);
    abs_roots.push_back(Absolute(r));
  }
  std::map<fs::path, const legal::CatalogEntry*> by_text;
  if (catalog) {
    for (const auto& e : catalog->entries()) {
      fs::path p = catalog->TextPath(e);
      if (p.empty()) continue;
      p = Absolute(p);
      by_text[p] = &e;
      files.insert(p);
    }
  }
  std::set<std::string> seen;
  for (const auto& f : files) {
    std::error_code ec;
    FileTask task;
    task.path = f;
    task.size = fs::file_size(f, ec);
    if (ec) {
      skipped->push_back({f.string(), "không đọc được kích thước tệp: " + ec.message()});
      continue;
    }
    task.mtime = MtimeOf(f, ec);
    auto cat = by_text.find(f);
    if (cat != by_text.end()) {
      task.entry = cat->second;
      task.catalog_hash = CatalogEntryHash(*cat->second);
    }
    seen.insert(f.string());
    auto ex = plan.existing.find(f.string());
    if (ex != plan.existing.end()) {
      task.existing = &ex->second;
      if (SizeAndTimeMatch(ex->second.fingerprint, task.size, task.mtime, task.catalog_hash)) {
        ++plan.unchanged;
        continue;
      }
    }
    plan.bytes_total += task.size;
    plan.files.push_back(std::move(task));
  }
  for (const auto& [path, e] : plan.existing) {
    std::error_code ec;
    bool gone = !fs::exists(path, ec);
    bool dropped = !seen.count(path) && UnderRoot(path, abs_roots);
    if (gone || dropped) plan.stale.push_back(e.docid);
  }
  return plan;
}

}  // namespace vanban::index
