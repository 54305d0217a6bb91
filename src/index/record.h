// The record stored in each Xapian document's data: metadata, resolved
// outgoing citations, structure units, paragraphs (with their first token
// position, for snippets) and the text, so search can display a document
// without re-reading its file. Encoding: compact JSON + '\0' + NFC text.
// Plain functions; thread-safe.
#ifndef VANBAN_INDEX_RECORD_H_
#define VANBAN_INDEX_RECORD_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "legal/document.h"
#include "text/analyzer.h"

namespace vanban::index {

struct Record {
  legal::Document doc;               // id, meta, text, paragraphs, units, citations
  std::vector<std::string> aliases;  // catalog aliases ("Luật Tố cáo")
  bool has_text = false;
  std::string source_path;           // absolute path of the indexed file, or empty
  std::string format;                // "txt", "docx", ..., "catalog" for a record without text
  std::string encoding;
  bool ocr = false;
  // For each paragraph, the analyser position of its first token.
  std::vector<uint32_t> paragraph_positions;
  // Positions below this are the text's; title and alias terms follow.
  uint32_t text_tokens = 0;
};

// Serialises `record` into Xapian document data.
std::string EncodeRecord(const Record& record);
// Parses document data. With `with_text` false the text is left empty
// (cheap for large documents). Errors say the record is corrupt.
StatusOr<Record> DecodeRecord(std::string_view data, bool with_text = true);

// The record as a reader of its citations needs it (cited-by, the missing
// list): only the citations `keep` accepts, no paragraph table and no
// warnings (neither is built: parsing skips them), the text only with
// `with_text`. S6 (QA 21): a much-cited law's cited-by parsed every citing
// law's whole record, 1.2 s of CPU for Luật Ngân sách nhà nước.
StatusOr<Record> DecodeCitations(std::string_view data, bool with_text,
                                 const std::function<bool(const legal::Citation&)>& keep);

// The text part of document data without parsing the JSON part.
std::string_view RecordText(std::string_view data);

// Metadata key of the text copy of document `did` (schema::kMetaTextPrefix).
std::string TextKey(uint32_t did);

// What a search hit shows, stored apart from the record (value slot
// schema::kSlotHit) so that showing a hit never parses the full record:
// the display metadata, and for snippets the paragraph table with each
// paragraph's first token position and the article (Điều) it lies in.
struct HitRecord {
  struct Paragraph {
    uint32_t begin = 0;  // byte span in the text
    uint32_t end = 0;
    uint32_t position = 0;  // analyser position of its first token
    bool heading = false;
    int article = -1;  // index into `articles`, -1 for none
    // Byte offsets (from `begin`) of the paragraph's tokens number
    // kCheckpointTokens, 2 * kCheckpointTokens, ...: a snippet deep in a
    // long paragraph is analysed from the nearest one, not from the start.
    std::vector<uint32_t> checkpoints;
  };
  static constexpr uint32_t kCheckpointTokens = 32;
  struct Article {
    std::string label;   // "Điều 5", "II"
    std::string anchor;  // "dieu-5"
  };
  // No id: the indexer may rename a document after building it (id
  // collisions), and updates only the id slot; read schema::kSlotId.
  std::string type, number, title, issuer, date;
  bool has_text = false;
  uint32_t text_tokens = 0;  // positions below this are the text's
  std::vector<Paragraph> paragraphs;
  std::vector<Article> articles;  // only those some paragraph lies in
};

// The hit record of `record` (articles as ArticleOf finds them).
HitRecord HitRecordOf(const Record& record);
// Adds paragraph checkpoints from the text's analysis: `token_begins` is
// the byte offset in the text of each token, by position (the positions
// of the record's paragraph table).
void AddCheckpoints(const std::vector<uint32_t>& token_begins, HitRecord* hit);
// Compact binary form for the value slot, and back. Decoding fails on a
// value that is not a well-formed hit record (then the caller falls back
// to the full record). With `with_paragraphs` false only the display fields,
// has_text and text_tokens are decoded (articles and paragraphs stay empty
// and are not checked).
std::string EncodeHitRecord(const HitRecord& hit);
StatusOr<HitRecord> DecodeHitRecord(std::string_view value, bool with_paragraphs = true);

// The article-level unit (Điều, else plan section/chapter) containing unit
// index `unit`, or -1.
int ArticleOf(const legal::Document& doc, int unit);

// The facet value slot (schema::kSlotFacets): type, issuer and year in one
// value, so that one match spy counts all three facets. Never empty, so an
// empty slot means a document indexed before the slot existed.
std::string EncodeFacets(const std::string& type, const std::string& issuer,
                         const std::string& year);
// Splits a facet value; false if it is not one.
bool DecodeFacets(std::string_view value, std::string* type, std::string* issuer,
                  std::string* year);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_RECORD_H_
