#include "search/searcher.h"

#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "base/worker.h"
#include "index/builder.h"
#include "index/record.h"
#include "index/schema.h"
#include "legal/catalog.h"
#include "legal/numbering.h"
#include "search/query.h"
#include "search/snippet.h"
#include "search/stub.h"
#include "search/suggest.h"
#include "search/typing.h"
#include "text/abbreviations.h"
#include "text/analyzer.h"

namespace vanban::search {
namespace schema = index::schema;

namespace {

constexpr size_t kFacetValues = 20;

using Facets = std::map<std::string, std::vector<FacetValue>>;  // as in SearchResponse

std::vector<FacetValue> FacetOf(const Xapian::ValueCountMatchSpy& spy) {
  std::vector<FacetValue> out;
  for (auto v = spy.top_values_begin(kFacetValues); v != spy.top_values_end(kFacetValues); ++v) {
    if ((*v).empty()) continue;
    out.push_back({*v, static_cast<int>(v.get_termfreq())});
  }
  return out;
}

bool HasLowercase(std::string_view utf8) {
  int32_t i = 0, size = static_cast<int32_t>(utf8.size());
  while (i < size) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, size, c);
    if (c >= 0 && u_islower(c)) return true;
  }
  return false;
}

// Values the filter cannot tell apart are one value: those that differ
// only in case ("QUỐC HỘI" read from a header written in capitals, "Quốc
// hội" from the catalog) or in tone placement ("Uỷ ban Thường vụ Quốc hội",
// "Ủy ban …"). The value is shown in the form most of its documents have
// (on a tie, one with lower-case letters). Merged by the filter's own key
// (index::NameKey, as QueryBuilder::Filters looks values up), so a facet's
// count is what its link finds.
std::map<std::string, int> MergeVariants(const std::map<std::string, int>& counts) {
  struct Merged {
    int total = 0, best = -1;
    std::string shown;
  };
  std::map<std::string, Merged> by_key;
  for (const auto& [value, n] : counts) {
    if (value.empty()) continue;
    Merged& m = by_key[index::NameKey(value)];
    m.total += n;
    int rank = 2 * n + (HasLowercase(value) ? 1 : 0);
    if (rank > m.best) {
      m.best = rank;
      m.shown = value;
    }
  }
  std::map<std::string, int> out;
  for (const auto& [key, m] : by_key) out[m.shown] = m.total;
  return out;
}

// The most frequent values of `counts`, as FacetOf orders them (count
// descending, then value ascending), empty values left out.
std::vector<FacetValue> TopFacetValues(const std::map<std::string, int>& raw) {
  std::vector<FacetValue> out;
  for (const auto& [value, n] : MergeVariants(raw)) {
    if (!value.empty()) out.push_back({value, n});
  }
  std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (out.size() > kFacetValues) out.resize(kFacetValues);
  return out;
}

// Splits the counts of the combined facet slot into the three facets.
// False if a counted document has no combined value (indexed before the
// slot existed: the spy skips empty values, so the counts fall short).
bool SplitFacets(const Xapian::ValueCountMatchSpy& spy, Facets* facets) {
  std::map<std::string, int> types, issuers, years;
  std::string type, issuer, year;
  Xapian::doccount counted = 0;
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
    if (!index::DecodeFacets(*v, &type, &issuer, &year)) return false;
    int n = static_cast<int>(v.get_termfreq());
    counted += n;
    types[type] += n;
    issuers[issuer] += n;
    years[year] += n;
  }
  if (counted != spy.get_total()) return false;
  (*facets)["type"] = TopFacetValues(types);
  (*facets)["issuer"] = TopFacetValues(issuers);
  (*facets)["year"] = TopFacetValues(years);
  return true;
}

// Runs `count` (a match) with a spy on the combined facet slot: one value
// read per counted document instead of three; again with the three slots
// when the index has documents from before the combined one.
void CountFacets(const std::function<void(const std::vector<Xapian::MatchSpy*>&)>& count,
                 Facets* facets) {
  Xapian::ValueCountMatchSpy combined(schema::kSlotFacets);
  count({&combined});
  if (SplitFacets(combined, facets)) return;
  Xapian::ValueCountMatchSpy types(schema::kSlotType), issuers(schema::kSlotIssuer),
      years(schema::kSlotYear);
  count({&types, &issuers, &years});
  (*facets)["type"] = FacetOf(types);
  (*facets)["issuer"] = FacetOf(issuers);
  (*facets)["year"] = FacetOf(years);
}

// The schema version `db` records (index/schema.h), 0 when none.
int SchemaVersion(const Xapian::Database& db) {
  return std::atoi(db.get_metadata(std::string(schema::kMetaSchemaVersion)).c_str());
}

std::string Lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What a request matches, built on the ranking thread's handle (a
// Xapian::Query must not be shared between threads: the helper gets copies
// through their serialised form, see RankTiers).
struct Prepared {
  BuiltQuery bq;
  Xapian::Query filter;   // type/issuer/year, or empty
  Xapian::Query excl;     // -exclusions, or empty
  std::string unknown_filter;  // a filter value no document has (QueryBuilder::Filters)
  std::string unmatched_filters;  // values no document has, beside others that match
  // Each exclusion as the notices name it ("“tố cáo”", "loại “Luật”") and
  // its query: `excl` is their OR.
  std::vector<std::pair<std::string, Xapian::Query>> exclusions;
  // Excluded filter values no document has ("loại “Thongtu”"): they
  // exclude nothing (R4, session 16: dropped without a word).
  std::string unknown_exclusions;
  // The catalog records another shard has the text of (Shadows), or empty.
  Xapian::Query shadowed;

  // `m` (all documents when empty) weighted by `boost`, filtered, without
  // the exclusions unless `!with_exclusions`, never a shadowed record.
  Xapian::Query Compose(Xapian::Query m, const Xapian::Query& boost,
                        bool with_exclusions = true) const {
    if (m.empty()) m = AllDocuments();
    m = AndMaybe(m, boost);
    if (!filter.empty()) m = Xapian::Query(Xapian::Query::OP_FILTER, m, filter);
    if (with_exclusions && !excl.empty()) m = Xapian::Query(Xapian::Query::OP_AND_NOT, m, excl);
    if (!shadowed.empty()) m = Xapian::Query(Xapian::Query::OP_AND_NOT, m, shadowed);
    return m;
  }
};

// `schema_version`: the index's (an older index is queried by what it has,
// see QueryBuilder).
Prepared Prepare(const Xapian::Database& db, const text::Analyzer& analyzer, int schema_version,
                 TermFreqs* freqs, const ParsedQuery& parsed, const SearchRequest& request) {
  QueryBuilder qb(db, analyzer, schema_version, freqs);
  Prepared p;
  p.bq = qb.Build(parsed);
  // A value given apart (--type, ?type=) replaces the field's values in
  // the query.
  auto values = [](const std::string& given, const std::vector<std::string>& typed) {
    return given.empty() ? typed : std::vector<std::string>{given};
  };
  p.filter =
      qb.Filters(values(request.type, parsed.types), values(request.issuer, parsed.issuers),
                 values(request.year, parsed.years), &p.unknown_filter, &p.unmatched_filters);
  for (const auto& w : parsed.exclusions) {
    Xapian::Query q = qb.Exclusions({w});
    if (!q.empty()) p.exclusions.emplace_back("“" + w + "”", std::move(q));
  }
  // "-type:Luật": the documents the filter would keep are excluded.
  for (const auto& [name, value] : parsed.excluded_filters) {
    std::string unknown;
    auto only = [&, &value = value](const char* field) {
      return name == field ? std::vector<std::string>{value} : std::vector<std::string>{};
    };
    Xapian::Query f = qb.Filters(only("type"), only("issuer"), only("year"), &unknown);
    if (!unknown.empty()) {
      p.unknown_exclusions += (p.unknown_exclusions.empty() ? "" : ", ") + unknown;
    }
    if (f.empty()) continue;
    std::string label = name == "type" ? "loại" : name == "issuer" ? "cơ quan ban hành" : "năm";
    p.exclusions.emplace_back(label + " “" + value + "”", std::move(f));
  }
  std::vector<Xapian::Query> all;
  for (const auto& e : p.exclusions) all.push_back(e.second);
  if (!all.empty()) p.excl = Xapian::Query(Xapian::Query::OP_OR, all.begin(), all.end());
  return p;
}

// The number of matches of `query`: exact when it has fewer than
// max(n, kSample), else extrapolated over the docid range from the docid of
// that many-th match. The matcher stops there (docid order, no weights, no
// order to settle). `spies` see the documents counted.
Xapian::doccount CountMatches(const Xapian::Database& db, const Xapian::Query& query,
                              Xapian::doccount n, const std::vector<Xapian::MatchSpy*>& spies) {
  // 50: within x1.4 of the size of tier 2 on the benchmark queries (mean
  // |log| error; x1.75 with 20, x1.3 with 100 for 0.02 ms more).
  constexpr Xapian::doccount kSample = 50;
  Xapian::Enquire sample(db);
  sample.set_weighting_scheme(Xapian::BoolWeight());
  sample.set_docid_order(Xapian::Enquire::ASCENDING);
  for (auto* spy : spies) sample.add_matchspy(spy);
  sample.set_query(query);
  n = std::max(n, kSample);
  Xapian::MSet m = sample.get_mset(0, n);
  if (m.size() < n) return m.size();
  Xapian::docid last = *m[m.size() - 1];
  return static_cast<Xapian::doccount>(static_cast<double>(n) * db.get_lastdocid() / last);
}

// The sizes of both tiers of a tiered query (query.h) and its facets,
// counted apart from the ranking (Searcher runs this on a thread of its own
// while it ranks): facets count tier 1's first `depth` matches in docid
// order, then, when it has fewer, tier 2's first `depth - n1`.
struct TierCounts {
  Xapian::doccount n1 = 0, n2 = 0;
  Facets facets;
};

// `tier1`, `tier2`: the tiers as matched (Prepared::Compose, no boost).
void CountTiers(const Xapian::Database& db, const Xapian::Query& tier1, const Xapian::Query& tier2,
                Xapian::doccount depth, TierCounts* out) {
  auto count = [&](const std::vector<Xapian::MatchSpy*>& spies) {
    out->n1 = CountMatches(db, tier1, depth, spies);
    Xapian::doccount want = out->n1 < depth ? depth - out->n1 : 0;
    out->n2 = CountMatches(db, tier2, want, want ? spies : std::vector<Xapian::MatchSpy*>());
  };
  CountFacets(count, &out->facets);
}

// Counts the searches running in this process while in scope. A search
// takes a second core for its counts only when there is one for it.
class SearchesRunning {
 public:
  SearchesRunning() : n_(++running_) {}
  ~SearchesRunning() { --running_; }
  SearchesRunning(const SearchesRunning&) = delete;
  SearchesRunning& operator=(const SearchesRunning&) = delete;

  bool CoresFree() const { return 2 * n_ <= Cores(); }

 private:
  static int Cores() {
    static const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return cores;
  }
  static inline std::atomic<int> running_{0};
  int n_;  // this search and those that started before it, still running
};

// Waits for `worker`'s job (when not null) on leaving a scope, also by an
// exception: the job uses the scope's variables.
struct WaitOnExit {
  Worker* worker;
  ~WaitOnExit() {
    if (worker) worker->Wait();
  }
};

// The accent suggestion reads the marks of the first this many hits of
// the words alone, whatever the page asked for.
constexpr size_t kSuggestHits = 10;

// `s` in quotes for a message, unless it is in quotes of its own ("“to^'
// ca'o”" was told as "““to^' ca'o””").
std::string InQuotes(const std::string& s) {
  static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
      {"\"", "\""}, {"'", "'"}, {"“", "”"}, {"«", "»"}, {"‘", "’"}};
  for (const auto& [open, close] : kPairs) {
    if (s.size() >= open.size() + close.size() && s.starts_with(open) && s.ends_with(close)) {
      return s;
    }
  }
  return "“" + s + "”";
}

// How often a searcher over remote shards opens them afresh to see whether
// one was replaced (Internal::RemoteReplaced).
constexpr std::chrono::seconds kRemoteCheckEvery{1};

// A page with one tier and fewer hits makes all its snippets on one
// thread: the hand-over would cost about what it saves.
constexpr size_t kShareSnippetsFrom = 4;

