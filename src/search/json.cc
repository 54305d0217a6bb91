#include "search/json.h"

namespace vanban::search {
namespace {

using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json FacetsToJson(const std::map<std::string, std::vector<FacetValue>>& facets) {
  json out = json::object();
  for (const char* key : {"type", "issuer", "year"}) {
    json values = json::array();
    auto it = facets.find(key);
    if (it != facets.end()) {
      for (const auto& v : it->second) values.push_back({{"value", v.value}, {"count", v.count}});
    }
    out[key] = std::move(values);
  }
  return out;
}

json UnitToJson(const legal::Unit& u) {
  // A clause or point has no title: null, as every unknown field (Q18,
  // session 17: "").
  return {{"kind", legal::UnitKindName(u.kind)},
          {"label", u.label},
          {"number", OrNull(u.number)},
          {"title", OrNull(u.title)},
          {"anchor", u.anchor},
          {"begin", u.begin},
          {"end", u.end},
          {"parent", u.parent},
          {"code", u.code.empty() ? json(nullptr) : json(u.code)}};
}

}  // namespace

json ToJson(const SearchResponse& r) {
  json results = json::array();
  for (const auto& h : r.results) {
    results.push_back({{"id", h.id},
                       {"type", OrNull(h.type)},
                       {"number", OrNull(h.number)},
                       {"title", OrNull(h.title)},
                       {"issuer", OrNull(h.issuer)},
                       {"date", OrNull(h.date)},
                       {"score", h.score},
                       {"has_text", h.has_text},
                       {"snippet", h.snippet},
                       {"article", OrNull(h.article)}});
  }
  json out = {{"query", r.query},
              {"total", r.total},
              {"suggestion", OrNull(r.suggestion)},
              {"facets", FacetsToJson(r.facets)},
              {"results", std::move(results)}};
  if (!r.notice.empty()) out["notice"] = r.notice;
  return out;
}

json ToJson(const legal::Citation& c) {
  return {{"raw", c.raw},
          {"begin", c.begin},
          {"end", c.end},
          {"type", OrNull(c.type)},
          {"number", OrNull(c.number)},
          {"name", OrNull(c.name)},
          {"date", OrNull(c.date)},
          {"issuer", OrNull(c.issuer)},
          {"article", OrNull(c.article)},
          {"clause", OrNull(c.clause)},
          {"point", OrNull(c.point)},
          {"source_note", c.source_note},
          {"status", legal::CitationStatusName(c.status)},
          {"target", OrNull(c.resolved_id)},
          {"anchor", OrNull(c.anchor)},
          {"reason", OrNull(c.reason)}};
}

void AddLinkDoubts(const std::vector<std::string>& doubts, json* citations) {
  for (size_t i = 0; i < citations->size() && i < doubts.size(); ++i) {
    (*citations)[i]["doubt"] = OrNull(doubts[i]);
  }
}

json ToJson(const StoredDocument& d, bool with_text) {
  const auto& m = d.doc.meta;
  json units = json::array();
  for (const auto& u : d.doc.units) units.push_back(UnitToJson(u));
  json cites = json::array();
  for (const auto& c : d.doc.citations) cites.push_back(ToJson(c));
  json out = {{"id", d.doc.id},
              {"type", OrNull(m.type)},
              {"number", OrNull(m.number)},
              {"title", OrNull(m.title)},
              {"issuer", OrNull(m.issuer)},
              {"place", OrNull(m.place)},
              {"date", OrNull(m.date)},
              {"effective_date", OrNull(m.effective_date)},
              {"signer", OrNull(m.signer)},
              {"signer_position", OrNull(m.signer_position)},
              {"recipients", m.recipients},
              {"filing", OrNull(m.filing)},
              {"aliases", d.aliases},
              {"has_text", d.has_text},
              {"source", OrNull(d.source_path)},
              {"format", OrNull(d.format)},
              {"encoding", OrNull(d.encoding)},
              {"ocr", d.ocr},
              {"units", std::move(units)},
              {"citations", std::move(cites)},
              {"warnings", d.doc.warnings}};
  json same = json::array();
  for (const Hit& h : d.same_number) {
    same.push_back({{"id", h.id},
                    {"type", OrNull(h.type)},
                    {"number", OrNull(h.number)},
                    {"title", OrNull(h.title)},
                    {"issuer", OrNull(h.issuer)},
                    {"date", OrNull(h.date)},
                    {"has_text", h.has_text}});
  }
  out["same_number"] = std::move(same);
  if (with_text) out["text"] = d.doc.text;
  return out;
}

json ToJson(const CitedBy& c) {
  return {{"id", c.citing_id},
          {"type", OrNull(c.citing_type)},
          {"number", OrNull(c.citing_number)},
          {"title", OrNull(c.citing_title)},
          {"sentence", c.sentence},
          {"anchor", OrNull(c.anchor)},
          {"begin", c.begin},
          {"end", c.end},
          {"target_anchor", OrNull(c.target_anchor)},
          {"target_anchors", c.target_anchors}};
}

json ToJson(const CatalogRow& r) {
  json j = {
      {"id", OrNull(r.id)},       {"type", OrNull(r.type)},       {"number", OrNull(r.number)},
      {"title", OrNull(r.title)}, {"issuer", OrNull(r.issuer)},   {"date", OrNull(r.date)},
      {"has_text", r.has_text},   {"cited_count", r.cited_count}, {"cited_in", r.cited_in}};
  // Only for what the catalog does not list (Searcher::Missing).
  if (r.id.empty()) {
    j["cited_as"] = OrNull(r.cited_as);
    json ruled_out = json::array();
    for (const auto& n : r.ruled_out) {
      ruled_out.push_back({{"id", n.id}, {"name", n.name}, {"date", OrNull(n.date)}});
    }
    j["ruled_out"] = ruled_out;
  }
  return j;
}

}  // namespace vanban::search
