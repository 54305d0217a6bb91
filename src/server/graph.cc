#include "server/graph.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "server/html.h"
#include "server/params.h"
#include "server/text_html.h"

namespace vanban::server {

using legal::Citation;
using legal::CitationStatus;

std::string UnresolvedKey(const Citation& c) {
  if (!c.number.empty()) return c.type + " " + c.number;
  if (!c.name.empty()) return c.name;
  return c.raw;
}

void GroupCitations(const legal::Document& doc, std::vector<CitedGroup>* resolved,
                    std::vector<CitedGroup>* unresolved) {
  std::map<std::string, size_t> resolved_at, unresolved_at;
  for (size_t i = 0; i < doc.citations.size(); ++i) {
    const Citation& c = doc.citations[i];
    if (c.status == CitationStatus::kSelf || c.source_note) continue;
    bool ok = c.status == CitationStatus::kResolved && IsValidDocumentId(c.resolved_id) &&
              c.resolved_id != doc.id;
    if (c.status == CitationStatus::kResolved && c.resolved_id == doc.id) continue;
    auto& index = ok ? resolved_at : unresolved_at;
    auto& groups = ok ? *resolved : *unresolved;
    std::string key = ok ? c.resolved_id : UnresolvedKey(c);
    auto [it, inserted] = index.emplace(key, groups.size());
    if (inserted) {
      groups.push_back(CitedGroup{});
      if (ok) groups.back().resolved_id = c.resolved_id;
    }
    groups[it->second].citations.push_back(static_cast<int>(i));
  }
}

int CitingGroup::Citations() const {
  int n = 0;
  for (const search::CitedBy& c : places) n += std::max(c.citations, 1);
  return n;
}

std::vector<CitingGroup> GroupCitedBy(const std::vector<search::CitedBy>& cited_by) {
  std::vector<CitingGroup> out;
  std::map<std::string, size_t> at;
  for (const search::CitedBy& c : cited_by) {
    auto [it, inserted] = at.emplace(c.citing_id, out.size());
    if (inserted) {
      CitingGroup group;
      group.ref.id = c.citing_id;
      group.ref.type = c.citing_type;
      group.ref.number = c.citing_number;
      group.ref.title = c.citing_title;
      group.ref.in_index = true;
      out.push_back(std::move(group));
    }
    out[it->second].places.push_back(c);
  }
  return out;
}

namespace {

constexpr int kWidth = 960;
constexpr int kColWidth = 270;
constexpr int kLeftX = 10, kCenterX = 345, kRightX = 680;
constexpr int kRowHeight = 27, kNodeHeight = 22, kTop = 44;

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// At most `max_chars` code points of `s`, with "…" when cut.
std::string Clip(const std::string& s, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > max_chars) {
      return s.substr(0, i) + "…";
    }
  }
  return s;
}

std::string Label(const DocRef& ref) {
  return ShortName(ref.type, ref.number, ref.title, ref.id.empty() ? "?" : ref.id);
}

std::string Tooltip(const DocRef& ref) {
  std::string out = Label(ref);
  if (!ref.title.empty() && !ref.number.empty()) out += " — " + ref.title;
  if (!ref.in_index)
    out += " (không có trong chỉ mục)";
  else if (!ref.has_text)
    out += " (chưa có toàn văn)";
  return out;
}

struct Box {
  int x, y, w, h;
};

void AppendNode(const DocRef& ref, const std::string& label, const Box& b, int count, bool dashed,
                const std::string& tooltip, std::string* out) {
  bool link = !ref.id.empty() && IsValidDocumentId(ref.id);
  if (link) out->append("<a href=\"/van-ban/" + ref.id + "\">");
  out->append("<g class=\"node" + std::string(dashed ? " node-unresolved" : "") + "\"><title>");
  AppendHtmlEscaped(tooltip, out);
  out->append("</title>");
  char buf[400];
  std::snprintf(buf, sizeof(buf),
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#fff\" "
                "stroke=\"%s\"%s/><rect x=\"%d\" y=\"%d\" width=\"6\" height=\"%d\" fill=\"%s\"/>",
                b.x, b.y, b.w, b.h, dashed ? "#999" : TypeColor(ref.type),
                dashed ? " stroke-dasharray=\"4 3\"" : "", b.x, b.y, b.h,
                dashed ? "#bbb" : TypeColor(ref.type));
  out->append(buf);
  std::snprintf(buf, sizeof(buf), "<text x=\"%d\" y=\"%d\">", b.x + 12, b.y + 15);
  out->append(buf);
  AppendHtmlEscaped(Clip(label, count > 1 ? 33 : 37), out);
  out->append("</text>");
  if (count > 1) {
    std::snprintf(buf, sizeof(buf), "<text class=\"count\" x=\"%d\" y=\"%d\">×%d</text>",
                  b.x + b.w - 6, b.y + 15, count);
    out->append(buf);
  }
  out->append("</g>");
  if (link) out->append("</a>");
  out->append("\n");
}

