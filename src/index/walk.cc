#include "index/walk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <map>
#include <set>
#include <string_view>

#include "base/os_error.h"
#include "index/schema.h"
#include "ingest/extract.h"

namespace vanban::index {
namespace fs = std::filesystem;

namespace {

// The Unix mtime and ctime in nanoseconds (Fingerprint), from stat. C10:
// std::filesystem's file_clock counts from the standard library's own
// epoch (2174 in libstdc++), which another build would not share.
void TimesOf(const fs::path& p, FileTask* task, std::error_code& ec) {
  struct stat st;
  if (stat(p.c_str(), &st) != 0) {
    ec.assign(errno, std::generic_category());
    return;
  }
  auto ns = [](const struct timespec& t) {
    return static_cast<int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
  };
  task->mtime = ns(st.st_mtim);
  task->ctime = ns(st.st_ctim);
}

fs::path Absolute(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

// The one path of a file or folder however it is reached (through a
// symbolic link, "corpus-link", "./corpus"), so that it is indexed once.
fs::path Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(Absolute(p), ec);
  return ec ? Absolute(p) : c;
}

// Hidden files and folders (".git", LibreOffice's ".~lock.x.docx#"), and
// the owner files Word keeps beside a document it has open ("~$yết
// định.docx", the name's first two characters replaced): not documents.
bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && (name[0] == '.' || name.rfind("~$", 0) == 0);
}

constexpr std::string_view kNotAFile =
    "không phải tệp thông thường (ống FIFO, thiết bị hoặc socket), không phải văn bản";

// A Xapian database (an index kept inside a folder indexed, "vanban index
// ." with the default "index/"; or a rebuild's temporary shards): not
// documents. A10 (session 15): its files were listed as skipped every run.
bool IsIndexFolder(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "iamglass", ec);
}

// The lock of a run on the database beside it ("index.lock", empty).
bool IsIndexLock(const fs::path& p) {
  if (p.extension() != ".lock") return false;
  std::error_code ec;
  fs::path db = p.parent_path() / p.stem();
  if (fs::is_directory(db, ec)) return true;
  return fs::file_size(p, ec) == 0 && !ec;  // the first run's, before the folder is made
}

// What the walk of the roots found.
struct Walked {
  std::set<fs::path> files;          // to index, canonical
  std::set<fs::path> direct;         // of `files`, those reached other than by a link
  std::map<fs::path, fs::path> links;  // the others -> the first link to them (absolute)
  std::vector<fs::path> unreadable;  // folders that could not be listed
  std::set<fs::path> folders;        // walked already (canonical): a root given twice
};

void SkipFolder(const fs::path& dir, const std::error_code& ec, Walked* walked,
                std::vector<SkippedFile>* skipped) {
  fs::path abs = Absolute(dir);
  SkippedFile k;
  k.path = abs.string();
  k.reason = "không đọc được thư mục: " + ErrorText(ec);
  k.folder = true;
  skipped->push_back(std::move(k));
  walked->unreadable.push_back(abs);
}

// Adds the file `p` (a symbolic link to it when `link`).
void CollectFile(const fs::path& p, bool link, Walked* walked, std::vector<SkippedFile>* skipped) {
  if (Status st = ingest::CheckSupported(p); !st.ok()) {
    bool unreadable = st.code() == Status::Code::kIoError || st.code() == Status::Code::kNotFound;
    skipped->push_back(
        {Absolute(p).string(), unreadable ? ReadFailure(p) : SkipReason(st.message())});
    return;
  }
  fs::path file = Canonical(p);
  walked->files.insert(file);
  if (!link) {
    walked->direct.insert(file);
    walked->links.erase(file);
  } else if (!walked->direct.count(file)) {
    fs::path at = Absolute(p);
    auto [it, added] = walked->links.emplace(file, at);
    if (!added && at < it->second) it->second = at;
  }
}

