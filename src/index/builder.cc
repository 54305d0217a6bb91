#include "index/builder.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "index/schema.h"

namespace vanban::index {
namespace {

using text::Token;
using text::TokenKind;

bool IsWordKind(TokenKind kind) {
  return kind == TokenKind::kSyllable || kind == TokenKind::kAbbreviation ||
         kind == TokenKind::kNumber;
}

void AddPosting(Xapian::Document* xd, std::string_view prefix, const std::string& value,
                Xapian::termpos pos, unsigned wdf = 1) {
  if (value.empty() || prefix.size() + value.size() > schema::kMaxTermBytes) return;
  xd->add_posting(schema::Term(prefix, value), pos, wdf);
}

void AddTerm(Xapian::Document* xd, std::string_view prefix, const std::string& value,
             unsigned wdf = 1) {
  if (value.empty() || prefix.size() + value.size() > schema::kMaxTermBytes) return;
  xd->add_term(schema::Term(prefix, value), wdf);
}

void AddBoolean(Xapian::Document* xd, std::string_view prefix, const std::string& value) {
  if (value.empty() || prefix.size() + value.size() > schema::kMaxTermBytes) return;
  xd->add_boolean_term(schema::Term(prefix, value));
}

std::string Pair(const std::string& a, const std::string& b) {
  std::string p = a;
  p.push_back(schema::kPairJoiner);
  p.append(b);
  return p;
}

// An exact term equal to its folded form would only repeat the "F" term:
// the query side uses "F" for such words (schema.h). A number's exact form
// differs by its leading zeros only ("05", folded "5"): none either.
bool HasExactTerm(const Token& t) {
  return t.exact != t.folded && (t.kind != TokenKind::kNumber || text::HasMarks(t));
}

// The byte length of the hyphen at text[i] ("-", U+2010..U+2013), or 0.
size_t HyphenAt(std::string_view text, size_t i) {
  if (text[i] == '-') return 1;
  // U+2010..U+2013 are E2 80 90..93 in UTF-8.
  if (text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i + 2]);
    if (c >= 0x90 && c <= 0x93) return 3;
  }
  return 0;
}

// Indexes analysed tokens as body terms starting at position `base`.
// Returns the next free position.
Xapian::termpos IndexBody(const text::AnalyzedText& at, Xapian::termpos base,
                          Xapian::Document* xd) {
  const Token* prev = nullptr;
  const Token* before = nullptr;  // the token before, of any kind
  Xapian::termpos last = base;
  const std::string break_term(schema::kPhraseBreak);
  for (const Token& t : at.tokens) {
    Xapian::termpos pos = base + t.position + 1;
    last = pos;
    // The first token follows a line break (a piece of the text starts at
    // one) or another field: a break too.
    if (before == nullptr || !AdjacentTokens(at.text, *before, t)) {
      xd->add_posting(break_term, pos, 0);
    }
    before = &t;
    if (t.kind == TokenKind::kIdentifier) {
      AddTerm(xd, schema::kIdentifier, t.folded);
      AddPosting(xd, schema::kFolded, t.folded, pos);
      prev = nullptr;
      continue;
    }
    // Exact terms at the folded term's position: an accented phrase is a
    // phrase of exact terms (and the folded terms of unmarked words).
    if (HasExactTerm(t)) AddPosting(xd, schema::kExact, t.exact, pos);
    AddPosting(xd, schema::kFolded, t.folded, pos);
    // Folded pairs only: exact pairs cost a third of the indexing time for
    // a small ranking gain (exact single terms already rank marks first).
    if (prev && IsWordKind(t.kind) && AdjacentTokens(at.text, *prev, t)) {
      AddTerm(xd, schema::kFoldedPair, Pair(prev->folded, t.folded));
    }
    prev = IsWordKind(t.kind) ? &t : nullptr;
  }
  return last + 1;
}

void IndexTitle(const text::AnalyzedText& at, Xapian::termpos base, Xapian::Document* xd) {
  const Token* prev = nullptr;
  for (const Token& t : at.tokens) {
    Xapian::termpos pos = base + t.position + 1;
    const std::string& folded = t.folded;
    AddPosting(xd, schema::kTitleFolded, folded, pos, schema::kTitleWdf);
    if (HasExactTerm(t)) AddPosting(xd, schema::kTitleExact, t.exact, pos, schema::kTitleWdf);
    bool word = IsWordKind(t.kind);
    if (prev && word && AdjacentTokens(at.text, *prev, t)) {
      // wdf 0: a filter only (the title terms carry the weight), and the
      // document length, hence every BM25 weight, stays as without it.
      AddTerm(xd, schema::kTitlePair, Pair(prev->folded, folded), 0);
    }
    prev = word ? &t : nullptr;
  }
}

