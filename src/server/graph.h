// The citation neighbourhood of one document: what it cites (in order, with
// counts), what it cites that vanban could not resolve, and what cites it;
// drawn as server-rendered SVG (three columns: cited-by, the document,
// cited) and as JSON for /api/graph/ID.
// Plain values and pure functions; thread-safe.
#ifndef VANBAN_SERVER_GRAPH_H_
#define VANBAN_SERVER_GRAPH_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "legal/document.h"
#include "search/searcher.h"

namespace vanban::server {

// What the UI shows of a document it links to.
struct DocRef {
  std::string id;  // empty for an unresolved citation
  std::string type, number, title, issuer, date;
  bool has_text = false;
  bool in_index = false;  // Searcher::Get found it
};

// The citations of a document to one target, in order of first mention.
struct CitedGroup {
  std::string resolved_id;     // empty when unresolved
  std::vector<int> citations;  // indices into Document::citations
  DocRef ref;                  // filled by the server (Searcher::Get)
};

// Groups the citations of `doc` by target: resolved ones by resolved_id,
// the others by number (or name, or raw text). Self references and the
// Pháp điển's notes (Citation::source_note) are left out. Order: first
// mention.
void GroupCitations(const legal::Document& doc, std::vector<CitedGroup>* resolved,
                    std::vector<CitedGroup>* unresolved);

// The name an unresolved citation is grouped and shown by: "Luật
// 03/2011/QH13" (type and number), else its name, else its raw text.
std::string UnresolvedKey(const legal::Citation& citation);

// The documents citing one document, grouped by citing document.
struct CitingGroup {
  DocRef ref;
  std::vector<search::CitedBy> places;  // each citing sentence

  // Its citations of the document (a sentence may hold several): the n of
  // "×n", counted as CitedGroup counts them, so that one link has one n
  // in the graphs of both its ends.
  int Citations() const;
};
std::vector<CitingGroup> GroupCitedBy(const std::vector<search::CitedBy>& cited_by);

struct Graph {
  DocRef center;
  std::vector<CitedGroup> cited;
  std::vector<CitedGroup> unresolved;
  std::vector<CitingGroup> citing;
  const legal::Document* doc = nullptr;  // for unresolved labels; may be null
};

// The graphs' accessible name: "Đồ thị dẫn chiếu của Luật 25/2018/QH14: 1
// văn bản dẫn chiếu đến, 0 văn bản được dẫn chiếu, 1 dẫn chiếu chưa liên
// kết được" (the last part only when there are such citations).
std::string GraphLabel(const Graph& graph);

// SVG markup (no XML prolog), sized by its viewBox, a group (role="group")
// named by GraphLabel; nodes are links to /van-ban/ID, coloured by type,
// with a legend.
std::string GraphSvg(const Graph& graph);
// The same graph in one column (cited-by, the document, cited) for phones.
std::string GraphSvgNarrow(const Graph& graph);

// {"id":..., "nodes":[{"id","type","number","title","has_text","role","count"}],
//  "edges":[{"from","to","count"}]}; unresolved nodes have "id": null and a
// "label" and "reason".
nlohmann::json GraphJson(const Graph& graph);

}  // namespace vanban::server

#endif  // VANBAN_SERVER_GRAPH_H_