void AppendEdge(int x1, int y1, int x2, int y2, int count, std::string* out) {
  int mid = (x1 + x2) / 2;
  double width = 1.0 + std::log2(static_cast<double>(std::max(count, 1)));
  char buf[300];
  std::snprintf(buf, sizeof(buf),
                "<path class=\"edge\" d=\"M%d,%d C%d,%d %d,%d %d,%d\" stroke-width=\"%.1f\"/>\n",
                x1, y1, mid, y1, mid, y2, x2, y2, width);
  out->append(buf);
}

void AppendText(int x, int y, const char* cls, const std::string& text, std::string* out) {
  out->append("<text class=\"" + std::string(cls) + "\" x=\"" + std::to_string(x) + "\" y=\"" +
              std::to_string(y) + "\">");
  AppendHtmlEscaped(text, out);
  out->append("</text>\n");
}

// The legend: one swatch per document type shown (and the unresolved
// style), left to right, wrapped into rows that fit `width`. Widths count
// code points, not bytes ("Nghị quyết": 10 and 14): 12px text, ~7px each.
struct LegendEntry {
  std::string label;
  std::string type;  // its colour; unused for the unresolved entry
  bool unresolved = false;
  bool text_only = false;  // no swatch: the "×n" key
  int x = 0, row = 0;
};

constexpr int kLegendRow = 20;
constexpr const char* kCountLegend = "×n: số lần dẫn chiếu, đếm như nhau ở hai chiều";

std::vector<LegendEntry> LayoutLegend(const Graph& g, int width) {
  std::set<std::string> types;
  types.insert(g.center.type);
  for (const auto& c : g.cited) types.insert(c.ref.type);
  for (const auto& c : g.citing) types.insert(c.ref.type);
  std::vector<LegendEntry> entries;
  for (const std::string& type : types) {
    entries.push_back({type.empty() ? "Chưa rõ loại" : type, type});
  }
  if (!g.unresolved.empty()) entries.push_back({"Chưa liên kết được", "", true});
  // T7: one n in both directions, and the legend says which.
  bool counts = std::any_of(g.cited.begin(), g.cited.end(),
                            [](const CitedGroup& c) { return c.citations.size() > 1; }) ||
                std::any_of(g.unresolved.begin(), g.unresolved.end(),
                            [](const CitedGroup& c) { return c.citations.size() > 1; }) ||
                std::any_of(g.citing.begin(), g.citing.end(),
                            [](const CitingGroup& c) { return c.Citations() > 1; });
  if (counts) entries.push_back({kCountLegend, "", false, true});
  int x = kLeftX, row = 0;
  for (LegendEntry& e : entries) {
    int w = (e.text_only ? 0 : 17) + 7 * static_cast<int>(CodePoints(e.label));
    if (x > kLeftX && x + w > width - kLeftX) {
      x = kLeftX;
      ++row;
    }
    e.x = x;
    e.row = row;
    x += w + 16;
  }
  return entries;
}

int LegendRows(const std::vector<LegendEntry>& entries) {
  return entries.empty() ? 0 : entries.back().row + 1;
}

// `y`: the baseline of the first row.
void AppendLegend(const std::vector<LegendEntry>& entries, int y, std::string* out) {
  for (const LegendEntry& e : entries) {
    int ey = y + e.row * kLegendRow;
    if (e.text_only) {
      AppendText(e.x, ey, "legend", e.label, out);
      continue;
    }
    char buf[200];
    if (e.unresolved) {
      std::snprintf(buf, sizeof(buf),
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"#fff\" "
                    "stroke=\"#999\" stroke-dasharray=\"3 2\"/>",
                    e.x, ey - 10);
    } else {
      std::snprintf(buf, sizeof(buf),
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", e.x,
                    ey - 10, TypeColor(e.type));
    }
    out->append(buf);
    AppendText(e.x + 17, ey, "legend", e.label, out);
  }
}

}  // namespace

