#include "index/indexer.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>  // renameat2
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_set>

#include "base/os_error.h"
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
// RemovedFile::path of a catalog record, which has no file.
constexpr const char* kRecordPath = "(bản ghi danh mục)";
constexpr const char* kRecordGone = "mục không còn trong danh mục";  // its RemovedFile::note

struct Result {
  size_t task = 0;
  enum class Kind { kBuilt, kUnchanged, kFailed } kind = Kind::kFailed;
  Xapian::Document xd;  // terms only: values and data once the id is final
  Record record;        // with its text, for the data
  std::string error;
  std::string fingerprint;
  int resolved = 0;  // citations of other documents
  int unresolved = 0;
  int self = 0;  // of the document itself
  int pages = 0;
  uint64_t characters = 0;
  double ocr_confidence = 0;
};

// The whole file; on failure *status says why ("không đọc được tệp: không
// có quyền đọc"; the summary names the file).
std::string ReadAll(const fs::path& path, Status* status) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  std::string out;
  int err = fd < 0 ? errno : 0;
  if (fd >= 0) {
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size > 0) out.reserve(static_cast<size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
      ssize_t n = read(fd, buf, sizeof buf);
      if (n > 0) {
        out.append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        if (n < 0) err = errno;
        break;
      }
    }
    close(fd);
  }
  if (err) {
    *status = Status::IoError("không đọc được tệp: " + ErrnoText(err));
    return {};
  }
  return out;
}

// Identifies the catalog the citations were resolved with (database
// metadata schema::kMetaCatalog): "none" without a catalog, else the FNV-1a
// of the file's bytes; empty when it cannot be read.
std::string CatalogDigest(const fs::path& path) {
  if (path.empty()) return "none";
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return {};  // a FIFO would block (Catalog::Load says why)
  Status st;
  std::string bytes = ReadAll(path, &st);
  return st.ok() ? schema::Hex64(schema::Fnv1a(bytes)) : std::string();
}

// How a catalog should name `file` in `text = …`: relative to the
// catalog's folder, or "shared:…", when it is under one; else absolute.
std::string TextPathFor(const legal::Catalog& catalog, const fs::path& file) {
  for (const auto& [dir, prefix] :
       {std::pair{catalog.base_dir(), ""}, std::pair{catalog.shared_dir(), "shared:"}}) {
    if (dir.empty()) continue;
    std::error_code ec;
    fs::path base = fs::weakly_canonical(dir, ec);
    if (!ec && UnderRoot(file.string(), base)) {
      return prefix + file.lexically_relative(base).generic_string();
    }
  }
  return file.string();
}

// Says why the catalog entry's text file is not indexed: the file was not
// found where the catalog points, or that path is a folder. `used` is the
// file indexed as the entry's text all the same (found by its number, or
// indexed as its text before), or empty when the entry is a record
// without text.
std::string MissingTextWarning(const legal::Catalog& catalog, const fs::path& catalog_path,
                               const legal::CatalogEntry& e, const std::string& used) {
  fs::path expected = ExpectedTextPath(catalog, e);
  bool shared = e.text_path.rfind("shared:", 0) == 0;
  std::error_code ec;
  // A8 (session 16): a folder was "not found".
  bool folder = !expected.empty() && fs::is_directory(expected, ec);
  std::string w = folder ? "đường dẫn toàn văn " : "không tìm thấy tệp toàn văn ";
  w += expected.empty() ? "\"" + e.text_path + "\"" : expected.string();
  if (folder) w += " là thư mục, không phải tệp,";
  w += " của mục \"" + e.id + "\" trong danh mục " + catalog_path.string() + " (text = \"" +
       e.text_path + "\"): ";
  if (!used.empty()) {
    // A8 (session 16): a renamed text was found by its number and indexed
    // under the entry's id, while this said the entry had no text.
    return w + "tệp " + used + " được lập chỉ mục làm toàn văn của mục; hãy sửa text = \"" +
           TextPathFor(catalog, used) + "\" trong danh mục";
  }
  w += "văn bản được lập chỉ mục thành bản ghi không có toàn văn";
  if (shared && !folder) {
    w += "; thư mục dùng chung là " +
         (catalog.shared_dir().empty() ? std::string("(chưa xác định)")
                                       : catalog.shared_dir().string()) +
         ", đặt VANBAN_SHARED_DIR nếu nó ở chỗ khác";
  }
  return w;
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
  fill(from.filing, &to->filing);
  // The catalog's spelling of the same words: a header writes them in
  // capitals ("QUỐC HỘI", "LUẬT / TIẾP CÔNG DÂN"), and a copy of a catalog
  // document showed the law in a second spelling, its issuer a second
  // facet label.
  auto respell = [](const std::string& src, std::string* dst) {
    if (!src.empty() && NameKey(src) == NameKey(*dst)) *dst = src;
  };
  respell(from.issuer, &to->issuer);
  respell(from.title, &to->title);
  if (!from.title.empty() && !to->type.empty() &&
      NameKey(from.title) == NameKey(to->type + " " + to->title)) {
    to->title = from.title;
  }
}

}  // namespace

struct Indexer::Internal {
  Xapian::WritableDatabase* db = nullptr;
  std::unique_ptr<Xapian::WritableDatabase> owned;
  text::Analyzer analyzer;
  const IndexOptions* options = nullptr;
  std::optional<legal::Catalog> catalog;
  fs::path catalog_path;
  // Digest of the catalog of this run (CatalogDigest), stored with the
  // commit; empty when the catalog could not be loaded (the stored one is
  // then left as it was).
  std::string catalog_digest;
  // Every planned file is analysed, even one whose content is unchanged:
  // a rebuild, or the catalog changed (citations to resolve again).
  bool process_all = false;
  // process_all, but documents outside the paths given keep their old
  // analysis: the catalog digest and analysis version are not updated, so
  // that the next run over the whole corpus analyses them again.
  bool partial_reanalysis = false;
  std::string db_name;  // the database folder as given (Open), or empty
  // What a failed or cancelled run leaves, for its message.
  std::string kept_note = "chỉ mục cũ được giữ nguyên";
  // `db` is a new database (or shards) that IndexDatabase swaps in after
  // the commit: the swap, not the commit, is the point of no return.
  bool swapped_in = false;
  // Fresh build replacing an index of the current schema: that index, from
  // which the documents of skipped files are carried over.
  fs::path previous_db;
  // Fresh build replacing an index of another schema: that index's
  // catalog, used as an incremental run uses the catalog it recorded.
  std::string inherited_catalog;
  // On a fresh build, the ids `previous_db` gave files of this run: id ->
  // source path. A file keeps its id though another file sorts before it
  // (a copy named "luat42 - ban sao.txt" does not take "luat-42-2013-qh13"
  // from "luat42.txt").
  std::map<std::string, std::string> previous_owners;
  // Ids of the catalog records of this run (PutCatalogRecord), written or
  // left as they were; of those, the ones the index did not have.
  std::set<std::string> records_written, records_added;
  // The ids files held before this run and gave up for another
  // (ListGivenUpIds).
  std::vector<RemovedFile> given_up;
  // Catalog entries whose text is not where the catalog says: warned once
  // the files are written (WarnMissingTexts), as one of them may be the
  // entry's text under another name.
  std::vector<const legal::CatalogEntry*> missing_texts;
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
  bool HeldByAnother(const std::string& id, const std::string& path) const;
  void Put(const std::string& id, const std::string& source, PendingDoc doc);
  void Rename(Result* r, const std::string& path);
  void Delete(Xapian::docid did);
  void SetFingerprint(Xapian::docid did, const std::string& fingerprint);
  void SetMetadata(const std::string& key, const std::string& value);
  Status Write(Result* result);
  std::string FingerprintToWrite(const Result& r) const;
  Status RunWorkers(std::chrono::steady_clock::time_point start);
  void StopWorkers();
  Status WriteCatalogRecords();
  void WarnMissingTexts();
  void DeleteStale();
  void ListGivenUpIds();
  void WriteRunMetadata();
  void DecideReanalysis();
  void PutCatalogRecord(const legal::CatalogEntry& e);
  void NoteDocumentsLeftBehind();
  void CarryOverSkipped();
  void LoadPreviousOwners();
  bool CarryOver(const Xapian::Database& old, Xapian::docid old_did, const std::string& path);
  bool MayCommit();
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
    // A copy of a catalog document (found by its number) answers to the
    // entry's names only while the entry's own text is not there: else
    // "luật tố cáo" ranked the copy above the official text.
    std::error_code ec;
    fs::path own = task.entry == entry ? fs::path() : catalog->TextPath(*entry);
    if (own.empty() || !fs::exists(own, ec)) record->aliases = entry->aliases;
    return;
  }
  doc.id = parsed_id;
  if (doc.id.empty()) doc.id = "tep-" + Slug(task.path.stem().string());
  if (doc.id == "tep-") doc.id += schema::Hex64(schema::Fnv1a(task.path.string())).substr(0, 8);
}

