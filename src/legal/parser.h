// Turns the plain UTF-8 text of a Vietnamese legal or administrative
// document into a Document: reflowed paragraphs, metadata from the header
// or from Pháp điển source lines, structure units, and citations.
// Parser is stateless apart from its analyser; safe to share across threads.
#ifndef VANBAN_LEGAL_PARSER_H_
#define VANBAN_LEGAL_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "legal/document.h"

namespace vanban::legal {

// Parses `text` (any UTF-8; it is normalised to NFC first). Never fails:
// text with no recognisable structure yields a Document with paragraphs and
// a warning. Citations are extracted but not resolved (see Catalog::Resolve).
// Warnings of one kind are capped (CapRepeatedWarnings, kKeptWarnings).
Document ParseDocument(std::string_view text);

// Warnings of one kind kept per document; the rest are counted.
constexpr size_t kKeptWarnings = 5;

// Keeps the first `keep` warnings of each kind (a kind is the text before
// the first quote, «, parenthesis, colon or number: "Neo trùng lặp ") and puts one
// line after them for the rest: "… và 97551 cảnh báo tương tự (Neo trùng
// lặp)". A warning repeated word for word is kept once. A 30 MB
// codification file gave 97 626 warnings.
void CapRepeatedWarnings(std::vector<std::string>* warnings, size_t keep = kKeptWarnings);

// Finds every citation in `text` (NFC), in order. Linear time: no regex
// backtracking; a 10 MB line is fine.
std::vector<Citation> ExtractCitations(std::string_view text);

// DocumentId rules (also in README, "Document ids"): lowercase ASCII
// [a-z0-9-], readable, derived from type, number, year and issuer:
//  - type slug + number slug; + the year of `date` when the number holds none;
//  - + the issuer's place when the symbol's issuer code is shared by many
//    bodies (UBND, HĐND, TU, HU, ĐU, BDV, BTV): the words after the last level
//    word (tỉnh, huyện, xã, thành phố, Tỉnh ủy, ...), else the level itself;
//  - no number: type + place + year (if any) + title slug (type removed,
//    cut at a word boundary, at most 60 characters).
// Nothing is invented: no date means no year. Examples:
//   Luật 10/2022/QH15              -> "luat-10-2022-qh15"
//   Chỉ thị 33/CT-TTg (2021)       -> "chi-thi-33-ct-ttg-2021"
//   Quyết định 23-QĐ/TW (2021)     -> "quyet-dinh-23-qd-tw-2021"
//   Chỉ thị 24/CT-UBND (2016), UBND tỉnh Hải Dương -> "chi-thi-24-ct-ubnd-2016-hai-duong"
//   Quyết định 629/QĐ-UBND (2022), UBND tỉnh      -> "quyet-dinh-629-qd-ubnd-2022-tinh"
std::string MakeDocumentId(const Metadata& meta);

}  // namespace vanban::legal

#endif  // VANBAN_LEGAL_PARSER_H_
