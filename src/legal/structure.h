// Internal to vanban_legal: the structure tree (Phần / Chương / Mục /
// Tiểu mục / Điều / khoản / điểm for legal texts; roman sections and
// numbered items for plans) built from reflowed paragraphs. Thread-safe.
#ifndef VANBAN_LEGAL_STRUCTURE_H_
#define VANBAN_LEGAL_STRUCTURE_H_

#include "legal/document.h"
#include "legal/layout.h"

namespace vanban::legal::internal {

// Fills doc->paragraphs and doc->units from `layout` (whose text is
// doc->text). Duplicate anchors get a suffix ("-2") and a warning.
void BuildStructure(const Layout& layout, Document* doc);

// The article number stated by a Pháp điển source line
// ("(Điều 5 Luật số ..." -> "5"), or "".
std::string SourceLineArticle(std::string_view line);

}  // namespace vanban::legal::internal

#endif  // VANBAN_LEGAL_STRUCTURE_H_
