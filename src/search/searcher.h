// Search over a vanban Xapian index: Vietnamese-aware, number-aware and
// name-aware ranking, filters, facets, snippets and accent suggestions; and
// lookups of stored documents, citations and cited-by for display.
// A Searcher is not thread-safe (Xapian::Database is not): give each thread
// its own, or guard one with a mutex. Reopen() picks up a new commit.
#ifndef VANBAN_SEARCH_SEARCHER_H_
#define VANBAN_SEARCH_SEARCHER_H_

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "legal/document.h"

namespace Xapian {
class Database;
}

namespace vanban::search {

struct SearchRequest {
  std::string query;   // as typed; may hold type:/issuer:/year: filters, "phrases", -exclusions
  std::string type;    // filter (display form "Chỉ thị" or folded "chi thi"), empty = any
  std::string issuer;  // filter, empty = any
  std::string year;    // filter "2021", empty = any
  int offset = 0;
  int limit = 10;      // capped at kMaxLimit
  // Matches examined for facet counts (more: exact counts, slower).
  int facet_depth = 200;
  enum class Sort { kRelevance, kDate } sort = Sort::kRelevance;
  // False: hits are filled from the hit record only (no text, positions or
  // snippet; Hit::snippet, article and anchor stay empty, and no accent
  // suggestion is made), for clients that show titles or need ids alone.
  bool snippets = true;
  static constexpr int kMaxLimit = 100;
  static constexpr size_t kMaxQueryBytes = 1000;  // longer queries are cut, with a notice

  // A valid `year`: four digits. The CLI and the API refuse others.
  static bool IsYear(std::string_view value) {
    return value.size() == 4 && value.find_first_not_of("0123456789") == std::string_view::npos;
  }
};

struct Hit {
  std::string id, type, number, title, issuer, date;
  // The file's name when type, number and title are all unknown
  // (index::FileLabel), else "". Not in the JSON (`title` stays null).
  std::string file_label;
  double score = 0;
  bool has_text = false;
  // Best passage, HTML-escaped, matched words wrapped in <mark>...</mark>.
  std::string snippet;
  std::string article;         // "Điều 5" / "II" : the unit the snippet is in, or empty
  std::string article_anchor;  // "dieu-5", or empty
};

struct FacetValue {
  std::string value;  // display form
  int count = 0;
};

struct SearchResponse {
  std::string query;
  int total = 0;                  // estimated matches
  std::string suggestion;         // accented form ("dân vận") or empty
  std::string notice;             // Vietnamese note on a repaired query, or empty
  // The query left nothing to search (no words, phrases or filters: "", "-",
  // "..."): `notice` asks for words; the caller shows a prompt, not "no
  // document found". Not in the JSON (`notice` says it there).
  bool nothing_to_search = false;
  // Documents with every word that the exclusions all took away (`notice`
  // says so); the page then suggests dropping them. Not in the JSON.
  int excluded_all = 0;
  std::map<std::string, std::vector<FacetValue>> facets;  // "type", "issuer", "year"
  std::vector<Hit> results;
};

// A document as stored in the index, for display without the source file.
struct StoredDocument {
  legal::Document doc;      // metadata, text (may be empty), units, resolved citations
  bool has_text = false;
  std::string source_path;  // file it was indexed from, or empty
  std::string format;       // "txt", "docx", ... or empty
  std::string encoding;
  bool ocr = false;
  std::vector<std::string> aliases;  // catalog aliases ("Luật Tố cáo")
  // The other documents with the same number (every commune has its own
  // "16/QĐ-UBND"; a Pháp điển copy of a law in the catalog), by id; their
  // display fields only (no score or snippet). A6 (session 16): a lookup by
  // the number showed one without a word of the others.
  std::vector<Hit> same_number;
};

struct CitedBy {
  std::string citing_id;    // document that cites
  std::string citing_title, citing_type, citing_number;
  std::string sentence;     // the citing sentence (plain text)
  // Where in the citing document: its article ("dieu-5"), else the
  // innermost unit around the citation (a plan's item "muc-2-3"), or empty.
  std::string anchor;
  size_t begin = 0;         // citation span in the citing document's text
  size_t end = 0;
  std::string target_anchor;  // the cited article, if named (the first of target_anchors)
  // Every part of the target the sentence cites, in order, once each
  // ("khoản 4 Điều 23 và khoản 4 Điều 33": "khoan-23-4", "khoan-33-4").
  std::vector<std::string> target_anchors;
  // Its citations of the target: how many the sentence holds (two in
  // "Điều 41 và Điều 42 của Luật …"), and their byte spans in `sentence`,
  // whatever words they use ("23- QĐ/TW", "Luật Khiếu nại"), for marking.
  int citations = 1;
  std::vector<std::pair<size_t, size_t>> marks;
};

struct CatalogRow {
  std::string id, type, number, title, issuer, date;
  bool has_text = false;
  int cited_count = 0;      // citations to it across the index
  std::vector<std::string> cited_in;  // ids of the documents citing it
  // A short name of each (legal::ShortName: "Luật 02/2011/QH13"), in the
  // order of `cited_in`; filled by Missing() only.
  std::vector<std::string> cited_in_names;
  // Filled by Missing() for a document the catalog does not list (id
  // empty), from the citing texts, never guessed:
  // - the name a citing text gives it ("Luật Khiếu nại, tố cáo" in "Luật
  //   Khiếu nại, tố cáo số 09/1998/QH10"); empty when they give its
  //   number alone;
  // - where it is first cited: the citing document and the citation's byte
  //   offset in its text;
  // - for a name, the indexed documents of that name it is not, issued
  //   after every text citing it ("Luật tố cáo" in a law of 2013 is not
  //   Luật 25/2018/QH14, legal::Catalog::Resolve).
  std::string cited_as;
  std::string first_citing_id;
  size_t first_citation_begin = 0;
  struct Namesake {
    std::string id, name, date;  // name: legal::ShortName ("Luật 25/2018/QH14")
  };
  std::vector<Namesake> ruled_out;
};

// Why a row the catalog does not list is none of the documents of its name
// (`row.ruled_out`), for readers of /thieu-toan-van and `vanban missing`:
// "Danh mục có Luật 25/2018/QH14 cùng tên nhưng ban hành ngày 12/06/2018,
// sau văn bản dẫn chiếu, nên không phải văn bản này."; "" when there are
// none.
std::string RuledOutNote(const CatalogRow& row);

struct OpenOptions {
  // How long a remote shard (a stub's `remote` line) may take to connect,
  // and to answer each request, before the operation fails with
  // Status::Unavailable (Xapian's default).
  std::chrono::milliseconds remote_timeout{10000};
};

class Searcher {
 public:
  // Opens the database at `db_dir` (read-only): an index folder, or a stub
  // file joining shards (search/stub.h). Errors name the folder, or the
  // stub's file and line; a remote shard that is down or does not answer
  // is Status::Unavailable. The Searcher opens it twice and keeps a thread
  // of its own: a query's sizes and facets are counted on the second handle
  // while the first ranks it.
  static StatusOr<std::unique_ptr<Searcher>> Open(const std::string& db_dir,
                                                  const OpenOptions& options = {});
  // For tests (in-memory db); counts in turn, with the same answers as
  // Open's, and sees what is written to `db` in between without Reopen
  // (it keeps nothing from one search to the next). `one_database`: `db`
  // is a single database, not shards joined by a stub: its text copies
  // (index/schema.h, kMetaTextPrefix) are keyed by its own docids and may
  // be used.
  explicit Searcher(const Xapian::Database& db, bool one_database = true);
  ~Searcher();