Result Indexer::Internal::Process(size_t task_index) {
  const FileTask* planned = &plan.files[task_index];
  Result r;
  r.task = task_index;
  Status st;
  if (planned->size > ingest::ExtractOptions().max_bytes) {
    r.error = ingest::ExtractFile(planned->path).status().message();  // too large: not read
    return r;
  }
  std::string bytes = ReadAll(planned->path, &st);
  if (!st.ok()) {
    r.error = st.message();
    return r;
  }
  Fingerprint fingerprint{bytes.size(), planned->mtime, planned->ctime,
                          schema::Hex64(schema::Fnv1a(bytes)), ""};
  // A new file with the content of a catalog entry's text gone (renamed):
  // that entry's text, as if the catalog named it.
  FileTask moved;
  if (!planned->entry && !planned->existing) {
    auto it = plan.moved_texts.find(fingerprint.ContentKey());
    if (it != plan.moved_texts.end()) {
      moved = *planned;
      moved.entry = it->second;
      moved.catalog_hash = CatalogEntryHash(*it->second);
      planned = &moved;
    }
  }
  const FileTask& task = *planned;
  fingerprint.catalog = task.catalog_hash;
  r.fingerprint = fingerprint.Format();
  std::optional<Fingerprint> old =
      task.existing ? Fingerprint::Parse(task.existing->fingerprint) : std::nullopt;
  if (old && old->SameContent(fingerprint) && !process_all && !task.misplaced_id &&
      task.existing->link_path == task.link_path) {
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
  // Without a catalog, every citation is resolved against an empty one: a
  // number cited is then "not in the catalog", and counts in cited-by and
  // the missing list by that number, as with a catalog that lacks it.
  static const legal::Catalog* const kNoCatalog = new legal::Catalog();  // never destroyed
  const legal::Catalog& resolver = catalog ? *catalog : *kNoCatalog;
  for (auto& c : rec.doc.citations) {
    resolver.Resolve(&c, rec.doc.id, rec.doc.meta.date);
    if (c.source_note) continue;  // the codifier's, not the document's
    // I7 (QA 20): self references ("Luật này", "Điều này": 326 of 385 in
    // the corpus) were counted as resolved.
    if (c.status == legal::CitationStatus::kSelf) {
      ++r.self;
    } else if (c.status == legal::CitationStatus::kResolved) {
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
  // A2 (session 15): skipped by name, not a Xapian error failing the run.
  if (Status fits = CheckStorable(rec, r.xd); !fits.ok()) {
    r.error = fits.message();
    return r;
  }
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

namespace {

// A path this user may not write, and why (the errno of access(2): EACCES,
// or EROFS for a read-only file system).
struct Unwritable {
  fs::path path;  // empty: all writable
  int err = 0;
};

Unwritable CheckWritable(const fs::path& path) {
  if (access(path.c_str(), W_OK) == 0) return {};
  return {path, errno};
}

// The first entry of `dir` (or `dir` itself, or for a folder still to be
// created its parent) this user may not write, or an empty path.
Unwritable NotWritable(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    return CheckWritable(dir.parent_path().empty() ? fs::path(".") : dir.parent_path());
  }
  if (Unwritable denied = CheckWritable(dir); !denied.path.empty()) return denied;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (Unwritable denied = CheckWritable(entry.path()); !denied.path.empty()) return denied;
  }
  return {};
}

// Refuses, before anything is read or written, a PATH that is not there (a
// typo): indexing nothing would make an empty index, and a run over the
// other PATHs would look complete.
Status CheckPaths(const std::vector<fs::path>& paths) {
  for (const fs::path& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (fs::exists(st) ||
        (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)) {
      continue;  // present, or unreadable: the walk lists it with the reason
    }
    std::error_code ec2;
    bool dangling = fs::is_symlink(fs::symlink_status(p, ec2));
    return Status::NotFound(
        "không tìm thấy tệp hay thư mục \"" + p.string() +
        (dangling ? "\" (liên kết tượng trưng hỏng)" : "\"") +
        " để lập chỉ mục; không ghi gì vào chỉ mục, hãy kiểm tra lại đường dẫn");
  }
  return Status::Ok();
}

// Why the index `db_dir` cannot be written (`denied`: the folder, its
// parent or a file in it). A2 (QA 23): a read-only file system (a mount, a
// locked USB drive) was said to be a permission problem, with advice that
// cannot help.
std::string CannotWrite(const std::string& db_dir, const Unwritable& denied) {
  bool read_only = denied.err == EROFS;
  std::string cause = read_only ? " nằm trên hệ thống tệp chỉ cho đọc" : "";
  std::string lead = read_only ? "" : "không có quyền ghi vào ";
  fs::path dir = fs::path(db_dir).lexically_normal();
  const fs::path& what = denied.path;
  std::string msg;
  if (what == dir || what == fs::path(db_dir)) {
    msg = lead + "chỉ mục " + db_dir + cause;
  } else if (what == (dir.parent_path().empty() ? fs::path(".") : dir.parent_path())) {
    msg = lead + "thư mục " + what.string() + " chứa chỉ mục " + db_dir + cause +
          " (cần để lập chỉ mục mới bên cạnh rồi thay vào)";
  } else {
    msg = lead + "chỉ mục " + db_dir + " (tệp " + what.string() + ")" + cause;
  }
  return msg + (read_only ? "; hãy gắn lại ổ đĩa cho phép ghi, hoặc chọn thư mục khác bằng --db"
                          : ": hãy chạy bằng người dùng sở hữu chỉ mục, hoặc chọn thư mục khác "
                            "bằng --db");
}

// Why the database folder `db_dir` could not be opened for writing, in
// Vietnamese; Xapian's own (English) description only as a detail.
std::string OpenFailure(const std::string& db_dir, const Xapian::Error& e) {
  if (Unwritable denied = NotWritable(db_dir); !denied.path.empty()) {
    return CannotWrite(db_dir, denied);
  }
  std::string what;
  std::string type = e.get_type();  // Xapian::Error is not polymorphic
  if (type == "DatabaseLockError") {
    what = "chỉ mục " + db_dir +
           " đang bị một tiến trình khác khoá ghi (một lần chạy vanban index khác, hay một công "
           "cụ Xapian?)";
  } else if (type == "DatabaseVersionError") {
    what = "chỉ mục " + db_dir +
           " do một phiên bản Xapian khác tạo, phiên bản này không mở được; hãy lập lại với "
           "--rebuild";
  } else if (type == "DatabaseCorruptError" || type == "DatabaseError") {
    what = "chỉ mục " + db_dir + " bị hỏng; hãy lập lại bằng vanban index --rebuild --db " +
           db_dir + ", hoặc chép lại bản sao lưu";
  } else if (type == "DatabaseOpeningError") {
    what = db_dir +
           " không phải chỉ mục Xapian hoặc đã hỏng; hãy chọn thư mục khác bằng --db, hoặc lập "
           "lại với --rebuild";
  } else {
    what = "không mở được chỉ mục " + db_dir;
  }
  return what + " (chi tiết từ Xapian: " + e.get_description() + ")";
}

}  // namespace

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
    indexer->internal_->db_name = db_dir;
    return indexer;
  } catch (const Xapian::Error& e) {
    return Status::IoError(OpenFailure(db_dir, e));
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

// True when `id` belongs to a source other than the file `path`: a
// catalog entry's id to the entry's text file (even before that file is
// written), any id to the file that holds it now. A catalog record (no
// source) gives its id up to a file.
bool Indexer::Internal::HeldByAnother(const std::string& id, const std::string& path) const {
  if (auto text = plan.catalog_texts.find(id); text != plan.catalog_texts.end()) {
    if (text->second != path) return true;
  }
  if (auto prev = previous_owners.find(id);
      prev != previous_owners.end() && prev->second != path && !plan.catalog_texts.count(id)) {
    return true;
  }
  // Also for the entry's text: a file that could not be read this run may
  // still hold the entry's id from an earlier one (both are analysed again
  // next run, which gives the id back).
  Xapian::docid owner = DocidOf(id);
  if (!owner) return false;
  auto source = plan.sources.find(owner);
  return source != plan.sources.end() && !source->second.empty() && source->second != path;
}

void Indexer::Internal::Put(const std::string& id, const std::string& source, PendingDoc doc) {
  Xapian::docid did = DocidOf(id);
  // A record of this run replaced by its text (a file dropped in with the
  // entry's number): it is not a record in the summary.
  if (!source.empty() && records_written.erase(id) > 0) {
    --summary.catalog_records;
    records_added.erase(id);
  }
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
  // The id this file held before is not taken: it keeps it.
  std::string id =
      SuffixedId(rec.doc.id, path, [&](const std::string& s) { return HeldByAnother(s, path); });
  // Values and data are not set yet (FinishDocument, from the record).
  r->xd.remove_term(schema::Term(schema::kId, rec.doc.id));
  r->xd.add_boolean_term(schema::Term(schema::kId, id));
  rec.doc.id = id;
}

Status Indexer::Internal::Write(Result* r) {
  const FileTask& task = plan.files[r->task];
  IndexSummary& s = summary;
  if (r->kind == Result::Kind::kFailed) {
    // Nothing is deleted: the previous version, if any, stays.
    int kept = task.existing ? 1 : 0;
    std::string reason = SkipReason(r->error);
    // A catalog entry whose text fails and that has nothing indexed (a
    // rebuild, a first run) is still found and browsable, as its record:
    // as when the file is missing. On a fresh build, a version of the file
    // in the index it replaces is carried over instead (CarryOverSkipped).
    bool carried = std::any_of(previous_owners.begin(), previous_owners.end(),
                               [&](const auto& owner) { return owner.second == task.path; });
    if (task.entry != nullptr && !task.existing && !carried && !task.entry->id.empty() &&
        DocidOf(task.entry->id) == 0) {
      PutCatalogRecord(*task.entry);
      reason += "; mục \"" + task.entry->id +
                "\" của danh mục được lập chỉ mục thành bản ghi không có toàn văn";
    }
    s.skipped.push_back({task.path.string(), reason, kept});
    s.kept += kept;
    return Status::Ok();
  }
  if (r->kind == Result::Kind::kUnchanged) {
    ++s.unchanged;
    // Touched (another mtime, ctime or size) but the same content, or an
    // index made before the ctime was kept: the stored fingerprint takes
    // the new times, so that the next run skips the file unread. C6: it was
    // read and hashed again on every run.
    if (r->fingerprint != task.existing->fingerprint) {
      SetFingerprint(task.existing->docid, r->fingerprint);
    }
    return Status::Ok();
  }
  std::string path = task.path.string();
  // Another source owns this id: keep both, this one suffixed by its path
  // hash. A catalog entry's id is its text file's whatever the order of
  // files and runs (rule 1 of the document ids).
  if (HeldByAnother(r->record.doc.id, path)) {
    // A whole text (two articles or more) of a number already indexed is
    // likely a copy: said, as it competes with the first in every search.
    // Articles of one law indexed one by one share its number: not said.
    const legal::Document& doc = r->record.doc;
    int articles = static_cast<int>(
        std::count_if(doc.units.begin(), doc.units.end(),
                      [](const legal::Unit& u) { return u.kind == legal::UnitKind::kArticle; }));
    std::string held_by = doc.id;
    Rename(r, path);
    if (articles >= 2 && !doc.meta.number.empty()) {
      std::string holder;
      if (auto text = plan.catalog_texts.find(held_by); text != plan.catalog_texts.end()) {
        holder = text->second;
      } else if (Xapian::docid owner = DocidOf(held_by)) {
        holder = plan.sources[owner];
      }
      r->record.doc.warnings.push_back("Văn bản số " + doc.meta.number + " đã có trong chỉ mục (" +
                                       held_by + (holder.empty() ? "" : ", tệp " + holder) +
                                       "): tệp này có thể là bản sao, được lập chỉ mục với mã " +
                                       r->record.doc.id);
      // The law's name finds the law, not a shorter copy of it: a copy
      // has no name terms (its words and number still find it).
      std::vector<std::string> names;
      const std::string prefix(schema::kName);
      for (auto t = r->xd.termlist_begin(); t != r->xd.termlist_end(); ++t) {
        if ((*t).compare(0, prefix.size(), prefix) == 0 && (*t).size() > prefix.size() &&
            !std::isupper(static_cast<unsigned char>((*t)[prefix.size()]))) {
          names.push_back(*t);
        }
      }
      for (const auto& name : names) r->xd.remove_term(name);
    }
  }
  const std::string& id = r->record.doc.id;
  if (task.existing && task.existing->id != id) {
    Delete(task.existing->docid);
    if (DocidOf(task.existing->id) == task.existing->docid) plan.ids.erase(task.existing->id);
    // The same document taking its plain id back (the copy holding it went)
    // gives up no document.
    if (UnsuffixedId(task.existing->id, path) != id) {
      given_up.push_back({path, task.existing->id, "tệp nay là văn bản " + id});
    }
  }
  (task.existing ? s.updated : s.added)++;
  s.bytes += task.size;
  ++s.formats[r->record.format];
  s.files.push_back({path, id, task.existing != nullptr, r->record.format, r->record.encoding,
                     r->pages, r->characters, r->record.ocr, r->ocr_confidence,
                     r->record.doc.warnings});
  s.citations_resolved += r->resolved;
  s.citations_unresolved += r->unresolved;
  s.citations_self += r->self;
  PendingDoc doc;
  doc.xd = std::move(r->xd);
  doc.finished = false;
  doc.source = SourceInfo{FingerprintToWrite(*r), task.link_path};
  std::string final_id = r->record.doc.id;
  doc.record = std::move(r->record);
  Put(final_id, path, std::move(doc));
  return Status::Ok();
}

// A file given the id of a catalog entry whose `text` finds nothing (found
// by its number) is that entry's text to the next run (IndexedText), which
// puts the entry's hash in its fingerprint: so is it here. A6 (QA 21): a
// rebuild, or the run that found the file, wrote it without, and the next
// run analysed the file again ("cập nhật 1").
std::string Indexer::Internal::FingerprintToWrite(const Result& r) const {
  std::optional<Fingerprint> f = Fingerprint::Parse(r.fingerprint);
  if (!catalog || !f || !f->catalog.empty()) return r.fingerprint;
  const legal::CatalogEntry* e = catalog->FindById(r.record.doc.id);
  if (e == nullptr || e->text_path.empty() || plan.catalog_texts.count(e->id)) {
    return r.fingerprint;
  }
  f->catalog = CatalogEntryHash(*e);
  return f->Format();
}

void Indexer::Internal::PutCatalogRecord(const legal::CatalogEntry& e) {
  ++summary.catalog_records;
  records_written.insert(e.id);
  if (!plan.catalog_records.count(e.id)) records_added.insert(e.id);
  // A record made from the same entry by the same analysis is left as it
  // is. C11: every run rewrote every record, so a run that changed nothing
  // committed a new revision (and every server dropped its caches).
  auto old = plan.catalog_records.find(e.id);
  if (!process_all && old != plan.catalog_records.end() && old->second.docid == DocidOf(e.id) &&
      old->second.entry_hash == CatalogEntryHash(e)) {
    return;
  }
  Record rec;
  rec.doc.id = e.id;
  rec.doc.meta = e.meta;
  rec.aliases = e.aliases;
  rec.format = "catalog";
  PendingDoc doc;
  doc.xd = BuildDocument(&rec, analyzer, SourceInfo{CatalogEntryHash(e), {}});
  Put(e.id, "", std::move(doc));
}

Status Indexer::Internal::WriteCatalogRecords() {
  if (!catalog) return Status::Ok();
  std::set<std::string> wanted;
  for (const auto& e : catalog->entries()) {
    if (e.id.empty() || !catalog->TextPath(e).empty()) continue;
    Xapian::docid did = DocidOf(e.id);
    bool has_text = did && !plan.sources[did].empty();  // a dropped-in file holds its text
    if (!e.text_path.empty()) missing_texts.push_back(&e);
    if (has_text) continue;
    wanted.insert(e.id);
    PutCatalogRecord(e);
  }
  // The records of entries gone from the catalog go, and are listed as a
  // rebuild lists them (CompareRebuild). C7: they were not counted.
  size_t first = summary.removed_files.size();
  for (const auto& [id, record] : plan.catalog_records) {
    if (!wanted.count(id) && !catalog->FindById(id)) {
      Delete(record.docid);
      plan.ids.erase(id);
      summary.removed_files.push_back({kRecordPath, id, kRecordGone});
      ++summary.removed;
    }
  }
  std::sort(summary.removed_files.begin() + static_cast<std::ptrdiff_t>(first),
            summary.removed_files.end(),
            [](const RemovedFile& a, const RemovedFile& b) { return a.id < b.id; });
  return Status::Ok();
}

void Indexer::Internal::WarnMissingTexts() {
  for (const legal::CatalogEntry* e : missing_texts) {
    Xapian::docid did = DocidOf(e->id);
    std::string used = did ? plan.sources[did] : std::string();
    summary.warnings.push_back(MissingTextWarning(*catalog, catalog_path, *e, used));
  }
  missing_texts.clear();
}

void Indexer::Internal::DeleteStale() {
  for (Xapian::docid did : plan.stale) {
    Delete(did);
    ++summary.removed;
    RemovedFile removed{plan.sources[did], "", ""};
    for (auto it = plan.ids.begin(); it != plan.ids.end(); ++it) {
      if (it->second == did) {
        removed.id = it->first;
        plan.ids.erase(it);
        break;
      }
    }
    plan.sources.erase(did);
    summary.removed_files.push_back(std::move(removed));
  }
  std::sort(summary.removed_files.begin(), summary.removed_files.end(),
            [](const RemovedFile& a, const RemovedFile& b) { return a.path < b.path; });
}

// The ids that files gave up this run (Write) and no document holds now:
// the file is another document (its content changed to another number),
// so that document is gone, and is listed as a deleted file is. I1 (QA 20):
// it was neither counted nor named.
void Indexer::Internal::ListGivenUpIds() {
  size_t first = summary.removed_files.size();
  for (RemovedFile& r : given_up) {
    if (DocidOf(r.id) != 0) continue;  // another file holds it now
    summary.removed_files.push_back(std::move(r));
    ++summary.removed;
  }
  given_up.clear();
  std::sort(summary.removed_files.begin() + static_cast<std::ptrdiff_t>(first),
            summary.removed_files.end(),
            [](const RemovedFile& a, const RemovedFile& b) { return a.path < b.path; });
}

// Records what the index was made with: the schema version; and, unless
// only part of it was analysed again (partial_reanalysis), the analysis
// version and the catalog's digest and path (when it could be read).
void Indexer::Internal::WriteRunMetadata() {
  SetMetadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  if (partial_reanalysis) return;
  if (!catalog_digest.empty()) {
    SetMetadata(std::string(schema::kMetaCatalog), catalog_digest);
    std::error_code ec;
    fs::path absolute = catalog_path.empty() ? fs::path() : fs::absolute(catalog_path, ec);
    SetMetadata(std::string(schema::kMetaCatalogPath),
                ec ? std::string() : absolute.lexically_normal().string());
  }
  SetMetadata(std::string(schema::kMetaAnalysis), std::to_string(schema::kAnalysisVersion));
}

namespace {

// A self-contained copy of `d` (terms with positions, values, data), which
// the shard writers may add after the database it came from is closed.
Xapian::Document CopyDocument(const Xapian::Document& d) {
  Xapian::Document copy;
  copy.set_data(d.get_data());
  for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
    copy.add_term(*t, t.get_wdf());
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      copy.add_posting(*t, *p, 0);
    }
  }
  for (auto v = d.values_begin(); v != d.values_end(); ++v) copy.add_value(v.get_valueno(), *v);
  return copy;
}

}  // namespace