// What `db_path` names on disk: the folder's inode, or a stub file's inode
// and time and those of the stub files and local databases it names. A
// full rebuild swaps a new folder in (index::SwapIn) at the revision the
// old one had, or lower, where Xapian's reopen() compares revisions only
// (C5, session 17: a server kept the deleted old index after `vanban index
// --rebuild`).
std::vector<int64_t> DiskIdentity(const std::string& db_path) {
  std::vector<int64_t> out;
  // A folder's time changes with each commit (its version file is renamed
  // in): its inode alone. A stub file may be edited in place: its time too.
  auto add = [&out](const std::string& path) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return;
    out.insert(out.end(), {static_cast<int64_t>(st.st_dev), static_cast<int64_t>(st.st_ino)});
    if (!S_ISREG(st.st_mode)) return;
    out.insert(out.end(),
               {static_cast<int64_t>(st.st_mtim.tv_sec), static_cast<int64_t>(st.st_mtim.tv_nsec)});
  };
  add(db_path);
  std::string stub_file = StubFileOf(db_path);
  if (stub_file.empty()) return out;
  // A stub that cannot be read now has the identity of its file alone: it
  // is opened again, and tells why it fails.
  auto stub = ReadStub(stub_file);
  if (!stub.ok()) return out;
  for (const std::string& file : stub->files) add(file);
  for (const StubShard& shard : stub->shards) {
    if (shard.kind == StubShard::Kind::kLocal) add(shard.path);
  }
  return out;
}

// What a failed operation met on a remote shard, from Xapian's error.
Searcher::RemoteFailure RemoteFailureOf(const Xapian::Error& e) {
  // Xapian::Error has no virtual functions: its type is told by name.
  std::string_view type = e.get_type();
  if (type == "NetworkTimeoutError") return Searcher::RemoteFailure::kTimedOut;
  if (type == "NetworkError") return Searcher::RemoteFailure::kLost;
  return Searcher::RemoteFailure::kNone;
}

// "10 giây", "0,3 giây".
std::string Seconds(std::chrono::milliseconds ms) {
  std::string whole = std::to_string(ms.count() / 1000);
  int tenths = static_cast<int>(ms.count() % 1000 / 100);
  return whole + (tenths ? "," + std::to_string(tenths) : "") + " giây";
}

// The databases `stub` names, joined in its order; a remote one is given
// `timeout` to connect and to answer each request. Throws Xapian::Error,
// `*opening` then being the shard that failed.
Xapian::Database OpenShards(const Stub& stub, std::chrono::milliseconds timeout,
                            const StubShard** opening) {
  auto timeout_ms = static_cast<useconds_t>(timeout.count());  // Xapian's unit: ms
  Xapian::Database db;
  for (const StubShard& shard : stub.shards) {
    *opening = &shard;
    switch (shard.kind) {
      case StubShard::Kind::kLocal:
        db.add_database(Xapian::Database(shard.path));
        break;
      case StubShard::Kind::kRemoteTcp:
        db.add_database(Xapian::Remote::open(shard.host, shard.port, timeout_ms, timeout_ms));
        break;
      case StubShard::Kind::kRemoteProgram:
        db.add_database(Xapian::Remote::open(shard.program, shard.args, timeout_ms));
        break;
    }
  }
  *opening = nullptr;
  return db;
}

// What to do about a damaged index at `db_path` (R8, QA 21: Xapian's
// "DatabaseCorruptError: dir_end invalid in block 3" alone).
std::string DamagedIndex(const std::string& db_path) {
  std::string db = db_path.empty() || db_path == "index" ? "" : " --db " + db_path;
  return "chỉ mục bị hỏng; hãy lập lại: vanban index --rebuild" + db + " THƯ-MỤC-VĂN-BẢN";
}

// Why `db_path` could not be opened, from Xapian's error `e`; `opening`:
// the stub's shard that failed, or null. A remote shard's failure is
// Unavailable, and what it was goes to `*failure` (when not null).
Status OpenFailure(const std::string& db_path, const StubShard* opening, const Xapian::Error& e,
                   std::chrono::milliseconds timeout, Searcher::RemoteFailure* failure = nullptr) {
  std::string details = " (chi tiết từ Xapian: " + e.get_description() + ")";
  bool stub = !StubFileOf(db_path).empty();
  std::string named = "nêu trong " + (opening ? opening->where : db_path);
  if (opening && opening->kind == StubShard::Kind::kRemoteTcp) {
    named += " (" + opening->host + ":" + std::to_string(opening->port) + ")";
  }
  Searcher::RemoteFailure remote = RemoteFailureOf(e);
  if (failure) *failure = remote;
  if (remote == Searcher::RemoteFailure::kTimedOut) {
    return Status::Unavailable("máy chủ chỉ mục (remote) " + named + " không trả lời trong " +
                               Seconds(timeout) +
                               ": máy chủ xapian-tcpsrv có bị treo, mạng có chậm không?" + details);
  }
  if (remote == Searcher::RemoteFailure::kLost) {
    return Status::Unavailable("không kết nối được máy chủ chỉ mục (remote) " + named +
                               ": máy chủ xapian-tcpsrv đã chạy chưa, mạng có thông không?" +
                               details);
  }
  if (std::string_view(e.get_type()) == "DatabaseNotFoundError") {
    // S7 (session 14): the hint left out --db, and for a stub naming a
    // missing shard it said to index the stub, which `vanban index` refuses.
    if (stub) {
      return Status::NotFound("tệp stub " + db_path +
                              " nêu một chỉ mục không có: hãy lập chỉ mục đó bằng vanban index "
                              "--db THƯ-MỤC-CHỈ-MỤC, hoặc sửa tệp stub" +
                              details);
    }
    std::string db = db_path == "index" ? "" : " --db " + db_path;
    return Status::NotFound("chưa có chỉ mục ở " + db_path + "; hãy chạy: vanban index" + db +
                            " THƯ-MỤC-VĂN-BẢN");
  }
  std::string where = opening ? named : db_path;
  if (std::string_view(e.get_type()) == "DatabaseCorruptError") {
    return Status::IoError("không mở được chỉ mục " + where + ": " +
                           DamagedIndex(opening ? opening->path : db_path) + details);
  }
  return Status::IoError("không mở được chỉ mục " + where + details);
}

// A database opened by its path, and what a Searcher keeps of it.
struct Opened {
  Xapian::Database db, second;  // the ranking handle and the counting one
  bool one = false;             // a single glass database (text copies usable)
  bool remote = false;          // a stub naming a remote shard
  std::vector<int64_t> identity;
};

// Opens `db_path` twice: a glass folder as Xapian does; a stub file (or
// folder) read by vanban first (ReadStub: a stub naming itself made Xapian
// recurse until it crashed, X4), then its databases joined.
StatusOr<Opened> OpenIndex(const std::string& db_path, std::chrono::milliseconds timeout,
                           Searcher::RemoteFailure* failure = nullptr) {
  Opened out;
  out.identity = DiskIdentity(db_path);  // before: a swap after opens again
  std::optional<Stub> stub;
  if (std::string stub_file = StubFileOf(db_path); !stub_file.empty()) {
    auto read = ReadStub(stub_file);
    if (!read.ok()) return read.status();
    // S7 (session 14): an empty stub failed at the first search with
    // Xapian's "Can't make an Enquire object from an uninitialised Database".
    if (read->shards.empty()) {
      return Status::InvalidArgument("tệp stub " + db_path +
                                     " không nêu chỉ mục nào (mỗi dòng: auto THƯ-MỤC-CHỈ-MỤC hoặc "
                                     "remote MÁY:CỔNG)");
    }
    stub = std::move(read).value();
  }
  const StubShard* opening = nullptr;
  try {
    auto open = [&] {
      return stub ? OpenShards(*stub, timeout, &opening) : Xapian::Database(db_path);
    };
    out.db = open();
    out.second = open();
  } catch (const Xapian::Error& e) {
    return OpenFailure(db_path, opening, e, timeout, failure);
  }
  std::error_code ec;
  out.one = !stub && std::filesystem::exists(std::filesystem::path(db_path) / "iamglass", ec);
  out.remote = stub && std::any_of(stub->shards.begin(), stub->shards.end(),
                                   [](const auto& s) { return s.kind != StubShard::Kind::kLocal; });
  return out;
}

}  // namespace

struct Searcher::Internal {
  Xapian::Database db;
  text::Analyzer analyzer;
  // Text copies are keyed by docid and read from the metadata, which a
  // Database joining several shards (or remote databases) takes from its
  // first one only, under that shard's own docids: used for one local
  // database only.
  bool text_copies = false;
  bool remote = false;  // `db` joins a remote shard (a stub's `remote` line)
  // What depends on `db`'s revision, read when `db` is opened or has
  // changed: the index's schema version (schema.h; 0 when unknown) and the
  // term frequencies the queries looked up. A Searcher made from a
  // Database object reads them for every search: the object may be a
  // WritableDatabase written to in between, with no revision to tell.
  int schema_version = 0;
  TermFreqs term_freqs;
  void OnNewRevision() {
    schema_version = SchemaVersion(db);
    term_freqs.Clear();
    shadows.reset();
  }
  // An id held by several documents (shards joined by a stub; one
  // database holds an id once): a catalog record (no text) in the
  // catalog's shard and the text in another (X2, QA 20: each such law was
  // found twice, the record first, and listed as missing). The records are
  // left out of search, the catalog and the missing list.
  struct Shadows {
    Xapian::Query records;      // the records, or empty
    std::set<std::string> ids;  // their ids
  };
  std::optional<Shadows> shadows;  // read once a revision, when needed
  const Shadows& Shadowed();
  bool HasText(Xapian::docid did) const;
  // Of the documents with id term `qterm`: one with text over a record,
  // then the one in the shard listed first, then the first; 0 if none (X5,
  // QA 20: the lowest docid of the joined shards was opened, a record as
  // well as a text, whatever the stub's order).
  Xapian::docid BestCopy(const std::string& qterm) const;
  // A second handle on the same database, with its own thread, to count a
  // tiered query's tiers and facets while `db` ranks it; null for a
  // Searcher made from a Database object (it counts in turn).
  struct Counter {
    explicit Counter(Xapian::Database handle) : db(std::move(handle)) {}
    Xapian::Database db;
    text::Analyzer analyzer;
    Worker worker;  // last: stops before the handle it uses closes
  };
  std::unique_ptr<Counter> counter;
  // Both handles read the same revision (see SyncRevisions): else a hit
  // the counter makes could be missing or different in its revision.
  bool same_revision = false;

  // The hits of a page, made by one thread or two: each thread takes the
  // next hit not taken yet, once the ranking has published them. A helper
  // that waits for them is released by Publish or Abandon (one of them
  // must be called).
  struct PageHits {
    PageHits(const BuiltQuery& bq, bool snippets) : bq(bq), snippets(snippets) {}
    // Called by the ranking thread once `msets` are final (also again,
    // after a fallback pass, when no other thread takes hits).
    void Publish(const std::vector<Xapian::MSet>& msets) {
      ranked.clear();
      for (const auto& m : msets) {
        for (auto it = m.begin(); it != m.end(); ++it) ranked.emplace_back(*it, it.get_weight());
      }
      hits.assign(ranked.size(), std::nullopt);
      marks.assign(ranked.size(), SuggestMarks());
      next = 0;
      state.store(kReady, std::memory_order_release);
      state.notify_all();
    }
    // The ranking failed: there will be no hits.
    void Abandon() {
      int ranking = kRanking;
      if (state.compare_exchange_strong(ranking, kAbandoned)) state.notify_all();
    }
    // Makes hits through `d` and `an` until none is left; after Publish
    // only (`wait`: until then).
    void Take(const Internal& in, const Xapian::Database& d, const text::Analyzer& an,
              bool wait = false) {
      if (wait) state.wait(kRanking, std::memory_order_acquire);
      if (state.load(std::memory_order_acquire) != kReady) return;
      if (!snippets) return TakeAll(in, d, an);
      for (size_t i; (i = next.fetch_add(1)) < ranked.size();) {
        Xapian::Document doc = d.get_document(ranked[i].first, Xapian::DOC_ASSUME_VALID);
        hits[i] =
            in.MakeHit(d, an, ranked[i].first, ranked[i].second, doc.get_value(schema::kSlotHit),
                       doc.get_value(schema::kSlotId), bq, snippets, &marks[i]);
      }
    }
    // Hits without snippets cost little more than their two values: one
    // thread makes them all, reading the values slot by slot in docid order.
    // A value stream then moves forward through the slot's B-tree leaves,
    // where a lookup per value alternating between the slots reads a branch
    // and a leaf block for each (12 block reads instead of 46 for the 10
    // hits of "an toàn thực phẩm" on the benchmark index).
    void TakeAll(const Internal& in, const Xapian::Database& d, const text::Analyzer& an) {
      size_t from = next.exchange(ranked.size());
      if (from >= ranked.size()) return;
      std::vector<size_t> order(ranked.size() - from);
      for (size_t k = 0; k < order.size(); ++k) order[k] = from + k;
      std::sort(order.begin(), order.end(),
                [&](size_t a, size_t b) { return ranked[a].first < ranked[b].first; });
      std::vector<std::string> hit_values(ranked.size()), ids(ranked.size());
      auto read = [&](Xapian::valueno slot, std::vector<std::string>* values) {
        Xapian::ValueIterator v = d.valuestream_begin(slot);
        for (size_t i : order) {
          if (v == d.valuestream_end(slot)) break;
          v.skip_to(ranked[i].first);
          if (v != d.valuestream_end(slot) && v.get_docid() == ranked[i].first) (*values)[i] = *v;
        }
      };
      read(schema::kSlotHit, &hit_values);
      read(schema::kSlotId, &ids);
      for (size_t i : order) {
        hits[i] = in.MakeHit(d, an, ranked[i].first, ranked[i].second, std::move(hit_values[i]),
                             std::move(ids[i]), bq, snippets, &marks[i]);
      }
    }

