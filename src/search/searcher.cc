#include "search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "index/builder.h"
#include "index/record.h"
#include "index/schema.h"
#include "search/query.h"
#include "search/snippet.h"
#include "search/suggest.h"
#include "text/analyzer.h"

namespace vanban::search {
namespace schema = index::schema;

namespace {

constexpr size_t kFacetValues = 20;

std::string CutUtf8(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

std::vector<FacetValue> FacetOf(const Xapian::ValueCountMatchSpy& spy) {
  std::vector<FacetValue> out;
  for (auto v = spy.top_values_begin(kFacetValues); v != spy.top_values_end(kFacetValues); ++v) {
    if ((*v).empty()) continue;
    out.push_back({*v, static_cast<int>(v.get_termfreq())});
  }
  return out;
}

// The most frequent values of `counts`, as FacetOf orders them (count
// descending, then value ascending), empty values left out.
std::vector<FacetValue> TopFacetValues(const std::map<std::string, int>& counts) {
  std::vector<FacetValue> out;
  for (const auto& [value, n] : counts) {
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
bool SplitFacets(const Xapian::ValueCountMatchSpy& spy, SearchResponse* resp) {
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
  resp->facets["type"] = TopFacetValues(types);
  resp->facets["issuer"] = TopFacetValues(issuers);
  resp->facets["year"] = TopFacetValues(years);
  return true;
}

std::string Lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The plain sentence around [begin, end) in `text`, at most ~400 bytes.
std::string SentenceAround(std::string_view text, size_t begin, size_t end) {
  if (begin > text.size()) return {};
  end = std::min(end, text.size());
  size_t lo = begin;
  while (lo > 0 && begin - lo < 300) {
    char c = text[lo - 1];
    if (c == '\n' || c == ';' || (c == '.' && lo < text.size() && text[lo] == ' ')) break;
    --lo;
  }
  size_t hi = end;
  while (hi < text.size() && hi - end < 300) {
    char c = text[hi];
    if (c == '\n' || c == ';' || (c == '.' && (hi + 1 == text.size() || text[hi + 1] == ' '))) {
      if (c != '\n') ++hi;
      break;
    }
    ++hi;
  }
  while (lo < hi && (text[lo] == ' ')) ++lo;
  while (lo > 0 && (static_cast<unsigned char>(text[lo]) & 0xC0) == 0x80) --lo;
  while (hi < text.size() && (static_cast<unsigned char>(text[hi]) & 0xC0) == 0x80) ++hi;
  return std::string(text.substr(lo, hi - lo));
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

  StatusOr<SearchResponse> Search(const SearchRequest& request);
  Xapian::doccount TierTwoSample(const Xapian::Query& query, Xapian::doccount want,
                                 const std::vector<Xapian::MatchSpy*>& spies);
  void FillHits(const Xapian::MSet& mset, const BuiltQuery& bq, bool snippets, SearchResponse* resp,
                MarkCounts* marks);
  StatusOr<index::Record> Load(Xapian::docid did, bool with_text);
  Xapian::docid Find(const std::string& id_or_number);
  CatalogRow Row(const index::Record& r);
};

Searcher::Searcher(const Xapian::Database& db, bool one_database)
    : internal_(std::make_unique<Internal>()) {
  internal_->db = db;
  internal_->text_copies = one_database;
}

Searcher::~Searcher() = default;

StatusOr<std::unique_ptr<Searcher>> Searcher::Open(const std::string& db_dir) {
  try {
    Xapian::Database db(db_dir);
    // A glass folder is one database; a stub file or folder may join
    // shards and remote databases.
    std::error_code ec;
    bool one = std::filesystem::exists(std::filesystem::path(db_dir) / "iamglass", ec);
    return std::make_unique<Searcher>(db, one);
  } catch (const Xapian::DatabaseNotFoundError&) {
    return Status::NotFound("chưa có chỉ mục ở " + db_dir + "; hãy chạy: vanban index");
  } catch (const Xapian::Error& e) {
    return Status::IoError("không mở được chỉ mục " + db_dir + ": " + e.get_description());
  }
}

Status Searcher::Reopen() {
  try {
    internal_->db.reopen();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IoError("không mở lại được chỉ mục: " + e.get_description());
  }
}

StatusOr<SearchResponse> Searcher::Search(const SearchRequest& request) {
  for (int attempt = 0;; ++attempt) {
    try {
      return internal_->Search(request);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt > 0) return Status::IoError("chỉ mục đang thay đổi: " + e.get_description());
      internal_->db.reopen();
    } catch (const Xapian::Error& e) {
      return Status::IoError("lỗi khi tìm kiếm: " + e.get_description());
    }
  }
}

StatusOr<SearchResponse> Searcher::Internal::Search(const SearchRequest& request) {
  SearchResponse resp;
  resp.query = request.query;
  std::string q = CutUtf8(request.query, SearchRequest::kMaxQueryBytes);
  if (q.size() < request.query.size()) {
    resp.notice = "Câu truy vấn quá dài; chỉ dùng " +
                  std::to_string(SearchRequest::kMaxQueryBytes) + " byte đầu.";
  }
  ParsedQuery parsed = ParseQuery(q);
  if (!parsed.notice.empty()) resp.notice += (resp.notice.empty() ? "" : " ") + parsed.notice;
  // Title pair terms exist from schema version 2 on (an older index keeps
  // the positional title phrase).
  std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  bool title_pairs = !version.empty() && std::atoi(version.c_str()) >= 2;
  QueryBuilder qb(db, analyzer, title_pairs);
  BuiltQuery bq = qb.Build(parsed);
  bool no_match = false;
  Xapian::Query filter = qb.Filters(request.type.empty() ? parsed.type : request.type,
                                    request.issuer.empty() ? parsed.issuer : request.issuer,
                                    request.year.empty() ? parsed.year : request.year, &no_match);
  Xapian::Query excl = qb.Exclusions(parsed.exclusions);
  Xapian::Query match = bq.query;
  if (match.empty() && filter.empty() && excl.empty()) {
    if (resp.notice.empty()) resp.notice = "Hãy nhập từ cần tìm.";
    return resp;
  }
  if (no_match) return resp;
  auto compose = [&](Xapian::Query m, const Xapian::Query& boost) {
    if (m.empty()) m = Xapian::Query::MatchAll;
    if (!boost.empty()) m = Xapian::Query(Xapian::Query::OP_AND_MAYBE, m, boost);
    if (!filter.empty()) m = Xapian::Query(Xapian::Query::OP_FILTER, m, filter);
    if (!excl.empty()) m = Xapian::Query(Xapian::Query::OP_AND_NOT, m, excl);
    return m;
  };
  Xapian::doccount limit = std::clamp(request.limit, 0, SearchRequest::kMaxLimit);
  Xapian::doccount offset = std::max(0, request.offset);
  Xapian::Enquire enquire(db);
  // Date order is one list: the tiers (query.h) are for relevance only.
  bool by_date = request.sort == SearchRequest::Sort::kDate;
  if (by_date) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  bool tiers = !by_date && !bq.tier1.empty();
  Xapian::doccount depth =
      std::max<Xapian::doccount>(std::max(request.facet_depth, 0), offset + limit);
  // The ranked match, into `msets` (tier 1, then tier 2 if the page reaches
  // it) and `total`. `spies` count the facets: every document the tier-1
  // pass examines (at least `depth` when there are so many), then tier-2
  // documents up to `depth` in all (see TierTwoSample).
  std::vector<Xapian::MSet> msets;
  Xapian::doccount total = 0;
  auto match_all = [&](const std::vector<Xapian::MatchSpy*>& spies) {
    msets.clear();
    enquire.clear_matchspies();
    for (auto* spy : spies) enquire.add_matchspy(spy);
    if (!tiers) {
      enquire.set_query(compose(match, bq.boost));
      msets.push_back(enquire.get_mset(offset, limit, depth));
      total = msets.back().get_matches_estimated();
      if (total == 0 && !bq.fallback.empty() && bq.fallback.get_length() > 1) {
        enquire.set_query(compose(bq.fallback, bq.boost));
        msets.back() = enquire.get_mset(offset, limit, depth);
        total = msets.back().get_matches_estimated();
      }
      return;
    }
    enquire.set_query(compose(bq.tier1, bq.tier1_boost));
    msets.push_back(enquire.get_mset(offset, limit, depth));
    const Xapian::MSet& first = msets.back();
    // Fewer than `depth` (>= offset + limit) tier-1 matches are counted exactly.
    Xapian::doccount n1 = first.get_matches_lower_bound();
    bool counted = n1 == first.get_matches_upper_bound();
    if (first.size() == limit) {
      // Tier 1 fills the page: tier 2 is only sampled, for its size and,
      // when tier 1 has fewer than `depth` matches, for the facets.
      Xapian::doccount want = counted && n1 < depth ? depth - n1 : 0;
      total = first.get_matches_estimated() +
              TierTwoSample(compose(bq.tier2, Xapian::Query()), want,
                            want ? spies : std::vector<Xapian::MatchSpy*>());
      return;
    }
    Xapian::doccount offset2 = offset > n1 ? offset - n1 : 0;
    Xapian::doccount limit2 = limit - first.size();
    enquire.set_query(compose(bq.tier2, bq.boost));
    msets.push_back(enquire.get_mset(offset2, limit2, depth > n1 ? depth - n1 : 0));
    const Xapian::MSet& second = msets.back();
    Xapian::doccount n2 = second.get_matches_estimated();
    if (second.get_matches_lower_bound() != second.get_matches_upper_bound()) {
      // The same sample as when tier 1 fills the page, so that `total`
      // does not jump when paging into tier 2 (Xapian's estimate after
      // pruning was 2 075 for the 3 350 of "cong chung hop dong").
      n2 = std::clamp(TierTwoSample(compose(bq.tier2, Xapian::Query()), depth - n1, {}),
                      second.get_matches_lower_bound(), second.get_matches_upper_bound());
    }
    total = n1 + n2;
    if (total == 0 && !bq.fallback.empty() && bq.fallback.get_length() > 1) {
      msets.clear();
      enquire.set_query(compose(bq.fallback, bq.boost));
      msets.push_back(enquire.get_mset(offset, limit, depth));
      total = msets.back().get_matches_estimated();
    }
  };
  // One spy on the combined facet slot: one value read per counted
  // document instead of three.
  Xapian::ValueCountMatchSpy facets(schema::kSlotFacets);
  match_all({&facets});
  if (!SplitFacets(facets, &resp)) {
    // Documents indexed before the combined slot: count the three slots.
    Xapian::ValueCountMatchSpy types(schema::kSlotType), issuers(schema::kSlotIssuer),
        years(schema::kSlotYear);
    match_all({&types, &issuers, &years});
    resp.facets["type"] = FacetOf(types);
    resp.facets["issuer"] = FacetOf(issuers);
    resp.facets["year"] = FacetOf(years);
  }
  Xapian::doccount shown = 0;
  for (const auto& m : msets) shown += m.size();
  // An estimate, but never below what this page shows and skips.
  resp.total = static_cast<int>(std::max<Xapian::doccount>(total, shown ? offset + shown : 0));
  MarkCounts marks;
  for (const auto& m : msets) FillHits(m, bq, request.snippets, &resp, &marks);
  if (!bq.accented && !parsed.free_text.empty()) {
    resp.suggestion = SuggestAccents(analyzer, parsed.free_text, marks);
  }
  return resp;
}

// The size of tier 2 without ranking it: its first max(want, kSample)
// matches in docid order (the matcher stops there: no weights, no order to
// settle), extrapolated over the docid range; exact when it has fewer.
// `spies` see those documents. The F AND in full is what the tiers avoid.
Xapian::doccount Searcher::Internal::TierTwoSample(const Xapian::Query& query,
                                                   Xapian::doccount want,
                                                   const std::vector<Xapian::MatchSpy*>& spies) {
  // 50: within x1.4 of the size on the benchmark queries (mean |log|
  // error; x1.75 with 20, x1.3 with 100 for 0.02 ms more).
  constexpr Xapian::doccount kSample = 50;
  Xapian::Enquire sample(db);
  sample.set_weighting_scheme(Xapian::BoolWeight());
  sample.set_docid_order(Xapian::Enquire::ASCENDING);
  for (auto* spy : spies) sample.add_matchspy(spy);
  sample.set_query(query);
  Xapian::doccount n = std::max(want, kSample);
  Xapian::MSet m = sample.get_mset(0, n);
  if (m.size() < n) return m.size();
  Xapian::docid last = *m[m.size() - 1];
  return static_cast<Xapian::doccount>(static_cast<double>(n) * db.get_lastdocid() / last);
}

void Searcher::Internal::FillHits(const Xapian::MSet& mset, const BuiltQuery& bq, bool snippets,
                                  SearchResponse* resp, MarkCounts* marks) {
  resp->results.reserve(resp->results.size() + mset.size());
  std::string data, text_copy;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document d = it.get_document();
    // The hit record (a value) has all a hit shows; the text is read only
    // for a snippet, and the record's JSON is never parsed. A document
    // indexed before the hit slot existed is shown from its record.
    data.clear();
    auto hit = index::DecodeHitRecord(d.get_value(schema::kSlotHit), snippets);
    if (!hit.ok()) {
      data = d.get_data();
      auto rec = index::DecodeRecord(data, false);
      if (!rec.ok()) continue;
      hit = index::HitRecordOf(*rec);
    }
    Hit h;
    h.id = d.get_value(schema::kSlotId);
    h.score = std::round(it.get_weight() * 1000) / 1000;
    h.has_text = hit->has_text;
    if (snippets) {
      // The text copy in the metadata (schema 3) is read without inflating
      // the compressed record; older indexes have the text in the data only.
      std::string_view text = index::RecordText(data);
      if (data.empty() && hit->has_text && !hit->paragraphs.empty()) {
        text_copy = text_copies ? db.get_metadata(index::TextKey(*it)) : std::string();
        if (text_copy.empty()) {
          data = d.get_data();
          text = index::RecordText(data);
        } else {
          text = text_copy;
        }
      }
      Snippet s = MakeSnippet(db, *it, *hit, text, bq.highlight, bq.highlight_terms, analyzer);
      // The best-ranked hit that shows a word decides its marks: several
      // "thi" ("đình chỉ thi hành") in a lower hit must not outvote the
      // first hit's "Chỉ thị" for "chi thi 33".
      for (auto& [fold, forms] : s.marks) marks->try_emplace(fold, std::move(forms));
      h.snippet = std::move(s.html);
      h.article = std::move(s.article);
      h.article_anchor = std::move(s.anchor);
    }
    h.type = std::move(hit->type);
    h.number = std::move(hit->number);
    h.title = std::move(hit->title);
    h.issuer = std::move(hit->issuer);
    h.date = std::move(hit->date);
    resp->results.push_back(std::move(h));
  }
}

StatusOr<index::Record> Searcher::Internal::Load(Xapian::docid did, bool with_text) {
  return index::DecodeRecord(db.get_document(did).get_data(), with_text);
}

// By id; else by number: the document whose own number it is; else by
// name; else the best number-aware match.
Xapian::docid Searcher::Internal::Find(const std::string& id_or_number) {
  std::string id = Lowercase(id_or_number);
  std::string qterm = schema::Term(schema::kId, id);
  auto p = db.postlist_begin(qterm);
  if (p != db.postlist_end(qterm)) return *p;
  std::string folded = index::FoldedIdentifier(analyzer, id_or_number);
  std::string iterm = schema::Term(schema::kIdentifier, folded);
  for (auto it = db.postlist_begin(iterm); it != db.postlist_end(iterm); ++it) {
    auto rec = Load(*it, false);
    if (rec.ok() && !rec->doc.meta.number.empty() &&
        index::FoldedIdentifier(analyzer, rec->doc.meta.number) == folded) {
      return *it;
    }
  }
  // A name: "Luật Tố cáo".
  std::string nterm = schema::Term(schema::kName, index::NameKey(id_or_number));
  auto named = db.postlist_begin(nterm);
  if (named != db.postlist_end(nterm)) return *named;
  QueryBuilder qb(db, analyzer);
  Xapian::Query nq = qb.NumberQuery(analyzer.Analyze(id_or_number));
  if (nq.empty()) return 0;
  Xapian::Enquire enquire(db);
  enquire.set_query(nq);
  Xapian::MSet mset = enquire.get_mset(0, 1);
  return mset.empty() ? 0 : *mset.begin();
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
    return out;
  } catch (const Xapian::Error& e) {
    return Status::IoError("lỗi khi đọc chỉ mục: " + e.get_description());
  }
}

}  // namespace vanban::search

namespace vanban::search {

CatalogRow Searcher::Internal::Row(const index::Record& r) {
  CatalogRow row;
  const auto& m = r.doc.meta;
  row.id = r.doc.id;
  row.type = m.type;
  row.number = m.number;
  row.title = m.title;
  row.issuer = m.issuer;
  row.date = m.date;
  row.has_text = r.has_text;
  std::string term = schema::Term(schema::kCites, r.doc.id);
  std::set<std::string> citing;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    citing.insert(db.get_document(*p).get_value(schema::kSlotId));
  }
  row.cited_in.assign(citing.begin(), citing.end());
  row.cited_count = static_cast<int>(citing.size());
  return row;
}

StatusOr<std::vector<CitedBy>> Searcher::GetCitedBy(const std::string& id_or_number) {
  try {
    auto& in = *internal_;
    Xapian::docid target = in.Find(id_or_number);
    if (!target) return Status::NotFound("không tìm thấy văn bản \"" + id_or_number + "\"");
    std::string id = in.db.get_document(target).get_value(schema::kSlotId);
    std::vector<CitedBy> out;
    std::string term = schema::Term(schema::kCites, id);
    for (auto p = in.db.postlist_begin(term); p != in.db.postlist_end(term); ++p) {
      auto rec = in.Load(*p, true);
      if (!rec.ok()) continue;
      const auto& doc = rec->doc;
      for (const auto& c : doc.citations) {
        if (c.resolved_id != id || c.status != legal::CitationStatus::kResolved) continue;
        CitedBy cb;
        cb.citing_id = doc.id;
        cb.citing_title = doc.meta.title;
        cb.citing_type = doc.meta.type;
        cb.citing_number = doc.meta.number;
        cb.sentence = SentenceAround(doc.text, c.begin, c.end);
        int unit = index::ArticleOf(doc, doc.UnitAt(c.begin));
        if (unit >= 0) cb.anchor = doc.units[unit].anchor;
        cb.begin = c.begin;
        cb.end = c.end;
        cb.target_anchor = c.anchor;
        out.push_back(std::move(cb));
      }
    }
    return out;
  } catch (const Xapian::Error& e) {
    return Status::IoError("lỗi khi đọc chỉ mục: " + e.get_description());
  }
}

StatusOr<std::vector<CatalogRow>> Searcher::Catalog() {
  try {
    std::vector<CatalogRow> rows;
    auto& db = internal_->db;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
      auto rec = internal_->Load(*p, false);
      if (rec.ok()) rows.push_back(internal_->Row(*rec));
    }
    std::sort(rows.begin(), rows.end(), [](const CatalogRow& a, const CatalogRow& b) {
      return a.date != b.date ? a.date > b.date : a.id < b.id;
    });
    return rows;
  } catch (const Xapian::Error& e) {
    return Status::IoError("lỗi khi đọc chỉ mục: " + e.get_description());
  }
}

