// HTML routes: /, /tim-kiem, /van-ban/ID, /van-ban/ID/in, /do-thi/ID,
// /danh-muc, /thieu-toan-van. Other document paths (a trailing slash, a
// number instead of an id) redirect to the canonical ones.
#include <algorithm>
#include <string_view>

#include "legal/document.h"
#include "server/html.h"
#include "server/params.h"
#include "server/server_internal.h"
#include "server/text_html.h"

namespace vanban::server {

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

void SendPage(httplib::Response& res, std::string html) {
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::move(html), kHtml);
}

void SendErrorPage(const RouteContext& ctx, httplib::Response& res, const Status& status,
                   const std::string& search_query = "") {
  res.status = HttpStatus(status);
  res.set_content(ctx.renderer->ErrorPage(res.status, PublicMessage(ctx, status), search_query),
                  kHtml);
}

void HandleSearch(const RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto params = ParseSearchParams(req.params, /*strict_length=*/false);
  if (!params.ok()) return SendErrorPage(ctx, res, params.status());
  const search::SearchRequest& r = params->request;
  // No words (or white space only) and no filter: the form, asking for words.
  if (r.query.empty() && r.type.empty() && r.issuer.empty() && r.year.empty()) {
    return SendPage(res, ctx.renderer->SearchPage(*params, nullptr));
  }
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendErrorPage(ctx, res, lease.status());
  auto response = SearchOrRetry(**lease, r);
  if (!response.ok()) return SendErrorPage(ctx, res, response.status());
  SendPage(res, ctx.renderer->SearchPage(*params, &*response));
}

enum class DocPage { kDocument, kPrint, kGraph };

std::string PagePath(const std::string& id, DocPage page) {
  switch (page) {
    case DocPage::kPrint:
      return "/van-ban/" + id + "/in";
    case DocPage::kGraph:
      return "/do-thi/" + id;
    case DocPage::kDocument:
      break;
  }
  return "/van-ban/" + id;
}