    const BuiltQuery& bq;  // its highlight sets only (see MakeHit)
    const bool snippets;
    std::vector<std::pair<Xapian::docid, double>> ranked;  // docid, weight; rank order
    std::vector<std::optional<Hit>> hits;                  // nullopt: record unreadable
    std::vector<SuggestMarks> marks;                       // of each hit's snippet
    enum { kRanking, kReady, kAbandoned };
    std::atomic<int> state{kRanking};
    std::atomic<size_t> next{0};
  };

  // One search's working state, shared by its steps and, by pointer, by the
  // helper's jobs (waited for before it goes).
  struct Run {
    Run(const SearchRequest& request, const Prepared& p, const Xapian::Database& db)
        : request(request), p(p), enquire(db), page(p.bq, request.snippets) {}
    const SearchRequest& request;
    const Prepared& p;
    Xapian::Enquire enquire;
    Xapian::doccount offset = 0, limit = 0;
    Xapian::doccount depth = 0;       // documents the facets count (facet_depth)
    Worker* helper = nullptr;         // the counter's thread, when a core is free for it
    std::vector<Xapian::MSet> msets;  // the page: tier 1, then tier 2 if it reaches it
    Xapian::doccount total = 0;
    bool partial = false;  // the hits are the fallback's: some of the words only
    // Documents with every word that the exclusions all took away (then no
    // fallback: the words are there).
    Xapian::doccount excluded_all = 0;
    Facets facets;
    TierCounts counts;
    PageHits page;
    std::exception_ptr helper_error;
  };

  StatusOr<SearchResponse> Search(const SearchRequest& request);
  // The accent suggestion of `parsed`'s words as the first kSuggestHits
  // hits of the words alone show them, the rest of the query as typed; ""
  // when there is none.
  std::string SuggestionOfWordsAlone(const ParsedQuery& parsed);
  // `by_date`: one list in date order, sized and faceted as the tiers.
  void RankTiers(Run* run, bool by_date);
  void RankOnce(Run* run);
  // Runs `job` on the helper; what it throws is kept for WaitForHelper.
  void StartHelper(Run* run, std::function<void()> job);
  void WaitForHelper(Run* run);  // and rethrows what its job threw
  // The database's path when opened by path (else empty, and `identity`
  // is not used), and what the path named then (DiskIdentity).
  std::string path;
  std::vector<int64_t> identity;
  std::chrono::steady_clock::time_point remote_checked;  // RemoteReplaced
  OpenOptions options;
  RemoteFailure remote_failure = RemoteFailure::kNone;
  // `e` as a Status, `what` leading its message: Unavailable for a remote
  // shard's failure (noted in `remote_failure`), else IoError.
  Status Failed(const std::string& what, const Xapian::Error& e) {
    RemoteFailure remote = RemoteFailureOf(e);
    std::string details = "(chi tiết từ Xapian: " + e.get_description() + ")";
    if (remote == RemoteFailure::kNone) {
      // Said in Vietnamese, with what to do (R8, QA 21: Xapian's English
      // words alone).
      if (std::string_view(e.get_type()) == "DatabaseCorruptError") {
        return Status::IoError(what + DamagedIndex(path) + " " + details);
      }
      return Status::IoError(what + details);
    }
    remote_failure = remote;
    return Status::Unavailable(what + details);
  }
  // Takes the handles of `opened` (of `path`, opened afresh).
  void Use(Opened opened) {
    db = std::move(opened.db);
    text_copies = opened.one;
    remote = opened.remote;
    counter = std::make_unique<Counter>(std::move(opened.second));
    identity = std::move(opened.identity);
    remote_checked = std::chrono::steady_clock::now();
    SyncRevisions();
    OnNewRevision();
  }
  Status Reopen() {
    // Another database now stands at `path`: opened afresh.
    if (!path.empty() && (DiskIdentity(path) != identity || RemoteReplaced())) {
      auto opened = OpenIndex(path, options.remote_timeout, &remote_failure);
      if (!opened.ok()) return opened.status();
      Use(std::move(opened).value());
      return Status::Ok();
    }
    bool changed = db.reopen();
    if (counter) {
      counter->db.reopen();
      changed |= SyncRevisions();
    }
    if (changed) OnNewRevision();
    return Status::Ok();
  }
  // True when a remote shard of the stub at `path` is now another database
  // than the one `db` reads; asked at most every kRemoteCheckEvery. D3 (QA
  // 23): a remote shard rebuilt (`vanban index --rebuild` swaps a new
  // folder in at the revision the old one had) stood behind the same
  // xapian-tcpsrv, whose process for this connection kept the deleted old
  // index open, and its reopen() compares revisions only: `vanban serve`
  // answered from the old index until a server restarted. A new
  // connection opens what is there now, compared by UUID. Throws what
  // opening the shards throws (a remote shard down is told as by reopen()).
  bool RemoteReplaced() {
    if (!remote) return false;
    auto now = std::chrono::steady_clock::now();
    if (now - remote_checked < kRemoteCheckEvery) return false;
    remote_checked = now;
    auto stub = ReadStub(StubFileOf(path));
    if (!stub.ok()) return true;  // opened again, and tells why it fails
    const StubShard* opening = nullptr;
    return OpenShards(*stub, options.remote_timeout, &opening).get_uuid() != db.get_uuid();
  }
  // A commit between opening (or reopening) the two handles leaves them on
  // different revisions: reopen both until they agree, a few times, or do
  // without the counter until the next reopen. A Database joining several
  // shards, or one remote database, has no revision; they are reopened
  // together and taken as equal.
  // True when `db` was reopened on a newer revision.
  bool SyncRevisions() {
    bool changed = false;
    try {
      for (int i = 0; i < 3 && counter->db.get_revision() != db.get_revision(); ++i) {
        changed |= db.reopen();
        counter->db.reopen();
      }
      same_revision = counter->db.get_revision() == db.get_revision();
    } catch (const Xapian::InvalidOperationError&) {
      same_revision = true;
    } catch (const Xapian::UnimplementedError&) {
      // One remote database alone (a stub "remote HOST:PORT"): no revision
      // either (S2, session 14: such a stub did not open at all).
      same_revision = true;
    }
    return changed;
  }
  // The hit `did` (weight `weight`) as shown on a page, from its values
  // `hit_value` (the hit record) and `id`, read through `d` with `an` (the
  // first handle or the counter's); its snippet (when `snippets`) marks the
  // words of `bq` (its highlight sets only: its queries belong to the thread
  // that built them), and its marks go into `marks`. Nothing when the hit's
  // record cannot be read.
  std::optional<Hit> MakeHit(const Xapian::Database& d, const text::Analyzer& an, Xapian::docid did,
                             double weight, std::string hit_value, std::string id,
                             const BuiltQuery& bq, bool snippets, SuggestMarks* marks) const;
  StatusOr<index::Record> Load(Xapian::docid did, bool with_text);
  // The document `id_or_number` names (FindAny), as BestCopy picks it among
  // those with its id.
  Xapian::docid Find(const std::string& id_or_number);
  Xapian::docid FindAny(const std::string& id_or_number);
  // The documents a short name led by its type fits (QueryBuilder::
  // LooseName), the best `n`; empty when it is no such name.
  Xapian::MSet LooseFits(const text::AnalyzedText& name, Xapian::doccount n);
  // The document whose own number is `number` in any spelling, or 0. Of
  // several, the one with the shortest id, then the first in id order:
  // the plain id over a suffixed copy's ("luat-25-2018-qh14" over
  // "luat-25-2018-qh14-db5856", S5 session 16), whatever their docids.
  // `all`, when given, gets every one's display fields, in that order.
  Xapian::docid WithNumber(const std::string& number, std::vector<Hit>* all = nullptr);
  // Of documents a name fits, the one to open: the only one; or, when all
  // have one number (a law and its copies, such as a Pháp điển đề mục's:
  // Q7, session 17), the one with the shortest id, as WithNumber; else 0.
  Xapian::docid OneLaw(const std::vector<Xapian::docid>& dids);
  // The number a short spelling with its type or codes names ("luật
  // 45/2013": "45/2013/qh13"; NumberQuery) when it is one number that the
  // texts cite in full and no document has as its own; as the citations'
  // terms key it (index::NameKey), else "". S9 (QA 21): only the full
  // number found what cites it.
  std::string CitedNumber(const std::string& key);
  // `citing_names`: also the short name of each citing document
  // (CatalogRow::cited_in_names), which reads their hit records.
  // The catalog row of document `did` (empty id when it cannot be read).
  CatalogRow Row(Xapian::docid did, bool citing_names = false);
  // Fills `row`'s cited_in (and names) and cited_count from its id.
  void AddCiting(bool citing_names, CatalogRow* row);
};

Searcher::Searcher(const Xapian::Database& db, bool one_database)
    : internal_(std::make_unique<Internal>()) {
  internal_->db = db;
  internal_->text_copies = one_database;
  internal_->OnNewRevision();
}

Searcher::~Searcher() = default;

StatusOr<std::unique_ptr<Searcher>> Searcher::Open(const std::string& db_dir,
                                                   const OpenOptions& options) {
  auto opened = OpenIndex(db_dir, options.remote_timeout);
  if (!opened.ok()) return opened.status();
  try {
    auto searcher = std::make_unique<Searcher>(opened->db, opened->one);
    searcher->internal_->path = db_dir;
    searcher->internal_->options = options;
    searcher->internal_->Use(std::move(opened).value());
    return searcher;
  } catch (const Xapian::Error& e) {
    return OpenFailure(db_dir, nullptr, e, options.remote_timeout);
  }
}

Status Searcher::Reopen() {
  try {
    return internal_->Reopen();
  } catch (const Xapian::Error& e) {
    return internal_->Failed("không mở lại được chỉ mục: ", e);
  }
}

Searcher::RemoteFailure Searcher::remote_failure() const { return internal_->remote_failure; }

StatusOr<SearchResponse> Searcher::Search(const SearchRequest& request) {
  for (int attempt = 0;; ++attempt) {
    try {
      return internal_->Search(request);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt > 0) return Status::IoError("chỉ mục đang thay đổi: " + e.get_description());
      if (Status reopened = Reopen(); !reopened.ok()) return reopened;
    } catch (const Xapian::Error& e) {
      return internal_->Failed("lỗi khi tìm kiếm: ", e);
    }
  }
}

