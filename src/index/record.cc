#include "index/record.h"

#include <algorithm>
#include <functional>
#include <map>
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
  put("filing", m.filing);
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
  m.filing = get("filing");
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
  put("part", c.part);
  put("id", c.resolved_id);
  put("anchor", c.anchor);
  put("reason", c.reason);
  put("cdate", c.citing_date);
  if (c.source_note) j["note"] = true;
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
  c.part = get("part");
  c.resolved_id = get("id");
  c.anchor = get("anchor");
  c.reason = get("reason");
  c.citing_date = get("cdate");
  c.source_note = j.value("note", false);
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

std::string TextKey(uint32_t did) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key(schema::kMetaTextPrefix);
  for (int shift = 28; shift >= 0; shift -= 4) key.push_back(kHex[(did >> shift) & 0xF]);
  return key;
}

namespace {

// DecodeRecord's work; `keep`, when set, chooses the citations kept, and
// the paragraph table and warnings are skipped (DecodeCitations).
StatusOr<Record> Decode(std::string_view data, bool with_text,
                        const std::function<bool(const legal::Citation&)>* keep) {
  size_t sep = data.find(schema::kDataSeparator);
  std::string_view head = data.substr(0, sep);
  Record r;
  try {
    json j;
    if (keep == nullptr) {
      j = json::parse(head);
    } else {
      // A value the callback refuses is lexed but never built: the paragraph
      // table of a law is tens of thousands of arrays.
      bool in_citations = false;
      j = json::parse(head, [&](int depth, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::key && depth == 1) {
          const auto& key = parsed.get_ref<const std::string&>();
          in_citations = key == "citations";
          return key != "paragraphs" && key != "warnings";
        }
        if (event == json::parse_event_t::object_end && depth == 2 && in_citations) {
          return (*keep)(CitationFromJson(parsed));
        }
        return true;
      });
    }
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
    if (keep == nullptr) ParagraphsFromJson(j.at("paragraphs"), &r);
    r.text_tokens = j.value("tokens", 0u);
    if (j.contains("warnings")) r.doc.warnings = j["warnings"].get<std::vector<std::string>>();
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("bản ghi trong chỉ mục bị hỏng: ") + e.what());
  }
  if (with_text && sep != std::string_view::npos) r.doc.text = std::string(data.substr(sep + 1));
  return r;
}

}  // namespace

StatusOr<Record> DecodeRecord(std::string_view data, bool with_text) {
  return Decode(data, with_text, nullptr);
}

StatusOr<Record> DecodeCitations(std::string_view data, bool with_text,
                                 const std::function<bool(const legal::Citation&)>& keep) {
  return Decode(data, with_text, &keep);
}

int ArticleOf(const legal::Document& doc, int unit) {
  int fallback = -1;
  for (int u = unit; u >= 0 && u < static_cast<int>(doc.units.size()); u = doc.units[u].parent) {
    auto kind = doc.units[u].kind;
    if (kind == legal::UnitKind::kArticle) return u;
    if (kind == legal::UnitKind::kSection && fallback < 0) fallback = u;
    if (kind == legal::UnitKind::kChapter && fallback < 0) fallback = u;
  }
  return fallback;
}

HitRecord HitRecordOf(const Record& r) {
  HitRecord h;
  const auto& m = r.doc.meta;
  h.type = m.type;
  h.number = m.number;
  h.title = m.title;
  h.issuer = m.issuer;
  h.date = m.date;
  h.has_text = r.has_text;
  h.text_tokens = r.text_tokens;
  std::map<int, int> article_index;  // unit -> index in h.articles
  const auto& ps = r.doc.paragraphs;
  for (size_t i = 0; i < ps.size(); ++i) {
    HitRecord::Paragraph p;
    p.begin = static_cast<uint32_t>(ps[i].begin);
    p.end = static_cast<uint32_t>(ps[i].end);
    p.position = i < r.paragraph_positions.size() ? r.paragraph_positions[i] : 0;
    p.heading = ps[i].heading;
    int unit = ArticleOf(r.doc, ps[i].unit);
    if (unit >= 0) {
      auto [it, added] = article_index.emplace(unit, static_cast<int>(h.articles.size()));
      if (added) h.articles.push_back({r.doc.units[unit].label, r.doc.units[unit].anchor});
      p.article = it->second;
    }
    h.paragraphs.push_back(p);
  }
  return h;
}

void AddCheckpoints(const std::vector<uint32_t>& token_begins, HitRecord* hit) {
  auto& ps = hit->paragraphs;
  for (size_t i = 0; i < ps.size(); ++i) {
    auto& p = ps[i];
    p.checkpoints.clear();
    uint32_t next = i + 1 < ps.size() ? ps[i + 1].position : hit->text_tokens;
    next = std::min<uint32_t>(next, static_cast<uint32_t>(token_begins.size()));
    for (uint32_t k = p.position + HitRecord::kCheckpointTokens; k < next;
         k += HitRecord::kCheckpointTokens) {
      // A token outside the paragraph's span (inconsistent input) ends its
      // checkpoints.
      if (token_begins[k] < p.begin || token_begins[k] >= p.end) break;
      p.checkpoints.push_back(token_begins[k] - p.begin);
    }
  }
}

