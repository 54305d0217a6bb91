// Fresh builds written as parallel shards and merged (IndexDatabase with
// writers > 1) against the single-writer path.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "index/indexer.h"
#include "index/record.h"
#include "index/schema.h"
#include "index/scratch_corpus.h"
#include "support/shared_data.h"

namespace vanban::index {
namespace {
namespace fs = std::filesystem;

class ShardedIndexTest : public ScratchCorpusTest {
 protected:
  // The public texts of ../shared, plus copies of one plan: several files
  // share its id, so most of them are renamed (in file order).
  void WriteRealCorpus() {
    for (const auto& e : fs::directory_iterator(testing::SharedDir() / "corpus" / "texts")) {
      Write(e.path().filename().string(), testing::ReadFile(e.path()));
    }
    for (int i = 0; i < 4; ++i) Write("ke-hoach-" + std::to_string(i) + ".txt", Plan());
  }
  IndexOptions Options(int writers) const {
    IndexOptions o;
    o.paths = {Corpus()};
    o.threads = 2;
    o.writers = writers;
    o.shard_documents = 2;  // many shards from a few files
    fs::path catalog = testing::SourceDir() / "corpus" / "catalog.toml";
    if (fs::exists(catalog)) o.catalog = catalog;
    return o;
  }
  // Files and folders beside the database folder whose names start with
  // its name plus a dot (temporary build folders).
  std::vector<std::string> Leftovers(const fs::path& db) const {
    std::vector<std::string> out;
    std::string prefix = db.filename().string() + ".";
    for (const auto& e : fs::directory_iterator(db.parent_path())) {
      std::string n = e.path().filename().string();
      if (n.compare(0, prefix.size(), prefix) == 0) out.push_back(n);
    }
    return out;
  }
};

// Every term of a document with its wdf and positions.
std::string Describe(const Xapian::Database& db, Xapian::docid did) {
  std::ostringstream out;
  Xapian::Document d = db.get_document(did);
  for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
    out << *t << ' ' << t.get_wdf() << ':';
    for (auto p = db.positionlist_begin(did, *t); p != db.positionlist_end(did, *t); ++p) {
      out << ' ' << *p;
    }
    out << '\n';
  }
  for (auto v = d.values_begin(); v != d.values_end(); ++v) {
    out << "value " << v.get_valueno() << ' ' << *v << '\n';
  }
  out << "data " << d.get_data().size() << '\n';
  return out.str();
}

std::map<std::string, std::string> Metadata(const Xapian::Database& db) {
  std::map<std::string, std::string> out;
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    out[*k] = db.get_metadata(*k);
  }
  return out;
}

TEST_F(ShardedIndexTest, SameDocumentsAsOneWriter) {
  VANBAN_REQUIRE_SHARED();
  WriteRealCorpus();
  fs::path one = dir_ / "one";
  fs::path sharded = dir_ / "sharded";
  auto a = IndexDatabase(one.string(), Options(1));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto b = IndexDatabase(sharded.string(), Options(2));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->added, a->added);
  EXPECT_EQ(b->catalog_records, a->catalog_records);
  if (!Options(1).catalog.empty()) {
    EXPECT_GT(a->catalog_records, 0);  // held back, then merged
  }
  EXPECT_EQ(b->documents, a->documents);
  EXPECT_EQ(b->citations_resolved, a->citations_resolved);
  ASSERT_EQ(b->files.size(), a->files.size());
  for (size_t i = 0; i < a->files.size(); ++i) {
    EXPECT_EQ(b->files[i].path, a->files[i].path);
    EXPECT_EQ(b->files[i].id, a->files[i].id) << a->files[i].path;
  }

  Xapian::Database x(one.string()), y(sharded.string());
  ASSERT_EQ(y.get_doccount(), x.get_doccount());
  ASSERT_GT(x.get_doccount(), 10u);  // several shards of 2 documents
  EXPECT_EQ(y.get_lastdocid(), x.get_lastdocid());
  EXPECT_EQ(y.get_total_length(), x.get_total_length());
  std::set<std::string> ids;
  for (auto p = x.postlist_begin(""); p != x.postlist_end(""); ++p) {
    Xapian::docid did = *p;
    SCOPED_TRACE("docid " + std::to_string(did));
    EXPECT_EQ(Describe(y, did), Describe(x, did));
    std::string data = x.get_document(did).get_data();
    EXPECT_EQ(y.get_document(did).get_data(), data);
    auto rec = DecodeRecord(data, false);
    ASSERT_TRUE(rec.ok());
    EXPECT_TRUE(ids.insert(rec->doc.id).second) << "duplicate id " << rec->doc.id;
    // The text copy survives the merge, under the same docid.
    EXPECT_EQ(y.get_metadata(TextKey(did)), RecordText(data));
  }
  auto meta = Metadata(x);
  // The schema version and a text copy per document with text.
  EXPECT_EQ(meta[std::string(schema::kMetaSchemaVersion)], std::to_string(schema::kSchemaVersion));
  EXPECT_GT(meta.size(), 10u);
  EXPECT_EQ(Metadata(y), meta);
  EXPECT_TRUE(Leftovers(sharded).empty());
}