// Copies document `old_did` of the replaced index into this build, unless
// its id is taken here by now. True when copied.
bool Indexer::Internal::CarryOver(const Xapian::Database& old, Xapian::docid old_did,
                                  const std::string& path) {
  Xapian::Document d = old.get_document(old_did);
  std::string id = d.get_value(schema::kSlotId);
  if (id.empty() || DocidOf(id)) return false;
  PendingDoc doc;
  doc.xd = CopyDocument(d);
  Xapian::docid did = Add(std::move(doc));
  plan.ids[id] = did;
  plan.sources[did] = path;
  return true;
}

// On a fresh build: who held which id in the index it replaces, for the
// files of this run (previous_owners).
void Indexer::Internal::LoadPreviousOwners() {
  if (previous_db.empty()) return;
  std::set<std::string> planned;
  for (const FileTask& task : plan.files) planned.insert(task.path.string());
  try {
    Xapian::Database old(previous_db.string());
    if (old.get_metadata(std::string(schema::kMetaSchemaVersion)) !=
        std::to_string(schema::kSchemaVersion)) {
      return;  // another stored format
    }
    for (auto p = old.postlist_begin(""); p != old.postlist_end(""); ++p) {
      Xapian::Document d = old.get_document(*p, Xapian::DOC_ASSUME_VALID);
      std::string source = d.get_value(schema::kSlotSourcePath);
      if (planned.count(source)) previous_owners[d.get_value(schema::kSlotId)] = source;
    }
  } catch (const Xapian::Error&) {
    // Nothing to keep: ids are given in file order.
  }
}