  // Picks up the latest commit when the database changed. Cheap otherwise.
  Status Reopen();

  // What an operation that failed with Status::Unavailable met on a remote
  // shard: its connection lost (the server stopped or restarted: a new
  // connection may work at once), or no answer within
  // OpenOptions::remote_timeout (a new connection would likely wait as
  // long). A Searcher that met either is not to be used again: its
  // connection is broken or out of step.
  enum class RemoteFailure { kNone, kLost, kTimedOut };
  RemoteFailure remote_failure() const;

  StatusOr<SearchResponse> Search(const SearchRequest& request);
  // By id, by number in any common spelling ("33/CT-TTg", "chỉ thị 33"), or
  // by name ("Luật Tố cáo").
  StatusOr<StoredDocument> Get(const std::string& id_or_number);
  // The documents a loose name led by its type fits ("chỉ thị dân vận":
  // Chỉ thị 33/CT-TTg and Chỉ thị 28-CT/TU), when it fits more than one
  // (Get opens it when it fits one), at most `limit`; their display fields
  // only. Empty otherwise. N4 (session 16): such a name was said to be no
  // document's.
  StatusOr<std::vector<Hit>> LooseMatches(const std::string& name, int limit = 10);
  StatusOr<std::vector<CitedBy>> GetCitedBy(const std::string& id);
  // For each of `doc`'s citations, why its link may land on another part
  // than the one meant, or names a part its target does not have
  // (legal::UncertainLinkNote: "Văn bản được dẫn chiếu không có Điều 99"),
  // else "": what the pages mark with "!", for the JSON ("doubt").
  std::vector<std::string> LinkDoubts(const legal::Document& doc);
  StatusOr<std::vector<CatalogRow>> Catalog();
  // Cited documents without full text, most cited first.
  StatusOr<std::vector<CatalogRow>> Missing();

 private:
  struct Internal;
  std::unique_ptr<Internal> internal_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SEARCHER_H_