// A symbolic link met in a folder: a link to a file is indexed as its target
// (once, however many links lead to it); a link to a folder is not followed
// (loops, and files that would stay indexed after the link is gone); a
// dangling link or a loop is reported.
void CollectLink(const fs::path& p, Walked* walked, std::vector<SkippedFile>* skipped) {
  std::error_code ec;
  fs::path target = fs::canonical(p, ec);
  std::string reason;
  if (ec == std::errc::too_many_symbolic_link_levels) {
    reason = "liên kết tượng trưng vòng lặp (các liên kết trỏ vòng vào nhau)";
  } else if (ec == std::errc::no_such_file_or_directory) {
    std::error_code ec2;
    fs::path to = fs::read_symlink(p, ec2);
    reason = "liên kết tượng trưng hỏng: đích \"" + to.string() + "\" không tồn tại";
  } else if (ec) {
    reason = "không theo được liên kết tượng trưng: " + ErrorText(ec);
  } else if (fs::is_directory(target, ec)) {
    // Like a folder that cannot be read: the documents indexed from under
    // it stay (A8, session 15: a folder replaced by a link to it lost them).
    SkippedFile k;
    k.path = Absolute(p).string();
    k.reason = "liên kết tượng trưng tới thư mục " + target.string() +
               ": không đi theo; muốn lập chỉ mục thư mục đó thì ghi nó vào dòng lệnh";
    k.folder = true;
    skipped->push_back(std::move(k));
    walked->unreadable.push_back(Absolute(p));
    return;
  } else if (fs::is_regular_file(target, ec)) {
    if (p.filename() != "catalog.toml") CollectFile(p, /*link=*/true, walked, skipped);
    return;
  } else {
    reason = "liên kết tượng trưng tới " + target.string() + ", " + std::string(kNotAFile);
  }
  skipped->push_back({Absolute(p).string(), reason});
}

// Walks one folder without recursive_directory_iterator, which with
// skip_permission_denied passes over an unreadable subfolder silently: its
// files then looked deleted and their documents were dropped.
void CollectFolder(const fs::path& root, Walked* walked, std::vector<SkippedFile>* skipped) {
  std::vector<fs::path> pending{Canonical(root)};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    if (!walked->folders.insert(dir).second) continue;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      SkipFolder(dir, ec, walked, skipped);
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (Hidden(p)) continue;
      std::error_code ec2;
      if (it->is_symlink(ec2)) {
        CollectLink(p, walked, skipped);
        continue;
      }
      if (it->is_directory(ec2)) {
        if (!IsIndexFolder(p)) pending.push_back(p);
        continue;
      }
      if (!it->is_regular_file(ec2)) {
        // A1 (session 15): left out silently, so a file replaced by one
        // looked deleted. Listed, and a document indexed from it stays.
        skipped->push_back({Absolute(p).string(), std::string(kNotAFile)});
        continue;
      }
      if (p.filename() == "catalog.toml" || IsIndexLock(p)) continue;
      CollectFile(p, /*link=*/false, walked, skipped);
    }
    if (ec) SkipFolder(dir, ec, walked, skipped);  // listing broke off
  }
}

void Collect(const fs::path& root, Walked* walked, std::vector<SkippedFile>* skipped) {
  std::error_code ec;
  fs::file_status st = fs::status(root, ec);
  if (fs::is_regular_file(st)) {
    CollectFile(root, /*link=*/false, walked, skipped);
  } else if (fs::is_directory(st)) {
    CollectFolder(root, walked, skipped);
  } else if (ec && ec != std::errc::no_such_file_or_directory) {
    skipped->push_back({root.string(), "không đọc được: " + ErrorText(ec)});
  } else {
    skipped->push_back({root.string(), "không tồn tại hoặc không phải tệp/thư mục"});
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
      e.link_path = d.get_value(schema::kSlotLinkPath);
      plan->existing[source] = e;
    }
  }
  for (auto p = db.postlist_begin(rec); p != db.postlist_end(rec); ++p) {
    Xapian::Document d = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
    plan->catalog_records[d.get_value(schema::kSlotId)] = {*p,
                                                           d.get_value(schema::kSlotFingerprint)};
  }
}

// True when the file of `task` is the one `stored` fingerprints, unread.
bool StatMatches(const std::string& stored, const FileTask& task) {
  std::optional<Fingerprint> old = Fingerprint::Parse(stored);
  return old && old->SameStat({task.size, task.mtime, task.ctime, "", task.catalog_hash});
}

}  // namespace