// A fresh build drops nothing an incremental run would keep: the documents
// of files it skipped (unreadable, emptied, in an unreadable folder) are
// copied from the index it replaces. One that cannot be (its id is now
// another document's) is said to be lost in the skipped file's reason.
void Indexer::Internal::CarryOverSkipped() {
  if (previous_db.empty() || summary.skipped.empty()) return;
  std::optional<Xapian::Database> old;
  try {
    old.emplace(previous_db.string());
    std::string version = old->get_metadata(std::string(schema::kMetaSchemaVersion));
    if (version != std::to_string(schema::kSchemaVersion)) return;  // another stored format
  } catch (const Xapian::Error&) {
    return;  // nothing to carry over from
  }
  std::multimap<std::string, Xapian::docid> by_folder;  // source path -> docid, if needed
  bool folders = std::any_of(summary.skipped.begin(), summary.skipped.end(),
                             [](const SkippedFile& k) { return k.folder; });
  if (folders) {
    for (auto p = old->postlist_begin(""); p != old->postlist_end(""); ++p) {
      std::string source = old->get_document(*p).get_value(schema::kSlotSourcePath);
      if (!source.empty()) by_folder.emplace(source, *p);
    }
  }
  for (SkippedFile& k : summary.skipped) {
    std::vector<std::pair<std::string, Xapian::docid>> docs;
    if (k.folder) {
      std::string prefix = k.path + "/";  // the paths inside sort together
      for (auto it = by_folder.lower_bound(prefix);
           it != by_folder.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        docs.emplace_back(it->first, it->second);
      }
    } else {
      std::string term = schema::Term(schema::kSourcePath, schema::Hex64(schema::Fnv1a(k.path)));
      for (auto p = old->postlist_begin(term); p != old->postlist_end(term); ++p) {
        docs.emplace_back(k.path, *p);
      }
    }
    int lost = 0;
    for (const auto& [path, did] : docs) {
      if (CarryOver(*old, did, path)) {
        ++k.kept;
        ++summary.kept;
      } else {
        ++lost;
      }
    }
    if (lost > 0) {
      k.reason += "; " + std::to_string(lost) +
                  " văn bản cũ không giữ được khi lập lại (mã văn bản đã thuộc tệp khác)";
    }
  }
}

