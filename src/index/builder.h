// Turns a Record (a parsed, citation-resolved document) into the Xapian
// document described in index/schema.h. Pure and thread-safe: the indexer's
// workers build documents in parallel and one writer adds them.
#ifndef VANBAN_INDEX_BUILDER_H_
#define VANBAN_INDEX_BUILDER_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/record.h"
#include "text/analyzer.h"

namespace vanban::index {

struct SourceInfo {
  std::string fingerprint;  // value schema::kSlotFingerprint, may be empty
  std::string link_path;    // value schema::kSlotLinkPath, may be empty
};

// Builds the Xapian document for `record`; fills record->paragraph_positions
// from the analysis.
Xapian::Document BuildDocument(Record* record, const text::Analyzer& analyzer,
                               const SourceInfo& source);

// BuildDocument in two steps, for the indexer: BuildTerms (the analysis and
// every term, the costly part, run in parallel) and, once the document's
// final id is known, FinishDocument (values and data).
// The text is analysed in pieces of about `chunk_bytes`, cut at blank lines
// (no token or pair term spans one), so that a 30 MB file does not hold the
// tokens of all its text at once (128 bytes each: 640 MB); the terms and
// positions are those of one piece.
constexpr size_t kBodyChunkBytes = 1 << 20;
Xapian::Document BuildTerms(Record* record, const text::Analyzer& analyzer,
                            size_t chunk_bytes = kBodyChunkBytes);
void FinishDocument(const Record& record, const SourceInfo& source, Xapian::Document* xd);

// Xapian (glass, 8 KB blocks) refuses a value or a metadata entry of about
// 128 MB ("Can't handle insanely large tags"), and the whole run failed
// with it without naming the file. Ingest bounds the text to 100 MB; the
// paragraph table of a text of millions of tiny paragraphs can still pass.
constexpr size_t kMaxStoredBytes = 120u << 20;
// Ok when what BuildTerms made of `record` can be stored (the text copy and
// every value within `max_bytes`); otherwise Unsupported saying, in
// Vietnamese, what is too large, for the file to be skipped by name.
Status CheckStorable(const Record& record, const Xapian::Document& xd,
                     size_t max_bytes = kMaxStoredBytes);

// Sets (or, for a document without text, clears) the text copy of document
// `did` from its finished data (schema::kMetaTextPrefix). Every write of a
// document goes with one; a deletion clears it (ClearText).
void PutText(Xapian::WritableDatabase* db, Xapian::docid did, const Xapian::Document& xd);
void ClearText(Xapian::WritableDatabase* db, Xapian::docid did);

// True when only spaces and at most one hyphen separate tokens `a` and `b`
// of `text` (no other punctuation, no line break): such neighbours have a
// pair term ("W", "TW"), and a quoted phrase runs across the gap. The
// hyphen is "-", U+2010..U+2012 or the en dash U+2013, spaced or not:
// compounds are written "kinh tế - xã hội", "Văn phòng- Thống kê", "Lao
// động – Thương binh", and typed without it. The em dash is punctuation.
bool AdjacentTokens(std::string_view text, const text::Token& a, const text::Token& b);

// Folded number terms of a document number ("33/CT-TTg" -> "33/ct-ttg"),
// as the query side must spell them too.
std::string FoldedIdentifier(const text::Analyzer& analyzer, std::string_view number);

// The folded own number of an indexed document, as its hit record gives it
// ("33/ct-ttg"), or "" when it has none or the record cannot be read: not
// the numbers its text cites, however often.
std::string OwnNumberOf(const text::Analyzer& analyzer, const Xapian::Document& d);

// Components of a folded identifier: leading number, years, symbol codes.
struct NumberParts {
  std::string number;                // "33"
  std::vector<std::string> years;    // "2021"
  std::vector<std::string> symbols;  // "ct", "ttg"
};
NumberParts SplitIdentifier(std::string_view folded);

// Folded name key for kName terms and filters: FoldText with runs of
// spaces/punctuation collapsed to one space, trimmed.
std::string NameKey(std::string_view text);

// How a document with no type, number or title is named: its file's name
// ("Biên bản họp thôn Đoài.txt"), NFC, or "" without a file. Shown as the
// file's name, never as a title; its words (extension aside) are indexed
// as the title's are, so that the name the admin gave finds it.
std::string FileLabel(const legal::Metadata& meta, std::string_view source_path);

// The year of a document: from its ISO date, else from its number.
std::string DocumentYear(const legal::Metadata& meta);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_BUILDER_H_