void IndexNumber(const text::Analyzer& analyzer, const legal::Metadata& meta,
                 Xapian::Document* xd) {
  std::string type_key = NameKey(meta.type);
  if (!type_key.empty()) AddTerm(xd, schema::kNumberType, type_key);
  if (meta.number.empty()) return;
  std::string folded = FoldedIdentifier(analyzer, meta.number);
  AddTerm(xd, schema::kIdentifier, folded, schema::kNumberWdf);
  NumberParts parts = SplitIdentifier(folded);
  AddTerm(xd, schema::kNumberPart, parts.number, schema::kNumberWdf);
  for (const auto& y : parts.years) AddTerm(xd, schema::kNumberYear, y);
  std::string year = DocumentYear(meta);
  if (!year.empty()) AddTerm(xd, schema::kNumberYear, year);
  for (const auto& s : parts.symbols) AddTerm(xd, schema::kNumberSymbol, s);
}

void IndexNames(const Record& r, Xapian::Document* xd) {
  const auto& m = r.doc.meta;
  if (!m.title.empty()) {
    AddTerm(xd, schema::kName, NameKey(m.type + " " + m.title));
    std::string title = NameKey(m.title);
    AddTerm(xd, schema::kName, title);
    // A title that starts with the type ("Luật Tố cáo", as catalogs write
    // it) is also its name without it ("tố cáo"), as a header's "LUẬT" over
    // "TỐ CÁO" gives: else the query "tố cáo" named a copy of the law, or
    // no document, and the law came below records mentioning the words.
    std::string type = NameKey(m.type);
    if (!type.empty() && title.size() > type.size() + 1 &&
        title.compare(0, type.size(), type) == 0 && title[type.size()] == ' ') {
      AddTerm(xd, schema::kName, title.substr(type.size() + 1));
    }
  }
  for (const auto& alias : r.aliases) AddTerm(xd, schema::kName, NameKey(alias));
}

void IndexFilters(const Record& r, Xapian::Document* xd) {
  const auto& m = r.doc.meta;
  AddBoolean(xd, schema::kFilterType, NameKey(m.type));
  AddBoolean(xd, schema::kFilterIssuer, NameKey(m.issuer));
  AddBoolean(xd, schema::kFilterYear, DocumentYear(m));
  AddBoolean(xd, schema::kFilterHasText, r.has_text ? "1" : "0");
  AddBoolean(xd, schema::kFilterFormat, r.format);
  AddBoolean(xd, schema::kId, r.doc.id);
  if (!r.has_text && r.source_path.empty()) AddBoolean(xd, schema::kCatalogRecord, "1");
  if (!r.source_path.empty()) {
    AddBoolean(xd, schema::kSourcePath, schema::Hex64(schema::Fnv1a(r.source_path)));
  }
  for (const auto& c : r.doc.citations) {
    // The Pháp điển's notes ("bị bãi bỏ bởi Điều 35 Luật số 42/2013/QH13")
    // are not the document citing: no cited-by, no missing text from them.
    if (c.source_note) continue;
    if (c.status == legal::CitationStatus::kResolved && c.resolved_id != r.doc.id) {
      AddBoolean(xd, schema::kCites, c.resolved_id);
    } else if (c.status == legal::CitationStatus::kNotInCatalog && !c.number.empty()) {
      AddBoolean(xd, schema::kCitesUnresolved, NameKey(c.number));
    } else if (c.status == legal::CitationStatus::kNotInCatalog && !c.name.empty()) {
      AddBoolean(xd, schema::kCitesUnresolvedName, NameKey(c.name));
    }
  }
}

// The hit record (value kSlotHit): needs the body analysis, so it is set
// with the terms; it holds nothing a later id change (Rename) touches.
void SetHitValue(const Record& r, const std::vector<uint32_t>& token_begins, Xapian::Document* xd) {
  HitRecord hit = HitRecordOf(r);
  AddCheckpoints(token_begins, &hit);
  xd->add_value(schema::kSlotHit, EncodeHitRecord(hit));
}