StatusOr<SearchResponse> Searcher::Internal::Search(const SearchRequest& request) {
  SearchResponse resp;
  resp.query = request.query;
  std::string q(text::Utf8Prefix(request.query, SearchRequest::kMaxQueryBytes));
  if (q.size() < request.query.size()) {
    resp.notice = "Câu truy vấn quá dài; chỉ dùng " +
                  std::to_string(SearchRequest::kMaxQueryBytes) + " byte đầu.";
  }
  // L5 (QA 22): a word typed in VIQR is searched as the syllable it spells
  // ("to^' ca'o" found "tổ chức, cá nhân … ở" by the pieces the marks cut).
  if (std::string read = ReadTyping(q, Typing::kViqr, db); !read.empty()) {
    resp.notice += (resp.notice.empty() ? "" : " ") + std::string("Đã đọc ") + InQuotes(q) +
                   " theo kiểu gõ VIQR là " + InQuotes(read) + ".";
    q = std::move(read);
  }
  ParsedQuery parsed = ParseQuery(q);
  if (!parsed.notice.empty()) resp.notice += (resp.notice.empty() ? "" : " ") + parsed.notice;
  // "year:abcd" is told what --year and ?year= say (they refuse it): a
  // year has four digits. Before, "no document has the year “abcd”".
  std::vector<std::pair<std::string, std::string>> years;  // field as typed, value
  for (const std::string& year :
       request.year.empty() ? parsed.years : std::vector<std::string>{request.year}) {
    years.emplace_back("year:", year);
  }
  for (const auto& [name, value] : parsed.excluded_filters) {
    if (name == "year") years.emplace_back("-year:", value);
  }
  for (const auto& [field, year] : years) {
    if (SearchRequest::IsYear(year)) continue;
    resp.notice += (resp.notice.empty() ? "" : " ") + std::string("Giá trị “") + year + "” của " +
                   field + " phải là năm bốn chữ số, ví dụ 2021.";
    return resp;
  }
  if (!counter) OnNewRevision();
  Prepared p = Prepare(db, analyzer, schema_version, &term_freqs, parsed, request);
  p.shadowed = Shadowed().records;
  // Before the check for nothing to search: a filter no document has
  // ("year:1999") leaves no filter query, but was typed.
  if (!p.unknown_filter.empty()) {
    resp.notice += (resp.notice.empty() ? "" : " ") + std::string("Không có văn bản nào có ") +
                   p.unknown_filter + " trong chỉ mục.";
    // Under every filter, also one no document has (Q18, session 17:
    // `--type "Thông tư" khieu nai` had none).
    if (!p.bq.accented && request.snippets) resp.suggestion = SuggestionOfWordsAlone(parsed);
    return resp;
  }
  if (p.bq.words_dropped > 0) {
    // Never silently: the words left out would otherwise change the hits
    // with their order ("luật … xyzq").
    resp.notice += (resp.notice.empty() ? "" : " ") + std::string("Câu truy vấn có hơn ") +
                   std::to_string(BuiltQuery::kMaxQueryWords) + " từ; chỉ dùng " +
                   std::to_string(BuiltQuery::kMaxQueryWords) + " từ đầu, bỏ " +
                   std::to_string(p.bq.words_dropped) + " từ sau.";
  }
  if (!p.unmatched_filters.empty()) {
    resp.notice += (resp.notice.empty() ? "" : " ") + std::string("Không có văn bản nào có ") +
                   p.unmatched_filters + "; chỉ lọc theo các giá trị còn lại.";
  }
  if (!p.unknown_exclusions.empty()) {
    resp.notice += (resp.notice.empty() ? "" : " ") + std::string("Không có văn bản nào có ") +
                   p.unknown_exclusions + " nên điều kiện loại trừ đó không loại văn bản nào.";
  }
  if (p.bq.query.empty() && p.filter.empty() && p.excl.empty()) {
    resp.notice += (resp.notice.empty() ? "" : " ") + std::string("Hãy nhập từ cần tìm.");
    resp.nothing_to_search = true;
    return resp;
  }
  SearchesRunning running;
  Run run(request, p, db);
  run.limit = std::clamp(request.limit, 0, SearchRequest::kMaxLimit);
  run.offset = std::max(0, request.offset);
  // The same on every page (R5, session 16: a deep page counted its
  // facets and size over offset + limit matches, so they changed while
  // paging, and page=1000&limit=100 counted 100 000 matches each time).
  run.depth = std::max(request.facet_depth, 0);
  run.helper = counter && same_revision && running.CoresFree() ? &counter->worker : nullptr;
  WaitOnExit wait{run.helper};  // declared after `run`, which the helper uses: runs first
  // Releases a helper waiting for hits when the ranking throws (before
  // `wait` waits for it).
  struct AbandonOnExit {
    PageHits* page;
    ~AbandonOnExit() { page->Abandon(); }
  } abandon{&run.page};
  // Date order is one list: the tiers (query.h) are for relevance only.
  bool by_date = request.sort == SearchRequest::Sort::kDate;
  if (by_date) run.enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  bool tiers = !p.bq.tier1.empty();
  if (tiers) RankTiers(&run, by_date);
  if (!tiers || run.total == 0) RankOnce(&run);

  Xapian::doccount shown = 0;
  for (const auto& m : run.msets) shown += m.size();
  // An estimate, but never below what this page shows and skips.
  resp.total =
      static_cast<int>(std::max<Xapian::doccount>(run.total, shown ? run.offset + shown : 0));
  resp.facets = std::move(run.facets);
  if (!p.bq.unknown_number.empty()) {
    resp.notice += (resp.notice.empty() ? "" : " ") + std::string("Không có văn bản nào là “") +
                   p.bq.unknown_number +
                   "” trong chỉ mục (cũng không văn bản nào dẫn chiếu đến nó)" +
                   (resp.total > 0 ? "; văn bản dưới đây chỉ có một phần của số, năm, loại hay ký "
                                     "hiệu."
                                   : ".");
  }
  if (run.excluded_all > 0) {
    resp.excluded_all = static_cast<int>(run.excluded_all);
    // Any one of them excludes a document: those that take some away are
    // named (R2, session 16: "-type:Luật" alone was "vì có .").
    std::string words;
    Xapian::Query kept = p.Compose(p.bq.query, Xapian::Query(), /*with_exclusions=*/false);
    for (const auto& [name, query] : p.exclusions) {
      Xapian::Enquire enquire(db);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, kept, query));
      if (enquire.get_mset(0, 1).empty()) continue;
      words += (words.empty() ? "" : " hoặc ") + name;
    }
    resp.notice += (resp.notice.empty() ? "" : " ") +
                   (run.excluded_all == 1 ? std::string("Văn bản duy nhất chứa đủ các từ bị loại")
                                          : "Cả " + std::to_string(run.excluded_all) +
                                                " văn bản chứa đủ các từ đều bị loại") +
                   " vì có " + words + ".";
  }
  if (run.partial) {
    // Never silently: these hits lack some of the words typed, each named
    // once.
    std::string words;
    std::set<std::string> named;  // folded: "Xyzq" is "xyzq"
    for (const auto& w : p.bq.unknown_words) {
      if (named.insert(text::FoldText(w)).second) words += (words.empty() ? "“" : ", “") + w + "”";
    }
    std::string partial =
        words.empty()
            ? std::string("Không có văn bản nào chứa đủ các từ; dưới đây là văn bản chứa một phần.")
            : "Không có văn bản nào chứa " + words + "; dưới đây là văn bản chứa các từ còn lại.";
    resp.notice += (resp.notice.empty() ? "" : " ") + partial;
  }
  resp.results.reserve(run.page.hits.size());
  std::vector<SuggestMarks> marks;  // of the hits shown, in rank order
  for (size_t i = 0; i < run.page.hits.size(); ++i) {
    if (!run.page.hits[i]) continue;
    resp.results.push_back(std::move(*run.page.hits[i]));
    marks.push_back(std::move(run.page.marks[i]));
  }
  // Q4 (session 17): the words of quoted phrases are suggested too, in the
  // order typed ("\"dan van\" chinh quyen" gave "chính quyền \"dan van\"",
  // and a phrase alone nothing).
  if (!p.bq.accented && !parsed.words_and_phrases.empty() && request.snippets) {
    bool filtered = !parsed.types.empty() || !parsed.issuers.empty() || !parsed.years.empty() ||
                    !request.type.empty() || !request.issuer.empty() || !request.year.empty() ||
                    !parsed.exclusions.empty();
    // In date order the first hits are the newest, not the best (J3, QA
    // 21: "Hai Duong" gave "Hại Đương" from "bị hại, đương sự").
    if (run.offset == 0 && !filtered && !by_date && run.limit >= kSuggestHits) {
      if (marks.size() > kSuggestHits) marks.resize(kSuggestHits);
      // Exact terms have positions from schema 4 on: before, the forms'
      // pairs cannot be counted (an unmarked form would stand everywhere).
      std::string accented =
          SuggestAccents(analyzer, parsed.words_and_phrases, MergeMarks(std::move(marks)),
                         schema_version >= 4 ? &db : nullptr, &term_freqs);
      // The rest of the query as typed: filters and exclusions stay.
      if (!accented.empty()) resp.suggestion = parsed.WithWordsAndPhrases(accented);
    } else {
      resp.suggestion = SuggestionOfWordsAlone(parsed);
    }
  }
  // L5 (QA 22): a word typed in Telex or VNI that no document has ("luaatj",
  // "luat5") is offered as the syllable it spells ("luật").
  if (resp.suggestion.empty() && request.snippets) {
    resp.suggestion = ReadTyping(q, Typing::kTelexOrVni, db);
    // R4 (QA 23): a reading without marks only split a number off a word
    // ("muc1": "muc 1"); it is offered accented as that query is ("mục 1").
    bool unmarked = std::all_of(resp.suggestion.begin(), resp.suggestion.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!resp.suggestion.empty() && unmarked) {
      SearchRequest split;
      split.query = resp.suggestion;
      split.limit = kSuggestHits;
      if (auto r = Search(split); r.ok() && !r->suggestion.empty()) {
        resp.suggestion = r->suggestion;
      }
    }
  }
  return resp;
}

std::string Searcher::Internal::SuggestionOfWordsAlone(const ParsedQuery& parsed) {
  if (parsed.words_and_phrases.empty()) return "";
  // The same suggestion on every page, for any page size and under every
  // filter (the hits of a page 2, or of "Luật" only, gave "dân văn", "dẫn
  // vận"; one hit, "nguoi tố cáo").
  SearchRequest words;
  words.query = parsed.words_and_phrases;
  words.limit = kSuggestHits;
  auto first = Search(words);
  if (!first.ok() || first->suggestion.empty()) return "";
  return parsed.WithWordsAndPhrases(first->suggestion);
}

// The sizes and facets are counted by `counter` while this thread ranks
// (in turn without a helper): the ranking needs no spy and no minimum
// number of documents examined, so the matcher may stop early. Its counting
// done, the counter helps make the page's hits (waiting for the ranking
// when it is not done). Date order ranks the tiers as one list (tiers
// would break the order), but counts them as relevance order does: the
// same query has the same `total` and facets in both orders.
void Searcher::Internal::RankTiers(Run* run, bool by_date) {
  const Prepared& p = run->p;
  Xapian::Query count1 = p.Compose(p.bq.tier1_set, Xapian::Query());
  Xapian::Query count2 = p.Compose(p.bq.tier2, Xapian::Query());
  if (run->helper) {
    // The helper's copies of the queries, unserialised on its thread: no
    // query building (and no term lookups) twice.
    StartHelper(run, [this, run, s1 = count1.serialise(), s2 = count2.serialise()] {
      CountTiers(counter->db, Xapian::Query::unserialise(s1), Xapian::Query::unserialise(s2),
                 run->depth, &run->counts);
      if (run->request.snippets) run->page.Take(*this, counter->db, counter->analyzer, true);
    });
  }
  auto& msets = run->msets;
  if (by_date) {
    run->enquire.set_query(p.Compose(p.bq.query, p.bq.boost));
  } else {
    run->enquire.set_query(p.Compose(p.bq.tier1, p.bq.tier1_boost));
  }
  msets.push_back(run->enquire.get_mset(run->offset, run->limit));
  Xapian::doccount n1 = msets.back().get_matches_lower_bound();
  if (!by_date && msets.back().size() < run->limit) {
    // The page reaches tier 2; tier 1 was examined in full (n1 exact).
    run->enquire.set_query(p.Compose(p.bq.tier2, p.bq.boost));
    msets.push_back(run->enquire.get_mset(run->offset > n1 ? run->offset - n1 : 0,
                                          run->limit - msets.back().size()));
  }
  run->page.Publish(msets);
  run->page.Take(*this, db, analyzer);
  if (run->helper) {
    WaitForHelper(run);
  } else {
    CountTiers(db, count1, count2, run->depth, &run->counts);
  }
  const TierCounts& counts = run->counts;
  if (msets.size() == 1) {
    run->total = counts.n1 + counts.n2;
  } else {
    // The same tier-2 size as when tier 1 fills the page, so that `total`
    // does not jump when paging into tier 2, within what the ranking saw.
    const Xapian::MSet& second = msets.back();
    run->total =
        msets.front().get_matches_lower_bound() +
        std::clamp(counts.n2, second.get_matches_lower_bound(), second.get_matches_upper_bound());
  }
  run->facets = std::move(run->counts.facets);
}

