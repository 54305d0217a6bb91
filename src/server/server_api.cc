// JSON routes (contract in README, "JSON"; the same objects as the CLI's
// --json, built by search/json.h): /api/search, /api/documents/ID,
// /api/documents/ID/citations, /api/documents/ID/cited-by, /api/graph/ID,
// /api/catalog. Errors: {"error": "..."} with 400, 404, 503 or 500.
#include <filesystem>

#include "search/json.h"
#include "server/graph.h"
#include "server/html.h"
#include "server/params.h"
#include "server/server_internal.h"

namespace vanban::server {

namespace {

using nlohmann::json;
using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

void SendJson(httplib::Response& res, const json& body) {
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void SendStatus(const RouteContext& ctx, httplib::Response& res, const Status& status) {
  SendJsonError(res, HttpStatus(status), PublicMessage(ctx, status));
}

// "1"/"true" or "0"/"false" (or absent: `fallback`).
StatusOr<bool> BoolParam(const httplib::Request& req, const std::string& name, bool fallback) {
  const std::string* value = nullptr;
  if (Status s = OneValue(req.params, name, &value); !s.ok()) return s;
  if (value == nullptr) return fallback;
  const std::string& v = *value;
  if (v == "1" || v == "true") return true;
  if (v == "0" || v == "false") return false;
  return Status::InvalidArgument(ParamName(name) + " không hợp lệ: \"" +
                                 std::string(Utf8Prefix(v, 80)) + "\" (cần 1/0 hoặc true/false)");
}

void HandleSearch(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto params = ParseSearchParams(req.params, /*strict_length=*/true);
  if (!params.ok()) return SendStatus(ctx, res, params.status());
  // snippets=0: hits from the hit record alone (no text read, no snippet).
  auto snippets = BoolParam(req, "snippets", true);
  if (!snippets.ok()) return SendStatus(ctx, res, snippets.status());
  search::SearchRequest& r = params->request;
  r.snippets = *snippets;
  if (r.query.empty() && r.type.empty() && r.issuer.empty() && r.year.empty()) {
    return SendJsonError(res, 400, "Thiếu tham số q (từ khóa tìm kiếm)");
  }
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendStatus(ctx, res, lease.status());
  auto response = SearchOrRetry(**lease, r);
  if (!response.ok()) return SendStatus(ctx, res, response.status());
  if (PastEnd(*params, *response)) {
    // An empty page with a total: say why, as the search page does.
    response->notice += (response->notice.empty() ? "" : " ") + std::string("Trang ") +
                        std::to_string(params->page) + " vượt quá trang cuối (trang " +
                        std::to_string(PageCount(*params, *response)) + ").";
  }
  SendJson(res, search::ToJson(*response));
}

constexpr size_t kMaxKeyBytes = 200;  // as an id; a number or name is shorter

// The document key of the request (`req.matches[1]`), cleaned; "" (and
// the 404 sent) when it is none: empty, or longer than any id.
std::string DocumentKey(const RouteContext& ctx, const httplib::Request& req,
                        httplib::Response& res) {
  std::string key = CleanInput(req.matches[1].str());
  if (key.empty() || key.size() > kMaxKeyBytes) {
    SendStatus(ctx, res, NoSuchDocument(std::string(Utf8Prefix(key, 80))));
    return std::string();
  }
  return key;
}

// Runs `body` with a leased searcher and the document `req.matches[1]`
// names: an id, or a number or name as `vanban show` and /van-ban/ take
// them ("33/CT-TTg", "ct 33"); else answers 404 (or 500). The 404 of a
// number or name that is only cited lists, as its page does, where it is
// cited ("cited_by", as `vanban cited-by --json`).
void WithDocument(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res,
                  const std::function<void(search::Searcher&, search::StoredDocument&)>& body) {
  const std::string key = DocumentKey(ctx, req, res);
  if (key.empty()) return;
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendStatus(ctx, res, lease.status());
  auto stored = (*lease)->Get(key);
  if (stored.ok()) return body(**lease, *stored);
  if (!stored.status().IsNotFound()) return SendStatus(ctx, res, stored.status());
  SendJsonError(res, 404, NoSuchDocument(key).message());
  auto citing = (*lease)->GetCitedBy(key);
  if (!citing.ok() || citing->empty()) return;
  json error = {{"error", NoSuchDocument(key).message()}, {"cited_by", json::array()}};
  for (const search::CitedBy& c : *citing) error["cited_by"].push_back(search::ToJson(c));
  res.set_content(error.dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void HandleDocument(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto with_text = BoolParam(req, "text", true);
  if (!with_text.ok()) return SendStatus(ctx, res, with_text.status());
  WithDocument(ctx, req, res, [&](search::Searcher& s, search::StoredDocument& stored) {
    // As `vanban show --json`: the document, then who cites it.
    auto cited_by = s.GetCitedBy(stored.doc.id);
    if (!cited_by.ok() && !cited_by.status().IsNotFound())
      return SendStatus(ctx, res, cited_by.status());
    json body = search::ToJson(stored, *with_text);
    search::AddLinkDoubts(s.LinkDoubts(stored.doc), &body["citations"]);
    // The file name only, as on the page: the server's folders are none of
    // the reader's business (W8; `vanban show --json` gives the full path).
    if (!stored.source_path.empty()) {
      body["source"] = std::filesystem::path(stored.source_path).filename().string();
    }
    body["cited_by"] = json::array();
    if (cited_by.ok()) {
      for (const search::CitedBy& c : *cited_by) body["cited_by"].push_back(search::ToJson(c));
    }
    SendJson(res, body);
  });
}

void HandleCitations(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  WithDocument(ctx, req, res, [&](search::Searcher& s, search::StoredDocument& stored) {
    json list = json::array();
    for (const legal::Citation& c : stored.doc.citations) list.push_back(search::ToJson(c));
    search::AddLinkDoubts(s.LinkDoubts(stored.doc), &list);
    SendJson(res, json{{"id", stored.doc.id}, {"citations", list}});
  });
}

void HandleCitedBy(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  // As `vanban cited-by --json`: a document, or a number or name that is
  // only cited ("09/1998/QH10": the places citing it; it was a 404). An
  // unknown one is a 404, not an empty list.
  const std::string key = DocumentKey(ctx, req, res);
  if (key.empty()) return;
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendStatus(ctx, res, lease.status());
  auto cited_by = (*lease)->GetCitedBy(key);
  if (!cited_by.ok()) {
    return SendStatus(ctx, res,
                      cited_by.status().IsNotFound() ? NoSuchDocument(key) : cited_by.status());
  }
  json list = json::array();
  for (const search::CitedBy& c : *cited_by) list.push_back(search::ToJson(c));
  SendJson(res, list);
}

void HandleGraph(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  WithDocument(ctx, req, res, [&](search::Searcher& s, search::StoredDocument& stored) {
    auto view = LoadDocumentView(s, std::move(stored), /*cited_texts=*/false);
    if (!view.ok()) return SendStatus(ctx, res, view.status());
    SendJson(res, GraphJson(view->MakeGraph()));
  });
}

void HandleCatalog(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto missing = BoolParam(req, "missing", false);
  if (!missing.ok()) return SendStatus(ctx, res, missing.status());
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendStatus(ctx, res, lease.status());
  auto rows = *missing ? (*lease)->Missing() : (*lease)->Catalog();
  if (!rows.ok()) return SendStatus(ctx, res, rows.status());
  json list = json::array();
  for (const search::CatalogRow& row : *rows) list.push_back(search::ToJson(row));
  SendJson(res, list);
}

Handler Bind(const RouteContext& ctx,
             void (*fn)(const RouteContext&, const httplib::Request&, httplib::Response&)) {
  return [ctx, fn](const httplib::Request& req, httplib::Response& res) { fn(ctx, req, res); };
}

}  // namespace

void RegisterApi(httplib::Server& http, const RouteContext& ctx) {
  http.Get("/api/search", Bind(ctx, HandleSearch));
  http.Get(R"(/api/documents/([^/]+))", Bind(ctx, HandleDocument));
  http.Get(R"(/api/documents/([^/]+)/citations)", Bind(ctx, HandleCitations));
  http.Get(R"(/api/documents/([^/]+)/cited-by)", Bind(ctx, HandleCitedBy));
  http.Get(R"(/api/graph/([^/]+))", Bind(ctx, HandleGraph));
  // A number with its "/" ("33%2FCT-TTg" arrives decoded): after the routes
  // above, which match ids.
  http.Get(R"(/api/documents/(.+)/citations)", Bind(ctx, HandleCitations));
  http.Get(R"(/api/documents/(.+)/cited-by)", Bind(ctx, HandleCitedBy));
  http.Get(R"(/api/documents/(.+))", Bind(ctx, HandleDocument));
  http.Get(R"(/api/graph/(.+))", Bind(ctx, HandleGraph));
  http.Get("/api/catalog", Bind(ctx, HandleCatalog));
}

}  // namespace vanban::server