// Catalog documents without text, and numbers cited but unknown to the
// catalog (id empty), most cited first.
StatusOr<std::vector<CatalogRow>> Searcher::Missing() {
  try {
    auto& in = *internal_;
    std::vector<CatalogRow> rows;
    std::string no_text = schema::Term(schema::kFilterHasText, "0");
    for (auto p = in.db.postlist_begin(no_text); p != in.db.postlist_end(no_text); ++p) {
      auto rec = in.Load(*p, false);
      if (rec.ok()) rows.push_back(in.Row(*rec));
    }
    std::string prefix(schema::kCitesUnresolved);
    for (auto t = in.db.allterms_begin(prefix); t != in.db.allterms_end(prefix); ++t) {
      std::string key = (*t).substr(prefix.size());
      CatalogRow row;
      for (auto p = in.db.postlist_begin(*t); p != in.db.postlist_end(*t); ++p) {
        auto rec = in.Load(*p, false);
        if (!rec.ok()) continue;
        row.cited_in.push_back(rec->doc.id);
        for (const auto& c : rec->doc.citations) {
          if (row.number.empty() && index::NameKey(c.number) == key) {
            row.number = c.number;
            row.type = c.type;
            row.issuer = c.issuer;
            row.date = c.date;
          }
        }
      }
      row.cited_count = static_cast<int>(row.cited_in.size());
      rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const CatalogRow& a, const CatalogRow& b) {
      return a.cited_count > b.cited_count;
    });
    return rows;
  } catch (const Xapian::Error& e) {
    return Status::IoError("lỗi khi đọc chỉ mục: " + e.get_description());
  }
}

}  // namespace vanban::search
