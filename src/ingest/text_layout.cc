// Paragraph reconstruction for text that was laid out on pages.
#include "ingest/text_layout.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "ingest/utf8_util.h"

namespace vanban::ingest {
namespace {

// Number of code points (for width estimates).
size_t Chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// Header/footer key: digits folded to '#' so "Trang 3" and "Trang 4" match;
// one-letter tokens dropped (browsers leave clipped glyphs of the next
// page's first line beside the footer).
std::string LineKey(const std::string& line) {
  std::string key;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t end = line.find(' ', pos);
    if (end == std::string::npos) end = line.size();
    std::string_view token(line.data() + pos, end - pos);
    pos = end + 1;
    if (Chars(token) <= 1 && !token.empty() &&
        !std::isdigit(static_cast<unsigned char>(token[0]))) {
      continue;
    }
    for (char c : token) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        if (key.empty() || key.back() != '#') key += '#';
      } else {
        key += c;
      }
    }
  }
  return key;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

size_t SkipDigits(std::string_view s, size_t i) {
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// Bullets always start a paragraph: "- ", "+ ", "• ", "– ".
bool StartsBullet(std::string_view s) {
  return StartsWith(s, "- ") || StartsWith(s, "+ ") || StartsWith(s, "\u2022") ||
         StartsWith(s, "\u2013 ");
}

// Numbered items and headings ("1. ", "1) ", "a) ", "II. ", "Điều 5",
// "Chương II") start a paragraph after a finished sentence; inside one
// ("theo khoản 2 / Điều 5") they are a wrapped reference.
bool StartsNumbered(std::string_view s) {
  for (std::string_view h : {"Điều ", "Chương ", "Mục ", "Phần ", "đ) "}) {
    if (StartsWith(s, h)) return true;
  }
  size_t d = SkipDigits(s, 0);
  if (d > 0 && d < 4 && d + 1 < s.size() && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ') {
    return true;
  }
  size_t r = s.find_first_not_of("IVXLC");
  if (r > 0 && r < 6 && r + 1 < s.size() && s[r] == '.' && s[r + 1] == ' ') return true;
  return s.size() > 2 && std::islower(static_cast<unsigned char>(s[0])) && s[1] == ')' &&
         s[2] == ' ';
}

bool EndsSentence(std::string_view s) {
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' ||
         StartsWith(s.substr(s.size() >= 3 ? s.size() - 3 : 0), "\u201D");
}

bool StartsLowercase(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  char32_t c = NextCodePoint(s, &i);
  if (c < 0x80) return std::islower(static_cast<int>(c));
  // Vietnamese lowercase letters sit at odd code points in Latin Extended
  // Additional and at known spots in Latin-1/Extended-A/B.
  if (c >= 0x1EA0 && c <= 0x1EF9) return c % 2 == 1;
  return (c >= 0xDF && c <= 0xFF) || c == 0x0103 || c == 0x0111 || c == 0x0129 || c == 0x0169 ||
         c == 0x01A1 || c == 0x01B0;
}

struct PageGeometry {
  double left = 0, right = 0, spacing = 0;
};

PageGeometry Geometry(const PageText& page) {
  PageGeometry g;
  if (page.lines.empty()) return g;
  g.left = page.lines[0].x0;
  g.right = page.lines[0].x1;
  std::vector<double> gaps;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    g.left = std::min(g.left, page.lines[i].x0);
    g.right = std::max(g.right, page.lines[i].x1);
    if (i > 0) {
      double gap = page.lines[i].y0 - page.lines[i - 1].y0;
      if (gap > 0) gaps.push_back(gap);
    }
  }
  // The usual line spacing: a low percentile, since a page of short
  // paragraphs has more paragraph gaps than line gaps.
  if (!gaps.empty()) {
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 5, gaps.end());
    g.spacing = gaps[gaps.size() / 5];
  }
  return g;
}

// Whether the break between `prev` and `next` ends a paragraph.
// `para` is the paragraph built so far (ending with `prev`).
bool ParagraphBreak(const TextLine& prev, const TextLine& next, const PageGeometry& g,
                    bool same_page, const std::string& para) {
  if (StartsBullet(next.text)) return true;
  bool closed = EndsSentence(prev.text) || (!prev.text.empty() && prev.text.back() == ')');
  if (StartsNumbered(next.text) && closed) return true;
  // A whole parenthesised paragraph ("(Điều 1 Luật số …)") or a one-line
  // heading ("Điều 5. Phạm vi", "Chương II") ends at its line end.
  if (para.starts_with("(") && para.ends_with(")")) return true;
  bool heading = para.starts_with("Điều ") || para.starts_with("Chương ") ||
                 para.starts_with("Mục ") || para.starts_with("Phần ");
  bool short_line = g.right - prev.x1 > 0.1 * (g.right - g.left);
  if (heading && short_line && para.find('\n') == std::string::npos && !EndsSentence(para) &&
      !para.ends_with(",") && para.size() <= prev.text.size() + 1) {
    return true;
  }
  if (same_page && g.spacing > 0 && next.y0 - prev.y0 > 1.4 * g.spacing) return true;
  // The first word of `next` would have fitted after `prev`: a hard break.
  double next_width = next.x1 - next.x0;
  size_t next_chars = std::max<size_t>(1, Chars(next.text));
  size_t first_word = Chars(next.text.substr(0, next.text.find(' ')));
  double needed = (first_word + 1) * next_width / next_chars;
  if (g.right - prev.x1 > needed * 1.1 &&
      (EndsSentence(prev.text) || g.right - prev.x1 > needed * 3)) {
    return true;
  }
  return false;
}