namespace {

// Splits `text` into at most two lines of about `width` code points, at a
// space; the second is clipped.
std::pair<std::string, std::string> TwoLines(const std::string& text, size_t width) {
  std::string first = Clip(text, width);
  if (first == text) return {text, ""};
  size_t cut = first.rfind(' ', first.size() - std::string("…").size());
  if (cut == std::string::npos || cut == 0) return {first, ""};
  return {text.substr(0, cut), Clip(text.substr(cut + 1), width)};
}

struct Columns {
  int left, center, right, width;
};

void AppendCenter(const Graph& g, const Box& center, std::string* out) {
  out->append("<g class=\"node node-center\"><title>");
  AppendHtmlEscaped(Tooltip(g.center), out);
  out->append("</title>");
  char buf[300];
  std::snprintf(buf, sizeof(buf),
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\"/>",
                center.x, center.y, center.w, center.h, TypeInkColor(g.center.type));
  out->append(buf);
  const DocRef& c = g.center;
  legal::HeadingName h = legal::HeadingOf(c.type, c.number, c.title);
  if (h.name.empty()) h.name = Label(c);
  if (h.title.empty()) {
    // A title that names its type is the name, on up to two lines, not
    // under its type again (T5, session 15: "Nghị quyết" over "Nghị quyết
    // Đại hội …").
    auto [line1, line2] = TwoLines(h.name, 34);
    AppendText(center.x + 12, center.y + 21, "center-name", line1, out);
    if (!line2.empty()) AppendText(center.x + 12, center.y + 40, "center-name", line2, out);
  } else {
    AppendText(center.x + 12, center.y + 21, "center-name", Clip(h.name, 34), out);
    auto [line1, line2] = TwoLines(h.title, 40);
    AppendText(center.x + 12, center.y + 40, "center-title", line1, out);
    if (!line2.empty()) AppendText(center.x + 12, center.y + 56, "center-title", line2, out);
  }
  out->append("</g>\n");
}

// W11 (session 14): the drawing is a group of links, not an image (an
// image's children are presentational, so a screen reader heard only
// "Đồ thị dẫn chiếu" while Tab reached the links), named by its document and
// counts.
std::string SvgOpen(const Graph& g, const std::string& css_class, int width, int height) {
  std::string w = std::to_string(width), h = std::to_string(height);
  return "<svg class=\"" + css_class + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w +
         "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h +
         "\" role=\"group\" aria-label=\"" + HtmlEscape(GraphLabel(g)) + "\">\n";
}

}  // namespace

std::string GraphLabel(const Graph& g) {
  std::string out = "Đồ thị dẫn chiếu của " + Label(g.center) + ": " +
                    std::to_string(g.citing.size()) + " văn bản dẫn chiếu đến, " +
                    std::to_string(g.cited.size()) + " văn bản được dẫn chiếu";
  if (!g.unresolved.empty()) {
    out += ", " + std::to_string(g.unresolved.size()) + " dẫn chiếu chưa liên kết được";
  }
  return out;
}

