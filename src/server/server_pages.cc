// HTML routes: /, /tim-kiem, /van-ban/ID, /van-ban/ID/in, /do-thi/ID,
// /danh-muc, /thieu-toan-van.
#include <algorithm>

#include "server/params.h"
#include "server/server_internal.h"

namespace vanban::server {

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

void SendPage(httplib::Response& res, std::string html) {
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::move(html), kHtml);
}

void SendErrorPage(const RouteContext& ctx, httplib::Response& res, const Status& status) {
  res.status = HttpStatus(status);
  std::string message = status.message();
  if (res.status == 500) message = "Lỗi khi đọc chỉ mục: " + message;
  res.set_content(ctx.renderer->ErrorPage(res.status, message), kHtml);
}

void HandleSearch(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto params = ParseSearchParams(req.params, /*strict_length=*/false);
  if (!params.ok()) return SendErrorPage(ctx, res, params.status());
  const search::SearchRequest& r = params->request;
  if (r.query.empty() && r.type.empty() && r.issuer.empty() && r.year.empty()) {
    return SendPage(res, ctx.renderer->SearchPage(*params, nullptr));
  }
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendErrorPage(ctx, res, lease.status());
  auto response = (*lease)->Search(r);
  if (!response.ok()) {
    // A reindex may have replaced the revision under us: reopen and retry once.
    (void)(*lease)->Reopen();
    response = (*lease)->Search(r);
  }
  if (!response.ok()) return SendErrorPage(ctx, res, response.status());
  SendPage(res, ctx.renderer->SearchPage(*params, &*response));
}

enum class DocPage { kDocument, kPrint, kGraph };

void HandleDocument(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res,
                    DocPage page) {
  const std::string id = req.matches[1];
  if (!IsValidDocumentId(id)) {
    return SendErrorPage(ctx, res, Status::NotFound("Mã văn bản không hợp lệ."));
  }
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendErrorPage(ctx, res, lease.status());
  auto view = LoadDocumentView(**lease, id, page == DocPage::kPrint);
  if (!view.ok()) return SendErrorPage(ctx, res, view.status());
  if (view->stored.doc.id != id && IsValidDocumentId(view->stored.doc.id)) {
    // Found under another spelling: send the reader to the canonical page.
    std::string suffix = page == DocPage::kPrint ? "/in" : "";
    std::string prefix = page == DocPage::kGraph ? "/do-thi/" : "/van-ban/";
    return res.set_redirect(prefix + view->stored.doc.id + suffix);
  }
  switch (page) {
    case DocPage::kDocument:
      return SendPage(res, ctx.renderer->DocumentPage(*view));
    case DocPage::kPrint:
      return SendPage(res, ctx.renderer->PrintPage(*view));
    case DocPage::kGraph:
      return SendPage(res, ctx.renderer->GraphPage(*view));
  }
}

void HandleCatalog(const RouteContext& ctx, httplib::Response& res, bool missing) {
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendErrorPage(ctx, res, lease.status());
  auto rows = missing ? (*lease)->Missing() : (*lease)->Catalog();
  if (!rows.ok()) return SendErrorPage(ctx, res, rows.status());
  SendPage(res, ctx.renderer->CatalogPage(*rows, missing));
}

}  // namespace

StatusOr<DocumentView> LoadDocumentView(search::Searcher& searcher, const std::string& id,
                                        bool cited_texts) {
  auto stored = searcher.Get(id);
  if (!stored.ok()) {
    if (stored.status().IsNotFound()) {
      return Status::NotFound("Không có văn bản mã \"" + id + "\" trong chỉ mục.");
    }
    return stored.status();
  }
  DocumentView view;
  view.stored = std::move(stored).value();
  const std::string& doc_id = view.stored.doc.id.empty() ? id : view.stored.doc.id;
  GroupCitations(view.stored.doc, &view.cited, &view.unresolved);
  for (CitedGroup& group : view.cited) {
    group.ref.id = group.resolved_id;
    auto cited = searcher.Get(group.resolved_id);
    if (cited.ok()) {
      const legal::Metadata& m = cited->doc.meta;
      group.ref = DocRef{group.resolved_id, m.type, m.number,        m.title,
                         m.issuer,          m.date, cited->has_text, true};
    }
    if (cited_texts) {
      view.cited_docs.push_back(cited.ok() ? std::move(cited).value() : search::StoredDocument{});
    }
  }
  auto cited_by = searcher.GetCitedBy(doc_id);
  if (!cited_by.ok() && !cited_by.status().IsNotFound()) return cited_by.status();
  if (cited_by.ok()) view.citing = GroupCitedBy(*cited_by);
  // A document that cites has text: that is where the citation was found.
  for (CitingGroup& g : view.citing) g.ref.has_text = true;
  return view;
}

void RegisterPages(httplib::Server& http, const RouteContext& ctx) {
  http.Get("/", [ctx](const httplib::Request& req, httplib::Response& res) {
    HandleSearch(ctx, req, res);
  });
  http.Get("/tim-kiem", [ctx](const httplib::Request& req, httplib::Response& res) {
    HandleSearch(ctx, req, res);
  });
  http.Get(R"(/van-ban/([^/]+))", [ctx](const httplib::Request& req, httplib::Response& res) {
    HandleDocument(ctx, req, res, DocPage::kDocument);
  });
  http.Get(R"(/van-ban/([^/]+)/in)", [ctx](const httplib::Request& req, httplib::Response& res) {
    HandleDocument(ctx, req, res, DocPage::kPrint);
  });
  http.Get(R"(/do-thi/([^/]+))", [ctx](const httplib::Request& req, httplib::Response& res) {
    HandleDocument(ctx, req, res, DocPage::kGraph);
  });
  http.Get("/danh-muc", [ctx](const httplib::Request&, httplib::Response& res) {
    HandleCatalog(ctx, res, /*missing=*/false);
  });
  http.Get("/thieu-toan-van", [ctx](const httplib::Request&, httplib::Response& res) {
    HandleCatalog(ctx, res, /*missing=*/true);
  });
}

}  // namespace vanban::server
