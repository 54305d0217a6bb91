#include "index/indexer.h"

#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "index/builder.h"
#include "index/record.h"
#include "index/schema.h"
#include "index/shard_writer.h"
#include "index/walk.h"
#include "ingest/extract.h"
#include "legal/catalog.h"
#include "legal/parser.h"
#include "text/analyzer.h"

namespace vanban::index {
namespace fs = std::filesystem;

namespace {

// Documents held in memory before Xapian writes postings to disk (inside
// the transaction, so nothing is committed early). Measured on 15 000
// Pháp điển articles, one thread: 200 000 -> 41.7 s CPU, 578 MB; 5 000 ->
// 33.2 s, 245 MB; 1 500 -> 28.8 s, 127 MB (Xapian's in-memory maps grow
// slower than its merges). XAPIAN_FLUSH_THRESHOLD overrides it.
constexpr const char* kFlushThreshold = "1500";
// Workers run at most this many files ahead of the writer, which takes
// results in file order (so ids given on collisions are deterministic).
constexpr size_t kWindow = 256;
// Fresh sharded builds: documents per shard database, each written in one
// flush (below the threshold above). Small shards keep Xapian's in-memory
// posting maps small and the merge barely notices their number (156 shards:
// 2.3 s), but the merge keeps each shard's postlist chunks, so more shards
// make a larger database with shorter chunks. 38 767 articles, 2 writers,
// CPU s / peak RSS / database (load ~4): 2000 -> 68 s / 636 MB; 1000 -> 67 s
// / 404 MB / 230 MB; (load ~3, one run after another) 120 -> 57.5 s / 171 MB
// / 249 MB; 250 -> 61.7 s / 195 MB / 241 MB; 500 -> 56.0 s / 254 MB / 234 MB.
constexpr size_t kShardDocs = 500;

struct Result {
  size_t task = 0;
  enum class Kind { kBuilt, kUnchanged, kFailed } kind = Kind::kFailed;
  Xapian::Document xd;  // terms only: values and data once the id is final
  Record record;        // with its text, for the data
  std::string error;
  std::string fingerprint;
  int resolved = 0;
  int unresolved = 0;
  int pages = 0;
  uint64_t characters = 0;
  double ocr_confidence = 0;
};

std::string ReadAll(const fs::path& path, Status* status) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *status = Status::IoError("không đọc được tệp " + path.string());
    return {};
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Slug(const std::string& s) {
  std::string key = NameKey(s);
  std::string out;
  for (char c : key) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

void FillGaps(const legal::Metadata& from, legal::Metadata* to) {
  auto fill = [](const std::string& src, std::string* dst) {
    if (dst->empty()) *dst = src;
  };
  fill(from.type, &to->type);
  fill(from.number, &to->number);
  fill(from.issuer, &to->issuer);
  fill(from.place, &to->place);
  fill(from.date, &to->date);
  fill(from.title, &to->title);
  fill(from.signer, &to->signer);
  fill(from.signer_position, &to->signer_position);
  fill(from.effective_date, &to->effective_date);
  if (to->recipients.empty()) to->recipients = from.recipients;
}

// Appends `fp`'s content-hash part comparison helper: "size:mtime:hash:cat".
std::string FingerprintOf(uint64_t size, int64_t mtime, const std::string& hash,
                          const std::string& cat) {
  return std::to_string(size) + ":" + std::to_string(mtime) + ":" + hash + ":" + cat;
}

bool SameContent(const std::string& a, const std::string& b) {
  // Equal size, hash and catalog part: everything but the mtime.
  auto strip = [](const std::string& f) {
    size_t p1 = f.find(':');
    size_t p2 = p1 == std::string::npos ? p1 : f.find(':', p1 + 1);
    return p2 == std::string::npos ? f : f.substr(0, p1) + f.substr(p2);
  };
  return !a.empty() && strip(a) == strip(b);
}

}  // namespace

struct Indexer::Internal {
  Xapian::WritableDatabase* db = nullptr;
  std::unique_ptr<Xapian::WritableDatabase> owned;
  text::Analyzer analyzer;
  const IndexOptions* options = nullptr;
  std::optional<legal::Catalog> catalog;
  Plan plan;
  IndexSummary summary;