// One ranked pass, its spies counting the facets (the OR fallback when the
// AND finds nothing); a page of 4 hits or more shares its snippets with the
// helper.
void Searcher::Internal::RankOnce(Run* run) {
  const Prepared& p = run->p;
  // X1 (QA 20): Xapian 1.4's matcher, sorting by value, shows its spies a
  // remote shard's document that sorts below the page's last although the
  // remote server's spies counted it already: facets over-counted in date
  // order. Over a remote shard, date order counts in relevance order.
  std::optional<Xapian::Enquire> by_relevance;
  if (remote && run->request.sort == SearchRequest::Sort::kDate) by_relevance.emplace(db);
  auto match = [&](Xapian::Enquire& enquire, const std::vector<Xapian::MatchSpy*>& spies) {
    run->msets.clear();
    enquire.clear_matchspies();
    for (auto* spy : spies) enquire.add_matchspy(spy);
    enquire.set_query(p.Compose(p.bq.query, p.bq.boost));
    run->msets.push_back(enquire.get_mset(run->offset, run->limit, run->depth));
    run->total = run->msets.back().get_matches_estimated();
    if (run->total == 0 && !p.excl.empty()) {
      Xapian::Enquire without(db);
      without.set_query(p.Compose(p.bq.query, Xapian::Query(), /*with_exclusions=*/false));
      constexpr Xapian::doccount kCountExactlyTo = 10000;
      run->excluded_all = without.get_mset(0, 0, kCountExactlyTo).get_matches_estimated();
    }
    if (run->total == 0 && run->excluded_all == 0 && !p.bq.fallback.empty()) {
      enquire.set_query(p.Compose(p.bq.fallback, p.bq.boost));
      run->msets.back() = enquire.get_mset(run->offset, run->limit, run->depth);
      run->total = run->msets.back().get_matches_estimated();
      run->partial = run->total > 0;
    }
  };
  Xapian::Enquire& counting = by_relevance ? *by_relevance : run->enquire;
  auto count = [&](const std::vector<Xapian::MatchSpy*>& spies) { match(counting, spies); };
  run->facets.clear();
  if (run->offset + run->limit <= run->depth && !by_relevance) {
    CountFacets(count, &run->facets);
  } else {
    // A page past the first `depth` matches: the ranking examines more
    // than page 1's, so the facets and size are counted as page 1 counts
    // them (R5, session 16), then the page is ranked without spies.
    Xapian::doccount offset = run->offset;
    run->offset = 0;
    CountFacets(count, &run->facets);
    Xapian::doccount total = run->total;
    run->offset = offset;
    match(run->enquire, {});
    run->total = total;
  }
  run->page.Publish(run->msets);
  bool share =
      run->helper && run->request.snippets && run->msets.back().size() >= kShareSnippetsFrom;
  if (share) {
    StartHelper(run, [this, run] { run->page.Take(*this, counter->db, counter->analyzer); });
  }
  run->page.Take(*this, db, analyzer);
  if (share) WaitForHelper(run);
}

void Searcher::Internal::StartHelper(Run* run, std::function<void()> job) {
  run->helper->Start([run, job = std::move(job)] {
    try {
      job();
    } catch (...) {
      run->helper_error = std::current_exception();
    }
  });
}

void Searcher::Internal::WaitForHelper(Run* run) {
  run->helper->Wait();
  if (run->helper_error) std::rethrow_exception(run->helper_error);
}

namespace {

// Adds to `marks` the query's words as the hit's type and title write
// them ("Luật Khiếu nại"), those its snippet does not mark: a query naming
// a law and one of its articles ("luat khieu nai dieu 5") shows the
// article, which need not write the law's name, and a word no hit marks
// gets no accent suggestion (W3, QA 22: none for that query, though
// "khieu nai dieu 5" and "luat khieu nai" each got one).
void AddNameMarks(const text::Analyzer& an, const index::HitRecord& hit, const Highlight& highlight,
                  SuggestMarks* marks) {
  text::AnalyzedText at = an.Analyze(hit.type + " " + hit.title);
  const auto& ts = at.tokens;
  auto query_word = [&](size_t i) {
    return ts[i].kind == text::TokenKind::kSyllable && highlight.Has(ts[i].folded);
  };
  auto query_pair = [&](size_t i) {
    return i + 1 < ts.size() && query_word(i) && query_word(i + 1) &&
           highlight.IsPair(ts[i].folded, ts[i + 1].folded) &&
           index::AdjacentTokens(at.text, ts[i], ts[i + 1]);
  };
  MarkCounts words;
  PairCounts pairs;
  for (size_t i = 0; i < ts.size(); ++i) {
    if (!query_word(i) || marks->words.count(ts[i].folded)) continue;
    bool together = query_pair(i) || (i > 0 && query_pair(i - 1));
    words[ts[i].folded][ts[i].exact] += together ? 2 : 1;
    std::pair<std::string, std::string> pair{ts[i].folded,
                                             i + 1 < ts.size() ? ts[i + 1].folded : ""};
    if (query_pair(i) && !marks->pairs.count(pair)) ++pairs[pair][{ts[i].exact, ts[i + 1].exact}];
  }
  marks->words.merge(words);
  marks->pairs.merge(pairs);
}

}  // namespace

std::optional<Hit> Searcher::Internal::MakeHit(const Xapian::Database& d, const text::Analyzer& an,
                                               Xapian::docid did, double weight,
                                               std::string hit_value, std::string id,
                                               const BuiltQuery& bq, bool snippets,
                                               SuggestMarks* marks) const {
  // The hit record (a value) has all a hit shows; the text is read only for
  // a snippet, and the record's JSON is never parsed. A document indexed
  // before the hit slot existed is shown from its record.
  std::string data;
  auto hit = index::DecodeHitRecord(hit_value, snippets);
  if (!hit.ok()) {
    data = d.get_document(did, Xapian::DOC_ASSUME_VALID).get_data();
    auto rec = index::DecodeRecord(data, false);
    if (!rec.ok()) return std::nullopt;
    hit = index::HitRecordOf(*rec);
  }
  Hit h;
  h.id = std::move(id);
  h.score = std::round(weight * 1000) / 1000;
  h.has_text = hit->has_text;
  if (snippets) {
    // The text copy in the metadata (schema 3) is read without inflating
    // the compressed record; older indexes have the text in the data only.
    std::string_view text = index::RecordText(data);
    std::string text_copy;
    if (data.empty() && hit->has_text && !hit->paragraphs.empty()) {
      text_copy = text_copies ? d.get_metadata(index::TextKey(did)) : std::string();
      if (text_copy.empty()) {
        data = d.get_document(did, Xapian::DOC_ASSUME_VALID).get_data();
        text = index::RecordText(data);
      } else {
        text = text_copy;
      }
    }
    static const std::vector<PositionTerm> kNoTerms;
    bool named = false;
    if (!bq.name_term.empty()) {
      Xapian::PostingIterator p = d.postlist_begin(bq.name_term);
      p.skip_to(did);
      named = p != d.postlist_end(bq.name_term) && *p == did;
    }
    Snippet sn = MakeSnippet(d, did, *hit, text, bq.highlight,
                             named ? kNoTerms : bq.highlight_terms, an, bq.article_anchor);
    marks->words = std::move(sn.marks);
    marks->pairs = std::move(sn.pairs);
    marks->docs.assign(1, did);
    // Only a query typed without marks gets an accent suggestion.
    if (!bq.accented) AddNameMarks(an, *hit, bq.highlight, marks);
    h.snippet = std::move(sn.html);
    h.article = std::move(sn.article);
    h.article_anchor = std::move(sn.anchor);
  }
  h.type = std::move(hit->type);
  h.number = std::move(hit->number);
  h.title = std::move(hit->title);
  h.issuer = std::move(hit->issuer);
  h.date = std::move(hit->date);
  if (h.type.empty() && h.number.empty() && h.title.empty()) {
    h.file_label = index::FileLabel(
        {}, d.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotSourcePath));
  }
  return h;
}

StatusOr<index::Record> Searcher::Internal::Load(Xapian::docid did, bool with_text) {
  return index::DecodeRecord(db.get_document(did).get_data(), with_text);
}

