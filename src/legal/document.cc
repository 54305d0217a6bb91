#include "legal/document.h"

namespace vanban::legal {

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPart: return "part";
    case UnitKind::kChapter: return "chapter";
    case UnitKind::kSection: return "section";
    case UnitKind::kSubsection: return "subsection";
    case UnitKind::kArticle: return "article";
    case UnitKind::kClause: return "clause";
    case UnitKind::kPoint: return "point";
    case UnitKind::kItem: return "item";
  }
  return "unknown";
}

int Document::UnitAt(size_t offset) const {
  // Units are in document order with parents before children, so the last
  // unit whose span contains the offset is the innermost one.
  int found = -1;
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].begin > offset) break;
    if (offset < units[i].end) found = static_cast<int>(i);
  }
  return found;
}

int Document::FindAnchor(const std::string& anchor) const {
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].anchor == anchor) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace vanban::legal
