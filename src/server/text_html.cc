#include "server/text_html.h"

#include <algorithm>
#include <vector>

#include "legal/catalog.h"
#include "server/html.h"
#include "server/params.h"

namespace vanban::server {

namespace {

using legal::Citation;
using legal::CitationStatus;
using legal::Document;
using legal::Paragraph;
using legal::Unit;
using legal::UnitKind;

bool IsAnchor(const std::string& anchor) {
  if (anchor.empty() || anchor.size() > 100) return false;
  return std::all_of(anchor.begin(), anchor.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The document's paragraphs, or one per non-empty line when the parser gave
// none.
std::vector<Paragraph> ParagraphsOf(const Document& doc) {
  if (!doc.paragraphs.empty()) return doc.paragraphs;
  std::vector<Paragraph> out;
  size_t start = 0;
  while (start < doc.text.size()) {
    size_t nl = doc.text.find('\n', start);
    if (nl == std::string::npos) nl = doc.text.size();
    if (nl > start) out.push_back(Paragraph{start, nl, -1, false});
    start = nl + 1;
  }
  return out;
}

int Depth(const Document& doc, int unit) {
  int depth = 0;
  for (int u = doc.units[unit].parent; u >= 0 && depth < 8; u = doc.units[u].parent) ++depth;
  return depth;
}

// The tag of a paragraph: a heading's level follows its unit's depth.
std::string TagFor(const Document& doc, const Paragraph& p) {
  if (!p.heading || p.unit < 0 || p.unit >= static_cast<int>(doc.units.size())) return "p";
  return "h" + std::to_string(std::min(2 + Depth(doc, p.unit), 4));
}

// Appends text[begin, end) with the citations inside it as links.
void AppendWithCitations(const Document& doc, const std::vector<std::string>* link_notes,
                         size_t begin, size_t end, size_t* next_citation, std::string* out) {
  const std::string& text = doc.text;
  size_t pos = begin;
  size_t& ci = *next_citation;
  while (ci < doc.citations.size() && doc.citations[ci].begin < end) {
    size_t i = ci++;
    const Citation& c = doc.citations[i];
    if (c.begin < pos || c.end <= c.begin) continue;  // overlapping or empty span
    size_t c_end = std::min(c.end, end);
    AppendHtmlEscaped(std::string_view(text).substr(pos, c.begin - pos), out);
    std::string_view doubt =
        link_notes && i < link_notes->size() ? std::string_view((*link_notes)[i]) : "";
    out->append(
        CitationLinkHtml(c, std::string_view(text).substr(c.begin, c_end - c.begin), doubt));
    pos = c_end;
  }
  AppendHtmlEscaped(std::string_view(text).substr(pos, end - pos), out);
}

// Ids of the units starting before `end` not yet placed: the first becomes
// the element's id, the others empty spans in front of it.
std::string PlaceAnchors(const std::vector<const Unit*>& units, size_t end, size_t* next_unit,
                         std::string* extra) {
  std::string first;
  while (*next_unit < units.size() && units[*next_unit]->begin < end) {
    const Unit* u = units[(*next_unit)++];
    if (!IsAnchor(u->anchor)) continue;
    if (first.empty()) {
      first = u->anchor;
    } else if (u->anchor != first) {
      extra->append("<span class=\"anchor\" id=\"" + u->anchor + "\"></span>");
    }
  }
  return first;
}

// A Pháp điển article's heading reads "Điều 44.13.LQ.2. Giải thích từ
// ngữ", while the contents list, the links and the citations name it by the
// law's own number, "Điều 2" (W7, session 16). The length of the heading's
// "Điều 44.13.LQ.2" that the law's label replaces on the page, or 0; the
// stored text keeps it (snippets and citations are offsets into it).
size_t CodedLabelLength(const Document& doc, const Paragraph& p) {
  if (!p.heading || p.unit < 0 || p.unit >= static_cast<int>(doc.units.size())) return 0;
  const Unit& u = doc.units[p.unit];
  if (u.kind != UnitKind::kArticle || u.code.empty() || u.label.empty()) return 0;
  std::string coded = "Điều " + u.code;
  std::string_view line = std::string_view(doc.text).substr(p.begin, p.end - p.begin);
  if (line.substr(0, coded.size()) != coded) return 0;
  // Not a longer code ("Điều 44.13.LQ.20" for 44.13.LQ.2).
  if (line.size() > coded.size() && line[coded.size()] != '.' && line[coded.size()] != ' ') {
    return 0;
  }
  return coded.size();
}

// The law's label for a coded heading and the code as a note after it.
void AppendCodedHeading(const Document& doc, const Paragraph& p, size_t coded,
                        const std::vector<std::string>* link_notes, size_t* next_citation,
                        std::string* out) {
  const Unit& u = doc.units[p.unit];
  AppendHtmlEscaped(u.label, out);
  AppendWithCitations(doc, link_notes, p.begin + coded, p.end, next_citation, out);
  out->append(" <small class=\"code-note\">(Điều ");
  AppendHtmlEscaped(u.code, out);
  out->append(" trong Bộ pháp điển)</small>");
}

// The closing block of an administrative text: "Nơi nhận:" with its
// "- …" lines, then the signature ("CHỦ TỊCH", the name). Paragraph indexes
// into `paragraphs`; begin == paragraphs.size() when the text has none.
struct Closing {
  size_t begin = 0;      // "Nơi nhận:"
  size_t signature = 0;  // first line after the recipients
};

Closing FindClosing(const Document& doc, const std::vector<Paragraph>& paragraphs) {
  constexpr size_t kMaxLines = 40;  // a longer tail is text, not a closing block
  Closing none{paragraphs.size(), paragraphs.size()};
  size_t from = paragraphs.size() > kMaxLines ? paragraphs.size() - kMaxLines : 0;
  for (size_t i = from; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    if (p.end > doc.text.size() || p.begin >= p.end) return none;
    std::string_view line = std::string_view(doc.text).substr(p.begin, p.end - p.begin);
    if (!line.starts_with("Nơi nhận") && !line.starts_with("NƠI NHẬN")) continue;
    Closing closing{i, i + 1};
    for (size_t j = i + 1; j < paragraphs.size(); ++j) {
      const Paragraph& q = paragraphs[j];
      if (q.heading || q.end > doc.text.size() || q.begin >= q.end) return none;
      char first = doc.text[q.begin];
      if (closing.signature == j && (first == '-' || first == '+')) closing.signature = j + 1;
    }
    return closing;
  }
  return none;
}

}  // namespace

std::string DocumentTextHtml(const Document& doc, const std::vector<std::string>* link_notes) {
  std::vector<const Unit*> units;
  for (const Unit& u : doc.units) units.push_back(&u);
  std::stable_sort(units.begin(), units.end(),
                   [](const Unit* a, const Unit* b) { return a->begin < b->begin; });
  std::string out;
  out.reserve(doc.text.size() * 5 / 4 + 1024);
  size_t next_unit = 0, next_citation = 0;
  std::vector<Paragraph> paragraphs = ParagraphsOf(doc);
  // Marked so that print keeps it on one page, recipients beside the
  // signature as the paper has them (W3, session 16: "CHỦ TỊCH" and the
  // last recipients were alone on a page).
  Closing closing = FindClosing(doc, paragraphs);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    if (i == closing.begin) out.append("<div class=\"closing\">\n<div class=\"recipients\">\n");
    if (i == closing.signature && i > closing.begin) {
      out.append("</div>\n<div class=\"signature\">\n");
    }
    if (p.end > doc.text.size() || p.begin >= p.end) continue;
    std::string extra;
    std::string id = PlaceAnchors(units, p.end, &next_unit, &extra);
    std::string tag = TagFor(doc, p);
    out.append(extra).append("<").append(tag);
    if (!id.empty()) out.append(" id=\"").append(id).append("\"");
    out.append(">");
    if (size_t coded = CodedLabelLength(doc, p); coded > 0) {
      AppendCodedHeading(doc, p, coded, link_notes, &next_citation, &out);
    } else {
      AppendWithCitations(doc, link_notes, p.begin, p.end, &next_citation, &out);
    }
    out.append("</").append(tag).append(">\n");
  }
  if (closing.begin < paragraphs.size()) out.append("</div>\n</div>\n");
  return out;
}

std::string TocHtml(const Document& doc) {
  std::string out;
  for (size_t i = 0; i < doc.units.size(); ++i) {
    const Unit& u = doc.units[i];
    bool listed = u.kind == UnitKind::kPart || u.kind == UnitKind::kChapter ||
                  u.kind == UnitKind::kSection || u.kind == UnitKind::kSubsection ||
                  u.kind == UnitKind::kArticle ||
                  (u.kind == UnitKind::kItem && Depth(doc, static_cast<int>(i)) <= 1);
    if (!listed || !IsAnchor(u.anchor)) continue;
    // Phần, Chương, Mục, Tiểu mục, Điều: an article can be five levels down.
    int depth = std::min(Depth(doc, static_cast<int>(i)), 4);
    std::string label = u.label;
    if (!u.title.empty()) label += ". " + u.title;
    out.append("<li class=\"toc-d" + std::to_string(depth) + "\"><a href=\"#" + u.anchor + "\">");
    AppendHtmlEscaped(Utf8Prefix(label, 160), &out);
    if (label.size() > 160) out.append("…");
    out.append("</a></li>\n");
  }
  return out.empty() ? out : "<ol class=\"toc\">\n" + out + "</ol>\n";
}

std::string UnresolvedReason(const Citation& c) {
  const char* base = nullptr;
  switch (c.status) {
    case CitationStatus::kResolved:
    case CitationStatus::kSelf:
      return "";
    case CitationStatus::kNotInCatalog:
      base = "Văn bản này chưa có trong danh mục";
      break;
    case CitationStatus::kAmbiguous:
      base = "Có nhiều văn bản khớp, chưa phân biệt được";
      break;
    case CitationStatus::kUnresolved:
      base = "Chưa xác định được văn bản được dẫn chiếu";
      break;
  }
  std::string out = base;
  if (!c.reason.empty() && c.reason != out) out += ": " + c.reason;
  return out;
}

std::string CitationHref(const Citation& c) {
  std::string fragment = IsAnchor(c.anchor) ? "#" + c.anchor : "";
  if (c.status == CitationStatus::kResolved && IsValidDocumentId(c.resolved_id)) {
    return "/van-ban/" + c.resolved_id + fragment;
  }
  if (c.status == CitationStatus::kSelf) return fragment.empty() ? "#top" : fragment;
  // A search by the name would put first the document ruled out (F5,
  // session 15): the missing-texts list says which it is not.
  if (legal::NamesakeRuledOut(c)) return "/thieu-toan-van";
  std::string query = !c.number.empty() ? c.number : !c.name.empty() ? c.name : c.raw;
  return "/tim-kiem?q=" + UrlEncode(Utf8Prefix(query, 200));
}

std::string CitationLinkHtml(const Citation& c, std::string_view label, std::string_view doubt) {
  std::string cls = "cite";
  std::string title;
  bool linked = c.status == CitationStatus::kSelf ||
                (c.status == CitationStatus::kResolved && IsValidDocumentId(c.resolved_id));
  if (c.status == CitationStatus::kSelf) {
    cls += " cite-self";
    title = "Dẫn chiếu trong chính văn bản này";
  } else if (!linked) {
    cls += " cite-unresolved";
    title = UnresolvedReason(c) + (legal::NamesakeRuledOut(c)
                                       ? " — bấm để xem danh sách văn bản chưa có toàn văn"
                                       : " — bấm để tìm");
  } else {
    title = "Mở văn bản được dẫn chiếu";
  }
  std::string href = CitationHref(c);
  // Not made silently: the reader is told where the link may be wrong.
  if (linked && !doubt.empty()) {
    cls += " cite-uncertain";
    title = doubt;
  }
  // After a break in the numbering, the chapter or section of that number
  // may be another one (T1, session 15: "Chương V của Luật Khiếu nại" is its
  // Chương VI in Pháp điển's numbering): the link goes to the note on the
  // numbering, not to a part that may be the wrong one.
  if (linked && legal::IsNumberingDoubt(doubt)) {
    href = href.substr(0, href.find('#')) + "#" + std::string(kNumberingNoteAnchor);
    title += ". Liên kết dẫn đến ghi chú về cách đánh số của văn bản";
  }
  // The codifier's note on this text, not a citation by it.
  if (c.source_note) {
    cls += " cite-note";
    title = "Ghi chú của Pháp điển — " + title;
  }
  std::string out = "<a class=\"" + cls + "\" id=\"c-" + std::to_string(c.begin) + "\" href=\"" +
                    HtmlEscape(href) + "\" title=\"";
  AppendHtmlEscaped(title, &out);
  out.append("\">");
  AppendHtmlEscaped(label, &out);
  out.append("</a>");
  return out;
}

std::string PlaceOf(const Document& doc, size_t offset) {
  std::string article, section, item;
  for (int u = doc.UnitAt(offset), guard = 0; u >= 0 && guard < 16;
       u = doc.units[u].parent, ++guard) {
    const Unit& unit = doc.units[u];
    if (unit.kind == UnitKind::kArticle && article.empty()) article = unit.label;
    if (unit.kind == UnitKind::kSection && section.empty()) section = unit.label;
    if (unit.kind == UnitKind::kItem && item.empty()) item = unit.label;
  }
  if (!article.empty()) return article;
  // Before the first unit: the grounds and preamble ("Căn cứ Kế hoạch số …").
  if (section.empty() && !doc.units.empty() && offset < doc.units.front().begin) {
    return "Phần mở đầu";
  }
  if (section.empty()) return "";
  std::string out = "Mục " + section;
  if (!item.empty()) out += "." + item;
  return out;
}

std::string AnchorLabel(const Document& doc, std::string_view anchor) {
  for (size_t i = 0; i < doc.units.size(); ++i) {
    if (doc.units[i].anchor != anchor) continue;
    std::string out;
    for (int u = static_cast<int>(i), guard = 0; u >= 0 && guard < 16;
         u = doc.units[u].parent, ++guard) {
      const Unit& unit = doc.units[u];
      std::string part = unit.kind == UnitKind::kPoint                    ? "điểm " + unit.label
                         : unit.kind == UnitKind::kClause                 ? "khoản " + unit.label
                         : unit.kind == UnitKind::kArticle || out.empty() ? unit.label
                                                                          : "";
      if (!part.empty()) out += (out.empty() ? "" : " ") + part;
      if (unit.kind == UnitKind::kArticle) break;
    }
    return out;
  }
  return "";
}

namespace {

bool IsPurpose(const Unit& u) {
  return u.title.find("MỤC ĐÍCH") != std::string::npos ||
         u.title.find("Mục đích") != std::string::npos ||
         u.title.find("mục đích") != std::string::npos;
}

int OpeningUnit(const Document& doc) {
  for (size_t i = 0; i < doc.units.size(); ++i) {
    if (doc.units[i].kind == UnitKind::kArticle) return static_cast<int>(i);
  }
  for (size_t i = 0; i < doc.units.size(); ++i) {
    if (IsPurpose(doc.units[i])) return static_cast<int>(i);
  }
  for (size_t i = 0; i < doc.units.size(); ++i) {
    if (doc.units[i].kind == UnitKind::kSection) return static_cast<int>(i);
  }
  return -1;
}

// A heading line that holds nothing but its unit's label (or Pháp điển's
// coded one) and title: "Điều 44.13.LQ.1. Phạm vi điều chỉnh", "I. MỤC
// ĐÍCH, YÊU CẦU".
bool IsOwnHeading(const Document& doc, const Paragraph& p) {
  const Unit& u = doc.units[p.unit];
  std::string_view line = std::string_view(doc.text).substr(p.begin, p.end - p.begin);
  while (!line.empty() && (line.back() == ' ' || line.back() == '.' || line.back() == ':')) {
    line.remove_suffix(1);
  }
  if (u.title.empty()) return line == u.label;
  return line.size() >= u.title.size() && line.substr(line.size() - u.title.size()) == u.title &&
         line.size() - u.title.size() <= u.label.size() + u.code.size() + 8;
}

}  // namespace

std::string OpeningHtml(const Document& doc, size_t max_bytes, std::string* heading, bool* cut,
                        std::string* code) {
  *cut = false;
  heading->clear();
  if (code) code->clear();
  if (doc.text.empty()) return "";
  int unit = OpeningUnit(doc);
  size_t begin = 0, end = doc.text.size();
  if (unit >= 0) {
    const Unit& u = doc.units[unit];
    begin = u.begin;
    end = std::min(u.end, doc.text.size());
    *heading = u.title.empty() ? u.label : u.label + ". " + u.title;
    if (code && !u.code.empty()) *code = "Điều " + u.code;
  }
  std::string out;
  size_t used = 0;
  for (const Paragraph& p : ParagraphsOf(doc)) {
    if (p.end <= begin || p.begin >= end || p.end > doc.text.size()) continue;
    // The unit's own heading line is the one above the excerpt ("Trích:
    // Điều 1. Phạm vi điều chỉnh"), not repeated under it, nor under
    // another number (W7, session 16: "Điều 44.13.LQ.1. Phạm vi điều chỉnh").
    if (unit >= 0 && p.heading && p.unit == unit && p.begin <= begin && IsOwnHeading(doc, p)) {
      continue;
    }
    if (used > 0 && used + (p.end - p.begin) > max_bytes) {
      *cut = true;
      break;
    }
    used += p.end - p.begin;
    out.append(p.heading ? "<p class=\"opening-heading\">" : "<p>");
    AppendHtmlEscaped(std::string_view(doc.text).substr(p.begin, p.end - p.begin), &out);
    out.append("</p>\n");
  }
  return out;
}

}  // namespace vanban::server
