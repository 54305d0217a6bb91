// The record stored in each Xapian document's data: metadata, resolved
// outgoing citations, structure units, paragraphs (with their first token
// position, for snippets) and the text, so search can display a document
// without re-reading its file. Encoding: compact JSON + '\0' + NFC text.
// Plain functions; thread-safe.
#ifndef VANBAN_INDEX_RECORD_H_
#define VANBAN_INDEX_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "legal/document.h"

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

// The text part of document data without parsing the JSON part.
std::string_view RecordText(std::string_view data);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_RECORD_H_