void AppendJoined(std::string& para, const std::string& line) {
  if (para.empty()) {
    para = line;
    return;
  }
  // End-of-line hyphenation: "in-" + "ternet" -> "internet". A hyphen
  // before a digit joins a number ("COVID-" + "19"); before a capital it
  // was a dash in the text ("HĐND-" + "UBND" reads "HĐND- UBND"; the
  // analyser canonicalises "23- QĐ/TW" and "23-QĐ/TW" alike).
  if (para.size() >= 2 && para.back() == '-' && para[para.size() - 2] != ' ') {
    if (StartsLowercase(line)) {
      para.pop_back();
      para += line;
      return;
    }
    if (std::isdigit(static_cast<unsigned char>(line[0]))) {
      para += line;
      return;
    }
  }
  // A break after a slash splits a symbol: "11-QĐ/" + "TW".
  if (para.back() != '/') para += ' ';
  para += line;
}

}  // namespace

bool IsPageNumberLine(const std::string& raw) {
  std::string line = Trim(raw);
  std::string_view s = line;
  for (std::string_view p : {"Trang ", "trang ", "TRANG ", "Page ", "page "}) {
    if (StartsWith(s, p)) s.remove_prefix(p.size());
  }
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view dash : {"-", " ", "\u2013", "\u2014"}) {
      if (StartsWith(s, dash)) s.remove_prefix(dash.size()), trimmed = true;
      if (s.ends_with(dash)) s.remove_suffix(dash.size()), trimmed = true;
    }
  }
  size_t d = SkipDigits(s, 0);
  if (d == 0 || d > 4) return false;
  if (d == s.size()) return true;
  if (s[d] == '/') {
    size_t e = SkipDigits(s, d + 1);
    return e > d + 1 && e == s.size();
  }
  return false;
}

void DropHeadersAndFooters(std::vector<PageText>& pages, LayoutStats* stats) {
  constexpr size_t kEdgeLines = 2;
  std::map<std::string, int> counts;  // key -> pages it appears on at an edge
  auto edge = [](const PageText& p, size_t i) {
    return i < kEdgeLines || i + kEdgeLines >= p.lines.size();
  };
  for (const PageText& p : pages) {
    std::map<std::string, bool> seen;
    for (size_t i = 0; i < p.lines.size(); ++i) {
      if (edge(p, i)) seen[LineKey(p.lines[i].text)] = true;
    }
    for (const auto& [key, unused] : seen) ++counts[key];
  }
  const int needed = std::max<int>(2, (static_cast<int>(pages.size()) + 1) / 2);
  for (PageText& p : pages) {
    std::vector<TextLine> kept;
    for (size_t i = 0; i < p.lines.size(); ++i) {
      const TextLine& l = p.lines[i];
      if (edge(p, i) && pages.size() >= 2 && counts[LineKey(l.text)] >= needed) {
        if (stats) ++stats->headers_dropped;
        continue;
      }
      if ((i == 0 || i + 1 == p.lines.size()) && IsPageNumberLine(l.text)) {
        if (stats) ++stats->page_numbers_dropped;
        continue;
      }
      kept.push_back(l);
    }
    p.lines = std::move(kept);
  }
}

std::string JoinLines(const std::vector<PageText>& pages) {
  std::string out, para;
  auto flush = [&] {
    if (para.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += para;
    para.clear();
  };
  const TextLine* prev = nullptr;
  PageGeometry prev_geometry;
  for (const PageText& page : pages) {
    PageGeometry g = Geometry(page);
    for (size_t i = 0; i < page.lines.size(); ++i) {
      const TextLine& line = page.lines[i];
      std::string text = Trim(line.text);
      if (text.empty()) continue;
      if (prev && ParagraphBreak(*prev, line, i == 0 ? prev_geometry : g, i > 0, para)) flush();
      AppendJoined(para, text);
      prev = &line;
    }
    prev_geometry = g;
  }
  flush();
  return out;
}

}  // namespace vanban::ingest