// Sets process_all: every file is analysed again on a rebuild, and on an
// incremental run when the analysis is newer than the one the index was
// made with (an upgrade of vanban: else unchanged files would keep the old
// one), or the catalog is not the one it was built with (their citations
// may resolve differently now: an entry added, or --catalog given).
void Indexer::Internal::DecideReanalysis() {
  process_all = options->rebuild;
  if (process_all || db->get_doccount() == 0) return;
  std::string analysis = db->get_metadata(std::string(schema::kMetaAnalysis));
  if (analysis != std::to_string(schema::kAnalysisVersion)) {
    process_all = true;
    summary.warnings.push_back(
        "chỉ mục được lập bằng phiên bản phân tích văn bản cũ hơn: xử lý lại mọi tệp một lần "
        "(cấu trúc, dẫn chiếu, cảnh báo)");
    return;
  }
  if (catalog_digest.empty()) return;
  std::string stored = db->get_metadata(std::string(schema::kMetaCatalog));
  if (stored == catalog_digest) return;
  process_all = true;
  summary.warnings.push_back(
      stored.empty() ? "chỉ mục chưa ghi dấu danh mục văn bản đã dùng (lập bằng phiên bản cũ): "
                       "xử lý lại mọi tệp một lần để xác định lại dẫn chiếu"
                     : "danh mục văn bản khác với lần lập chỉ mục trước: xử lý lại mọi tệp để "
                       "xác định lại dẫn chiếu");
}

// When every file was to be analysed again (DecideReanalysis) but the
// paths given hold only part of the indexed documents, says how many keep
// their old analysis until a run over the whole corpus.
void Indexer::Internal::NoteDocumentsLeftBehind() {
  partial_reanalysis = process_all && !options->rebuild && plan.outside > 0;
  if (!partial_reanalysis) return;
  summary.warnings.push_back(std::to_string(plan.outside) +
                             " văn bản ngoài các đường dẫn đã cho chưa được xử lý lại: hãy chạy "
                             "vanban index trên cả kho văn bản");
}

namespace {

// The errno of a write the disk refused, which Xapian appends to its
// description ("Error writing block 128 (No space left on device)"; a shard
// writer's error passes on only the description), or 0. An I/O error is
// one only while writing: reading, it may be a damaged index.
int DiskWriteErrno(const Xapian::Error& e) {
  std::string description = e.get_description();
  const char* error = e.get_error_string();
  bool writing = description.find("writ") != std::string::npos;
  for (int err : {ENOSPC, EDQUOT, EROFS, EIO}) {
    if (err == EIO && !writing) continue;
    std::string text = std::generic_category().message(err);
    if ((error && text == error) || description.find("(" + text + ")") != std::string::npos) {
      return err;
    }
  }
  return 0;
}

// What to say of such a write, in Vietnamese: the index was not written
// (`kept_note`: the old one is kept) and what to do.
std::string DiskWriteFailure(int err, const std::string& kept_note) {
  bool full = err == ENOSPC || err == EDQUOT;
  return ErrnoText(err, true) + ", không ghi được chỉ mục (" + kept_note + "); hãy " +
         (full ? "giải phóng chỗ trống trên đĩa" : "kiểm tra ổ đĩa") + " rồi chạy lại";
}

}  // namespace

// A damaged index is said so, with what to do (S5, session 14: a truncated
// postlist aborted the run with an uncaught exception). C2: a full disk
// was said to be a damaged index, to rebuild (which needs more room still).
Status DatabaseFailure(const Xapian::Error& e, const std::string& kept_note) {
  if (int err = DiskWriteErrno(e); err != 0) {
    return Status::IoError(DiskWriteFailure(err, kept_note) +
                           " (chi tiết từ Xapian: " + e.get_description() + ")");
  }
  std::string type = e.get_type();
  if (type == "DatabaseError" || type == "DatabaseCorruptError") {
    return Status::IoError("chỉ mục bị hỏng, không đọc được (" + kept_note +
                           "); hãy lập lại bằng vanban index --rebuild, hoặc chép lại bản sao "
                           "lưu (chi tiết từ Xapian: " +
                           e.get_description() + ")");
  }
  return Status::IoError("lỗi cơ sở dữ liệu chỉ mục: " + e.get_description() + " (" + kept_note +
                         ")");
}

namespace {

// The version stored under `key` when it is a number above `current` (the
// index was written by a newer vanban), else 0.
int NewerVersion(const Xapian::Database& db, std::string_view key, int current) {
  std::string stored = db.get_metadata(std::string(key));
  int version = 0;
  const char* end = stored.data() + stored.size();
  auto [at, ec] = std::from_chars(stored.data(), end, version);
  return ec == std::errc() && at == end && version > current ? version : 0;
}

// Refuses to write an index made by a newer vanban (a schema or analysis
// version above this binary's): rewriting it would downgrade it. I6 (QA 20):
// it was called old and silently rewritten to this binary's versions.
// `db_name` is the folder as given, or empty.
Status RefuseNewerIndex(const Xapian::Database& db, const std::string& db_name) {
  std::string what;
  if (int v = NewerVersion(db, schema::kMetaSchemaVersion, schema::kSchemaVersion)) {
    what = "lược đồ " + std::to_string(v) + ", phiên bản này dùng lược đồ " +
           std::to_string(schema::kSchemaVersion);
  } else if (int a = NewerVersion(db, schema::kMetaAnalysis, schema::kAnalysisVersion)) {
    what = "phân tích văn bản phiên bản " + std::to_string(a) + ", phiên bản này dùng phiên bản " +
           std::to_string(schema::kAnalysisVersion);
  } else {
    return Status::Ok();
  }
  return Status::Unsupported(
      "chỉ mục " + (db_name.empty() ? std::string() : db_name + " ") +
      "do một phiên bản vanban mới hơn lập (" + what +
      "), nên không ghi gì vào chỉ mục; hãy dùng phiên bản vanban mới hơn đó, hoặc chạy lại với "
      "--rebuild để lập lại toàn bộ chỉ mục bằng phiên bản này");
}

}  // namespace

