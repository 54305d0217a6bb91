#include "server/params.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <vector>

#include "server/html.h"

namespace vanban::server {

bool IsValidDocumentId(const std::string& id) {
  if (id.empty() || id.size() > 200 || id[0] == '.' || id[0] == '-') return false;
  if (id.find("..") != std::string::npos) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string ParamName(const std::string& name) {
  static const std::map<std::string, std::string> kNames = {
      {"q", "Từ khóa tìm kiếm"},
      {"type", "Loại văn bản"},
      {"issuer", "Cơ quan ban hành"},
      {"year", "Năm"},
      {"page", "Trang"},
      {"limit", "Số kết quả mỗi trang"},
      {"sort", "Cách sắp xếp"},
      {"snippets", "Đoạn trích"},
      {"text", "Toàn văn"},
      {"missing", "Chỉ văn bản chưa có toàn văn"},
  };
  auto it = kNames.find(name);
  if (it == kNames.end()) return "Tham số " + name;
  return it->second + " (tham số " + name + ")";
}

namespace {

const std::string* First(const std::multimap<std::string, std::string>& params,
                         const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

// A filter value as the query syntax writes it: `type:"Kế hoạch"`.
std::string AsFilter(const std::string& name, const std::string& value) {
  bool spaced = value.find(' ') != std::string::npos;
  return name + ":" + (spaced ? "\"" + value + "\"" : value);
}

Status BadParam(const std::string& name, const std::string& value, const std::string& why) {
  std::string shown(Utf8Prefix(value, 80));
  return Status::InvalidArgument(ParamName(name) + " không hợp lệ: \"" + shown + "\" (" + why +
                                 ")");
}

// A positive integer in [1, max], or an error naming the parameter.
StatusOr<int> ParseInt(const std::string& name, const std::string& value, int max) {
  int out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size() || out < 1 || out > max) {
    return BadParam(name, value, "cần số nguyên từ 1 đến " + std::to_string(max));
  }
  return out;
}

// `text` without leading and trailing white space (ASCII and U+00A0).
std::string_view TrimSpace(std::string_view text) {
  auto space_at = [&text](size_t i) -> size_t {  // its length, or 0
    unsigned char c = text[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0)
      return 2;
    return 0;
  };
  while (!text.empty() && space_at(0) > 0) text.remove_prefix(space_at(0));
  for (;;) {
    if (!text.empty() && space_at(text.size() - 1) == 1) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && space_at(text.size() - 2) == 2) {
      text.remove_suffix(2);
    } else {
      return text;
    }
  }
}

Status ParseFilters(const std::multimap<std::string, std::string>& params,
                    search::SearchRequest* request) {
  constexpr size_t kMaxFilterBytes = 200;
  for (const char* name : {"type", "issuer", "year"}) {
    const std::string* value = nullptr;
    if (Status s = OneValue(params, name, &value); !s.ok()) return s;
    if (value == nullptr) continue;
    if (value->size() > kMaxFilterBytes) return BadParam(name, *value, "quá dài");
    if (std::string(name) == "year" && !value->empty() && !search::SearchRequest::IsYear(*value)) {
      return BadParam(name, *value, "cần năm bốn chữ số, ví dụ 2021");
    }
    std::string& field = std::string(name) == "type"     ? request->type
                         : std::string(name) == "issuer" ? request->issuer
                                                         : request->year;
    field = *value;
  }
  return Status::Ok();
}

}  // namespace

Status OneValue(const std::multimap<std::string, std::string>& params, const std::string& name,
                const std::string** value) {
  auto [begin, end] = params.equal_range(name);
  *value = begin == end ? nullptr : &begin->second;
  std::vector<std::string> values;
  for (auto it = begin; it != end; ++it) {
    if (std::find(values.begin(), values.end(), it->second) == values.end()) {
      values.push_back(it->second);
    }
  }
  if (values.size() < 2) return Status::Ok();
  std::string listed, typed;
  for (const std::string& v : values) {
    listed += (listed.empty() ? "“" : ", “") + std::string(Utf8Prefix(v, 80)) + "”";
    typed += (typed.empty() ? "" : " ") + AsFilter(name, v);
  }
  std::string message =
      ParamName(name) + " có nhiều giá trị (" + listed + "): mỗi tham số chỉ nhận một giá trị";
  if (name == "type" || name == "issuer" || name == "year") {
    message += "; để tìm văn bản có một trong các giá trị đó, hãy viết vào từ khóa: " + typed;
  }
  return Status::InvalidArgument(message);
}

StatusOr<SearchParams> ParseSearchParams(const std::multimap<std::string, std::string>& raw,
                                         bool strict_length) {
  std::multimap<std::string, std::string> params;
  for (const auto& [name, value] : raw) params.emplace(name, CleanInput(value));
  // X9 (QA 20): "year=2023&year=2021" searched 2023 alone, without a word
  // (the query's "year:2023 year:2021" means either); "page=2&page=x" was
  // 200, "page=x&page=2" 400.
  for (const char* name : {"q", "limit", "page", "sort"}) {
    const std::string* value = nullptr;
    if (Status s = OneValue(params, name, &value); !s.ok()) return s;
  }
  SearchParams out;
  search::SearchRequest& request = out.request;
  if (const std::string* q = First(params, "q")) {
    if (q->size() > search::SearchRequest::kMaxQueryBytes) {
      if (strict_length) {
        return BadParam(
            "q", *q, "dài quá " + std::to_string(search::SearchRequest::kMaxQueryBytes) + " byte");
      }
      out.truncated = true;
    }
    // A query of white space alone ("q=+++") is no query: the page asks
    // for one instead of searching for "   ".
    request.query = std::string(TrimSpace(Utf8Prefix(*q, search::SearchRequest::kMaxQueryBytes)));
    out.blank_query = request.query.empty() && !q->empty();
  }
  if (Status s = ParseFilters(params, &request); !s.ok()) return s;
  request.limit = kDefaultPageSize;
  if (const std::string* limit = First(params, "limit")) {
    auto parsed = ParseInt("limit", *limit, search::SearchRequest::kMaxLimit);
    if (!parsed.ok()) return parsed.status();
    request.limit = *parsed;
  }
  if (const std::string* page = First(params, "page")) {
    auto parsed = ParseInt("page", *page, kMaxPage);
    if (!parsed.ok()) return parsed.status();
    out.page = *parsed;
  }
  request.offset = (out.page - 1) * request.limit;
  if (const std::string* sort = First(params, "sort")) {
    if (*sort == "date") {
      request.sort = search::SearchRequest::Sort::kDate;
    } else if (!sort->empty() && *sort != "relevance") {
      return BadParam("sort", *sort, "chỉ nhận relevance (liên quan nhất) hoặc date (mới nhất)");
    }
  }
  return out;
}

int PageCount(const SearchParams& p, const search::SearchResponse& r) {
  int per_page = std::max(p.request.limit, 1);
  int pages = std::min((r.total + per_page - 1) / per_page, kMaxPage);
  if (r.results.empty() && p.page > 1) pages = std::min(pages, p.page - 1);
  return std::max(pages, 0);
}

bool PastEnd(const SearchParams& p, const search::SearchResponse& r) {
  int pages = PageCount(p, r);
  return r.results.empty() && pages >= 1 && p.page > pages;
}

const char* SortName(search::SearchRequest::Sort sort) {
  return sort == search::SearchRequest::Sort::kDate ? "date" : "relevance";
}

std::string SearchLink(const SearchParams& params, const LinkOverrides& overrides) {
  const search::SearchRequest& r = params.request;
  std::string link = "/tim-kiem?q=" + UrlEncode(r.query);
  auto add = [&link](const char* name, const std::string& value) {
    if (!value.empty()) link.append("&").append(name).append("=").append(UrlEncode(value));
  };
  add("type", overrides.type ? *overrides.type : r.type);
  add("issuer", overrides.issuer ? *overrides.issuer : r.issuer);
  add("year", overrides.year ? *overrides.year : r.year);
  const char* sort = overrides.sort ? overrides.sort : SortName(r.sort);
  if (std::string(sort) != "relevance") add("sort", sort);
  if (r.limit != kDefaultPageSize) add("limit", std::to_string(r.limit));
  int page = overrides.page ? overrides.page : params.page;
  if (page > 1) add("page", std::to_string(page));
  return link;
}

}  // namespace vanban::server