std::optional<Fingerprint> Fingerprint::Parse(std::string_view value) {
  std::vector<std::string_view> parts;
  for (size_t at = 0;;) {
    size_t colon = value.find(':', at);
    parts.push_back(value.substr(at, colon == std::string_view::npos ? colon : colon - at));
    if (colon == std::string_view::npos) break;
    at = colon + 1;
  }
  if (parts.size() != 4 && parts.size() != 5) return std::nullopt;
  bool with_ctime = parts.size() == 5;
  Fingerprint f;
  auto number = [](std::string_view s, auto* out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size();
  };
  if (!number(parts[0], &f.size) || !number(parts[1], &f.mtime) ||
      (with_ctime && !number(parts[2], &f.ctime))) {
    return std::nullopt;
  }
  f.hash = parts[with_ctime ? 3 : 2];
  f.catalog = parts[with_ctime ? 4 : 3];
  return f;
}

std::string Fingerprint::Format() const {
  return std::to_string(size) + ":" + std::to_string(mtime) + ":" + std::to_string(ctime) + ":" +
         hash + ":" + catalog;
}

bool Fingerprint::SameStat(const Fingerprint& o) const {
  return ctime != 0 && size == o.size && mtime == o.mtime && ctime == o.ctime &&
         catalog == o.catalog;
}

bool Fingerprint::SameContent(const Fingerprint& o) const {
  return !hash.empty() && size == o.size && hash == o.hash && catalog == o.catalog;
}

std::string Fingerprint::ContentKey() const { return std::to_string(size) + ":" + hash; }

bool UnderRoot(const std::string& path, const fs::path& root) {
  std::string r = root.string();
  if (path.compare(0, r.size(), r) != 0) return false;
  return path.size() == r.size() || (!r.empty() && r.back() == '/') || path[r.size()] == '/';
}

std::string ReadFailure(const fs::path& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  int err = errno;
  if (fd >= 0) {
    char c;
    err = read(fd, &c, 1) < 0 ? errno : 0;
    close(fd);
  }
  return err ? "không đọc được tệp: " + ErrnoText(err) : "không đọc được tệp";
}

fs::path ExpectedTextPath(const legal::Catalog& catalog, const legal::CatalogEntry& entry) {
  constexpr std::string_view kShared = "shared:";
  std::string_view tp = entry.text_path;
  if (tp.empty()) return {};
  if (tp.substr(0, kShared.size()) == kShared) {
    if (catalog.shared_dir().empty()) return {};
    return (catalog.shared_dir() / std::string(tp.substr(kShared.size()))).lexically_normal();
  }
  if (catalog.base_dir().empty()) return fs::path(entry.text_path).lexically_normal();
  return (catalog.base_dir() / entry.text_path).lexically_normal();
}

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

fs::path FindCatalog(const std::vector<fs::path>& roots, const fs::path& explicit_path,
                     const fs::path& recorded, CatalogSource* source) {
  *source = CatalogSource::kGiven;
  if (!explicit_path.empty()) return explicit_path;
  std::error_code ec;
  for (const auto& r : roots) {
    if (fs::is_regular_file(r / "catalog.toml", ec)) return r / "catalog.toml";
  }
  *source = CatalogSource::kAbove;
  for (const auto& r : roots) {
    fs::path dir = Absolute(r).parent_path();
    for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
      if (fs::is_regular_file(dir / "catalog.toml", ec)) return dir / "catalog.toml";
      if (dir == dir.parent_path()) break;
      dir = dir.parent_path();
    }
  }
  *source = CatalogSource::kRecorded;
  if (!recorded.empty() && fs::is_regular_file(recorded, ec)) return recorded;
  *source = CatalogSource::kNone;
  return {};
}

namespace {

// True for a folder with no entry but hidden ones (".DS_Store"): empty, or
// a mount point with nothing mounted.
bool HoldsNothing(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return false;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->path().filename().string().starts_with(".")) return false;
  }
  return !ec;
}

