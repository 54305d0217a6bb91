#include "index/record.h"

#include <nlohmann/json.hpp>

#include "index/schema.h"

namespace vanban::index {
namespace {

using nlohmann::json;

json MetaToJson(const legal::Metadata& m) {
  json j = json::object();
  auto put = [&j](const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
  };
  put("type", m.type);
  put("number", m.number);
  put("issuer", m.issuer);
  put("place", m.place);
  put("date", m.date);
  put("title", m.title);
  put("signer", m.signer);
  put("signer_position", m.signer_position);
  put("effective_date", m.effective_date);
  if (!m.recipients.empty()) j["recipients"] = m.recipients;
  return j;
}

legal::Metadata MetaFromJson(const json& j) {
  legal::Metadata m;
  auto get = [&j](const char* key) { return j.value(key, std::string()); };
  m.type = get("type");
  m.number = get("number");
  m.issuer = get("issuer");
  m.place = get("place");
  m.date = get("date");
  m.title = get("title");
  m.signer = get("signer");
  m.signer_position = get("signer_position");
  m.effective_date = get("effective_date");
  if (j.contains("recipients")) m.recipients = j["recipients"].get<std::vector<std::string>>();
  return m;
}

json CitationToJson(const legal::Citation& c) {
  json j = {{"b", c.begin}, {"e", c.end}, {"raw", c.raw}, {"st", static_cast<int>(c.status)}};
  auto put = [&j](const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
  };
  put("type", c.type);
  put("number", c.number);
  put("name", c.name);
  put("year", c.year);
  put("date", c.date);
  put("issuer", c.issuer);
  put("article", c.article);
  put("clause", c.clause);
  put("point", c.point);
  put("id", c.resolved_id);
  put("anchor", c.anchor);
  put("reason", c.reason);
  return j;
}

legal::Citation CitationFromJson(const json& j) {
  legal::Citation c;
  auto get = [&j](const char* key) { return j.value(key, std::string()); };
  c.begin = j.value("b", size_t{0});
  c.end = j.value("e", size_t{0});
  c.raw = get("raw");
  c.status = static_cast<legal::CitationStatus>(j.value("st", 0));
  c.type = get("type");
  c.number = get("number");
  c.name = get("name");
  c.year = get("year");
  c.date = get("date");
  c.issuer = get("issuer");
  c.article = get("article");
  c.clause = get("clause");
  c.point = get("point");
  c.resolved_id = get("id");
  c.anchor = get("anchor");
  c.reason = get("reason");
  return c;
}

json UnitToJson(const legal::Unit& u) {
  return json::array({static_cast<int>(u.kind), u.label, u.number, u.title, u.anchor, u.begin,
                      u.end, u.parent, u.code});
}

legal::Unit UnitFromJson(const json& j) {
  legal::Unit u;
  u.kind = static_cast<legal::UnitKind>(j.at(0).get<int>());
  u.label = j.at(1).get<std::string>();
  u.number = j.at(2).get<std::string>();
  u.title = j.at(3).get<std::string>();
  u.anchor = j.at(4).get<std::string>();
  u.begin = j.at(5).get<size_t>();
  u.end = j.at(6).get<size_t>();
  u.parent = j.at(7).get<int>();
  if (j.size() > 8) u.code = j.at(8).get<std::string>();  // absent in older records
  return u;
}

json ParagraphsToJson(const Record& r) {
  json out = json::array();
  const auto& ps = r.doc.paragraphs;
  for (size_t i = 0; i < ps.size(); ++i) {
    uint32_t pos = i < r.paragraph_positions.size() ? r.paragraph_positions[i] : 0;
    out.push_back(json::array({ps[i].begin, ps[i].end, ps[i].unit, ps[i].heading ? 1 : 0, pos}));
  }
  return out;
}

void ParagraphsFromJson(const json& j, Record* r) {
  for (const auto& p : j) {
    legal::Paragraph para;
    para.begin = p.at(0).get<size_t>();
    para.end = p.at(1).get<size_t>();
    para.unit = p.at(2).get<int>();
    para.heading = p.at(3).get<int>() != 0;
    r->doc.paragraphs.push_back(para);
    r->paragraph_positions.push_back(p.at(4).get<uint32_t>());
  }
}

}  // namespace

std::string EncodeRecord(const Record& r) {
  json j;
  j["v"] = 1;
  j["id"] = r.doc.id;
  j["meta"] = MetaToJson(r.doc.meta);
  if (!r.aliases.empty()) j["aliases"] = r.aliases;
  j["has_text"] = r.has_text;
  if (!r.source_path.empty()) j["source"] = r.source_path;
  if (!r.format.empty()) j["format"] = r.format;
  if (!r.encoding.empty()) j["encoding"] = r.encoding;
  if (r.ocr) j["ocr"] = true;
  json units = json::array();
  for (const auto& u : r.doc.units) units.push_back(UnitToJson(u));
  j["units"] = std::move(units);
  json cites = json::array();
  for (const auto& c : r.doc.citations) cites.push_back(CitationToJson(c));
  j["citations"] = std::move(cites);
  j["paragraphs"] = ParagraphsToJson(r);
  j["tokens"] = r.text_tokens;
  if (!r.doc.warnings.empty()) j["warnings"] = r.doc.warnings;
  std::string data = j.dump(-1, ' ', false, json::error_handler_t::replace);
  data.push_back(schema::kDataSeparator);
  data.append(r.doc.text);
  return data;
}

std::string_view RecordText(std::string_view data) {
  size_t sep = data.find(schema::kDataSeparator);
  if (sep == std::string_view::npos) return {};
  return data.substr(sep + 1);
}

StatusOr<Record> DecodeRecord(std::string_view data, bool with_text) {
  size_t sep = data.find(schema::kDataSeparator);
  std::string_view head = data.substr(0, sep);
  Record r;
  try {
    json j = json::parse(head);
    r.doc.id = j.value("id", std::string());
    r.doc.meta = MetaFromJson(j.at("meta"));
    if (j.contains("aliases")) r.aliases = j["aliases"].get<std::vector<std::string>>();
    r.has_text = j.value("has_text", false);
    r.source_path = j.value("source", std::string());
    r.format = j.value("format", std::string());
    r.encoding = j.value("encoding", std::string());
    r.ocr = j.value("ocr", false);
    for (const auto& u : j.at("units")) r.doc.units.push_back(UnitFromJson(u));
    for (const auto& c : j.at("citations")) r.doc.citations.push_back(CitationFromJson(c));
    ParagraphsFromJson(j.at("paragraphs"), &r);
    r.text_tokens = j.value("tokens", 0u);
    if (j.contains("warnings")) r.doc.warnings = j["warnings"].get<std::vector<std::string>>();
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("bản ghi trong chỉ mục bị hỏng: ") + e.what());
  }
  if (with_text && sep != std::string_view::npos) r.doc.text = std::string(data.substr(sep + 1));
  return r;
}

}  // namespace vanban::index