std::string GraphSvg(const Graph& g) {
  // A column without documents is dropped, not left empty: the left one
  // without citing documents, the right one without cited ones (a record
  // without its text cites nothing known) when there are citing ones.
  bool cites = !g.cited.empty() || !g.unresolved.empty();
  Columns c = g.citing.empty() ? Columns{0, kLeftX, kLeftX + 335, kLeftX + 335 + kColWidth + 10}
              : cites          ? Columns{kLeftX, kCenterX, kRightX, kWidth}
                               : Columns{kLeftX, kCenterX, 0, kCenterX + kColWidth + 10};
  size_t right_rows = g.cited.size() + g.unresolved.size() + (g.unresolved.empty() ? 0 : 1);
  size_t rows = std::max({right_rows, g.citing.size(), size_t{3}});
  int body = static_cast<int>(rows) * kRowHeight;
  std::vector<LegendEntry> legend = LayoutLegend(g, c.width);
  int height = kTop + body + 44 + (LegendRows(legend) - 1) * kLegendRow;
  // Drawn at its natural size (13px labels stay 13px); narrow screens
  // scroll it sideways instead of shrinking it out of legibility.
  std::string out = SvgOpen(g, "graph", c.width, height);
  if (!g.citing.empty()) {
    AppendText(c.left, 20, "col",
               "Dẫn chiếu đến văn bản này (" + std::to_string(g.citing.size()) + ")", &out);
  }
  AppendText(c.center, 20, "col",
             g.citing.empty() ? "Văn bản đang xem (chưa được dẫn chiếu)" : "Văn bản đang xem",
             &out);
  if (cites || g.citing.empty()) {
    AppendText(c.right, 20, "col",
               "Văn bản được dẫn chiếu (" + std::to_string(g.cited.size()) + ")", &out);
  }
  Box center{c.center, kTop + body / 2 - 36, kColWidth, 68};
  int cy = center.y + center.h / 2;
  int y = kTop + (body - static_cast<int>(g.citing.size()) * kRowHeight) / 2;
  for (const CitingGroup& cg : g.citing) {
    AppendEdge(c.left + kColWidth, y + kNodeHeight / 2, c.center, cy, cg.Citations(), &out);
    AppendNode(cg.ref, Label(cg.ref), {c.left, y, kColWidth, kNodeHeight}, cg.Citations(), false,
               Tooltip(cg.ref), &out);
    y += kRowHeight;
  }
  y = kTop + (body - static_cast<int>(right_rows) * kRowHeight) / 2;
  for (const CitedGroup& cd : g.cited) {
    int n = static_cast<int>(cd.citations.size());
    AppendEdge(c.center + kColWidth, cy, c.right, y + kNodeHeight / 2, n, &out);
    AppendNode(cd.ref, Label(cd.ref), {c.right, y, kColWidth, kNodeHeight}, n, false,
               Tooltip(cd.ref), &out);
    y += kRowHeight;
  }
  if (!g.unresolved.empty()) {
    AppendText(c.right, y + 17, "col-sub", "Chưa liên kết được:", &out);
    y += kRowHeight;
  }
  for (const CitedGroup& u : g.unresolved) {
    const Citation* first = g.doc ? &g.doc->citations[u.citations.front()] : nullptr;
    std::string label = first ? UnresolvedKey(*first) : "?";
    std::string tip = first ? first->raw + " — " + UnresolvedReason(*first) : label;
    int n = static_cast<int>(u.citations.size());
    AppendEdge(c.center + kColWidth, cy, c.right, y + kNodeHeight / 2, n, &out);
    AppendNode(DocRef{}, label, {c.right, y, kColWidth, kNodeHeight}, n, true, tip, &out);
    y += kRowHeight;
  }
  AppendCenter(g, center, &out);  // last, so edges run under it
  AppendLegend(legend, kTop + body + 30, &out);
  out.append("</svg>\n");
  return out;
}

namespace {

constexpr int kNarrowWidth = 360;
constexpr int kNarrowX = 26;  // nodes start right of the trunk line
constexpr int kNarrowNode = kNarrowWidth - kNarrowX - 4;

// One column of nodes hanging off a vertical trunk at x = 12, from y to
// y + rows; returns the y after it.
template <typename Group, typename Draw>
int AppendColumn(const std::vector<Group>& groups, int y, const Draw& draw, std::string* out) {
  for (const Group& group : groups) {
    int mid = y + kNodeHeight / 2;
    out->append("<path class=\"edge\" d=\"M12," + std::to_string(mid) + " H" +
                std::to_string(kNarrowX) + "\" stroke-width=\"1.5\"/>\n");
    draw(group, Box{kNarrowX, y, kNarrowNode, kNodeHeight});
    y += kRowHeight;
  }
  return y;
}

void AppendTrunk(int from, int to, std::string* out) {
  if (to <= from) return;
  out->append("<path class=\"edge\" d=\"M12," + std::to_string(from) + " V" + std::to_string(to) +
              "\" stroke-width=\"1.5\"/>\n");
}

}  // namespace