StatusOr<IndexSummary> Indexer::Internal::Run(const IndexOptions& opts) {
  auto start = std::chrono::steady_clock::now();
  options = &opts;
  summary = IndexSummary();
  records_written.clear();
  records_added.clear();
  given_up.clear();
  missing_texts.clear();
  if (Status st = CheckPaths(opts.paths); !st.ok()) return st;
  std::vector<fs::path> roots = opts.paths;
  CatalogSource source = CatalogSource::kNone;
  std::string recorded_catalog;
  try {
    if (!opts.rebuild) {
      if (Status st = RefuseNewerIndex(*db, db_name); !st.ok()) return st;
    }
    recorded_catalog = db->get_metadata(std::string(schema::kMetaCatalogPath));
  } catch (const Xapian::Error& e) {
    return DatabaseFailure(e, kept_note);
  }
  if (recorded_catalog.empty()) recorded_catalog = inherited_catalog;
  catalog_path = FindCatalog(roots, opts.catalog, recorded_catalog, &source);
  if (source == CatalogSource::kAbove) {
    summary.catalog_note = catalog_path.string() + " (ở thư mục trên các đường dẫn đã cho)";
  } else if (source == CatalogSource::kRecorded) {
    summary.catalog_note = catalog_path.string() + " (danh mục của lần lập chỉ mục trước)";
  }
  catalog_digest = CatalogDigest(catalog_path);
  catalog.reset();
  if (!catalog_path.empty()) {
    // A catalog that does not load stops the run before anything is
    // written: without it no citation resolves and its records would go.
    auto loaded = legal::Catalog::Load(catalog_path);
    if (!loaded.ok()) {
      return Status::InvalidArgument(loaded.status().message() + " (" + kept_note +
                                     "; hãy sửa tệp danh mục rồi chạy lại)");
    }
    catalog = std::move(*loaded);
    summary.warnings = catalog->warnings();
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
    DecideReanalysis();
    plan = MakePlan(*db, catalog ? &*catalog : nullptr, roots, opts.rebuild, process_all,
                    &summary.skipped);
    summary.kept += plan.kept;
    NoteDocumentsLeftBehind();
    LoadPreviousOwners();
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
    summary.catalog_records_added = static_cast<int>(records_added.size());
    ListGivenUpIds();
    WarnMissingTexts();
    CarryOverSkipped();
    WriteRunMetadata();
    if (!MayCommit()) {
      Cancel();
      return Status::IoError("đã huỷ: " + kept_note);
    }
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
    // Cancelled during the merge of a sharded build: say so, not "error".
    if (opts.cancel && opts.cancel->requested()) return Status::IoError("đã huỷ: " + kept_note);
    return DatabaseFailure(e, kept_note);
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
        auto heartbeat = std::chrono::duration<double>(std::max(options->heartbeat_seconds, 0.001));
        while (!produced.wait_for(lock, heartbeat, [&] { return ready.count(done) != 0; })) {
          if (!options->on_progress) continue;
          IndexProgress waiting = progress;
          waiting.waiting = true;
          waiting.current = plan.files[done].path.string();
          waiting.seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          lock.unlock();
          options->on_progress(waiting);
          lock.lock();
        }
        auto it = ready.find(done);
        r = std::move(it->second);
        ready.erase(it);
        next_write = done + 1;
      }
      consumed.notify_all();
      if (options->cancel && options->cancel->requested()) {
        status = Status::IoError("đã huỷ: " + kept_note);
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
// old index ("<db>.old-<pid>") is never removed: when `dir` is missing (the
// run died between SwapIn's two renames) it is put back in its place.
void RemoveDeadTemporaries(const fs::path& dir) {
  std::error_code ec;
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  std::string name = dir.filename().string();
  bool missing = !fs::exists(dir, ec) && !ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string n = entry.path().filename().string();
    for (const char* kind : {".rebuild-", ".shards-", ".old-"}) {
      std::string prefix = name + kind;
      if (n.size() <= prefix.size() || n.compare(0, prefix.size(), prefix) != 0) continue;
      std::string digits = n.substr(prefix.size());
      if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9)
        continue;
      pid_t pid = static_cast<pid_t>(std::stol(digits));
      if (pid != getpid() && !(kill(pid, 0) == -1 && errno == ESRCH)) continue;  // alive
      std::error_code ec2;
      if (std::string_view(kind) != ".old-") {
        fs::remove_all(entry.path(), ec2);
      } else if (missing && fs::exists(entry.path() / "iamglass", ec2)) {
        fs::rename(entry.path(), dir, ec2);
        missing = static_cast<bool>(ec2);
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

namespace {

// An existing --db folder must be a Xapian database ("iamglass") or hold
// nothing but hidden files (the repository's "index/.gitkeep"): a fresh
// build replaces the folder whole, and an incremental run writes its files
// in it. A1 (session 15): "--db corpus --rebuild" deleted the documents.
Status CheckIndexFolder(const fs::path& dir, const std::string& db_dir) {
  std::error_code ec;
  std::string other;  // the first entry that is neither
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name == "iamglass" || name == "iamchert") return Status::Ok();  // Xapian's backends
    if (other.empty() && !name.starts_with(".")) other = name;
  }
  if (ec) return Status::IoError("không đọc được thư mục chỉ mục " + db_dir + ": " + ErrorText(ec));
  if (other.empty()) return Status::Ok();
  return Status::InvalidArgument(
      db_dir + " là thư mục đã có tệp khác (\"" + other +
      "\") mà không phải chỉ mục, nên vanban không ghi vào đó (lập chỉ mục có thể thay cả thư "
      "mục); hãy chọn bằng --db một thư mục chỉ mục, một thư mục mới hoặc một thư mục rỗng");
}

// Refuses, before anything is written, a --db that cannot be an index
// folder: an existing file, or a folder whose parent does not exist (only
// the last level is created: a typo must not make a tree of folders).
Status CheckDatabaseFolder(const fs::path& dir, const std::string& db_dir) {
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return Status::IoError("không truy cập được chỉ mục " + db_dir + ": " + ErrorText(ec));
  }
  if (fs::exists(st)) {
    if (fs::is_directory(st)) return CheckIndexFolder(dir, db_dir);
    return Status::InvalidArgument(db_dir +
                                   " là một tệp, không phải thư mục chỉ mục; hãy chọn thư mục "
                                   "khác bằng --db");
  }
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  if (fs::is_directory(parent, ec)) return Status::Ok();
  if (ec && ec != std::errc::no_such_file_or_directory) {
    return Status::IoError("không truy cập được thư mục " + parent.string() + " để tạo chỉ mục " +
                           db_dir + ": " + ErrorText(ec));
  }
  return Status::NotFound("không có thư mục " + parent.string() + " để tạo chỉ mục " + db_dir +
                          " trong đó: vanban chỉ tạo thư mục cuối cùng, hãy tạo " +
                          parent.string() + " trước");
}

// The lock one IndexDatabase run holds from start to end, so that two runs
// on one folder (incremental or fresh, in any mix) never both write: flock
// on "<dir>.lock" beside the folder, which a rebuild's swap leaves in place,
// and on the folder itself while it exists (so that a user who may write
// the index but not the folder above it still excludes other runs). The
// lock file is made for the run and removed at its end; a run that opened
// it just before its removal finds another inode at the path and tries
// again. The kernel drops the locks of a process that dies.
class RunLock {
 public:
  static StatusOr<std::unique_ptr<RunLock>> Acquire(const fs::path& dir, const std::string& db_dir);
  RunLock() = default;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock() {
    if (file_fd_ >= 0) {
      unlink(file_.c_str());  // while still locked: see Acquire
      close(file_fd_);
    }
    if (dir_fd_ >= 0) close(dir_fd_);
  }

 private:
  static Status Busy(const std::string& db_dir) {
    return Status::IoError("chỉ mục " + db_dir +
                           " đang được một lần chạy vanban index khác ghi; hãy đợi lần chạy đó "
                           "xong rồi chạy lại (lần chạy này không ghi gì)");
  }
  // 1: locked; 0: the path names another file now, retry; -1: *status set.
  int LockFile(const std::string& db_dir, Status* status);

  fs::path file_;
  int file_fd_ = -1;
  int dir_fd_ = -1;
};

int RunLock::LockFile(const std::string& db_dir, Status* status) {
  int fd = open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    int err = errno;
    if (err != EACCES && err != EPERM && err != EROFS) {
      *status = Status::IoError("không tạo được tệp khoá " + file_.string() + " của chỉ mục " +
                                db_dir + ": " + ErrnoText(err, true));
      return -1;
    }
    // Not allowed to create it: another user's lock file (left by a
    // crash) can still be locked read-only; without one, see Acquire.
    fd = open(file_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 1;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    close(fd);
    *status = err == EWOULDBLOCK ? Busy(db_dir)
                                 : Status::IoError("không khoá được tệp " + file_.string() + ": " +
                                                   ErrnoText(err, true));
    return -1;
  }
  struct stat held, now;
  if (fstat(fd, &held) != 0 || stat(file_.c_str(), &now) != 0 || held.st_ino != now.st_ino ||
      held.st_dev != now.st_dev) {
    close(fd);  // removed by the run that held it
    return 0;
  }
  file_fd_ = fd;
  return 1;
}

StatusOr<std::unique_ptr<RunLock>> RunLock::Acquire(const fs::path& dir,
                                                    const std::string& db_dir) {
  auto lock = std::make_unique<RunLock>();
  std::error_code ec;
  fs::path abs = fs::absolute(dir, ec).lexically_normal();
  if (abs.filename().empty()) abs = abs.parent_path();
  lock->file_ = abs;
  lock->file_ += ".lock";
  Status status;
  int got = 0;
  for (int attempt = 0; attempt < 100 && got == 0; ++attempt) got = lock->LockFile(db_dir, &status);
  if (got < 0) return status;
  if (got == 0) return Busy(db_dir);
  // Without a lock file (the folder above is not writable: no fresh build
  // is possible, and IndexDatabase says so) the folder's own lock still
  // keeps incremental runs apart.
  lock->dir_fd_ = open(abs.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock->dir_fd_ >= 0 && flock(lock->dir_fd_, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    if (err == EWOULDBLOCK) return Busy(db_dir);
    return Status::IoError("không khoá được chỉ mục " + db_dir + ": " + ErrnoText(err, true));
  }
  return lock;
}

// A fresh build writes beside the index and then replaces it: refused at
// once, before any work, when this user may not.
Status CheckCanReplace(const fs::path& dir, const std::string& db_dir) {
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  if (Unwritable denied = CheckWritable(parent); !denied.path.empty()) {
    return Status::IoError(CannotWrite(db_dir, denied));
  }
  if (Unwritable denied = NotWritable(dir); !denied.path.empty()) {
    return Status::IoError(CannotWrite(db_dir, denied));
  }
  return Status::Ok();
}

// Replaces `dir` by the complete `fresh` folder. Where the file system can,
// the two folders trade places in one step (renameat2 RENAME_EXCHANGE), so
// that no moment leaves `dir` without an index (A6, session 15: a kill
// between two renames did); elsewhere the old index is moved aside to `old`
// first (RemoveDeadTemporaries puts it back if the run dies before the
// second rename). Then the old index is removed. Hidden files of the old
// folder that are not the index's (the repository's "index/.gitkeep") are
// kept. On failure the old index is back in place.
Status SwapIn(const fs::path& dir, const fs::path& fresh, const fs::path& old) {
  std::error_code ec;
  bool had_old = fs::exists(dir, ec);
  if (had_old) {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      std::error_code ec2;
      if (name.starts_with(".") && it->is_regular_file(ec2)) {
        fs::copy_file(it->path(), fresh / name, fs::copy_options::skip_existing, ec2);
      }
    }
    ec.clear();
    if (renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
      fs::remove_all(fresh, ec);  // the old index, now
      return Status::Ok();
    }
  }
  if (had_old) fs::rename(dir, old, ec);
  if (ec) {
    std::error_code ec2;
    fs::remove_all(fresh, ec2);
    return Status::IoError("không thay được chỉ mục " + dir.string() + ": " + ErrorText(ec, true));
  }
  fs::rename(fresh, dir, ec);
  if (ec) {
    std::error_code ec2;
    if (had_old) fs::rename(old, dir, ec2);
    fs::remove_all(fresh, ec2);
    return Status::IoError("không thay được chỉ mục " + dir.string() + ": " + ErrorText(ec, true));
  }
  if (had_old) fs::remove_all(old, ec);
  return Status::Ok();
}

// The documents of the index in `dir`: indexed files (source path -> id)
// and catalog records (ids). Empty when it cannot be read.
struct IndexedDocuments {
  std::map<std::string, std::string> files;
  std::set<std::string> records;
};

IndexedDocuments ReadIndexed(const fs::path& dir) {
  IndexedDocuments out;
  try {
    Xapian::Database db(dir.string());
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
      Xapian::Document d = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
      std::string source = d.get_value(schema::kSlotSourcePath);
      if (source.empty()) {
        out.records.insert(d.get_value(schema::kSlotId));
      } else {
        out.files[source] = d.get_value(schema::kSlotId);
      }
    }
  } catch (const Xapian::Error&) {
    return {};
  }
  return out;
}

// A rebuild replaces the whole index: what it leaves out is removed, and is
// listed as an incremental run lists deleted files. A rebuild that found no
// file at all (an empty or unmounted folder) while the index had some is
// refused: the old index stays (S4, session 14).
Status CompareRebuild(const fs::path& old_dir, const fs::path& fresh_dir, const std::string& db_dir,
                      const std::vector<fs::path>& paths, IndexSummary* summary) {
  IndexedDocuments before = ReadIndexed(old_dir);
  IndexedDocuments after = ReadIndexed(fresh_dir);
  if (after.files.empty() && !before.files.empty()) {
    std::string where;
    for (const fs::path& p : paths) where += (where.empty() ? "\"" : ", \"") + p.string() + "\"";
    return Status::InvalidArgument(
        "lập lại chỉ mục (--rebuild) không tìm được tệp văn bản nào trong " + where +
        ", nên không thay chỉ mục " + db_dir + ": chỉ mục cũ (" +
        std::to_string(before.files.size() + before.records.size()) +
        " văn bản) được giữ nguyên. Hãy kiểm tra đường dẫn (thư mục mạng đã được gắn chưa?)");
  }
  std::set<std::string> ids = after.records;
  for (const auto& [path, id] : after.files) ids.insert(id);
  for (const auto& [path, id] : before.files) {
    auto now = after.files.find(path);
    if (now == after.files.end()) {
      summary->removed_files.push_back({path, id, ""});
    } else if (!ids.count(id) && UnsuffixedId(id, path) != now->second) {
      summary->removed_files.push_back({path, id, "tệp nay là văn bản " + now->second});
    }
  }
  for (const std::string& id : before.records) {
    if (!ids.count(id)) summary->removed_files.push_back({kRecordPath, id, kRecordGone});
  }
  summary->removed = static_cast<int>(summary->removed_files.size());
  summary->catalog_records_added = static_cast<int>(
      std::count_if(after.records.begin(), after.records.end(),
                    [&](const std::string& id) { return !before.records.count(id); }));
  return Status::Ok();
}

// What a fresh build replacing an index of another schema takes over from
// it, so that the run keeps what the incremental run it stands for would
// keep: the files it holds that still exist, indexed again (a gone one is
// removed, as an incremental run over its folder removes it), and its
// catalog. R1 (session 16): after an upgrade, `vanban index pb` rebuilt
// from pb alone and removed the documents of every other folder.
struct Inherited {
  std::vector<fs::path> files;
  std::string catalog;
};

Inherited InheritFrom(const fs::path& dir) {
  Inherited out;
  for (const auto& [path, id] : ReadIndexed(dir).files) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) out.files.emplace_back(path);
  }
  try {
    out.catalog =
        Xapian::Database(dir.string()).get_metadata(std::string(schema::kMetaCatalogPath));
  } catch (const Xapian::Error&) {
  }
  return out;
}

