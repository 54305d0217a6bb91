#include "legal/numbering.h"

#include <algorithm>

#include "legal/names.h"

namespace vanban::legal {

namespace {

// A unit number as an integer: "5" -> 5, "IV" -> 4; 0 if neither.
int NumberOf(const Unit& unit) {
  const std::string& n = unit.number;
  if (!n.empty() && n.size() <= 4 &&
      std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoi(n);
  }
  return internal::RomanToInt(n);
}

// Sections and sub-sections restart within their parent ("Mục 1" of each
// chapter); chapters and articles run through the document.
bool NumberedWithinParent(UnitKind kind) {
  return kind == UnitKind::kSection || kind == UnitKind::kSubsection;
}

// The gaps of `kind` among the units before `stop` (all when -1) that share
// `parent` when the kind is numbered within its parent; only those of the
// sequence `stop` belongs to when `stop` is given.
std::vector<NumberingGap> Gaps(const Document& doc, UnitKind kind, int parent, int stop) {
  std::vector<NumberingGap> out;
  int prev = 0, prev_unit = -1;
  int end = stop < 0 ? static_cast<int>(doc.units.size()) : stop + 1;
  for (int i = 0; i < end; ++i) {
    const Unit& u = doc.units[i];
    if (u.kind != kind || (NumberedWithinParent(kind) && u.parent != parent)) continue;
    int n = NumberOf(u);
    if (n == 0) continue;
    if (n <= prev && stop >= 0) out.clear();  // a new sequence: what came before is another's
    if (prev > 0 && n > prev + 1) out.push_back({prev_unit, i});
    prev = n;
    prev_unit = i;
  }
  return out;
}

}  // namespace

std::vector<NumberingGap> NumberingGaps(const Document& doc, UnitKind kind) {
  if (!NumberedWithinParent(kind)) return Gaps(doc, kind, -1, -1);
  std::vector<NumberingGap> out;
  std::vector<int> parents;
  for (const Unit& u : doc.units) {
    if (u.kind != kind || std::find(parents.begin(), parents.end(), u.parent) != parents.end()) {
      continue;
    }
    parents.push_back(u.parent);
    std::vector<NumberingGap> gaps = Gaps(doc, kind, u.parent, -1);
    out.insert(out.end(), gaps.begin(), gaps.end());
  }
  std::sort(out.begin(), out.end(),
            [](const NumberingGap& a, const NumberingGap& b) { return a.after < b.after; });
  return out;
}

std::optional<NumberingGap> GapBefore(const Document& doc, int unit) {
  for (int u = unit, guard = 0; u >= 0 && u < static_cast<int>(doc.units.size()) && guard < 16;
       u = doc.units[u].parent, ++guard) {
    UnitKind kind = doc.units[u].kind;
    if (kind != UnitKind::kChapter && !NumberedWithinParent(kind)) break;
    if (NumberOf(doc.units[u]) == 0) continue;
    std::vector<NumberingGap> gaps = Gaps(doc, kind, doc.units[u].parent, u);
    if (!gaps.empty()) return gaps.back();
  }
  return std::nullopt;
}

std::string UnitName(const Unit& unit) {
  if (unit.kind == UnitKind::kSection && unit.label == unit.number) return "Mục " + unit.label;
  return unit.label;
}

namespace {

// "chương", "mục": what a unit of `kind` is called in running text.
const char* KindWord(UnitKind kind) {
  switch (kind) {
    case UnitKind::kChapter:
      return "chương";
    case UnitKind::kSection:
      return "mục";
    case UnitKind::kSubsection:
      return "tiểu mục";
    case UnitKind::kArticle:
      return "điều";
    default:
      return "phần";
  }
}

std::string BreakText(const Document& doc, const NumberingGap& gap) {
  return "sau " + UnitName(doc.units[gap.before]) + " là " + UnitName(doc.units[gap.after]);
}

}  // namespace

namespace {

// The units of `kind` directly under `parent` (-1: anywhere).
std::vector<int> UnitsOf(const Document& doc, UnitKind kind, int parent) {
  std::vector<int> out;
  for (size_t u = 0; u < doc.units.size(); ++u) {
    if (doc.units[u].kind == kind && (parent < 0 || doc.units[u].parent == parent)) {
      out.push_back(static_cast<int>(u));
    }
  }
  return out;
}

// Why an article, clause or point anchor ("dieu-99", "khoan-5-9",
// "diem-7-2-c", "diem-7-c") names nothing in `target`, or "" when its
// structure cannot tell (no articles at all in a document that has none
// cited by number; no clauses known in the article).
std::string MissingPartNote(const Document& target, const std::string& anchor, bool self) {
  if (target.units.empty()) return "";
  std::vector<std::string> parts;
  for (size_t b = 0, e; b <= anchor.size(); b = e + 1) {
    e = anchor.find('-', b);
    if (e == std::string::npos) e = anchor.size();
    parts.push_back(anchor.substr(b, e - b));
  }
  const std::string& kind = parts[0];
  if ((kind != "dieu" && kind != "khoan" && kind != "diem") || parts.size() < 2) return "";
  std::string who = self ? "Văn bản này" : "Văn bản được dẫn chiếu";
  int article = target.FindAnchor("dieu-" + parts[1]);
  if (article < 0) {
    std::vector<int> articles = UnitsOf(target, UnitKind::kArticle, -1);
    std::string note = who + " không có Điều " + parts[1];
    if (!articles.empty()) {
      const Unit& first = target.units[articles.front()];
      const Unit& last = target.units[articles.back()];
      note += " (có " + first.label + (articles.size() > 1 ? " đến " + last.label : "") + ")";
    } else {
      note += " (không chia thành điều)";
    }
    return note;
  }
  if (kind == "dieu") return "";
  bool clause_named = kind == "khoan" || parts.size() == 4;
  int holder = article;
  if (clause_named && parts.size() >= 3) {
    if (UnitsOf(target, UnitKind::kClause, article).empty()) return "";
    holder = target.FindAnchor("khoan-" + parts[1] + "-" + parts[2]);
    if (holder < 0) {
      return "Điều " + parts[1] + " của " + (self ? "văn bản này" : "văn bản được dẫn chiếu") +
             " không có khoản " + parts[2];
    }
    if (kind == "khoan") return "";
  }
  if (UnitsOf(target, UnitKind::kPoint, holder).empty()) return "";
  std::string where = clause_named ? "Khoản " + parts[2] + " Điều " + parts[1] : "Điều " + parts[1];
  return where + " của " + (self ? "văn bản này" : "văn bản được dẫn chiếu") + " không có điểm " +
         parts.back();
}

}  // namespace

std::string UncertainLinkNote(const Document& target, const std::string& anchor, bool self) {
  if (anchor.empty()) return "";
  int unit = target.FindAnchor(anchor);
  if (unit < 0) return MissingPartNote(target, anchor, self);
  std::optional<NumberingGap> gap = GapBefore(target, unit);
  if (!gap) return "";
  const Unit& linked = target.units[unit];
  return std::string(kNumberingDoubt) + KindWord(target.units[gap->after].kind) + " của " +
         (self ? "văn bản này" : "văn bản được dẫn chiếu") + " không liên tục (" +
         BreakText(target, *gap) + "), nên " + UnitName(linked) + " của văn bản " +
         (self ? "này" : "đó") + " có thể không phải " + KindWord(linked.kind) + " được nhắc đến";
}

std::vector<std::string> NumberingBreaks(const Document& doc, size_t max) {
  std::vector<NumberingGap> gaps;
  for (UnitKind kind :
       {UnitKind::kChapter, UnitKind::kSection, UnitKind::kSubsection, UnitKind::kArticle}) {
    std::vector<NumberingGap> more = NumberingGaps(doc, kind);
    gaps.insert(gaps.end(), more.begin(), more.end());
  }
  std::stable_sort(gaps.begin(), gaps.end(),
                   [](const NumberingGap& a, const NumberingGap& b) { return a.after < b.after; });
  std::vector<std::string> out;
  for (const NumberingGap& gap : gaps) {
    if (out.size() == max) {
      out.push_back("và " + std::to_string(gaps.size() - max) + " chỗ khác");
      break;
    }
    out.push_back(BreakText(doc, gap));
  }
  return out;
}

}  // namespace vanban::legal