// Marks documents stale whose file is gone, or no longer found by the walk
// of a root above it. Documents whose file the walk skipped (unreadable,
// empty, unsupported) or that lie under a folder it could not list are
// kept: the file is still there, so deleting its text would lose it.
void FindStale(const std::vector<fs::path>& abs_roots, const std::vector<fs::path>& empty_roots,
               const Walked& walked, size_t first_skipped, const std::set<std::string>& seen,
               std::vector<SkippedFile>* skipped, Plan* plan) {
  std::map<std::string, size_t> skipped_at;
  for (size_t i = first_skipped; i < skipped->size(); ++i) skipped_at[(*skipped)[i].path] = i;
  auto keep = [&](size_t at) {
    ++(*skipped)[at].kept;
    ++plan->kept;
  };
  for (const auto& [path, e] : plan->existing) {
    if (seen.count(path)) continue;
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    auto empty = std::find_if(empty_roots.begin(), empty_roots.end(),
                              [&](const fs::path& r) { return UnderRoot(path, r); });
    if (!exists && !ec && empty != empty_roots.end()) {
      // A folder given that is now empty: more likely a drive or network
      // folder not mounted than every file deleted (A3, session 15: an
      // incremental run deleted the whole index). Its documents stay.
      auto [at, added] = skipped_at.try_emplace(empty->string(), skipped->size());
      if (added) {
        SkippedFile k;
        k.path = empty->string();
        k.reason =
            "thư mục trống (ổ đĩa hoặc thư mục mạng chưa được gắn?), nên không xoá văn bản nào đã "
            "lập chỉ mục từ đó; nếu đã cố ý xoá hết các tệp, hãy lập lại chỉ mục không kèm thư mục "
            "này (--rebuild) hoặc xoá thư mục chỉ mục";
        k.folder = true;
        skipped->push_back(std::move(k));
      }
      keep(at->second);
      continue;
    }
    if (!exists && !ec) {
      plan->stale.push_back(e.docid);  // gone
      continue;
    }
    if (auto it = skipped_at.find(path); it != skipped_at.end()) {
      keep(it->second);
      continue;
    }
    auto folder = std::find_if(walked.unreadable.begin(), walked.unreadable.end(),
                               [&](const fs::path& d) { return UnderRoot(path, d); });
    // Unless the file is found under its real path (the folder a link
    // leads to, given too): then it is that document now.
    if (folder != walked.unreadable.end() && !walked.files.count(Canonical(path))) {
      keep(skipped_at.at(folder->string()));
      continue;
    }
    if (ec) {  // cannot tell whether it is still there (a folder above is unreadable)
      skipped->push_back({path, "không kiểm tra được tệp: " + ErrorText(ec)});
      skipped_at[path] = skipped->size() - 1;
      keep(skipped->size() - 1);
      continue;
    }
    // A file elsewhere found through a link under a root: the link went (or
    // now leads elsewhere).
    bool dropped = std::any_of(abs_roots.begin(), abs_roots.end(), [&](const fs::path& r) {
      return UnderRoot(path, r) || (!e.link_path.empty() && UnderRoot(e.link_path, r));
    });
    if (dropped) {
      plan->stale.push_back(e.docid);
    } else {
      ++plan->outside;
    }
  }
}

// One line per skipped path: a root given twice, or a root inside another,
// lists its skipped files once.
void DropRepeatedSkips(size_t first, std::vector<SkippedFile>* skipped) {
  std::set<std::string> seen;
  auto repeated = [&](const SkippedFile& k) { return !seen.insert(k.path).second; };
  skipped->erase(std::remove_if(skipped->begin() + static_cast<std::ptrdiff_t>(first),
                                skipped->end(), repeated),
                 skipped->end());
}

// The file indexed before as the text of `e` when the catalog's path to it
// finds nothing now (a catalog copied elsewhere and given with --catalog)
// and the walk found that file: it stays the entry's text, with its id and
// metadata, as the run's warning says ("giữ bản toàn văn đã lập chỉ mục
// trước đó"). A4 (session 15): it was analysed again as a file of its own,
// under another id, and the entry's id was gone for a run. Empty otherwise.
fs::path IndexedText(const Plan& plan, const legal::CatalogEntry& e, const Walked& walked) {
  if (e.text_path.empty()) return {};
  auto holder = plan.ids.find(e.id);
  if (holder == plan.ids.end()) return {};
  auto source = plan.sources.find(holder->second);
  if (source == plan.sources.end() || source->second.empty()) return {};
  fs::path p(source->second);
  return walked.files.count(p) ? p : fs::path();
}