// Why a fresh build could not create its database in the temporary folder
// beside `db_dir`, said of `db_dir`.
Status FreshDatabaseFailure(const std::string& db_dir, const Xapian::Error& e,
                            const std::string& kept_note) {
  std::string what = "không tạo được chỉ mục mới cho " + db_dir;
  if (int err = DiskWriteErrno(e); err != 0) {
    what += ": " + DiskWriteFailure(err, kept_note);
  } else {
    what += " (" + kept_note + ")";
  }
  return Status::IoError(what + " (chi tiết từ Xapian: " + e.get_description() + ")");
}

// The folder a --db that is a symbolic link (or a chain of them) leads to,
// whether it exists yet or not; else `dir`. A fresh build is made and
// swapped in beside that folder, so the link stays and leads to the new
// index. I11 (QA 20): a rebuild swapped the link for a new folder beside it
// (the index it led to kept the old documents), and a first build through a
// link to a folder not made yet failed at the swap.
fs::path LinkTarget(fs::path dir) {
  for (int hops = 0; hops < 40; ++hops) {  // a loop is left to the checks
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(dir, ec))) break;
    fs::path target = fs::read_symlink(dir, ec);
    if (ec) break;
    dir = (target.is_absolute() ? target : dir.parent_path() / target).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
  }
  return dir;
}

}  // namespace

