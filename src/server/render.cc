// Search, catalog and error pages.
#include "server/render.h"

#include <algorithm>
#include <kainjow/mustache.hpp>

#include "server/html.h"

namespace vanban::server {

namespace {

using kainjow::mustache::data;

constexpr const char* kUnknown = "Chưa rõ";

std::string OrUnknown(const std::string& s) { return s.empty() ? kUnknown : s; }

// The search layer's snippet is escaped HTML with <mark> tags. Defence in
// depth: any other '<' or '>' is escaped again, so no other tag can form.
std::string SafeSnippet(const std::string& snippet) {
  std::string out;
  out.reserve(snippet.size());
  size_t i = 0;
  while (i < snippet.size()) {
    bool tag = false;
    for (const char* allowed : {"<mark>", "</mark>"}) {
      size_t n = std::char_traits<char>::length(allowed);
      if (snippet.compare(i, n, allowed) == 0) {
        out.append(allowed);
        i += n;
        tag = true;
        break;
      }
    }
    if (tag) continue;
    char c = snippet[i++];
    if (c == '<')
      out.append("&lt;");
    else if (c == '>')
      out.append("&gt;");
    else if (c == '"')
      out.append("&quot;");
    else
      out.push_back(c);
  }
  return out;
}

data HitData(const search::Hit& hit) {
  data d;
  Set(d, "id", hit.id);
  Set(d, "href", "/van-ban/" + UrlEncode(hit.id));
  Set(d, "type", OrUnknown(hit.type));
  Set(d, "type_class", TypeClass(hit.type));
  Set(d, "number", hit.number);
  // A document with no type, number or title is shown by its file's name.
  std::string by_file = hit.file_label.empty() ? hit.id : "Tệp “" + hit.file_label + "”";
  Set(d, "title", hit.title.empty() ? ShortName(hit.type, hit.number, "", by_file) : hit.title);
  Set(d, "issuer", OrUnknown(hit.issuer));
  Set(d, "date", hit.date.empty() ? kUnknown : DisplayDate(hit.date));
  Set(d, "has_text", hit.has_text);
  Set(d, "snippet", SafeSnippet(hit.snippet));
  Set(d, "article", hit.article);
  Set(d, "article_href",
      "/van-ban/" + UrlEncode(hit.id) +
          (hit.article_anchor.empty() ? "" : "#" + UrlEncode(hit.article_anchor)));
  return d;
}

const char* FacetTitle(const std::string& key) {
  if (key == "type") return "Loại văn bản";
  if (key == "issuer") return "Cơ quan ban hành";
  if (key == "year") return "Năm ban hành";
  return nullptr;
}

const std::string& ActiveFilter(const SearchParams& p, const std::string& key) {
  return key == "type" ? p.request.type : key == "issuer" ? p.request.issuer : p.request.year;
}

std::string FilterLink(const SearchParams& p, const std::string& key, const std::string& value) {
  LinkOverrides o;
  o.page = 1;
  if (key == "type") o.type = &value;
  if (key == "issuer") o.issuer = &value;
  if (key == "year") o.year = &value;
  return SearchLink(p, o);
}

data FacetsData(const SearchParams& p, const search::SearchResponse& r) {
  data facets{data::type::list};
  static const std::string kEmpty;
  for (const char* key : {"type", "issuer", "year"}) {
    auto it = r.facets.find(key);
    const std::string& active = ActiveFilter(p, key);
    if ((it == r.facets.end() || it->second.empty()) && active.empty()) continue;
    data facet;
    Set(facet, "title", FacetTitle(key));
    data values{data::type::list};
    if (it != r.facets.end()) {
      for (const search::FacetValue& v : it->second) {
        data value;
        Set(value, "value", v.value.empty() ? kUnknown : v.value);
        Set(value, "count", std::to_string(v.count));
        Set(value, "active", v.value == active);
        Set(value, "href", FilterLink(p, key, v.value == active ? kEmpty : v.value));
        values.push_back(value);
      }
    }
    Set(facet, "values", values);
    Set(facet, "active", active);
    Set(facet, "clear_href", FilterLink(p, key, kEmpty));
    facets.push_back(facet);
  }
  return facets;
}

data PagerData(const SearchParams& p, const search::SearchResponse& r) {
  int pages = PageCount(p, r);
  bool past_end = PastEnd(p, r);
  data pager;
  Set(pager, "show", pages > 1 || past_end);
  // Past the end, "previous" is the last page, not another empty one.
  if (p.page > 1) {
    int prev = past_end ? pages : p.page - 1;
    Set(pager, "prev_href", SearchLink(p, LinkOverrides{.page = prev}));
  }
  if (p.page < pages) Set(pager, "next_href", SearchLink(p, LinkOverrides{.page = p.page + 1}));
  data list{data::type::list};
  int around = std::min(p.page, pages);
  int first = std::max(1, around - 3), last = std::min(pages, around + 3);
  for (int n = first; n <= last; ++n) {
    data item;
    Set(item, "n", std::to_string(n));
    Set(item, "current", n == p.page);
    Set(item, "href", SearchLink(p, LinkOverrides{.page = n}));
    list.push_back(item);
  }
  Set(pager, "pages", list);
  return pager;
}

// The results page's <h1>, for screen readers (the page shows the query in
// the box): "Kết quả tìm kiếm cho “dan van”", the filters of a search by
// filters alone, the page past the first.
std::string ResultsHeading(const SearchParams& p) {
  std::string heading = "Kết quả tìm kiếm";
  if (!p.request.query.empty()) {
    heading += " cho “" + p.request.query + "”";
  } else {
    std::string filters;
    for (const std::string* f : {&p.request.type, &p.request.issuer, &p.request.year}) {
      if (!f->empty()) filters += (filters.empty() ? "" : ", ") + *f;
    }
    if (!filters.empty()) heading += " theo bộ lọc: " + filters;
  }
  if (p.page > 1) heading += ", trang " + std::to_string(p.page);
  return heading;
}

data ResultsData(const SearchParams& p, const search::SearchResponse& r) {
  data d;
  Set(d, "has_query", true);
  Set(d, "results_heading", ResultsHeading(p));
  data hits{data::type::list};
  for (const search::Hit& hit : r.results) hits.push_back(HitData(hit));
  Set(d, "results", hits);
  Set(d, "any", !r.results.empty());
  Set(d, "total", std::to_string(r.total));
  bool past_end = PastEnd(p, r);
  Set(d, "past_end", past_end);
  if (past_end) {
    int last = PageCount(p, r);
    Set(d, "page", std::to_string(p.page));
    Set(d, "last_page", std::to_string(last));
    Set(d, "last_href", SearchLink(p, LinkOverrides{.page = last}));
    Set(d, "first_href", SearchLink(p, LinkOverrides{.page = 1}));
  }
  Set(d, "from", std::to_string(p.request.offset + 1));
  Set(d, "to", std::to_string(p.request.offset + static_cast<int>(r.results.size())));
  Set(d, "suggestion", r.suggestion);
  LinkOverrides none;
  SearchParams suggested = p;
  suggested.request.query = r.suggestion;
  suggested.page = 1;
  Set(d, "suggestion_href", SearchLink(suggested, none));
  Set(d, "notice", r.notice);
  Set(d, "excluded_all", r.excluded_all > 0);
  data facets = FacetsData(p, r);
  Set(d, "any_facets", !facets.is_empty_list());
  Set(d, "facets", facets);
  Set(d, "pager", PagerData(p, r));
  Set(d, "sort_date", p.request.sort == search::SearchRequest::Sort::kDate);
  Set(d, "sort_relevance_href", SearchLink(p, LinkOverrides{.page = 1, .sort = "relevance"}));
  Set(d, "sort_date_href", SearchLink(p, LinkOverrides{.page = 1, .sort = "date"}));
  return d;
}

}  // namespace

std::string Renderer::SearchPage(const SearchParams& p,
                                 const search::SearchResponse* response) const {
  // A query with nothing to search ("-", "..."): the form and what to do,
  // not an empty result list.
  bool nothing = response && response->nothing_to_search;
  data d = response && !nothing ? ResultsData(p, *response) : data();
  Set(d, "query", p.request.query);
  Set(d, "blank_query", p.blank_query);
  Set(d, "nothing_notice", nothing ? response->notice : std::string());
  Set(d, "truncated", p.truncated);
  Set(d, "max_query", std::to_string(search::SearchRequest::kMaxQueryBytes));
  Set(d, "type", p.request.type);
  Set(d, "issuer", p.request.issuer);
  Set(d, "year", p.request.year);
  Set(d, "sort_date", p.request.sort == search::SearchRequest::Sort::kDate);
  Templates::PageMeta meta;
  if (!p.request.query.empty()) {
    meta.title = p.request.query + " — Tìm kiếm";
  } else {
    // Filters alone, or a query of white space: no words to name the page by.
    meta.title = response || p.blank_query ? "Tìm kiếm" : "Tra cứu văn bản";
  }
  meta.search_home = true;
  meta.query = p.request.query;
  // The skip link goes to the results, past the search form and the
  // facets before them.
  if (response && !nothing) meta.skip_to = "ket-qua";
  return templates_.RenderPage("search", d, meta);
}

std::string Renderer::CatalogPage(const std::vector<search::CatalogRow>& rows, bool missing) const {
  data list{data::type::list};
  int with_text = 0;
  for (const search::CatalogRow& row : rows) {
    data r;
    // Cited-but-unknown documents have no id (and no page): they link to a
    // search for their number or name, or, when the documents of that name
    // were all issued after the texts citing it, to where it is first cited
    // (T7, session 15: the search's first hit was the law ruled out).
    bool in_catalog = !row.id.empty();
    std::string href = "/tim-kiem?q=" + UrlEncode(row.number.empty() ? row.title : row.number);
    if (in_catalog) {
      href = IsValidDocumentId(row.id) ? "/van-ban/" + row.id : href;
    } else if (!row.ruled_out.empty() && IsValidDocumentId(row.first_citing_id)) {
      href = "/van-ban/" + row.first_citing_id + "#c-" + std::to_string(row.first_citation_begin);
    }
    Set(r, "href", href);
    Set(r, "type", OrUnknown(row.type));
    Set(r, "type_class", TypeClass(row.type));
    Set(r, "number", OrUnknown(row.number));
    // T6 (session 15): a title the sources do not give is "Chưa rõ", not the
    // number again, which read as a trích yếu ("Quyết định 629/QĐ-UBND");
    // the row then links on its number. A document the catalog does not
    // list shows the name its citing text gives it, if any, saying so.
    std::string title = in_catalog || row.cited_as.empty() ? row.title : row.cited_as;
    if (title.empty() && row.number.empty()) title = ShortName(row.type, "", "", row.id);
    Set(r, "title", title);
    Set(r, "title_unknown", title.empty());
    Set(r, "title_from_citing", !in_catalog && !title.empty());
    Set(r, "in_catalog", in_catalog);
    Set(r, "namesake_later", !row.ruled_out.empty());
    Set(r, "note", search::RuledOutNote(row));
    Set(r, "issuer", OrUnknown(row.issuer));
    Set(r, "date", row.date.empty() ? kUnknown : DisplayDate(row.date));
    Set(r, "has_text", row.has_text);
    // CatalogRow::cited_count counts the documents citing it, not their
    // citations (Luật 09/1998/QH10: 3 citations in 2 documents).
    Set(r, "citing_documents", std::to_string(row.cited_count));
    data cited_in{data::type::list};
    for (size_t i = 0; i < row.cited_in.size(); ++i) {
      const std::string& id = row.cited_in[i];
      if (!IsValidDocumentId(id)) continue;
      data c;
      Set(c, "href", "/van-ban/" + id);
      // The citing document by its short name, not its id (a long slug
      // widened the table past the page).
      bool named = i < row.cited_in_names.size() && !row.cited_in_names[i].empty();
      Set(c, "name", named ? row.cited_in_names[i] : id);
      cited_in.push_back(c);
    }
    Set(r, "cited_in", cited_in);
    list.push_back(r);
    with_text += row.has_text ? 1 : 0;
  }
  data d;
  Set(d, "rows", list);
  Set(d, "any", !rows.empty());
  Set(d, "missing", missing);
  Set(d, "count", std::to_string(rows.size()));
  Set(d, "with_text", std::to_string(with_text));
  Set(d, "without_text", std::to_string(rows.size() - with_text));
  Templates::PageMeta meta;
  meta.title = missing ? "Văn bản còn thiếu toàn văn" : "Danh mục văn bản";
  return templates_.RenderPage("catalog", d, meta);
}

std::string Renderer::ErrorPage(int status, const std::string& message,
                                const std::string& search_query,
                                const std::vector<search::CitedBy>& citing) const {
  data d;
  data places{data::type::list};
  for (const search::CitedBy& c : citing) {
    data place;
    std::string href = "/van-ban/" + UrlEncode(c.citing_id);
    if (!c.anchor.empty()) href += "#" + UrlEncode(c.anchor);
    Set(place, "href", href);
    Set(place, "name", ShortName(c.citing_type, c.citing_number, c.citing_title, c.citing_id));
    Set(place, "sentence", c.sentence);
    places.push_back(place);
  }
  Set(d, "citing", places);
  Set(d, "any_citing", !citing.empty());
  Set(d, "search_query", search_query);
  if (!search_query.empty()) Set(d, "search_href", "/tim-kiem?q=" + UrlEncode(search_query));
  Set(d, "status", std::to_string(status));
  Set(d, "message", message);
  Set(d, "not_found", status == 404);
  Set(d, "too_long", status == 414);
  Templates::PageMeta meta;
  meta.title = status == 404 ? "Không tìm thấy" : status == 414 ? "Địa chỉ quá dài" : "Lỗi";
  return templates_.RenderPage("error", d, meta);
}

}  // namespace vanban::server