void SetValues(const Record& r, const SourceInfo& source, Xapian::Document* xd) {
  const auto& m = r.doc.meta;
  std::string year = DocumentYear(m);
  // Without a date, the year its number gives ("75/2015/QH13"): date order
  // puts it with that year's documents, after the dated ones (Q18, session
  // 17: after every dated document).
  if (!m.date.empty() || !year.empty()) {
    xd->add_value(schema::kSlotDate, m.date.empty() ? year : m.date);
  }
  if (!m.type.empty()) xd->add_value(schema::kSlotType, m.type);
  if (!m.issuer.empty()) xd->add_value(schema::kSlotIssuer, m.issuer);
  if (!year.empty()) xd->add_value(schema::kSlotYear, year);
  if (!r.source_path.empty()) xd->add_value(schema::kSlotSourcePath, r.source_path);
  if (!source.fingerprint.empty()) xd->add_value(schema::kSlotFingerprint, source.fingerprint);
  if (!source.link_path.empty()) xd->add_value(schema::kSlotLinkPath, source.link_path);
  xd->add_value(schema::kSlotId, r.doc.id);
  xd->add_value(schema::kSlotFacets, EncodeFacets(m.type, m.issuer, year));
}

// Where the piece of `text` starting at `begin` ends: after the first blank
// line at least `chunk_bytes` on, else after a line break, else at the end.
size_t ChunkEnd(std::string_view text, size_t begin, size_t chunk_bytes) {
  if (text.size() - begin <= chunk_bytes) return text.size();
  for (std::string_view cut : {"\n\n", "\n"}) {
    size_t at = text.find(cut, begin + chunk_bytes);
    if (at != std::string_view::npos) return at + cut.size();
  }
  return text.size();
}

// Analyses and indexes the text piece by piece (BuildTerms); fills the
// paragraphs' first token positions, the token count and *token_begins
// (each token's byte offset, for the hit record's checkpoints: 4 bytes a
// token where the analysis holds 128). Returns the next free position, as
// IndexBody of the whole text would.
Xapian::termpos IndexText(const text::Analyzer& analyzer, size_t chunk_bytes, Record* r,
                          std::vector<uint32_t>* token_begins, Xapian::Document* xd) {
  std::string_view text = r->doc.text;
  const auto& paragraphs = r->doc.paragraphs;
  r->paragraph_positions.clear();
  size_t next_paragraph = 0;  // the first without a position yet
  uint32_t tokens = 0;        // in the pieces before this one
  for (size_t begin = 0; begin < text.size();) {
    size_t end = ChunkEnd(text, begin, std::max<size_t>(chunk_bytes, 1));
    text::AnalyzedText at = analyzer.Analyze(text.substr(begin, end - begin));
    // A paragraph's position is that of its first token (of the first token
    // after it when it has none).
    for (const Token& t : at.tokens) {
      token_begins->push_back(static_cast<uint32_t>(begin + t.begin));
      while (next_paragraph < paragraphs.size() &&
             paragraphs[next_paragraph].begin <= begin + t.begin) {
        r->paragraph_positions.push_back(tokens + t.position);
        ++next_paragraph;
      }
    }
    IndexBody(at, tokens, xd);
    tokens += static_cast<uint32_t>(at.tokens.size());
    begin = end;
  }
  r->paragraph_positions.resize(paragraphs.size(), 0);
  r->text_tokens = tokens;
  return tokens + 1;
}

}  // namespace

bool AdjacentTokens(std::string_view text, const Token& a, const Token& b) {
  if (b.begin < a.end) return false;
  bool hyphen = false;
  for (size_t i = a.end; i < b.begin;) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    size_t n = HyphenAt(text, i);
    if (n == 0 || hyphen) return false;
    hyphen = true;
    i += n;
  }
  return true;
}

std::string FileLabel(const legal::Metadata& meta, std::string_view source_path) {
  if (!meta.type.empty() || !meta.number.empty() || !meta.title.empty()) return {};
  return text::Normalize(std::filesystem::path(source_path).filename().string());
}