  // Worker side. Results wait in `ready` until the writer takes them in
  // task order (next_write).
  std::mutex mu;
  std::condition_variable produced, consumed;
  std::map<size_t, Result> ready;
  size_t next_write = 0;
  std::atomic<size_t> next_task{0};
  std::atomic<bool> stop{false};

  Result Process(size_t task_index);
  void Work();
  void AssignId(Record* record, const FileTask& task) const;
  std::vector<std::thread> threads;
  // Writes go to a Xapian transaction; backends without transactions
  // (in-memory) get them staged and applied only at the commit.
  bool use_transaction = true;
  Xapian::docid next_docid = 0;  // staged mode: last docid handed out
  std::vector<std::function<void()>> staged;
  Xapian::doccount sharded_doccount = 0;  // after a sharded commit
  // Fresh sharded build (shard_output set): documents go to the shard
  // writers and are merged into shard_output at the commit. Catalog records,
  // written before the files, are held back until then (a file may replace
  // one).
  std::filesystem::path shard_output, shard_temp;
  int shard_writers = 0;
  std::unique_ptr<ShardWriter> shards;
  bool holding = false;
  std::map<Xapian::docid, PendingDoc> held;
  void Begin();
  void Cancel();
  void Replace(Xapian::docid did, PendingDoc doc);
  Xapian::docid Add(PendingDoc doc);
  Xapian::docid DocidOf(const std::string& id) const;
  void Put(const std::string& id, const std::string& source, PendingDoc doc);
  void Rename(Result* r, const std::string& path);
  void Delete(Xapian::docid did);
  void SetMetadata(const std::string& key, const std::string& value);
  Status Write(Result* result);
  Status RunWorkers(std::chrono::steady_clock::time_point start);
  void StopWorkers();
  Status WriteCatalogRecords();
  void DeleteStale();
  void WriteSchemaVersion();
  void Commit();
  StatusOr<IndexSummary> Run(const IndexOptions& options);
};

void Indexer::Internal::AssignId(Record* record, const FileTask& task) const {
  legal::Document& doc = record->doc;
  const legal::CatalogEntry* entry = task.entry;
  std::string parsed_id = legal::MakeDocumentId(doc.meta);
  if (!entry && catalog && !parsed_id.empty()) entry = catalog->FindById(parsed_id);
  if (entry) {
    doc.id = entry->id;
    FillGaps(entry->meta, &doc.meta);
    record->aliases = entry->aliases;
    return;
  }
  doc.id = parsed_id;
  if (doc.id.empty()) doc.id = "tep-" + Slug(task.path.stem().string());
  if (doc.id == "tep-") doc.id += schema::Hex64(schema::Fnv1a(task.path.string())).substr(0, 8);
}

Result Indexer::Internal::Process(size_t task_index) {
  const FileTask& task = plan.files[task_index];
  Result r;
  r.task = task_index;
  Status st;
  if (task.size > ingest::ExtractOptions().max_bytes) {
    r.error = ingest::ExtractFile(task.path).status().message();  // too large: not read
    return r;
  }
  std::string bytes = ReadAll(task.path, &st);
  if (!st.ok()) {
    r.error = st.message();
    return r;
  }
  std::string hash = schema::Hex64(schema::Fnv1a(bytes));
  r.fingerprint = FingerprintOf(bytes.size(), task.mtime, hash, task.catalog_hash);
  if (task.existing && SameContent(task.existing->fingerprint, r.fingerprint) &&
      !options->rebuild) {
    r.kind = Result::Kind::kUnchanged;
    return r;
  }
  auto extracted = ingest::ExtractBytes(bytes, task.path.string());
  bytes.clear();
  bytes.shrink_to_fit();
  if (!extracted.ok()) {
    r.error = extracted.status().message();
    return r;
  }
  Record& rec = r.record;
  rec.doc = legal::ParseDocument(extracted->text);
  AssignId(&rec, task);
  for (auto& c : rec.doc.citations) {
    if (catalog) catalog->Resolve(&c, rec.doc.id);
    if (c.status == legal::CitationStatus::kResolved || c.status == legal::CitationStatus::kSelf) {
      ++r.resolved;
    } else {
      ++r.unresolved;
    }
  }
  rec.has_text = !rec.doc.text.empty();
  rec.source_path = task.path.string();
  rec.format = extracted->format;
  rec.encoding = extracted->encoding;
  rec.ocr = extracted->ocr;
  r.pages = extracted->pages;
  r.characters = extracted->characters;
  r.ocr_confidence = extracted->ocr_confidence;
  for (const auto& w : extracted->warnings) rec.doc.warnings.push_back(w);
  r.xd = BuildTerms(&rec, analyzer);
  r.kind = Result::Kind::kBuilt;
  return r;
}

void Indexer::Internal::Work() {
  for (;;) {
    if (stop.load()) return;
    size_t i = next_task.fetch_add(1);
    if (i >= plan.files.size()) return;
    {
      std::unique_lock lock(mu);
      consumed.wait(lock, [&] { return i < next_write + kWindow || stop.load(); });
      if (stop.load()) return;
    }
    Result r;
    try {
      r = Process(i);
    } catch (const std::exception& e) {
      r = Result();
      r.task = i;
      r.error = std::string("lỗi khi xử lý: ") + e.what();
    }
    {
      std::lock_guard lock(mu);
      ready.emplace(i, std::move(r));
    }
    produced.notify_one();
  }
}

Indexer::Indexer(Xapian::WritableDatabase* db) : internal_(std::make_unique<Internal>()) {
  internal_->db = db;
}

Indexer::~Indexer() = default;

StatusOr<std::unique_ptr<Indexer>> Indexer::Open(const std::string& db_dir) {
  setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, 0);
  try {
    auto db = std::make_unique<Xapian::WritableDatabase>(db_dir, Xapian::DB_CREATE_OR_OPEN);
    auto indexer = std::make_unique<Indexer>(db.get());
    indexer->internal_->owned = std::move(db);
    return indexer;
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IoError("chỉ mục " + db_dir +
                           " đang được một tiến trình khác ghi (vanban index đang chạy?)");
  } catch (const Xapian::Error& e) {
    return Status::IoError("không mở được chỉ mục " + db_dir + ": " + e.get_description());
  }
}

StatusOr<IndexSummary> Indexer::Run(const IndexOptions& options) { return internal_->Run(options); }

}  // namespace vanban::index

