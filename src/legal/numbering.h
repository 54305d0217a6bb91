// Breaks in the numbering of a document's chapters, sections and articles
// ("Chương III" followed by "Chương V"): a copy that lost a part, or a
// source that inserted or renumbered one. A link made by a chapter's label
// may then land on another chapter than the one a citation means.
// Pure functions; thread-safe.
#ifndef VANBAN_LEGAL_NUMBERING_H_
#define VANBAN_LEGAL_NUMBERING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "legal/document.h"

namespace vanban::legal {

// Two units of one kind, one right after the other in their sequence, whose
// numbers are not consecutive. Indices into Document::units.
struct NumberingGap {
  int before = -1;  // "Chương III"
  int after = -1;   // "Chương V"
};

// The gaps in the numbering of `kind` (kChapter, kSection or kArticle), in
// document order. Sections are numbered within their parent; chapters and
// articles through the whole document. A number not above the previous one
// starts a new sequence (an annexed regulation's "Điều 1"): not a gap.
// Units without a number (digits or a roman numeral) are skipped.
std::vector<NumberingGap> NumberingGaps(const Document& doc, UnitKind kind);

// For a link to the chapter or section `unit` by its number: the last gap
// in the numbering before it, of its own kind or of a chapter or section
// enclosing it ("Mục 2" of "Chương V" after a gap in the chapters). Nothing
// for other units (articles keep their own numbers) or when the numbering
// up to it runs without a break.
std::optional<NumberingGap> GapBefore(const Document& doc, int unit);

// "Chương V", "Mục 2"; a plan's section by its roman number: "Mục II".
std::string UnitName(const Unit& unit);

// How a note on a break in the numbering starts (UncertainLinkNote):
// IsNumberingDoubt tells it from a note on a missing part.
inline constexpr std::string_view kNumberingDoubt = "Đánh số ";
inline bool IsNumberingDoubt(std::string_view note) { return note.starts_with(kNumberingDoubt); }

// Why a link to `anchor` in `target` may land on another chapter or section
// than the one a citation means (GapBefore), in Vietnamese: "Đánh số chương
// của văn bản được dẫn chiếu không liên tục (sau Chương III là Chương V),
// nên Chương V của văn bản đó có thể không phải chương được nhắc đến"; "" when
// the link is sure. An article, clause or point `target` does not have
// ("Điều 99" of a law of 67 articles; a clause of an article whose clauses
// are known) is said too: "Văn bản được dẫn chiếu không có Điều 99 (có Điều
// 1 đến Điều 67)"; a target without structure (a catalog record) has no
// note. `self`: `target` is the citing document ("văn bản này").
std::string UncertainLinkNote(const Document& target, const std::string& anchor, bool self);

// The breaks in the numbering of the chapters, sections and articles of
// `doc` in document order, for a notice: "sau Chương III là Chương V"; at
// most `max`, then one "và 3 chỗ khác".
std::vector<std::string> NumberingBreaks(const Document& doc, size_t max);

}  // namespace vanban::legal

#endif  // VANBAN_LEGAL_NUMBERING_H_
