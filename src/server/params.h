// Validation of what arrives in a URL: document ids and search parameters.
// Every error message is Vietnamese and names the parameter.
// Pure functions; thread-safe.
#ifndef VANBAN_SERVER_PARAMS_H_
#define VANBAN_SERVER_PARAMS_H_

#include <map>
#include <string>

#include "base/status.h"
#include "search/searcher.h"

namespace vanban::server {

// A DocumentId as made by legal::MakeDocumentId: 1-200 bytes of [a-z0-9._-],
// not starting with '.' or '-', no "..". Anything else (a path, "%2f", an
// upper-case letter) is rejected, so ids never reach a file name unchecked.
bool IsValidDocumentId(const std::string& id);

// Query-string parameters of /tim-kiem and /api/search.
struct SearchParams {
  search::SearchRequest request;  // query, filters, offset, limit, sort
  int page = 1;                   // 1-based
  bool truncated = false;         // the query was cut to kMaxQueryBytes
  bool blank_query = false;       // q was given, but only white space
};

constexpr int kDefaultPageSize = 10;
constexpr int kMaxPage = 1000;  // deeper pages are refused: nobody reads them

// A parameter as error messages name it: in Vietnamese, with the name the
// URL uses (W4, session 16): "Năm (tham số year)"; "Tham số x" for a name
// without a Vietnamese one.
std::string ParamName(const std::string& name);

// The value of parameter `name` in `params` (null when absent), or
// InvalidArgument naming it when it is given with different values
// ("year=2023&year=2021"), saying how the query writes either value of a
// filter ("year:2023 year:2021"). The same value twice is one value.
Status OneValue(const std::multimap<std::string, std::string>& params, const std::string& name,
                const std::string** value);

// Parses q, type, issuer, year, page, limit, sort. `params` is the decoded
// query string (each name once: OneValue). Errors are InvalidArgument with a
// message naming the parameter and what a valid value is ("Trang (tham số
// page) không hợp lệ: \"0\" (cần số nguyên từ 1 đến 1000)").
// A query longer than kMaxQueryBytes is cut at a character boundary and
// `truncated` is set; the API refuses it instead when `strict_length`.
// Leading and trailing white space is dropped from the query.
StatusOr<SearchParams> ParseSearchParams(const std::multimap<std::string, std::string>& params,
                                         bool strict_length);

// The query string for these params with some overridden (for links):
// page, sort and the three filters. Empty values are omitted.
struct LinkOverrides {
  const std::string* type = nullptr;
  const std::string* issuer = nullptr;
  const std::string* year = nullptr;
  int page = 0;  // 0 = keep (1 is omitted)
  const char* sort = nullptr;
};
std::string SearchLink(const SearchParams& params, const LinkOverrides& overrides);

const char* SortName(search::SearchRequest::Sort sort);  // "relevance" / "date"

// The number of result pages of `r`, the response to `p`. `total` is an
// estimate: a page past the end (no results) caps it at the page before.
int PageCount(const SearchParams& p, const search::SearchResponse& r);
// `p` asks for a page past the last page of a search that has results.
bool PastEnd(const SearchParams& p, const search::SearchResponse& r);

}  // namespace vanban::server

#endif  // VANBAN_SERVER_PARAMS_H_