namespace vanban::index {

// The docid holding `id`, or 0.
Xapian::docid Indexer::Internal::DocidOf(const std::string& id) const {
  auto it = plan.ids.find(id);
  return it == plan.ids.end() ? 0 : it->second;
}

void Indexer::Internal::Put(const std::string& id, const std::string& source, PendingDoc doc) {
  Xapian::docid did = DocidOf(id);
  if (did) {
    Replace(did, std::move(doc));
  } else {
    did = Add(std::move(doc));
    plan.ids[id] = did;
  }
  plan.sources[did] = source;
}

void Indexer::Internal::Rename(Result* r, const std::string& path) {
  Record& rec = r->record;
  // 6 hex digits of the path hash, more if those are taken (hundreds of
  // Pháp điển articles share one law's id: 24 bits collided once in 38 767).
  std::string hash = schema::Hex64(schema::Fnv1a(path));
  std::string id = rec.doc.id + "-" + hash.substr(0, 6);
  for (size_t n = 7; DocidOf(id) && n <= hash.size(); ++n)
    id = rec.doc.id + "-" + hash.substr(0, n);
  for (int k = 2; DocidOf(id); ++k) id = rec.doc.id + "-" + hash + "-" + std::to_string(k);
  // Values and data are not set yet (FinishDocument, from the record).
  r->xd.remove_term(schema::Term(schema::kId, rec.doc.id));
  r->xd.add_boolean_term(schema::Term(schema::kId, id));
  rec.doc.id = id;
}

Status Indexer::Internal::Write(Result* r) {
  const FileTask& task = plan.files[r->task];
  IndexSummary& s = summary;
  if (r->kind == Result::Kind::kFailed) {
    s.skipped.push_back({task.path.string(), SkipReason(r->error)});
    return Status::Ok();
  }
  if (r->kind == Result::Kind::kUnchanged) {
    ++s.unchanged;
    return Status::Ok();
  }
  std::string path = task.path.string();
  // Another source already owns this id: keep both, suffixed by path hash.
  if (Xapian::docid owner = DocidOf(r->record.doc.id)) {
    const std::string& owner_path = plan.sources[owner];
    if (!owner_path.empty() && owner_path != path) Rename(r, path);
  }
  const std::string& id = r->record.doc.id;
  if (task.existing && task.existing->id != id) {
    Delete(task.existing->docid);
    plan.ids.erase(task.existing->id);
  }
  (task.existing ? s.updated : s.added)++;
  s.bytes += task.size;
  ++s.formats[r->record.format];
  s.files.push_back({path, id, task.existing != nullptr, r->record.format, r->record.encoding,
                     r->pages, r->characters, r->record.ocr, r->ocr_confidence,
                     r->record.doc.warnings});
  s.citations_resolved += r->resolved;
  s.citations_unresolved += r->unresolved;
  PendingDoc doc;
  doc.xd = std::move(r->xd);
  doc.finished = false;
  doc.source = SourceInfo{r->fingerprint};
  std::string final_id = r->record.doc.id;
  doc.record = std::move(r->record);
  Put(final_id, path, std::move(doc));
  return Status::Ok();
}

Status Indexer::Internal::WriteCatalogRecords() {
  if (!catalog) return Status::Ok();
  std::set<std::string> wanted;
  for (const auto& e : catalog->entries()) {
    if (!catalog->TextPath(e).empty() || e.id.empty()) continue;
    Xapian::docid did = DocidOf(e.id);
    if (did && !plan.sources[did].empty()) continue;  // a dropped-in file holds its text
    wanted.insert(e.id);
    Record rec;
    rec.doc.id = e.id;
    rec.doc.meta = e.meta;
    rec.aliases = e.aliases;
    rec.format = "catalog";
    PendingDoc doc;
    doc.xd = BuildDocument(&rec, analyzer, SourceInfo{CatalogEntryHash(e)});
    Put(e.id, "", std::move(doc));
    ++summary.catalog_records;
  }
  for (const auto& [id, docid] : plan.catalog_records) {
    if (!wanted.count(id) && !catalog->FindById(id)) {
      Delete(docid);
      plan.ids.erase(id);
    }
  }
  return Status::Ok();
}

void Indexer::Internal::DeleteStale() {
  for (Xapian::docid did : plan.stale) {
    Delete(did);
    ++summary.removed;
    for (auto it = plan.ids.begin(); it != plan.ids.end(); ++it) {
      if (it->second == did) {
        plan.ids.erase(it);
        break;
      }
    }
    plan.sources.erase(did);
  }
}

void Indexer::Internal::WriteSchemaVersion() {
  SetMetadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
}

StatusOr<IndexSummary> Indexer::Internal::Run(const IndexOptions& opts) {
  auto start = std::chrono::steady_clock::now();
  options = &opts;
  summary = IndexSummary();
  std::vector<fs::path> roots = opts.paths;
  fs::path catalog_path = FindCatalog(roots, opts.catalog);
  catalog.reset();
  if (!catalog_path.empty()) {
    auto loaded = legal::Catalog::Load(catalog_path);
    if (!loaded.ok()) {
      if (!opts.catalog.empty()) return loaded.status();
      summary.warnings.push_back(loaded.status().message());
    } else {
      catalog = std::move(*loaded);
    }
  }
  bool in_transaction = false;
  try {
    Begin();
    in_transaction = true;
    if (opts.rebuild) {
      std::vector<Xapian::docid> all;
      for (auto p = db->postlist_begin(""); p != db->postlist_end(""); ++p) all.push_back(*p);
      for (auto id : all) Delete(id);
    }
    plan = MakePlan(*db, catalog ? &*catalog : nullptr, roots, opts.rebuild, &summary.skipped);
    DeleteStale();
    holding = true;
    Status st = WriteCatalogRecords();
    holding = false;
    if (st.ok()) st = RunWorkers(start);
    if (!st.ok()) {
      Cancel();
      return st;
    }
    summary.unchanged += plan.unchanged;
    WriteSchemaVersion();
    Commit();
    in_transaction = false;
    summary.documents = shard_output.empty() ? static_cast<int>(db->get_doccount())
                                             : static_cast<int>(sharded_doccount);
  } catch (const Xapian::Error& e) {
    StopWorkers();
    if (in_transaction) {
      try {
        Cancel();
      } catch (const Xapian::Error&) {
      }
    }
    return Status::IoError("lỗi cơ sở dữ liệu chỉ mục: " + e.get_description() +
                           " (chỉ mục cũ được giữ nguyên)");
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace vanban::index

namespace vanban::index {

void Indexer::Internal::StopWorkers() {
  {
    std::lock_guard lock(mu);
    stop = true;
  }
  consumed.notify_all();
  for (auto& t : threads) t.join();
  threads.clear();
  ready.clear();
}

Status Indexer::Internal::RunWorkers(std::chrono::steady_clock::time_point start) {
  stop = false;
  next_task = 0;
  next_write = 0;
  ready.clear();
  int n = options->threads > 0 ? options->threads
                               : static_cast<int>(std::thread::hardware_concurrency());
  n = std::max(1, std::min<int>(n, std::max<size_t>(1, plan.files.size())));
  for (int i = 0; i < n; ++i) threads.emplace_back([this] { Work(); });
  IndexProgress progress;
  progress.files_total = static_cast<int>(plan.files.size());
  progress.bytes_total = plan.bytes_total;
  Status status;
  int written = 0;
  try {
    for (size_t done = 0; done < plan.files.size(); ++done) {
      Result r;
      {
        std::unique_lock lock(mu);
        produced.wait(lock, [&] { return ready.count(done) != 0; });
        auto it = ready.find(done);
        r = std::move(it->second);
        ready.erase(it);
        next_write = done + 1;
      }
      consumed.notify_all();
      if (options->cancel && options->cancel->load()) {
        status = Status::IoError("đã huỷ: chỉ mục cũ được giữ nguyên");
        break;
      }
      status = Write(&r);
      if (!status.ok()) break;
      if (r.kind == Result::Kind::kBuilt && options->fail_after_documents > 0 &&
          ++written >= options->fail_after_documents) {
        status = Status::Internal("lỗi thử nghiệm sau " + std::to_string(written) + " văn bản");
        break;
      }
      progress.files_done = static_cast<int>(done + 1);
      progress.bytes_done += plan.files[r.task].size;
      progress.current = plan.files[r.task].path.string();
      progress.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (options->on_progress) options->on_progress(progress);
    }
  } catch (...) {
    StopWorkers();
    throw;
  }
  StopWorkers();
  return status;
}

namespace {

// Removes the temporary folders ("<db>.rebuild-<pid>", "<db>.shards-<pid>")
// a crashed run of another, dead process left beside `dir`. A moved-aside
// old index ("<db>.old-<pid>") is never touched.
void RemoveDeadTemporaries(const fs::path& dir) {
  std::error_code ec;
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  std::string name = dir.filename().string();
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string n = entry.path().filename().string();
    for (const char* kind : {".rebuild-", ".shards-"}) {
      std::string prefix = name + kind;
      if (n.size() <= prefix.size() || n.compare(0, prefix.size(), prefix) != 0) continue;
      std::string digits = n.substr(prefix.size());
      if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9)
        continue;
      pid_t pid = static_cast<pid_t>(std::stol(digits));
      if (pid == getpid() || (kill(pid, 0) == -1 && errno == ESRCH)) {
        std::error_code ec2;
        fs::remove_all(entry.path(), ec2);
      }
    }
  }
}

}  // namespace

namespace {

// True when the database at `db_dir` holds documents written under another
// schema version (then an incremental run would mix two stored formats);
// *version is set to the stored version ("không rõ" when missing). False
// when it is current, empty, or cannot be read (the normal path reports
// that).
bool IndexIsOutdated(const std::string& db_dir, std::string* version) {
  try {
    Xapian::Database db(db_dir);
    if (db.get_doccount() == 0) return false;
    std::string stored = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (stored == std::to_string(schema::kSchemaVersion)) return false;
    *version = stored.empty() ? "không rõ" : stored;
    return true;
  } catch (const Xapian::Error&) {
    return false;
  }
}

}  // namespace

StatusOr<IndexSummary> IndexDatabase(const std::string& db_dir, const IndexOptions& options) {
  fs::path dir = fs::path(db_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  RemoveDeadTemporaries(dir);
  std::error_code ec;
  std::string outdated;  // the stored schema version, when it is not ours
  if (!options.rebuild && fs::exists(dir, ec)) {
    if (!IndexIsOutdated(db_dir, &outdated)) {
      auto indexer = Indexer::Open(db_dir);
      if (!indexer.ok()) return indexer.status();
      return (*indexer)->Run(options);
    }
  }
  // A fresh build (rebuild, or no index yet) goes to a sibling folder that
  // is swapped in once complete: the old index serves until then.
  std::string pid = std::to_string(getpid());
  fs::path fresh = dir;
  fresh += ".rebuild-" + pid;
  fs::path old = dir;
  old += ".old-" + pid;
  fs::path shards = dir;
  shards += ".shards-" + pid;
  fs::remove_all(fresh, ec);
  IndexOptions fresh_options = options;
  fresh_options.rebuild = false;
  int writers =
      options.writers > 0 ? options.writers : static_cast<int>(std::thread::hardware_concurrency());
  StatusOr<IndexSummary> result = Status::Internal("");
  if (writers > 1) {
    // Shard databases written in parallel, merged into `fresh` at the end.
    setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, 0);
    Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Indexer indexer(&empty);
    indexer.internal_->shard_output = fresh;
    indexer.internal_->shard_temp = shards;
    indexer.internal_->shard_writers = writers;
    result = indexer.Run(fresh_options);
  } else {
    auto indexer = Indexer::Open(fresh.string());
    if (!indexer.ok()) return indexer.status();
    result = (*indexer)->Run(fresh_options);
  }
  fs::remove_all(shards, ec);
  if (!result.ok()) {
    fs::remove_all(fresh, ec);
    return result;
  }
  if (!outdated.empty()) {
    result->warnings.push_back(
        "chỉ mục cũ theo lược đồ " + outdated + ", phiên bản này dùng lược đồ " +
        std::to_string(schema::kSchemaVersion) + ": đã lập chỉ mục lại toàn bộ");
  }
  bool had_old = fs::exists(dir, ec);
  if (had_old) fs::rename(dir, old, ec);
  if (ec) {
    std::error_code ec2;
    fs::remove_all(fresh, ec2);
    return Status::IoError("không thay được chỉ mục " + dir.string() + ": " + ec.message());
  }
  fs::rename(fresh, dir, ec);
  if (ec) {
    std::error_code ec2;
    if (had_old) fs::rename(old, dir, ec2);
    fs::remove_all(fresh, ec2);
    return Status::IoError("không thay được chỉ mục " + dir.string() + ": " + ec.message());
  }
  if (had_old) fs::remove_all(old, ec);
  return result;
}

}  // namespace vanban::index

namespace vanban::index {

void Indexer::Internal::Begin() {
  staged.clear();
  held.clear();
  if (!shard_output.empty()) {
    // Writes nothing to `db` (an empty in-memory database for the plan).
    use_transaction = false;
    next_docid = 0;
    int n =
        shard_writers > 0 ? shard_writers : static_cast<int>(std::thread::hardware_concurrency());
    size_t docs = options && options->shard_documents > 0
                      ? static_cast<size_t>(options->shard_documents)
                      : kShardDocs;
    shards = std::make_unique<ShardWriter>(shard_temp, std::max(1, n), docs,
                                           options ? options->cancel : nullptr);
    return;
  }
  try {
    db->begin_transaction(true);
    use_transaction = true;
  } catch (const Xapian::UnimplementedError&) {
    use_transaction = false;
    next_docid = db->get_lastdocid();
  }
}

void Indexer::Internal::Cancel() {
  if (shards) {
    shards.reset();  // stops the writers, removes the shards
    held.clear();
    return;
  }
  if (use_transaction) {
    db->cancel_transaction();
  } else {
    staged.clear();
  }
}

void Indexer::Internal::Commit() {
  if (shards) {
    std::vector<std::pair<Xapian::docid, PendingDoc>> docs;
    for (auto& [did, doc] : held) docs.emplace_back(did, std::move(doc));
    held.clear();
    shards->AddHeld(std::move(docs));
    try {
      shards->Finish(shard_output);
    } catch (...) {
      shards.reset();
      std::error_code ec;
      fs::remove_all(shard_output, ec);
      throw;
    }
    sharded_doccount = shards->documents();
    shards.reset();
    return;
  }
  if (use_transaction) {
    db->commit_transaction();
    return;
  }
  for (auto& op : staged) op();
  staged.clear();
  db->commit();
}

void Indexer::Internal::Replace(Xapian::docid did, PendingDoc doc) {
  if (shards) {
    // A fresh build only replaces catalog records (held back).
    auto it = held.find(did);
    if (it == held.end()) {
      throw Xapian::InvalidOperationError("replace of document " + std::to_string(did) +
                                          " in a sharded build");
    }
    it->second = std::move(doc);
    return;
  }
  doc.Finish();
  if (use_transaction) {
    db->replace_document(did, doc.xd);
    PutText(db, did, doc.xd);
  } else {
    staged.push_back([this, did, xd = doc.xd] {
      db->replace_document(did, xd);
      PutText(db, did, xd);
    });
  }
}

// Adds a document. Staged (in-memory backend): reserves the next docid,
// which replace_document then creates, so ids stay known before commit.
Xapian::docid Indexer::Internal::Add(PendingDoc doc) {
  if (shards) {
    Xapian::docid did = ++next_docid;
    if (holding) {
      held.emplace(did, std::move(doc));
    } else {
      shards->Add(did, std::move(doc));
    }
    return did;
  }
  doc.Finish();
  if (use_transaction) {
    Xapian::docid did = db->add_document(doc.xd);
    PutText(db, did, doc.xd);
    return did;
  }
  Xapian::docid did = ++next_docid;
  staged.push_back([this, did, xd = doc.xd] {
    db->replace_document(did, xd);
    PutText(db, did, xd);
  });
  return did;
}

void Indexer::Internal::Delete(Xapian::docid did) {
  if (shards) {
    if (!held.erase(did)) {
      throw Xapian::InvalidOperationError("delete of document " + std::to_string(did) +
                                          " in a sharded build");
    }
    return;
  }
  if (use_transaction) {
    db->delete_document(did);
    ClearText(db, did);
  } else {
    staged.push_back([this, did] {
      db->delete_document(did);
      ClearText(db, did);
    });
  }
}

void Indexer::Internal::SetMetadata(const std::string& key, const std::string& value) {
  if (shards) {
    shards->SetMetadata(key, value);
    return;
  }
  if (use_transaction) {
    db->set_metadata(key, value);
  } else {
    staged.push_back([this, key, value] { db->set_metadata(key, value); });
  }
}

}  // namespace vanban::index
