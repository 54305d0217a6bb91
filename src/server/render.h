// Renders vanban's web pages from search results and stored documents.
// Everything taken from data is HTML-escaped (by mustache's {{x}} or by the
// builders in text_html.h/graph.h before {{{x}}}).
// A Renderer is immutable after creation; thread-safe.
#ifndef VANBAN_SERVER_RENDER_H_
#define VANBAN_SERVER_RENDER_H_

#include <string>
#include <vector>

#include "search/searcher.h"
#include "server/graph.h"
#include "server/params.h"
#include "server/templates.h"

namespace vanban::server {

// Everything the document, graph and print pages show about one document.
struct DocumentView {
  search::StoredDocument stored;
  std::vector<CitedGroup> cited;  // resolved targets, refs filled
  std::vector<CitedGroup> unresolved;
  std::vector<CitingGroup> citing;
  // For the print view: the cited documents' stored texts, same order as
  // `cited` (an entry may have has_text == false).
  std::vector<search::StoredDocument> cited_docs;
  // One entry per citation of stored.doc: why its link may land on another
  // chapter or section than the one meant (UncertainLinkNote), or "".
  std::vector<std::string> link_notes;

  Graph MakeGraph() const;
};

class Renderer {
 public:
  explicit Renderer(Templates templates) : templates_(std::move(templates)) {}

  // `response` is null on the home page (empty query).
  std::string SearchPage(const SearchParams& params, const search::SearchResponse* response) const;
  std::string DocumentPage(const DocumentView& view) const;
  std::string GraphPage(const DocumentView& view) const;
  std::string PrintPage(const DocumentView& view) const;
  // `missing`: the cited-but-missing list (/thieu-toan-van) instead of the
  // whole catalog (/danh-muc).
  std::string CatalogPage(const std::vector<search::CatalogRow>& rows, bool missing) const;
  // With `search_query`, the page offers a search for it (a 404 for what
  // the reader typed after /van-ban/); with `citing`, the places that cite
  // the number or name not found ("03/2011/QH13", cited by Luật 25/2018).
  std::string ErrorPage(int status, const std::string& message,
                        const std::string& search_query = "",
                        const std::vector<search::CitedBy>& citing = {}) const;

 private:
  Templates templates_;
};

}  // namespace vanban::server

#endif  // VANBAN_SERVER_RENDER_H_