// True when the document `e` indexed from a file breaks the first id rule:
// it holds the id of a catalog entry whose text is another file (a copy
// dropped into the corpus before that text was found), or it is the text
// of `entry` under another id.
//
// Or it holds an id suffixed by its path hash ("luat-42-2013-qh13-5d0527",
// given while a copy held "luat-42-2013-qh13") and nothing present holds
// the plain id any more: it takes it back (the copy was deleted). When a
// document holds it whose file is not among those walked, *absent_holder is
// set to it: the id is misplaced only if that document goes this run (its
// file is gone), which FindStale tells later.
bool MisplacedId(const Plan& plan, const ExistingDoc& e, const legal::CatalogEntry* entry,
                 const std::set<fs::path>& present, Xapian::docid* absent_holder) {
  *absent_holder = 0;
  if (entry) return e.id != entry->id;
  auto text = plan.catalog_texts.find(e.id);
  if (text != plan.catalog_texts.end()) return text->second != e.source_path;
  std::string base = UnsuffixedId(e.id, e.source_path);
  if (base.empty() || plan.catalog_texts.count(base)) return false;
  auto owner = plan.ids.find(base);
  if (owner == plan.ids.end()) return true;
  auto source = plan.sources.find(owner->second);
  // A catalog record without text holds its id.
  if (source == plan.sources.end() || source->second.empty()) return false;
  if (present.count(fs::path(source->second))) return false;
  *absent_holder = owner->second;
  return true;
}

// Fills plan->moved_texts. I8 (QA 20): the plan renamed (a catalog text
// with no number, so not found by one) became a record without text, and
// the file a second copy under another id.
void FindMovedTexts(const legal::Catalog& catalog, Plan* plan) {
  std::set<Xapian::docid> stale(plan->stale.begin(), plan->stale.end());
  for (const auto& [path, e] : plan->existing) {
    if (!stale.count(e.docid) || plan->catalog_texts.count(e.id)) continue;
    const legal::CatalogEntry* entry = catalog.FindById(e.id);
    if (entry == nullptr || entry->text_path.empty()) continue;
    std::optional<Fingerprint> f = Fingerprint::Parse(e.fingerprint);
    if (f) plan->moved_texts[f->ContentKey()] = entry;
  }
}

}  // namespace

std::string UnsuffixedId(const std::string& id, const std::string& path) {
  std::string hash = schema::Hex64(schema::Fnv1a(path));
  size_t dash = id.rfind('-');
  if (dash == std::string::npos || dash == 0) return {};
  std::string_view last = std::string_view(id).substr(dash + 1);
  // base-<6 to 16 digits of the hash>
  if (last.size() >= 6 && last.size() <= hash.size() && hash.compare(0, last.size(), last) == 0) {
    return id.substr(0, dash);
  }
  // base-<the hash>-<k>
  std::string tail = "-" + hash + "-";
  size_t at = id.rfind(tail);
  bool counter = !last.empty() &&
                 std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (counter && at != std::string::npos && at > 0 && at + tail.size() == dash + 1) {
    return id.substr(0, at);
  }
  return {};
}