namespace {

// Hit record layout: 'h', format version 1, then varints (LEB128) and
// length-prefixed strings: type number title issuer date, flags
// (bit 0 has_text), text_tokens, article count, each label and anchor,
// paragraph count, each paragraph as (begin - previous end, end - begin,
// position - previous position, ((article + 1) * 2 + heading) * 2 +
// has checkpoints, [checkpoint count, checkpoint deltas]).
constexpr char kHitMagic = 'h';
constexpr char kHitVersion = 1;

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64 && pos_ < in_.size(); shift += 7) {
      auto c = static_cast<unsigned char>(in_[pos_++]);
      *v |= static_cast<uint64_t>(c & 0x7F) << shift;
      if (!(c & 0x80)) return true;
    }
    return false;
  }
  bool U32(uint32_t* v) {
    uint64_t x;
    if (!Varint(&x) || x > UINT32_MAX) return false;
    *v = static_cast<uint32_t>(x);
    return true;
  }
  bool String(std::string* s) {
    uint64_t n;
    if (!Varint(&n) || n > in_.size() - pos_) return false;
    s->assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool Byte(char* c) {
    if (pos_ >= in_.size()) return false;
    *c = in_[pos_++];
    return true;
  }
  bool AtEnd() const { return pos_ == in_.size(); }
  size_t Left() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

std::string EncodeHitRecord(const HitRecord& h) {
  std::string out;
  out.reserve(64 + h.paragraphs.size() * 6);
  out.push_back(kHitMagic);
  out.push_back(kHitVersion);
  for (const std::string* s : {&h.type, &h.number, &h.title, &h.issuer, &h.date}) {
    PutString(*s, &out);
  }
  PutVarint(h.has_text ? 1 : 0, &out);
  PutVarint(h.text_tokens, &out);
  PutVarint(h.articles.size(), &out);
  for (const auto& a : h.articles) {
    PutString(a.label, &out);
    PutString(a.anchor, &out);
  }
  PutVarint(h.paragraphs.size(), &out);
  uint32_t prev_end = 0, prev_pos = 0;
  for (const auto& p : h.paragraphs) {
    // Spans are in text order; a span out of order is stored as is (the
    // subtraction wraps and decoding wraps back).
    PutVarint(static_cast<uint32_t>(p.begin - prev_end), &out);
    PutVarint(static_cast<uint32_t>(p.end - p.begin), &out);
    PutVarint(static_cast<uint32_t>(p.position - prev_pos), &out);
    uint64_t tag = static_cast<uint64_t>(p.article + 1) * 2 + (p.heading ? 1 : 0);
    PutVarint(tag * 2 + (p.checkpoints.empty() ? 0 : 1), &out);
    if (!p.checkpoints.empty()) {
      PutVarint(p.checkpoints.size(), &out);
      uint32_t prev = 0;
      for (uint32_t c : p.checkpoints) {
        PutVarint(static_cast<uint32_t>(c - prev), &out);
        prev = c;
      }
    }
    prev_end = p.end;
    prev_pos = p.position;
  }
  return out;
}

StatusOr<HitRecord> DecodeHitRecord(std::string_view value, bool with_paragraphs) {
  auto corrupt = [] { return Status::Corruption("bản ghi kết quả trong chỉ mục bị hỏng"); };
  Reader in(value);
  char magic, version;
  if (!in.Byte(&magic) || magic != kHitMagic || !in.Byte(&version) || version != kHitVersion) {
    return corrupt();
  }
  HitRecord h;
  for (std::string* s : {&h.type, &h.number, &h.title, &h.issuer, &h.date}) {
    if (!in.String(s)) return corrupt();
  }
  uint64_t flags, n;
  if (!in.Varint(&flags) || !in.U32(&h.text_tokens) || !in.Varint(&n) || n > in.Left()) {
    return corrupt();
  }
  h.has_text = flags & 1;
  if (!with_paragraphs) return h;
  h.articles.resize(n);
  for (auto& a : h.articles) {
    if (!in.String(&a.label) || !in.String(&a.anchor)) return corrupt();
  }
  if (!in.Varint(&n) || n > in.Left()) return corrupt();
  h.paragraphs.resize(n);
  uint32_t prev_end = 0, prev_pos = 0;
  for (auto& p : h.paragraphs) {
    uint32_t gap, len, dpos;
    uint64_t tag;
    if (!in.U32(&gap) || !in.U32(&len) || !in.U32(&dpos) || !in.Varint(&tag)) return corrupt();
    p.begin = prev_end + gap;
    p.end = p.begin + len;
    p.position = prev_pos + dpos;
    bool has_checkpoints = tag & 1;
    tag /= 2;
    p.heading = tag & 1;
    uint64_t article = tag / 2;
    if (has_checkpoints) {
      uint64_t count;
      if (!in.Varint(&count) || count == 0 || count > in.Left()) return corrupt();
      p.checkpoints.resize(count);
      uint32_t prev = 0;
      for (auto& c : p.checkpoints) {
        uint32_t delta;
        if (!in.U32(&delta)) return corrupt();
        c = prev + delta;
        prev = c;
      }
    }
    if (article > h.articles.size()) return corrupt();
    p.article = static_cast<int>(article) - 1;
    prev_end = p.end;
    prev_pos = p.position;
  }
  if (!in.AtEnd()) return corrupt();
  return h;
}

namespace {
constexpr char kFacetSeparator = '\x1f';  // ASCII unit separator
}  // namespace

std::string EncodeFacets(const std::string& type, const std::string& issuer,
                         const std::string& year) {
  std::string out = type;
  out.push_back(kFacetSeparator);
  out += issuer;
  out.push_back(kFacetSeparator);
  out += year;
  return out;
}

bool DecodeFacets(std::string_view value, std::string* type, std::string* issuer,
                  std::string* year) {
  size_t a = value.find(kFacetSeparator);
  if (a == std::string_view::npos) return false;
  size_t b = value.find(kFacetSeparator, a + 1);
  if (b == std::string_view::npos) return false;
  type->assign(value.substr(0, a));
  issuer->assign(value.substr(a + 1, b - a - 1));
  year->assign(value.substr(b + 1));
  return true;
}

}  // namespace vanban::index