namespace {

// Of several documents one number or name fits (a law and its copies),
// the one that opens: the shortest id ("luat-25-2018-qh14" before its copy
// "luat-25-2018-qh14-db5856"), then the first in id order.
bool OpensBefore(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// A document's display fields from its hit record (no score or snippet).
Hit DisplayHit(std::string id, const index::HitRecord& hit) {
  Hit h;
  h.id = std::move(id);
  h.type = hit.type;
  h.number = hit.number;
  h.title = hit.title;
  h.issuer = hit.issuer;
  h.date = hit.date;
  h.has_text = hit.has_text;
  return h;
}

// The same, or nothing when the record cannot be read.
std::optional<Hit> DisplayHit(const Xapian::Document& d) {
  auto hit = index::DecodeHitRecord(d.get_value(schema::kSlotHit), false);
  if (!hit.ok()) return std::nullopt;
  return DisplayHit(d.get_value(schema::kSlotId), *hit);
}

// `s` without white space (ASCII, and U+00A0 from a web page) at either
// end: an id copied from a table or an e-mail often has some.
std::string_view TrimSpace(std::string_view s) {
  auto space_at_start = [&s] {
    if (s.empty()) return size_t{0};
    if (std::isspace(static_cast<unsigned char>(s.front()))) return size_t{1};
    return s.substr(0, 2) == "\xC2\xA0" ? size_t{2} : size_t{0};
  };
  auto space_at_end = [&s] {
    if (s.empty()) return size_t{0};
    if (std::isspace(static_cast<unsigned char>(s.back()))) return size_t{1};
    return s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0" ? size_t{2} : size_t{0};
  };
  while (size_t n = space_at_start()) s.remove_prefix(n);
  while (size_t n = space_at_end()) s.remove_suffix(n);
  return s;
}

// Shaped like a document id: lower-case ASCII words joined by at least
// three hyphens ("luat-25-2018-qh14"), not a number typed with hyphens
// ("23-qd-tw").
bool LooksLikeId(std::string_view s) {
  if (std::count(s.begin(), s.end(), '-') < 3) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The runs of digits in `s`, without leading zeros: "03/2011/QH13" ->
// {"3", "2011", "13"}.
std::set<std::string> DigitRuns(std::string_view s) {
  std::set<std::string> runs;
  for (size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
    size_t first = i;
    while (first + 1 < end && s[first] == '0') ++first;
    runs.emplace(s.substr(first, end - first));
    i = end;
  }
  return runs;
}

// The words of `text` folded (index::NameKey's, split at its spaces).
std::vector<std::string> FoldedWords(std::string_view text) {
  std::string key = index::NameKey(text);
  std::vector<std::string> words;
  for (size_t i = 0; i < key.size();) {
    size_t end = std::min(key.find(' ', i), key.size());
    words.push_back(key.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

// The folded words of a document's type, title and issuer and the codes
// of its number, abbreviations written out too ("ubnd": "uy ban nhan
// dan").
std::set<std::string> NameWords(const index::HitRecord& hit) {
  index::NumberParts parts = index::SplitIdentifier(index::NameKey(hit.number));
  std::set<std::string> words(parts.symbols.begin(), parts.symbols.end());
  for (const std::string* field : {&hit.type, &hit.title, &hit.issuer}) {
    for (auto& w : FoldedWords(*field)) words.insert(std::move(w));
  }
  for (const text::Abbreviation& a : text::Abbreviations()) {
    if (!words.count(index::NameKey(a.abbrev))) continue;
    for (auto& w : FoldedWords(a.expansion)) words.insert(std::move(w));
  }
  return words;
}

// True when what `at` (a lookup's text) says besides numbers fits the
// document of `hit`, whose number has the digit runs `typed`: its leading
// number is typed, not only a code's digits ("qh13" is the code of many
// laws, none of them numbered 13), and each word typed is one of its
// type, title, issuer or codes, or says "số", "năm", "ngày" ("luật 25 hộ
// tịch" is not Luật 25/2018/QH14, Luật Tố cáo). R6 (QA 21): both opened
// such a document, silently.
bool NamesIt(const text::AnalyzedText& at, const std::set<std::string>& typed,
             const index::HitRecord& hit) {
  std::set<std::string> lead = DigitRuns(index::SplitIdentifier(index::NameKey(hit.number)).number);
  if (lead.empty() || !typed.count(*lead.begin())) return false;
  static const std::set<std::string> kMarkers = {"so", "nam",  "ngay", "thang",
                                                 "ky", "hieu", "van",  "ban"};
  std::set<std::string> words = NameWords(hit);
  for (const text::Token& t : at.tokens) {
    bool word = t.kind == text::TokenKind::kSyllable || t.kind == text::TokenKind::kAbbreviation;
    if (!word || t.stopword || kMarkers.count(t.folded) || words.count(t.folded) ||
        t.folded.find_first_of("0123456789") != std::string::npos) {
      continue;
    }
    std::vector<std::string_view> expansions = t.kind == text::TokenKind::kAbbreviation
                                                   ? text::ExpandAbbreviation(t.exact)
                                                   : std::vector<std::string_view>();
    std::vector<std::string> written_out =
        expansions.empty() ? std::vector<std::string>() : FoldedWords(expansions.front());
    if (written_out.empty() || !std::all_of(written_out.begin(), written_out.end(),
                                            [&](const std::string& w) { return words.count(w); })) {
      return false;
    }
  }
  return true;
}

}  // namespace

Xapian::docid Searcher::Internal::OneLaw(const std::vector<Xapian::docid>& dids) {
  if (dids.size() == 1) return dids.front();
  std::string number, best_id;
  Xapian::docid best = 0;
  for (Xapian::docid did : dids) {
    Xapian::Document d = db.get_document(did, Xapian::DOC_ASSUME_VALID);
    std::string folded = index::OwnNumberOf(analyzer, d);
    if (folded.empty() || (!number.empty() && folded != number)) return 0;
    number = folded;
    std::string id = d.get_value(schema::kSlotId);
    if (!best || OpensBefore(id, best_id)) {
      best = did;
      best_id = id;
    }
  }
  return best;
}

bool Searcher::Internal::HasText(Xapian::docid did) const {
  auto hit = index::DecodeHitRecord(
      db.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotHit), false);
  return hit.ok() && hit->has_text;
}

Xapian::docid Searcher::Internal::BestCopy(const std::string& qterm) const {
  auto p = db.postlist_begin(qterm);
  if (p == db.postlist_end(qterm)) return 0;
  Xapian::docid best = *p;
  if (++p == db.postlist_end(qterm)) return best;
  // Joined shards interleave their docids: shard (did - 1) % n.
  const Xapian::docid shards = std::max<Xapian::docid>(db.size(), 1);
  bool best_text = HasText(best);
  for (; p != db.postlist_end(qterm); ++p) {
    bool text = HasText(*p);
    if (text != best_text ? text : (*p - 1) % shards < (best - 1) % shards) {
      best = *p;
      best_text = text;
    }
  }
  return best;
}

const Searcher::Internal::Shadows& Searcher::Internal::Shadowed() {
  if (shadows) return *shadows;
  shadows.emplace();
  if (text_copies) return *shadows;  // one database
  std::string no_text = schema::Term(schema::kFilterHasText, "0");
  std::vector<Xapian::Query> records;
  for (auto p = db.postlist_begin(no_text); p != db.postlist_end(no_text); ++p) {
    std::string id = db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotId);
    std::string qterm = schema::Term(schema::kId, id);
    if (id.empty() || shadows->ids.count(id) || db.get_termfreq(qterm) < 2) continue;
    Xapian::docid best = BestCopy(qterm);
    if (!HasText(best)) continue;
    shadows->ids.insert(id);
    records.emplace_back(Xapian::Query::OP_AND, Xapian::Query(qterm), Xapian::Query(no_text));
  }
  if (!records.empty()) {
    shadows->records = Xapian::Query(Xapian::Query::OP_OR, records.begin(), records.end());
  }
  return *shadows;
}

Xapian::docid Searcher::Internal::Find(const std::string& id_or_number) {
  // X10 (QA 20): "luat-10-2022-qh15 " was an id with more after it (not
  // found), where " luat-10-2022-qh15" was found.
  Xapian::docid did = FindAny(std::string(TrimSpace(id_or_number)));
  if (!did || text_copies) return did;
  std::string id = db.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotId);
  return id.empty() ? did : BestCopy(schema::Term(schema::kId, id));
}

// By id; else by number: the document whose own number it is; else by
// name; else the best number-aware match whose own number has every number
// typed ("ct 33" is 33/CT-TTg). A document that only cites the number is
// not it: "03/2011/QH13", cited by Luật 25/2018/QH14, is not found.
Xapian::docid Searcher::Internal::FindAny(const std::string& id_or_number) {
  std::string id = Lowercase(id_or_number);
  // An id is lowercase ASCII: "Đ" is none, and "QĐ" is the term of the
  // abbreviation QĐ, not the id term of "Đ" (I3, session 17: `show Đ`
  // opened a law whose text writes "QĐ").
  bool id_shaped = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
  std::string qterm = schema::Term(schema::kId, id);
  auto p = id_shaped ? db.postlist_begin(qterm) : db.postlist_end(qterm);
  if (p != db.postlist_end(qterm)) return *p;
  if (Xapian::docid did = WithNumber(id_or_number)) return did;
  // A name: "Luật Tố cáo"; "luật hình sự", Bộ luật Hình sự when no Luật
  // is named so (S8, QA 21: the loose name below opened Luật Thi hành án
  // hình sự).
  std::string nterm = QueryBuilder(db, analyzer).NameTerm(index::NameKey(id_or_number));
  std::vector<Xapian::docid> named;
  if (!nterm.empty()) {
    for (auto it = db.postlist_begin(nterm); it != db.postlist_end(nterm) && named.size() < 10;
         ++it) {
      named.push_back(*it);
    }
  }
  if (!named.empty()) {
    Xapian::docid did = OneLaw(named);
    return did ? did : named.front();
  }
  // An id the index does not have ("luat-25-2018-qh14-2", a file since
  // removed) is not found: the best match of the number in it is another
  // document.
  if (LooksLikeId(id_or_number)) return 0;
  // Nor is an id with more after it ("luat-10-2022-qh15/foo", R3 session
  // 16: the digit runs of the id found the law, and
  // /api/documents/ID/citations/x answered with the whole document).
  if (size_t end = id_or_number.find_first_of("/ #?");
      end != std::string::npos && LooksLikeId(id_or_number.substr(0, end))) {
    return 0;
  }
  text::AnalyzedText at = analyzer.Analyze(id_or_number);
  // A short name led by its type ("luật dân chủ cơ sở", F6, session 15:
  // search found the law by it, `show` and /van-ban/ did not): the one
  // document it fits; when it fits several or none, a number in it may
  // still name one ("chỉ thị ct33").
  std::vector<Xapian::docid> fits;
  Xapian::MSet loose = LooseFits(at, 10);
  for (auto m = loose.begin(); m != loose.end(); ++m) fits.push_back(*m);
  if (Xapian::docid did = OneLaw(fits)) return did;
  Xapian::Query nq = QueryBuilder(db, analyzer).NumberQuery(at);
  if (nq.empty()) return 0;
  std::set<std::string> typed = DigitRuns(id_or_number);
  if (typed.empty()) return 0;
  Xapian::Enquire enquire(db);
  enquire.set_query(nq);
  constexpr Xapian::doccount kCandidates = 10;
  Xapian::MSet mset = enquire.get_mset(0, kCandidates);
  for (auto m = mset.begin(); m != mset.end(); ++m) {
    auto hit = index::DecodeHitRecord(m.get_document().get_value(schema::kSlotHit), false);
    if (!hit.ok()) continue;
    std::set<std::string> own = DigitRuns(hit->number);
    if (std::includes(own.begin(), own.end(), typed.begin(), typed.end()) &&
        NamesIt(at, typed, *hit)) {
      return *m;
    }
  }
  return 0;
}

std::string Searcher::Internal::CitedNumber(const std::string& key) {
  auto cited_so = [&](const std::string& number) {
    return db.term_exists(schema::Term(schema::kCitesUnresolved, number));
  };
  if (cited_so(index::NameKey(key))) return {};
  std::vector<std::string> named;
  QueryBuilder(db, analyzer).NumberQuery(analyzer.Analyze(key), &named);
  std::set<std::string> cited;
  for (const auto& number : named) {
    if (cited_so(number) && !WithNumber(number)) {
      cited.insert(number);
    }
  }
  return cited.size() == 1 ? *cited.begin() : std::string();
}

Xapian::docid Searcher::Internal::WithNumber(const std::string& number, std::vector<Hit>* all) {
  std::string folded = index::FoldedIdentifier(analyzer, number);
  std::string iterm = schema::Term(schema::kIdentifier, folded);
  std::vector<std::pair<Hit, Xapian::docid>> found;
  // Every document citing the number holds the term too: read the hit
  // record's number, not the whole record (S1, session 14).
  for (auto it = db.postlist_begin(iterm); it != db.postlist_end(iterm); ++it) {
    // A document's own number has wdf 8 at least; one citing it, less
    // unless it cites it that often: no record read for most of them.
    if (it.get_wdf() < schema::kNumberWdf) continue;
    Xapian::Document d = db.get_document(*it, Xapian::DOC_ASSUME_VALID);
    auto hit = index::DecodeHitRecord(d.get_value(schema::kSlotHit), false);
    if (hit.ok() && !hit->number.empty() &&
        index::FoldedIdentifier(analyzer, hit->number) == folded) {
      found.emplace_back(DisplayHit(d.get_value(schema::kSlotId), *hit), *it);
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    const std::string &x = a.first.id, &y = b.first.id;
    if (x != y) return OpensBefore(x, y);
    return a.first.has_text > b.first.has_text;
  });
  // An id in two shards is one document: its copy with text (Find picks
  // among them).
  found.erase(std::unique(found.begin(), found.end(),
                          [](const auto& a, const auto& b) { return a.first.id == b.first.id; }),
              found.end());
  Xapian::docid best = found.empty() ? 0 : found.front().second;
  if (all) {
    all->clear();
    for (auto& f : found) all->push_back(std::move(f.first));
  }
  return best;
}

std::vector<std::string> Searcher::LinkDoubts(const legal::Document& doc) {
  std::vector<std::string> out(doc.citations.size());
  std::map<std::string, std::optional<legal::Document>> targets;  // by id, loaded once
  for (size_t i = 0; i < doc.citations.size(); ++i) {
    const legal::Citation& c = doc.citations[i];
    if (c.anchor.empty()) continue;
    bool self = c.status == legal::CitationStatus::kSelf ||
                (c.status == legal::CitationStatus::kResolved && c.resolved_id == doc.id);
    if (self) {
      out[i] = legal::UncertainLinkNote(doc, c.anchor, /*self=*/true);
      continue;
    }
    if (c.status != legal::CitationStatus::kResolved) continue;
    auto [it, added] = targets.try_emplace(c.resolved_id);
    if (added) {
      try {
        if (Xapian::docid did = internal_->Find(c.resolved_id)) {
          auto rec = internal_->Load(did, false);
          if (rec.ok()) it->second = std::move(rec->doc);
        }
      } catch (const Xapian::Error& e) {
        // No note: the link stays as it is.
        internal_->Failed("", e);
      }
    }
    if (it->second) out[i] = legal::UncertainLinkNote(*it->second, c.anchor, /*self=*/false);
  }
  return out;
}

Xapian::MSet Searcher::Internal::LooseFits(const text::AnalyzedText& name, Xapian::doccount n) {
  // The version read here: a Searcher over a Database object reads it
  // for each search only.
  Xapian::Query loose = QueryBuilder(db, analyzer, SchemaVersion(db)).LooseName(name);
  if (loose.empty()) return Xapian::MSet();
  // A record and its text in another shard are one document, not two.
  if (const Xapian::Query& records = Shadowed().records; !records.empty()) {
    loose = Xapian::Query(Xapian::Query::OP_AND_NOT, loose, records);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(loose);
  return enquire.get_mset(0, n);
}

StatusOr<std::vector<Hit>> Searcher::LooseMatches(const std::string& name, int limit) {
  try {
    Xapian::MSet mset = internal_->LooseFits(internal_->analyzer.Analyze(name),
                                             static_cast<Xapian::doccount>(std::max(limit, 2)));
    std::vector<Hit> out;
    if (mset.size() < 2) return out;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      if (auto h = DisplayHit(m.get_document())) out.push_back(std::move(*h));
    }
    return out;
  } catch (const Xapian::Error& e) {
    return internal_->Failed("lỗi khi đọc chỉ mục: ", e);
  }
}

StatusOr<StoredDocument> Searcher::Get(const std::string& id_or_number) {
  try {
    Xapian::docid did = internal_->Find(id_or_number);
    if (!did) return Status::NotFound("không tìm thấy văn bản \"" + id_or_number + "\"");
    auto rec = internal_->Load(did, true);
    if (!rec.ok()) return rec.status();
    StoredDocument out;
    out.doc = std::move(rec->doc);
    out.has_text = rec->has_text;
    out.source_path = rec->source_path;
    out.format = rec->format;
    out.encoding = rec->encoding;
    out.ocr = rec->ocr;
    out.aliases = std::move(rec->aliases);
    if (!out.doc.meta.number.empty()) {
      internal_->WithNumber(out.doc.meta.number, &out.same_number);
      std::erase_if(out.same_number, [&](const Hit& h) { return h.id == out.doc.id; });
    }
    return out;
  } catch (const Xapian::Error& e) {
    return internal_->Failed("lỗi khi đọc chỉ mục: ", e);
  }
}

}  // namespace vanban::search

namespace vanban::search {

namespace {

// The span of the citation [begin, end) of `text` in its sentence, which
// starts at `start` (SentenceStart); false when it is not inside.
bool MarkIn(const CitedBy& cb, size_t start, size_t begin, size_t end) {
  return start != std::string_view::npos && begin >= start && end > begin &&
         end - start <= cb.sentence.size();
}

}  // namespace

CatalogRow Searcher::Internal::Row(Xapian::docid did, bool citing_names) {
  CatalogRow row;
  // The hit record's display fields, not the whole record (a law's is
  // megabytes of JSON: /danh-muc took 2.3 s over the Pháp điển); the
  // record when the hit record cannot be read.
  Xapian::Document d = db.get_document(did, Xapian::DOC_ASSUME_VALID);
  if (auto hit = index::DecodeHitRecord(d.get_value(schema::kSlotHit), false); hit.ok()) {
    row.id = d.get_value(schema::kSlotId);
    row.type = hit->type;
    row.number = hit->number;
    row.title = hit->title;
    row.issuer = hit->issuer;
    row.date = hit->date;
    row.has_text = hit->has_text;
  } else if (auto rec = Load(did, false); rec.ok()) {
    const auto& m = rec->doc.meta;
    row.id = rec->doc.id;
    row.type = m.type;
    row.number = m.number;
    row.title = m.title;
    row.issuer = m.issuer;
    row.date = m.date;
    row.has_text = rec->has_text;
  } else {
    return row;  // unreadable: no id, skipped by the callers
  }
  AddCiting(citing_names, &row);
  return row;
}

void Searcher::Internal::AddCiting(bool citing_names, CatalogRow* out) {
  CatalogRow& row = *out;
  std::string term = schema::Term(schema::kCites, row.id);
  std::map<std::string, std::string> citing;  // id -> short name (when asked for)
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    Xapian::Document doc = db.get_document(*p);
    std::string id = doc.get_value(schema::kSlotId);
    std::string& name = citing[id];
    if (!citing_names) continue;
    auto hit = index::DecodeHitRecord(doc.get_value(schema::kSlotHit), false);
    name = hit.ok() ? legal::ShortName(hit->type, hit->number, hit->title, id) : id;
  }
  for (auto& [id, name] : citing) {
    row.cited_in.push_back(id);
    if (citing_names) row.cited_in_names.push_back(std::move(name));
  }
  row.cited_count = static_cast<int>(citing.size());
}

StatusOr<std::vector<CitedBy>> Searcher::GetCitedBy(const std::string& id_or_number) {
  try {
    auto& in = *internal_;
    Xapian::docid target = in.Find(id_or_number);
    auto not_found = [&] {
      return Status::NotFound("không tìm thấy văn bản \"" + id_or_number + "\"");
    };
    // Citations resolved to it through the catalog; and those of its
    // number when it is a document the catalog does not list (a file an
    // admin dropped in): they were left unresolved when indexed. A number
    // or name the index has no document for ("03/2011/QH13") is cited by
    // what cites it so.
    std::string id;
    legal::Metadata meta;
    std::string number_key;
    std::set<std::string> name_keys;
    if (target) {
      auto target_rec = in.Load(target, false);
      if (!target_rec.ok()) return target_rec.status();
      id = target_rec->doc.id;
      meta = target_rec->doc.meta;
      number_key = index::NameKey(meta.number);
      for (const auto& name : {meta.title, meta.type + " " + meta.title}) {
        if (!meta.title.empty()) name_keys.insert(index::NameKey(name));
      }
      for (const auto& alias : target_rec->aliases) name_keys.insert(index::NameKey(alias));
    } else {
      std::string_view key = TrimSpace(id_or_number);
      if (LooksLikeId(key)) return not_found();
      number_key = index::NameKey(std::string(key));
      if (number_key.empty()) return not_found();
      name_keys.insert(number_key);
      // "luật 45/2013": the number cited in full it names (S9, QA 21).
      if (std::string cited = in.CitedNumber(std::string(key)); !cited.empty()) {
        number_key = cited;
      }
    }
    // `citing_date`: of the citing document; one issued before the target
    // does not cite it by an unresolved name, or by a number that states
    // no year ("Luật tố cáo" in a law of 2013 is not the Luật Tố cáo of
    // 2018: legal::Catalog::Resolve). A number with its year names that
    // year's document whoever cites it, as the catalog resolves it and the
    // missing list counts it: S4 (QA 21): "Bộ luật 91/2015/QH13" in the
    // Pháp điển's notes ("Điều này có nội dung liên quan đến …") of Luật
    // 52/2014/QH13 did not cite the Civil Code.
    // The Pháp điển's notes on the citing document are not its citations.
    auto cites_it = [&](const legal::Citation& c, const std::string& citing_date) {
      if (c.source_note) return false;
      if (c.status == legal::CitationStatus::kResolved) return c.resolved_id == id;
      if (c.status != legal::CitationStatus::kNotInCatalog) return false;
      bool dated = !c.number.empty() && !c.year.empty();
      if (!dated && !citing_date.empty() && !meta.date.empty() && citing_date < meta.date) {
        return false;
      }
      if (!c.number.empty()) {
        return !number_key.empty() && index::NameKey(c.number) == number_key &&
               (!target || legal::CitationFits(c, meta));
      }
      return !c.name.empty() && name_keys.count(index::NameKey(c.name)) > 0;
    };
    std::vector<CitedBy> out;
    std::vector<std::string> terms = {schema::Term(schema::kCites, id)};
    if (!number_key.empty()) terms.push_back(schema::Term(schema::kCitesUnresolved, number_key));
    for (const auto& key : name_keys) {
      terms.push_back(schema::Term(schema::kCitesUnresolvedName, key));
    }
    std::set<Xapian::docid> citing;
    for (const auto& term : terms) {
      for (auto p = in.db.postlist_begin(term); p != in.db.postlist_end(term); ++p) {
        if (*p != target) citing.insert(*p);
      }
    }
    size_t sentence_start = std::string_view::npos;  // of out.back()'s sentence
    std::set<std::string> read;                      // a document in two shards is read once
    // Only its citations of the target are read (no date: the record's
    // metadata comes after them), the rest skipped unbuilt.
    auto may_cite_it = [&](const legal::Citation& c) { return cites_it(c, std::string()); };
    for (Xapian::docid did : citing) {
      auto rec = index::DecodeCitations(in.db.get_document(did).get_data(), true, may_cite_it);
      if (!rec.ok()) continue;
      const auto& doc = rec->doc;
      if ((!id.empty() && doc.id == id) || !read.insert(doc.id).second) continue;
      for (const auto& c : doc.citations) {
        if (!cites_it(c, c.citing_date.empty() ? doc.meta.date : c.citing_date)) continue;
        CitedBy cb;
        cb.citing_id = doc.id;
        cb.citing_title = doc.meta.title;
        cb.citing_type = doc.meta.type;
        cb.citing_number = doc.meta.number;
        cb.sentence = legal::SentenceAround(doc.text, c.begin, c.end);
        // Two citations of it in one sentence ("Điều 41 và Điều 42 của
        // Luật …"): the sentence once, at the first, with both parts.
        if (!out.empty() && out.back().citing_id == cb.citing_id &&
            out.back().sentence == cb.sentence) {
          CitedBy& last = out.back();
          auto& parts = last.target_anchors;
          if (!c.anchor.empty() && std::find(parts.begin(), parts.end(), c.anchor) == parts.end()) {
            parts.push_back(c.anchor);
          }
          ++last.citations;
          if (MarkIn(last, sentence_start, c.begin, c.end)) {
            last.marks.emplace_back(c.begin - sentence_start, c.end - sentence_start);
          }
          continue;
        }
        sentence_start = legal::SentenceStart(doc.text, cb.sentence, c.begin);
        if (MarkIn(cb, sentence_start, c.begin, c.end)) {
          cb.marks.emplace_back(c.begin - sentence_start, c.end - sentence_start);
        }
        // Where the web page says it is ("Điều 5", "Mục II.3": PlaceOf).
        int unit = doc.PlaceAt(c.begin);
        if (unit >= 0) cb.anchor = doc.units[unit].anchor;
        cb.begin = c.begin;
        cb.end = c.end;
        cb.target_anchor = c.anchor;
        if (!c.anchor.empty()) cb.target_anchors.push_back(c.anchor);
        out.push_back(std::move(cb));
      }
    }
    if (!target && out.empty()) return not_found();
    return out;
  } catch (const Xapian::Error& e) {
    return internal_->Failed("lỗi khi đọc chỉ mục: ", e);
  }
}

std::string RuledOutNote(const CatalogRow& row) {
  const auto& r = row.ruled_out;
  if (r.empty()) return "";
  auto when = [](const CatalogRow::Namesake& n) {
    return n.date.empty() ? std::string() : " ngày " + legal::DisplayDate(n.date);
  };
  if (r.size() == 1) {
    return "Danh mục có " + r[0].name + " cùng tên nhưng ban hành" + when(r[0]) +
           ", sau văn bản dẫn chiếu, nên không phải văn bản này.";
  }
  std::string names;
  for (const auto& n : r) names += (names.empty() ? "" : ", ") + n.name + when(n);
  return "Danh mục có các văn bản cùng tên (" + names +
         ") nhưng đều ban hành sau văn bản dẫn chiếu, nên không phải văn bản này.";
}

StatusOr<std::vector<CatalogRow>> Searcher::Catalog() {
  try {
    std::vector<CatalogRow> rows;
    auto& db = internal_->db;
    const auto& shadowed = internal_->Shadowed().ids;
    std::set<std::string> listed;  // an id in two shards is one row
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
      CatalogRow row = internal_->Row(*p);
      if (row.id.empty() || (!row.has_text && shadowed.count(row.id))) continue;
      if (listed.insert(row.id).second) rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const CatalogRow& a, const CatalogRow& b) {
      return a.date != b.date ? a.date > b.date : a.id < b.id;
    });
    return rows;
  } catch (const Xapian::Error& e) {
    return internal_->Failed("lỗi khi đọc chỉ mục: ", e);
  }
}

