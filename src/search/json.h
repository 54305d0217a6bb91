// The JSON contract shared by the CLI's --json output and the HTTP API
// (documented in README, "JSON"). One place, so the two cannot drift.
#ifndef VANBAN_SEARCH_JSON_H_
#define VANBAN_SEARCH_JSON_H_

#include <nlohmann/json.hpp>

#include "legal/citation.h"
#include "search/searcher.h"

namespace vanban::search {

nlohmann::json ToJson(const SearchResponse& response);
nlohmann::json ToJson(const StoredDocument& doc, bool with_text = true);
nlohmann::json ToJson(const legal::Citation& citation);
// Sets "doubt" (a note, or null) on each of `citations` (a JSON array made
// from a document's citations), from Searcher::LinkDoubts.
void AddLinkDoubts(const std::vector<std::string>& doubts, nlohmann::json* citations);
nlohmann::json ToJson(const CitedBy& cited_by);
// A row the catalog does not list (id null) adds "cited_as" (the name a
// citing text gives it, or null) and "ruled_out" ([{"id","name","date"}]:
// the documents of its name issued after the texts citing it).
nlohmann::json ToJson(const CatalogRow& row);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_JSON_H_