Plan MakePlan(const Xapian::Database& db, const legal::Catalog* catalog,
              const std::vector<fs::path>& roots, bool rebuild, bool process_all,
              std::vector<SkippedFile>* skipped) {
  Plan plan;
  if (!rebuild) LoadExisting(db, &plan);
  size_t first_skipped = skipped->size();
  Walked walked;
  // Documents indexed before paths were canonical are under the roots as
  // given (FindStale drops them: their files are now found by their
  // canonical path).
  std::vector<fs::path> abs_roots;
  std::vector<fs::path> empty_roots;  // folders given that hold nothing (FindStale)
  for (const auto& r : roots) {
    Collect(r, &walked, skipped);
    abs_roots.push_back(Absolute(r));
    abs_roots.push_back(Canonical(r));
    if (!rebuild && HoldsNothing(r)) {
      empty_roots.push_back(Absolute(r));
      empty_roots.push_back(Canonical(r));
    }
  }
  DropRepeatedSkips(first_skipped, skipped);
  std::map<fs::path, const legal::CatalogEntry*> by_text;
  if (catalog) {
    for (const auto& e : catalog->entries()) {
      fs::path p = catalog->TextPath(e);
      if (!p.empty()) {
        p = Canonical(p);
      } else if (p = IndexedText(plan, e, walked); p.empty()) {
        continue;
      }
      by_text[p] = &e;
      plan.catalog_texts[e.id] = p.string();
      walked.files.insert(p);
      walked.links.erase(p);
    }
    // A catalog text the walk skipped (an old ".doc") is tried as the
    // entry's text: its reason is given once, by that try.
    skipped->erase(
        std::remove_if(skipped->begin() + static_cast<std::ptrdiff_t>(first_skipped),
                       skipped->end(), [&](const SkippedFile& k) { return by_text.count(k.path); }),
        skipped->end());
  }
  std::set<std::string> seen;
  // Tasks whose id is misplaced only if the document holding their plain id
  // goes (MisplacedId), with that document; `planned`: in plan.files.
  struct AwaitingHolder {
    size_t task;
    Xapian::docid holder;
    bool planned;
  };
  std::vector<AwaitingHolder> awaiting;
  std::vector<FileTask> unplanned;
  for (const auto& f : walked.files) {
    std::error_code ec;
    FileTask task;
    task.path = f;
    task.size = fs::file_size(f, ec);
    if (ec) {
      skipped->push_back({f.string(), "không đọc được kích thước tệp: " + ErrorText(ec)});
      continue;
    }
    TimesOf(f, &task, ec);
    if (auto link = walked.links.find(f); link != walked.links.end()) {
      task.link_path = link->second.string();
    }
    auto cat = by_text.find(f);
    if (cat != by_text.end()) {
      task.entry = cat->second;
      task.catalog_hash = CatalogEntryHash(*cat->second);
    }
    seen.insert(f.string());
    auto ex = plan.existing.find(f.string());
    if (ex != plan.existing.end()) {
      task.existing = &ex->second;
      Xapian::docid holder = 0;
      task.misplaced_id = MisplacedId(plan, ex->second, task.entry, walked.files, &holder);
      bool same = !process_all && ex->second.link_path == task.link_path &&
                  StatMatches(ex->second.fingerprint, task);
      if (same && !task.misplaced_id) {
        ++plan.unchanged;
        continue;
      }
      if (holder) {
        awaiting.push_back({same ? unplanned.size() : plan.files.size(), holder, !same});
        if (same) {
          unplanned.push_back(std::move(task));
          continue;
        }
      }
    }
    plan.bytes_total += task.size;
    plan.files.push_back(std::move(task));
  }
  FindStale(abs_roots, empty_roots, walked, first_skipped, seen, skipped, &plan);
  // A3 (QA 23): a copy whose plain id's holder was not walked (a run over
  // part of the corpus) was analysed again and "cập nhật" on every run,
  // only to get the same suffixed id: it takes the id only when the holder
  // goes.
  std::set<Xapian::docid> stale(plan.stale.begin(), plan.stale.end());
  bool added = false;
  for (const AwaitingHolder& a : awaiting) {
    bool goes = stale.count(a.holder) > 0;
    if (a.planned) {
      plan.files[a.task].misplaced_id = goes;
    } else if (goes) {
      plan.bytes_total += unplanned[a.task].size;
      plan.files.push_back(std::move(unplanned[a.task]));
      added = true;
    } else {
      ++plan.unchanged;
    }
  }
  if (added) {  // back in path order, as walked
    std::sort(plan.files.begin(), plan.files.end(),
              [](const FileTask& a, const FileTask& b) { return a.path < b.path; });
  }
  std::stable_partition(plan.files.begin(), plan.files.end(),
                        [](const FileTask& t) { return t.entry == nullptr; });
  if (catalog) FindMovedTexts(*catalog, &plan);
  return plan;
}

}  // namespace vanban::index