namespace {

// What one document's citations of a number or name the catalog does not
// list state of it: every value each field is given (one text may write
// "Thông tư liên tịch số 08/2005/TTLT-BNV-BTC" and another time "Thông tư
// số 08/2005/TTLT-BNV-BTC"), where it is first cited (byte offset), and
// the latest date a citation of it speaks from (Citation::citing_date,
// else the citing document's).
struct Stated {
  std::set<std::string> numbers, types, issuers, dates, years, names;
  size_t begin = std::string::npos;
  std::string when;

  void Add(const legal::Citation& c, const std::string& citing_when) {
    const std::pair<std::set<std::string>*, const std::string*> fields[] = {
        {&numbers, &c.number}, {&types, &c.type}, {&issuers, &c.issuer},
        {&dates, &c.date},     {&years, &c.year}, {&names, &c.name}};
    for (const auto& [field, value] : fields) {
      if (!value->empty()) field->insert(*value);
    }
    begin = std::min(begin, c.begin);
    when = std::max(when, citing_when);
  }
  void Merge(const Stated& other) {
    for (auto field : {&Stated::numbers, &Stated::types, &Stated::issuers, &Stated::dates,
                       &Stated::years, &Stated::names}) {
      (this->*field).insert((other.*field).begin(), (other.*field).end());
    }
    begin = std::min(begin, other.begin);
    when = std::max(when, other.when);
  }
};

// The documents citing one number or name the catalog does not list, by
// id: each one's short name (CatalogRow::cited_in_names) and what its
// citations state.
struct Citer {
  std::string name;
  Stated stated;
};
using Citers = std::map<std::string, Citer>;

// The value of a field the most citing documents state, each once; of as
// many, the longer (it says more: "Thông tư liên tịch" over "Thông tư",
// "Luật Thi đua, khen thưởng" over "Luật Thi đua khen thưởng"), then the
// first in byte order; "" when none states one. D2 (QA 23): the first
// citation read gave the row, and the docids that order them differ
// between one index and shards joined by a stub.
std::string MostStated(const Citers& citers, std::set<std::string> Stated::*field) {
  std::map<std::string, int> votes;
  for (const auto& [id, citer] : citers) {
    for (const std::string& value : citer.stated.*field) ++votes[value];
  }
  const std::pair<const std::string, int>* best = nullptr;
  for (const auto& vote : votes) {
    if (best == nullptr || vote.second > best->second ||
        (vote.second == best->second && vote.first.size() > best->first.size())) {
      best = &vote;
    }
  }
  return best == nullptr ? std::string() : best->first;
}

// Fills the row of a number (or, `by_name`, a name) the catalog does not
// list from `citers`: who cites it, in id order, and each field as
// MostStated gives it; `year` (when given) gets the year.
void FillFromCiters(const Citers& citers, bool by_name, CatalogRow* row,
                    std::string* year = nullptr) {
  row->cited_in.clear();
  row->cited_in_names.clear();
  for (const auto& [id, citer] : citers) {
    row->cited_in.push_back(id);
    row->cited_in_names.push_back(citer.name);
  }
  row->cited_count = static_cast<int>(citers.size());
  row->number = MostStated(citers, &Stated::numbers);
  row->type = MostStated(citers, &Stated::types);
  row->issuer = MostStated(citers, &Stated::issuers);
  row->date = MostStated(citers, &Stated::dates);
  row->cited_as = MostStated(citers, &Stated::names);
  if (by_name) row->title = row->cited_as;
  if (year != nullptr) *year = MostStated(citers, &Stated::years);
  if (!citers.empty()) {
    row->first_citing_id = citers.begin()->first;
    row->first_citation_begin = citers.begin()->second.stated.begin;
  }
}

}  // namespace

