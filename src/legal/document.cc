#include "legal/document.h"

#include <algorithm>

namespace vanban::legal {

std::string ShortName(std::string_view type, std::string_view number, std::string_view title,
                      std::string_view fallback) {
  std::string out;
  if (!number.empty()) {
    out.append(type);
    if (!out.empty()) out.push_back(' ');
    out.append(number);
  } else if (!title.empty()) {
    // "Nghị quyết Đại hội ..." already names its type.
    if (title.substr(0, type.size()) != type) {
      out.append(type);
      if (!out.empty()) out.push_back(' ');
    }
    out.append(title);
  } else {
    out.append(fallback);
  }
  return out;
}

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPart:
      return "part";
    case UnitKind::kChapter:
      return "chapter";
    case UnitKind::kSection:
      return "section";
    case UnitKind::kSubsection:
      return "subsection";
    case UnitKind::kArticle:
      return "article";
    case UnitKind::kClause:
      return "clause";
    case UnitKind::kPoint:
      return "point";
    case UnitKind::kItem:
      return "item";
  }
  return "unknown";
}

int Document::UnitAt(size_t offset) const {
  // Units are in document order (sorted by begin) with parents before
  // children: the last unit starting at or before the offset, or one of its
  // ancestors, is the innermost one containing it. O(log n + depth).
  auto it = std::upper_bound(units.begin(), units.end(), offset,
                             [](size_t off, const Unit& u) { return off < u.begin; });
  if (it == units.begin()) return -1;
  int u = static_cast<int>(it - units.begin()) - 1;
  while (u >= 0 && !(units[u].begin <= offset && offset < units[u].end)) u = units[u].parent;
  return u;
}

int Document::FindAnchor(const std::string& anchor) const {
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].anchor == anchor) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace vanban::legal