StatusOr<IndexSummary> IndexDatabase(const std::string& db_dir, const IndexOptions& options) {
  fs::path dir = fs::path(db_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  dir = LinkTarget(dir);
  if (Status st = CheckPaths(options.paths); !st.ok()) return st;
  if (Status st = CheckDatabaseFolder(dir, db_dir); !st.ok()) return st;
  auto lock = RunLock::Acquire(dir, db_dir);
  if (!lock.ok()) return lock.status();
  RemoveDeadTemporaries(dir);
  std::error_code ec;
  bool had_index = fs::exists(dir, ec);
  std::string outdated;  // the stored schema version, when it is not ours
  if (!options.rebuild && had_index) {
    Status newer;
    try {
      newer = RefuseNewerIndex(Xapian::Database(db_dir), db_dir);
    } catch (const Xapian::Error&) {
      // Not readable: the run below says why.
    }
    if (!newer.ok()) return newer;
  }
  if (!options.rebuild && had_index && !IndexIsOutdated(db_dir, &outdated)) {
    auto indexer = Indexer::Open(db_dir);
    if (!indexer.ok()) return indexer.status();
    return (*indexer)->Run(options);
  }
  // A fresh build (rebuild, or no index yet) goes to a sibling folder that
  // is swapped in once complete: the old index serves until then.
  if (Status st = CheckCanReplace(dir, db_dir); !st.ok()) return st;
  std::string kept_note =
      had_index ? "chỉ mục cũ được giữ nguyên" : "chưa ghi gì vào chỉ mục " + db_dir;
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
  Inherited inherited;
  if (!outdated.empty()) {
    inherited = InheritFrom(dir);
    fresh_options.paths.insert(fresh_options.paths.end(), inherited.files.begin(),
                               inherited.files.end());
  }
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
    indexer.internal_->kept_note = kept_note;
    indexer.internal_->swapped_in = true;
    indexer.internal_->inherited_catalog = inherited.catalog;
    if (had_index && outdated.empty()) indexer.internal_->previous_db = dir;
    result = indexer.Run(fresh_options);
  } else {
    // C3: a failure to create `fresh` was said of `fresh` (as a damaged
    // index, to rebuild), which was left behind: it is said of `db_dir`,
    // and `fresh` is removed below.
    setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, 0);
    std::unique_ptr<Xapian::WritableDatabase> db;
    try {
      db = std::make_unique<Xapian::WritableDatabase>(fresh.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& e) {
      result = FreshDatabaseFailure(db_dir, e, kept_note);
    }
    if (db) {
      Indexer indexer(db.get());
      indexer.internal_->kept_note = kept_note;
      indexer.internal_->swapped_in = true;
      indexer.internal_->inherited_catalog = inherited.catalog;
      if (had_index && outdated.empty()) indexer.internal_->previous_db = dir;
      result = indexer.Run(fresh_options);
    }
  }
  fs::remove_all(shards, ec);
  if (!result.ok()) {
    fs::remove_all(fresh, ec);
    return result;
  }
  if (had_index) {
    if (Status st = CompareRebuild(dir, fresh, db_dir, options.paths, &*result); !st.ok()) {
      fs::remove_all(fresh, ec);
      return st;
    }
  }
  if (!outdated.empty()) {
    result->warnings.push_back(
        "chỉ mục cũ theo lược đồ " + outdated + ", phiên bản này dùng lược đồ " +
        std::to_string(schema::kSchemaVersion) + ": đã lập chỉ mục lại toàn bộ" +
        (inherited.files.empty() ? std::string()
                                 : ", kể cả các tệp chỉ mục cũ có ngoài các đường dẫn đã cho"));
  }
  // A1 (QA 23): a cancel that came once the merge had passed its last
  // check was told the old index stays, and the new one was swapped in.
  if (options.cancel && !options.cancel->PassPointOfNoReturn()) {
    fs::remove_all(fresh, ec);
    return Status::IoError("đã huỷ: " + kept_note);
  }
  if (Status st = SwapIn(dir, fresh, old); !st.ok()) return st;
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

// False when the run was cancelled. Else, for an incremental run, from
// here on no cancel is honoured: its commit is the point of no return (a
// fresh build's is the swap, IndexDatabase).
bool Indexer::Internal::MayCommit() {
  Cancellation* cancel = options->cancel;
  if (cancel == nullptr) return true;
  return swapped_in ? !cancel->requested() : cancel->PassPointOfNoReturn();
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

// Replaces the fingerprint of document `did` and nothing else: a document
// read from a glass database and replaced at once has only its changed
// values written (its terms, data and text copy stay as they are).
void Indexer::Internal::SetFingerprint(Xapian::docid did, const std::string& fingerprint) {
  if (shards) return;  // a fresh build has no earlier versions
  auto set = [this, did, fingerprint] {
    Xapian::Document d = db->get_document(did);
    d.add_value(schema::kSlotFingerprint, fingerprint);
    db->replace_document(did, d);
  };
  if (use_transaction) {
    set();
  } else {
    staged.push_back(set);
  }
}

void Indexer::Internal::SetMetadata(const std::string& key, const std::string& value) {
  if (shards) {
    shards->SetMetadata(key, value);
    return;
  }
  // An unchanged value is not written again: a run that changes nothing
  // commits nothing (C11).
  if (db->get_metadata(key) == value) return;
  if (use_transaction) {
    db->set_metadata(key, value);
  } else {
    staged.push_back([this, key, value] { db->set_metadata(key, value); });
  }
}

}  // namespace vanban::index