// Serves `page` of the document `key`: an id, or a number or name as
// `vanban show` takes them ("33/CT-TTg"). `exact`: the request path is the
// page's canonical one for `key`. Anything else that finds a document is
// redirected to the canonical path of its id; what finds none is a 404 that
// offers a search for `key`.
void ServeDocument(const RouteContext& ctx, httplib::Response& res, const std::string& key,
                   DocPage page, bool exact) {
  constexpr size_t kMaxKeyBytes = 200;  // as an id; a number or name is shorter
  if (key.empty() || key.size() > kMaxKeyBytes) {
    return SendErrorPage(ctx, res, NoSuchDocument(std::string(Utf8Prefix(key, 80))),
                         std::string(Utf8Prefix(key, kMaxKeyBytes)));
  }
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendErrorPage(ctx, res, lease.status());
  if (!exact || !IsValidDocumentId(key)) {
    auto found = (*lease)->Get(key);
    if (!found.ok() && !found.status().IsNotFound()) {
      return SendErrorPage(ctx, res, found.status());
    }
    if (!found.ok() || !IsValidDocumentId(found->doc.id)) {
      // A number or name cited but not indexed: where it is cited.
      auto citing = (*lease)->GetCitedBy(key);
      std::string message = NoSuchDocument(key).message();
      // A name several documents fit (N4, session 16): which ones.
      if (auto several = (*lease)->LooseMatches(key); several.ok() && !several->empty()) {
        std::string names;
        for (const auto& h : *several) {
          names += (names.empty() ? "" : "; ") + legal::ShortName(h.type, h.number, h.title, h.id) +
                   " (mã " + h.id + ")";
        }
        message = "Tên “" + key + "” khớp " + std::to_string(several->size()) +
                  " văn bản: " + names + ". Hãy tìm kiếm tên này hoặc ghi số hiệu.";
      }
      res.status = 404;
      return res.set_content(
          ctx.renderer->ErrorPage(404, message, key,
                                  citing.ok() ? *citing : std::vector<search::CitedBy>{}),
          kHtml);
    }
    return res.set_redirect(PagePath(found->doc.id, page));
  }
  auto view = LoadDocumentView(**lease, key, page == DocPage::kPrint);
  if (!view.ok()) {
    return SendErrorPage(ctx, res, view.status(), view.status().IsNotFound() ? key : "");
  }
  if (view->stored.doc.id != key && IsValidDocumentId(view->stored.doc.id)) {
    // Found under another spelling: send the reader to the canonical page.
    return res.set_redirect(PagePath(view->stored.doc.id, page));
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

// Any other path under /van-ban/ or /do-thi/ (`rest` after the prefix; the
// path is already percent-decoded, so "33%2FCT-TTg" arrives as "33/CT-TTg"):
// trailing slashes are dropped and "/in" picks the print view.
void ServeOtherDocumentPath(const RouteContext& ctx, httplib::Response& res, std::string rest,
                            bool graph) {
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.empty()) return res.set_redirect("/danh-muc");
  DocPage page = graph ? DocPage::kGraph : DocPage::kDocument;
  constexpr std::string_view kPrintSuffix = "/in";
  if (!graph && rest.size() > kPrintSuffix.size() && rest.ends_with(kPrintSuffix)) {
    rest.resize(rest.size() - kPrintSuffix.size());
    page = DocPage::kPrint;
  }
  ServeDocument(ctx, res, rest, page, /*exact=*/false);
}

void HandleCatalog(const RouteContext& ctx, httplib::Response& res, bool missing) {
  auto lease = ctx.pool->Acquire();
  if (!lease.ok()) return SendErrorPage(ctx, res, lease.status());
  auto rows = missing ? (*lease)->Missing() : (*lease)->Catalog();
  if (!rows.ok()) return SendErrorPage(ctx, res, rows.status());
  SendPage(res, ctx.renderer->CatalogPage(*rows, missing));
}

// Notes the links among `citations` (indices into the document's) that may
// land on another chapter or section of `target` than the one meant.
void NoteUncertainLinks(const legal::Document& target, const std::vector<int>& citations, bool self,
                        DocumentView* view) {
  const legal::Document& doc = view->stored.doc;
  for (int i : citations) {
    std::string note = UncertainLinkNote(target, doc.citations[i].anchor, self);
    if (note.empty()) continue;
    view->link_notes.resize(doc.citations.size());
    view->link_notes[i] = std::move(note);
  }
}

// The document's references to itself ("Chương V của Luật này").
std::vector<int> SelfCitations(const legal::Document& doc) {
  std::vector<int> out;
  for (size_t i = 0; i < doc.citations.size(); ++i) {
    const legal::Citation& c = doc.citations[i];
    if (c.status == legal::CitationStatus::kSelf ||
        (c.status == legal::CitationStatus::kResolved && c.resolved_id == doc.id)) {
      out.push_back(static_cast<int>(i));
    }
  }
  return out;
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
  if (stored->doc.id.empty()) stored->doc.id = id;
  return LoadDocumentView(searcher, std::move(stored).value(), cited_texts);
}

StatusOr<DocumentView> LoadDocumentView(search::Searcher& searcher, search::StoredDocument stored,
                                        bool cited_texts) {
  DocumentView view;
  view.stored = std::move(stored);
  const std::string& doc_id = view.stored.doc.id;
  GroupCitations(view.stored.doc, &view.cited, &view.unresolved);
  NoteUncertainLinks(view.stored.doc, SelfCitations(view.stored.doc), /*self=*/true, &view);
  for (CitedGroup& group : view.cited) {
    group.ref.id = group.resolved_id;
    auto cited = searcher.Get(group.resolved_id);
    if (cited.ok()) {
      const legal::Metadata& m = cited->doc.meta;
      group.ref = DocRef{group.resolved_id, m.type, m.number,        m.title,
                         m.issuer,          m.date, cited->has_text, true};
      NoteUncertainLinks(cited->doc, group.citations, /*self=*/false, &view);
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
    ServeDocument(ctx, res, CleanInput(req.matches[1].str()), DocPage::kDocument, /*exact=*/true);
  });
  http.Get(R"(/van-ban/([^/]+)/in)", [ctx](const httplib::Request& req, httplib::Response& res) {
    ServeDocument(ctx, res, CleanInput(req.matches[1].str()), DocPage::kPrint, /*exact=*/true);
  });
  http.Get(R"(/do-thi/([^/]+))", [ctx](const httplib::Request& req, httplib::Response& res) {
    ServeDocument(ctx, res, CleanInput(req.matches[1].str()), DocPage::kGraph, /*exact=*/true);
  });
  // After the exact routes: "/van-ban/ID/", "/van-ban/33/CT-TTg", ...
  http.Get(R"(/van-ban/(.*))", [ctx](const httplib::Request& req, httplib::Response& res) {
    ServeOtherDocumentPath(ctx, res, CleanInput(req.matches[1].str()), /*graph=*/false);
  });
  http.Get(R"(/do-thi/(.*))", [ctx](const httplib::Request& req, httplib::Response& res) {
    ServeOtherDocumentPath(ctx, res, CleanInput(req.matches[1].str()), /*graph=*/true);
  });
  http.Get("/danh-muc", [ctx](const httplib::Request&, httplib::Response& res) {
    HandleCatalog(ctx, res, /*missing=*/false);
  });
  http.Get("/thieu-toan-van", [ctx](const httplib::Request&, httplib::Response& res) {
    HandleCatalog(ctx, res, /*missing=*/true);
  });
}

}  // namespace vanban::server