std::string NameKey(std::string_view s) {
  std::string folded = text::FoldText(s);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (unsigned char c : folded) {
    bool word = std::isalnum(c) || c >= 0x80 || c == '/' || c == '-' || c == '.';
    if (!word) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

std::string DocumentYear(const legal::Metadata& meta) {
  if (meta.date.size() >= 4) return meta.date.substr(0, 4);
  NumberParts parts = SplitIdentifier(NameKey(meta.number));
  return parts.years.empty() ? std::string() : parts.years.front();
}

std::string FoldedIdentifier(const text::Analyzer& analyzer, std::string_view number) {
  text::AnalyzedText at = analyzer.Analyze(number);
  for (const auto& t : at.tokens) {
    if (t.kind == TokenKind::kIdentifier && t.end - t.begin + 2 >= at.text.size()) return t.folded;
  }
  std::string key = NameKey(number);
  for (char& c : key) {
    if (c == ' ') c = '-';
  }
  return key;
}

std::string OwnNumberOf(const text::Analyzer& analyzer, const Xapian::Document& d) {
  auto hit = DecodeHitRecord(d.get_value(schema::kSlotHit), false);
  return hit.ok() && !hit->number.empty() ? FoldedIdentifier(analyzer, hit->number) : "";
}

NumberParts SplitIdentifier(std::string_view folded) {
  NumberParts parts;
  size_t i = 0;
  bool first = true;
  while (i < folded.size()) {
    unsigned char c = folded[i];
    if (!std::isalnum(c)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size() && std::isalnum(static_cast<unsigned char>(folded[j]))) ++j;
    std::string part(folded.substr(i, j - i));
    bool digits = part.find_first_not_of("0123456789") == std::string::npos;
    if (digits && first) {
      parts.number = part;
    } else if (digits && part.size() == 4 && (part[0] == '1' || part[0] == '2')) {
      parts.years.push_back(part);
    } else if (!digits) {
      parts.symbols.push_back(part);
      size_t k = part.find_first_of("0123456789");
      if (k != std::string::npos && k > 0) parts.symbols.push_back(part.substr(0, k));  // qh15 -> qh
    }
    first = false;
    i = j;
  }
  return parts;
}

Xapian::Document BuildTerms(Record* record, const text::Analyzer& analyzer, size_t chunk_bytes) {
  Xapian::Document xd;
  std::vector<uint32_t> token_begins;
  Xapian::termpos next = IndexText(analyzer, chunk_bytes, record, &token_begins, &xd);
  // Type, title and aliases: their own weighted fields, and body terms too
  // (catalog records have no text; titles should match like text).
  const auto& m = record->doc.meta;
  std::vector<std::string> titles;
  if (!m.title.empty() || !m.type.empty()) titles.push_back(m.type + " " + m.title);
  if (std::string label = FileLabel(m, record->source_path); !label.empty()) {
    titles.push_back(std::filesystem::path(label).stem().string());
  }
  for (const auto& a : record->aliases) titles.push_back(a);
  Xapian::termpos title_pos = 0;
  for (const auto& t : titles) {
    text::AnalyzedText at = analyzer.Analyze(t);
    IndexTitle(at, title_pos, &xd);
    title_pos += at.tokens.size() + 10;
    next = IndexBody(at, next + 10, &xd);
  }
  // The issuer's words are words of the document: "Bộ Chính trị", "Thủ
  // tướng", "Hải Dương" find what they issued, catalog records included.
  if (!m.issuer.empty()) next = IndexBody(analyzer.Analyze(m.issuer), next + 10, &xd);
  IndexNumber(analyzer, m, &xd);
  IndexNames(*record, &xd);
  IndexFilters(*record, &xd);
  SetHitValue(*record, token_begins, &xd);
  return xd;
}

void FinishDocument(const Record& record, const SourceInfo& source, Xapian::Document* xd) {
  SetValues(record, source, xd);
  xd->set_data(EncodeRecord(record));
}

Status CheckStorable(const Record& record, const Xapian::Document& xd, size_t max_bytes) {
  auto mb = [](size_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; };
  auto too_large = [&](const std::string& what, size_t bytes) {
    return Status::Unsupported("văn bản quá lớn để lưu vào chỉ mục: " + what + " " + mb(bytes) +
                               ", vượt giới hạn " + mb(max_bytes) + " của Xapian");
  };
  if (record.doc.text.size() > max_bytes) return too_large("toàn văn", record.doc.text.size());
  for (auto v = xd.values_begin(); v != xd.values_end(); ++v) {
    size_t bytes = (*v).size();
    if (bytes <= max_bytes) continue;
    return too_large(v.get_valueno() == schema::kSlotHit ? "bảng đoạn văn" : "một giá trị", bytes);
  }
  return Status::Ok();
}

void PutText(Xapian::WritableDatabase* db, Xapian::docid did, const Xapian::Document& xd) {
  std::string data = xd.get_data();
  // An empty value deletes the key.
  db->set_metadata(TextKey(did), std::string(RecordText(data)));
}

void ClearText(Xapian::WritableDatabase* db, Xapian::docid did) {
  db->set_metadata(TextKey(did), std::string());
}

Xapian::Document BuildDocument(Record* record, const text::Analyzer& analyzer,
                               const SourceInfo& source) {
  Xapian::Document xd = BuildTerms(record, analyzer);
  FinishDocument(*record, source, &xd);
  return xd;
}

}  // namespace vanban::index
