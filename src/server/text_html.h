// HTML for a document's text: reflowed paragraphs, headings with stable
// anchors (#dieu-5, #khoan-5-2, #muc-2), every citation as a link, and the
// table of contents. Everything taken from the document is escaped.
// Pure functions; thread-safe.
#ifndef VANBAN_SERVER_TEXT_HTML_H_
#define VANBAN_SERVER_TEXT_HTML_H_

#include <string>
#include <string_view>
#include <vector>

#include "legal/citation.h"
#include "legal/document.h"
#include "legal/numbering.h"

namespace vanban::server {

// The whole text as <h2>/<h3>/<h4>/<p> elements. Each unit's anchor is the
// id of the element where it starts; a Pháp điển article's heading shows the
// law's label ("Điều 2. Giải thích từ ngữ") with its code in a
// <small class="code-note"> after it (the text itself is not changed); the
// closing block ("Nơi nhận:" to the signature) is a <div class="closing">
// holding <div class="recipients"> and <div class="signature">. Each
// citation is an <a> whose id is "c-<begin>" (its byte offset), so cited-by
// links can point at it. `link_notes`, when given, holds one entry per
// citation of `doc`: why its link may land on another part than the one
// meant (legal::UncertainLinkNote), or "".
std::string DocumentTextHtml(const legal::Document& doc,
                             const std::vector<std::string>* link_notes = nullptr);

// Nested-looking list of links to parts, chapters, sections, subsections
// (Tiểu mục), articles and plan items, each indented by its depth (class
// "toc-d0" .. "toc-d4"); empty when the document has no units.
std::string TocHtml(const legal::Document& doc);

// Where a citation points: "/van-ban/ID#anchor", "#anchor" for a self
// reference, or a search for its number/name when it is not resolved.
std::string CitationHref(const legal::Citation& citation);
// The id of a document page's note on breaks in its numbering.
inline constexpr std::string_view kNumberingNoteAnchor = "danh-so";
// One citation as a link (class "cite", "cite cite-self" or
// "cite cite-unresolved" with the reason in its title attribute). With a
// `doubt` (legal::UncertainLinkNote), the link also has class "cite-uncertain"
// and the doubt as its title; a doubt on the numbering
// (legal::IsNumberingDoubt) links to the target's note on it
// (kNumberingNoteAnchor) instead of the part.
std::string CitationLinkHtml(const legal::Citation& citation, std::string_view label,
                             std::string_view doubt = "");
// Why a citation has no target, in Vietnamese (empty when resolved/self).
std::string UnresolvedReason(const legal::Citation& citation);

using legal::NumberingBreaks;
using legal::SentenceAround;
using legal::UncertainLinkNote;

// Where `offset` sits, for a reader: "Điều 5", "Mục II.3", "Phần mở đầu"
// (before the first unit), or "". The unit named is the one whose anchor
// legal::Document::PlaceAt gives (the cited-by lists' "anchor").
std::string PlaceOf(const legal::Document& doc, size_t offset);
// The unit `anchor` names, as a citation names it: "điểm a khoản 4 Điều
// 23", "Điều 15", "Chương V", "Tiểu mục 2"; "" when `doc` has no such anchor.
std::string AnchorLabel(const legal::Document& doc, std::string_view anchor);

// The opening of `doc` for the study view: its first article, else its
// purpose section ("MỤC ĐÍCH"), else its first section, else its first
// paragraphs; whole paragraphs up to about `max_bytes`. Sets *cut when the
// unit was longer. *heading names the unit ("Điều 1. Phạm vi điều chỉnh",
// by the law's own number), and the unit's heading line is left out of the
// excerpt; *code, when given, is its Pháp điển number ("Điều 44.13.LQ.1")
// or "". Empty when the document has no text.
std::string OpeningHtml(const legal::Document& doc, size_t max_bytes, std::string* heading,
                        bool* cut, std::string* code = nullptr);

}  // namespace vanban::server

#endif  // VANBAN_SERVER_TEXT_HTML_H_