TEST_F(ShardedIndexTest, FailedOrCancelledRebuildKeepsTheOldIndex) {
  VANBAN_REQUIRE_SHARED();
  WriteRealCorpus();
  fs::path db = dir_ / "index";
  ASSERT_TRUE(IndexDatabase(db.string(), Options(2)).ok());
  Xapian::doccount before = Xapian::Database(db.string()).get_doccount();
  Write("them.txt", Plan() + "\nMột tệp mới.\n");

  IndexOptions failing = Options(2);
  failing.rebuild = true;
  failing.fail_after_documents = 7;  // after a few shards were written
  EXPECT_FALSE(IndexDatabase(db.string(), failing).ok());
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), before);
  std::string added = schema::Term(schema::kSourcePath,
                                   schema::Hex64(schema::Fnv1a((Corpus() / "them.txt").string())));
  EXPECT_FALSE(Xapian::Database(db.string()).term_exists(added));
  EXPECT_TRUE(Leftovers(db).empty());

  // Cancelled (Ctrl-C) half way.
  Cancellation cancel;
  IndexOptions cancelled = Options(2);
  cancelled.rebuild = true;
  cancelled.cancel = &cancel;
  cancelled.on_progress = [&cancel](const IndexProgress& p) {
    if (p.files_done >= 5) cancel.Request();
  };
  EXPECT_FALSE(IndexDatabase(db.string(), cancelled).ok());
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), before);
  EXPECT_TRUE(Leftovers(db).empty());

  // A first build that fails leaves no database and no temporary folder.
  fs::path fresh = dir_ / "fresh";
  EXPECT_FALSE(IndexDatabase(fresh.string(), failing).ok());
  EXPECT_FALSE(fs::exists(fresh));
  EXPECT_TRUE(Leftovers(fresh).empty());
}

// A1 (QA 23) broke: a cancel (Ctrl-C) that came once the merge had passed
// its last check, while the merged index was being finished or compared
// with the old one, was told "chỉ mục cũ được giữ nguyên", and the run
// swapped the new index in and succeeded; so did one that came after the
// last file of a one-writer rebuild or of an incremental run. Such a run
// now stops: the index is the same database, and nothing is left beside
// it. A cancel after the run is too late, and says so.
TEST_F(ShardedIndexTest, ACancelBeforeTheSwapOrCommitKeepsTheOldIndex) {
  VANBAN_REQUIRE_SHARED();
  WriteRealCorpus();
  fs::path db = dir_ / "index";
  ASSERT_TRUE(IndexDatabase(db.string(), Options(2)).ok());
  std::string uuid = Xapian::Database(db.string()).get_uuid();
  std::string added = schema::Term(schema::kSourcePath,
                                   schema::Hex64(schema::Fnv1a((Corpus() / "them.txt").string())));
  auto expect_kept = [&](const StatusOr<IndexSummary>& run, const std::string& what) {
    ASSERT_FALSE(run.ok()) << what;
    EXPECT_EQ(run.status().message(), "đã huỷ: chỉ mục cũ được giữ nguyên") << what;
    EXPECT_EQ(Xapian::Database(db.string()).get_uuid(), uuid) << what;
    EXPECT_FALSE(Xapian::Database(db.string()).term_exists(added)) << what;
    EXPECT_TRUE(Leftovers(db).empty()) << what;
  };
  {
    // Cancelled the moment the merged index is complete (its version file
    // is written last).
    fs::path merged = db;
    merged += ".rebuild-" + std::to_string(getpid());
    Cancellation cancel;
    IndexOptions o = Options(2);
    o.rebuild = true;
    o.cancel = &cancel;
    std::atomic<bool> done{false};
    bool in_time = false;
    std::thread watcher([&] {
      while (!done && !fs::exists(merged / "iamglass")) std::this_thread::yield();
      if (!done) in_time = cancel.Request();
    });
    auto run = IndexDatabase(db.string(), o);
    done = true;
    watcher.join();
    EXPECT_TRUE(in_time);
    expect_kept(run, "merged");
  }
  Write("them.txt", Plan() + "\nMột tệp mới.\n");
  for (bool rebuild : {true, false}) {
    // Cancelled once the last file is written.
    Cancellation cancel;
    IndexOptions o = Options(1);
    o.rebuild = rebuild;
    o.cancel = &cancel;
    o.on_progress = [&cancel](const IndexProgress& p) {
      if (p.files_done == p.files_total) {
        EXPECT_TRUE(cancel.Request());
      }
    };
    expect_kept(IndexDatabase(db.string(), o), rebuild ? "one-writer rebuild" : "incremental");
  }
  for (bool rebuild : {true, false}) {
    Cancellation late;
    IndexOptions o = Options(2);
    o.rebuild = rebuild;
    o.cancel = &late;
    ASSERT_TRUE(IndexDatabase(db.string(), o).ok());
    EXPECT_FALSE(late.Request());
    EXPECT_FALSE(late.requested());
  }
  EXPECT_NE(Xapian::Database(db.string()).get_uuid(), uuid);
}