std::string GraphSvgNarrow(const Graph& g) {
  std::string body;
  int y = 0;
  if (!g.citing.empty()) {
    AppendText(4, y + 16, "col",
               "Dẫn chiếu đến văn bản này (" + std::to_string(g.citing.size()) + ")", &body);
    y += 26;
  }
  int citing_top = y + kNodeHeight / 2;
  y = AppendColumn(
      g.citing, y,
      [&](const CitingGroup& c, const Box& b) {
        AppendNode(c.ref, Label(c.ref), b, c.Citations(), false, Tooltip(c.ref), &body);
      },
      &body);
  Box center{4, y + 4, kNarrowWidth - 8, 68};
  if (!g.citing.empty()) AppendTrunk(citing_top, center.y, &body);
  y = center.y + center.h + 10;
  // As in GraphSvg: no empty "cited" heading under a document that others
  // cite (a record without its text cites nothing known).
  bool cites = !g.cited.empty() || !g.unresolved.empty();
  if (cites || g.citing.empty()) {
    // Right of the trunk, which runs down past this heading from the centre.
    AppendText(cites ? 20 : 4, y + 16, "col",
               "Văn bản được dẫn chiếu (" + std::to_string(g.cited.size()) + ")", &body);
    y += 26;
  }
  int trunk_top = center.y + center.h;
  int last_mid = y;
  y = AppendColumn(
      g.cited, y,
      [&](const CitedGroup& c, const Box& b) {
        AppendNode(c.ref, Label(c.ref), b, static_cast<int>(c.citations.size()), false,
                   Tooltip(c.ref), &body);
        last_mid = b.y + kNodeHeight / 2;
      },
      &body);
  if (!g.unresolved.empty()) {
    AppendText(kNarrowX, y + 17, "col-sub", "Chưa liên kết được:", &body);
    y += kRowHeight;
  }
  y = AppendColumn(
      g.unresolved, y,
      [&](const CitedGroup& c, const Box& b) {
        const Citation* first = g.doc ? &g.doc->citations[c.citations.front()] : nullptr;
        std::string label = first ? UnresolvedKey(*first) : "?";
        std::string tip = first ? first->raw + " — " + UnresolvedReason(*first) : label;
        AppendNode(DocRef{}, label, b, static_cast<int>(c.citations.size()), true, tip, &body);
        last_mid = b.y + kNodeHeight / 2;
      },
      &body);
  if (cites) AppendTrunk(trunk_top, last_mid, &body);
  AppendCenter(g, center, &body);
  // The same key as the wide graph's, wrapped to the phone's width (W5,
  // session 16: phones had colours, dashed boxes and ×n without it).
  std::vector<LegendEntry> legend = LayoutLegend(g, kNarrowWidth);
  if (!legend.empty()) {
    AppendLegend(legend, y + 22, &body);
    y += 22 + (LegendRows(legend) - 1) * kLegendRow + 4;
  }
  return SvgOpen(g, "graph graph-narrow", kNarrowWidth, y + 6) + body + "</svg>\n";
}

nlohmann::json GraphJson(const Graph& g) {
  using nlohmann::json;
  auto node = [](const DocRef& ref, const char* role, int count) {
    return json{{"id", ref.id},
                {"type", ref.type},
                {"number", ref.number},
                {"title", ref.title},
                {"has_text", ref.has_text},
                {"in_index", ref.in_index},
                {"role", role},
                {"count", count}};
  };
  json nodes = json::array(), edges = json::array();
  nodes.push_back(node(g.center, "center", 0));
  for (const CitedGroup& c : g.cited) {
    int n = static_cast<int>(c.citations.size());
    nodes.push_back(node(c.ref, "cited", n));
    edges.push_back({{"from", g.center.id}, {"to", c.ref.id}, {"count", n}});
  }
  for (const CitedGroup& c : g.unresolved) {
    const Citation* first = g.doc ? &g.doc->citations[c.citations.front()] : nullptr;
    int n = static_cast<int>(c.citations.size());
    // Groups are by this key: it tells the unresolved nodes apart, and each
    // edge names its node by it ("to" is null).
    std::string label = first ? UnresolvedKey(*first) : "";
    nodes.push_back({{"id", nullptr},
                     {"label", label},
                     {"raw", first ? first->raw : ""},
                     {"reason", first ? UnresolvedReason(*first) : ""},
                     {"role", "unresolved"},
                     {"count", n}});
    edges.push_back({{"from", g.center.id}, {"to", nullptr}, {"to_label", label}, {"count", n}});
  }
  for (const CitingGroup& c : g.citing) {
    int n = c.Citations();
    nodes.push_back(node(c.ref, "citing", n));
    edges.push_back({{"from", c.ref.id}, {"to", g.center.id}, {"count", n}});
  }
  return json{{"id", g.center.id}, {"nodes", nodes}, {"edges", edges}};
}

}  // namespace vanban::server