// Catalog documents without text, and numbers cited but unknown to the
// catalog (id empty), most cited first.
StatusOr<std::vector<CatalogRow>> Searcher::Missing() {
  try {
    auto& in = *internal_;
    std::vector<CatalogRow> rows;
    std::string no_text = schema::Term(schema::kFilterHasText, "0");
    // A record nobody cites is not a cited document whose text is missing
    // (A5, session 16: listed as "được dẫn chiếu bởi 0 văn bản"); the
    // catalog lists it.
    // X2 (QA 20): nor is a record whose text another shard has.
    const auto& shadowed = in.Shadowed().ids;
    std::set<std::string> listed;  // a record in two shards is one row
    for (auto p = in.db.postlist_begin(no_text); p != in.db.postlist_end(no_text); ++p) {
      CatalogRow row = in.Row(*p, /*citing_names=*/true);
      if (row.id.empty() || row.cited_count == 0 || shadowed.count(row.id)) continue;
      if (listed.insert(row.id).second) rows.push_back(std::move(row));
    }
    // Cited by a number, or by a name alone ("Luật Thanh tra"), that the
    // catalog does not list. Each citing document's record is read once, for
    // all the terms it holds (S1, session 14: read once per term, the list
    // took 7 minutes over the 203 files of the Pháp điển).
    struct Citing {
      std::string id, name, date;
      // By index::NameKey: its citations by number, and by a name alone.
      std::unordered_map<std::string, Stated> numbers, names;
      // (name, number) of its citations giving both, by index::NameKey.
      std::set<std::pair<std::string, std::string>> named_numbers;
    };
    std::unordered_map<Xapian::docid, std::optional<Citing>> citing;
    auto unresolved = [](const legal::Citation& c) {
      return !c.source_note && c.status == legal::CitationStatus::kNotInCatalog &&
             (!c.number.empty() || !c.name.empty());
    };
    auto citing_of = [&](Xapian::docid did) -> const Citing* {
      auto [it, added] = citing.try_emplace(did);
      if (added) {
        auto rec = index::DecodeCitations(in.db.get_document(did).get_data(), false, unresolved);
        if (rec.ok()) {
          Citing c;
          const auto& m = rec->doc.meta;
          c.id = rec->doc.id;
          c.name = legal::ShortName(m.type, m.number, m.title, rec->doc.id);
          c.date = m.date;
          for (const auto& cit : rec->doc.citations) {
            if (!unresolved(cit)) continue;
            std::string when = cit.citing_date.empty() ? m.date : cit.citing_date;
            // As the index's terms key them (index::BuildDocument): by the
            // number when it has one, else by the name.
            if (!cit.number.empty()) {
              c.numbers[index::NameKey(cit.number)].Add(cit, when);
              if (!cit.name.empty()) {
                c.named_numbers.emplace(index::NameKey(cit.name), index::NameKey(cit.number));
              }
            } else {
              c.names[index::NameKey(cit.name)].Add(cit, when);
            }
          }
          it->second = std::move(c);
        }
      }
      return it->second ? &*it->second : nullptr;
    };
    // The documents citing the term `t` (its key after the prefix), each
    // once (a copy in another shard is the same text), with what their
    // citations of it state; `keep` decides on each.
    auto citers_of = [&](const std::string& t, const std::string& key, bool by_name,
                         const std::function<bool(const Citing&, const Stated&)>& keep) {
      Citers citers;
      for (auto p = in.db.postlist_begin(t); p != in.db.postlist_end(t); ++p) {
        const Citing* c = citing_of(*p);
        if (c == nullptr || citers.count(c->id)) continue;
        const auto& cited = by_name ? c->names : c->numbers;
        auto hit = cited.find(key);
        if (hit != cited.end() && keep(*c, hit->second)) {
          citers.emplace(c->id, Citer{c->name, hit->second});
        }
      }
      return citers;
    };
    // Numbers first: a name cited alone may be counted under one of them.
    struct NumberRow {
      CatalogRow row;
      std::string year;
      Citers citers;
    };
    std::map<std::string, NumberRow> numbers;  // by index::NameKey
    std::string prefix(schema::kCitesUnresolved);
    for (auto t = in.db.allterms_begin(prefix); t != in.db.allterms_end(prefix); ++t) {
      std::string key = (*t).substr(prefix.size());
      NumberRow n;
      n.citers = citers_of(*t, key, false, [](const Citing&, const Stated&) { return true; });
      if (n.citers.empty()) continue;
      FillFromCiters(n.citers, false, &n.row, &n.year);
      // Not in the catalog, but indexed: a file with that number, unless
      // the citation says otherwise of it (A4, session 16: a citation the
      // catalog ruled out for its entry of that number was in no list).
      legal::Citation cited;
      cited.type = n.row.type;
      cited.issuer = n.row.issuer;
      cited.date = n.row.date;
      cited.year = n.year;
      std::vector<Hit> same;
      in.WithNumber(n.row.number, &same);
      bool indexed = std::any_of(same.begin(), same.end(), [&](const Hit& doc) {
        legal::Metadata meta;
        meta.type = doc.type;
        meta.number = doc.number;
        meta.issuer = doc.issuer;
        meta.date = doc.date;
        return legal::CitationFits(cited, meta);
      });
      if (!indexed) numbers.emplace(key, std::move(n));
    }
    // The numbers the citing texts give each name ("Luật Khiếu nại, tố cáo
    // số 09/1998/QH10"), by index::NameKey.
    std::map<std::string, std::set<std::string>> numbers_of_name;
    for (const auto& [did, c] : citing) {
      if (!c) continue;
      for (const auto& [name, number] : c->named_numbers) numbers_of_name[name].insert(number);
    }
    prefix = schema::kCitesUnresolvedName;
    for (auto t = in.db.allterms_begin(prefix); t != in.db.allterms_end(prefix); ++t) {
      std::string key = (*t).substr(prefix.size());
      // Not in the catalog, but indexed: a document with that name. Only
      // for citing documents issued after it: "Luật tố cáo" in a law of
      // 2013 is not the Luật Tố cáo of 2018 (GetCitedBy), its text is
      // missing.
      std::vector<CatalogRow::Namesake> named;
      std::string nterm = schema::Term(schema::kName, key);
      for (auto n = in.db.postlist_begin(nterm); n != in.db.postlist_end(nterm); ++n) {
        Xapian::Document d = in.db.get_document(*n, Xapian::DOC_ASSUME_VALID);
        std::string id = d.get_value(schema::kSlotId);
        if (std::any_of(named.begin(), named.end(),
                        [&](const CatalogRow::Namesake& other) { return other.id == id; })) {
          continue;  // its copy in another shard
        }
        auto hit = index::DecodeHitRecord(d.get_value(schema::kSlotHit), false);
        if (!hit.ok()) {
          named.push_back({id, id, ""});
          continue;
        }
        named.push_back({id, legal::ShortName(hit->type, hit->number, hit->title, id), hit->date});
      }
      Citers citers = citers_of(*t, key, true, [&](const Citing&, const Stated& stated) {
        return std::none_of(named.begin(), named.end(), [&](const CatalogRow::Namesake& n) {
          return n.date.empty() || stated.when.empty() || n.date <= stated.when;
        });
      });
      // D4 (QA 23): a name the citing texts give one number, and no
      // indexed document, is that number's, for the texts not older than
      // it ("Luật Khiếu nại, tố cáo" in Luật 11/2017/QH14 is Luật
      // 09/1998/QH10): one row, each citing document once. It listed the
      // number twice, a text citing both ways in each row.
      auto only = numbers_of_name.find(key);
      auto into = named.empty() && only != numbers_of_name.end() && only->second.size() == 1
                      ? numbers.find(*only->second.begin())
                      : numbers.end();
      if (into != numbers.end()) {
        const NumberRow& n = into->second;
        std::string since = n.row.date.empty() ? n.year : n.row.date;
        for (auto c = citers.begin(); c != citers.end();) {
          const Stated& stated = c->second.stated;
          if (!since.empty() && !stated.when.empty() && stated.when < since) {
            ++c;
            continue;
          }
          auto [at, added] = into->second.citers.try_emplace(c->first, c->second);
          if (!added) at->second.stated.Merge(stated);
          c = citers.erase(c);
        }
      }
      if (citers.empty()) continue;
      CatalogRow row;
      // Every document of the name was issued after each text listed as
      // citing it (the others were skipped): it is none of them (T7,
      // session 15: the list said only "not in the catalog", and linked
      // to a search whose first hit was the law ruled out).
      row.ruled_out = named;
      FillFromCiters(citers, true, &row);
      rows.push_back(std::move(row));
    }
    for (auto& [key, n] : numbers) {
      FillFromCiters(n.citers, false, &n.row);
      rows.push_back(std::move(n.row));
    }
    // Ties: catalog documents, then numbers, then names; each by number,
    // title and id. I10 (QA 20): in docid order, an entry removed and put
    // back moved to the end of its group.
    auto tie_key = [](const CatalogRow& r) {
      return std::tuple<bool, bool, const std::string&, const std::string&, const std::string&>(
          r.id.empty(), r.number.empty(), r.number, r.title, r.id);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const CatalogRow& a, const CatalogRow& b) {
      if (a.cited_count != b.cited_count) return a.cited_count > b.cited_count;
      return tie_key(a) < tie_key(b);
    });
    return rows;
  } catch (const Xapian::Error& e) {
    return internal_->Failed("lỗi khi đọc chỉ mục: ", e);
  }
}

}  // namespace vanban::search