TEST_F(ShardedIndexTest, IncrementalRunAfterShardedBuild) {
  VANBAN_REQUIRE_SHARED();
  WriteRealCorpus();
  fs::path db = dir_ / "index";
  auto first = IndexDatabase(db.string(), Options(2));  // no index yet: sharded
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  int files = first->added;

  auto same = IndexDatabase(db.string(), Options(2));
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->added, 0);
  EXPECT_EQ(same->unchanged, files);

  Write("ke-hoach-1.txt", Plan() + "\nBổ sung: tổ chức hội nghị đối thoại với Nhân dân.\n");
  Write("moi.txt",
        testing::ReadFile(testing::SharedDir() / "corpus" / "texts" / "luat-02-2011-qh13.txt") +
            "\nĐiều bổ sung về khiếu nại.\n");
  fs::remove(Corpus() / "ke-hoach-2.txt");
  auto next = IndexDatabase(db.string(), Options(2));
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->added, 1);
  EXPECT_EQ(next->updated, 1);
  EXPECT_EQ(next->removed, 1);
  EXPECT_EQ(next->unchanged, files - 2);
  Xapian::Database x(db.string());
  EXPECT_EQ(static_cast<int>(x.get_doccount()), next->documents);
  EXPECT_GT(x.get_termfreq("Wdoi_thoai"), 0u);
  // Every id is still unique.
  std::set<std::string> ids;
  for (auto p = x.postlist_begin(""); p != x.postlist_end(""); ++p) {
    auto rec = DecodeRecord(x.get_document(*p).get_data(), false);
    ASSERT_TRUE(rec.ok());
    EXPECT_TRUE(ids.insert(rec->doc.id).second) << rec->doc.id;
  }
}

// A crashed run's temporary folders are removed by the next run; a
// moved-aside old index is not.
TEST_F(ShardedIndexTest, DeadRunsTemporaryFoldersAreRemoved) {
  Write("ke-hoach.txt", Plan());
  pid_t child = fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  waitpid(child, nullptr, 0);  // a pid no process has now
  fs::path db = dir_ / "index";
  std::string dead = std::to_string(child);
  fs::create_directories(dir_ / ("index.rebuild-" + dead));
  fs::create_directories(dir_ / ("index.shards-" + dead + "/shard-000000"));
  fs::create_directories(dir_ / ("index.old-" + dead));
  IndexOptions o = Options(2);
  o.catalog.clear();
  ASSERT_TRUE(IndexDatabase(db.string(), o).ok());
  EXPECT_FALSE(fs::exists(dir_ / ("index.rebuild-" + dead)));
  EXPECT_FALSE(fs::exists(dir_ / ("index.shards-" + dead)));
  EXPECT_TRUE(fs::exists(dir_ / ("index.old-" + dead)));
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 1u);
}

}  // namespace
}  // namespace vanban::index
