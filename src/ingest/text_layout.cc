// Paragraph reconstruction for text that was laid out on pages.
#include "ingest/text_layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cmath>
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

// Whether the text after a label ("1.", "a)") starts its item: a space, or
// a capital glued to the label as the Pháp điển writes clauses ("2.Việc
// cung cấp…", "a)Tác phẩm viết;"), not a digit ("2.5").
bool ItemAfterLabel(std::string_view rest) {
  if (rest.empty()) return false;
  if (rest[0] == ' ') return true;
  size_t i = 0;
  return u_isupper(static_cast<UChar32>(NextCodePoint(rest, &i)));
}

// Numbered items and headings ("1. ", "1) ", "a) ", "II. ", "Điều 5",
// "Chương II"), and the Pháp điển's notes on an article ("(Điều 5 Luật số
// …", "(Điều này có nội dung liên quan …") start a paragraph after a
// finished sentence or a heading in capitals; inside a sentence ("theo
// khoản 2 / Điều 5") they are a wrapped reference.
bool StartsNumbered(std::string_view s) {
  for (std::string_view h : {"Điều ", "Chương ", "Mục ", "Phần ", "(Điều "}) {
    if (StartsWith(s, h)) return true;
  }
  size_t d = SkipDigits(s, 0);
  if (d > 0 && d < 4 && d + 1 < s.size() && (s[d] == '.' || s[d] == ')') &&
      ItemAfterLabel(s.substr(d + 1))) {
    return true;
  }
  size_t r = s.find_first_not_of("IVXLC");
  if (r > 0 && r < 6 && r + 1 < s.size() && s[r] == '.' && s[r + 1] == ' ') return true;
  size_t letter_bytes = StartsWith(s, "đ") ? 2 : 1;
  bool letter = letter_bytes == 2 || std::islower(static_cast<unsigned char>(s[0]));
  return letter && s.size() > letter_bytes + 1 && s[letter_bytes] == ')' &&
         ItemAfterLabel(s.substr(letter_bytes + 1));
}

// A line in capitals ("QUẢN LÝ NHÀ NƯỚC VỀ CÔNG BỐ …"): a title, which
// ends where the next line starts an article or an item as a sentence does.
bool AllCapitals(std::string_view s) {
  int upper = 0;
  for (size_t i = 0; i < s.size();) {
    UChar32 c = static_cast<UChar32>(NextCodePoint(s, &i));
    if (u_islower(c)) return false;
    upper += u_isupper(c) ? 1 : 0;
  }
  return upper >= 2;
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

// How far `next` sits below `prev`: the smaller of the moves of their tops
// and of their bottoms, so that a raised footnote mark, or an OCR line box
// taller for its accents or descenders, does not look like a gap.
double Advance(const TextLine& prev, const TextLine& next) {
  return std::min(next.y0 - prev.y0, next.y1 - prev.y1);
}

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
      double gap = Advance(page.lines[i - 1], page.lines[i]);
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
  bool closed = EndsSentence(prev.text) || (!prev.text.empty() && prev.text.back() == ')') ||
                AllCapitals(prev.text);
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
  // A gap over a quarter of a line: a paragraph's spacing (6 pt after 13 pt
  // text is 1.4 lines; A3, QA 21: "> 1.4" missed it), as lines of one
  // paragraph are evenly spaced.
  if (same_page && g.spacing > 0 && Advance(prev, next) > 1.25 * g.spacing) return true;
  // A short line ending at the right margin is right-aligned (a form's
  // "Mẫu số 01", a signer's title), not a wrapped line: its block ends.
  double width = g.right - g.left;
  if (g.right - prev.x1 < 0.02 * width && prev.x0 - g.left > 0.4 * width) return true;
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

namespace {

// Page furniture (running headers and footers, page numbers) is told from
// content that happens to repeat by where it sits and whether text flows
// through it. A line is dropped as a running header/footer only when all of
// these hold:
//  1. it is the outermost line at the top or bottom of its page, or next to
//     one that was itself dropped (at most kEdgeLines deep): furniture sits
//     outside the body, so the first line kept ends the search;
//  2. it is near that edge: within 15% of the page height or 4 line heights
//     of it (a form's signature line, at the same place on every form but
//     mid-page, is not);
//  3. its text, digits folded ("Trang 3" = "Trang 4"), is at the same edge
//     at the same distance from it (half a line height) on at least half
//     the pages (and two);
//  4. it is not a numbered heading ("Điều 7", "Mẫu số 02", "Phụ lục I",
//     "Chương II"): such a heading ending one page and its like ending
//     another is content whose numbers differ, not a page number; nor the
//     national heading that opens every form ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA
//     VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
//  5. text does not flow through it: it is not a wrapped line of the same
//     paragraph as its neighbour on the page (touching boxes, same left
//     edge and size, the upper line not ending a sentence), and at a page
//     top it does not continue in lowercase a sentence the page before left
//     unfinished.
// A document of like articles printed by a browser has pages that end with
// "Điều N. …" and start with the same wording, digits aside: rules 4 and 5
// keep them.
constexpr size_t kEdgeLines = 2;

enum class Edge { kTop, kBottom };

double LineHeight(const TextLine& l) { return std::max(1.0, l.y1 - l.y0); }

// Distance from the edge; without a known page height, the bottom is
// measured from the top too (pages alike).
double EdgeDistance(const PageText& page, const TextLine& l, Edge edge) {
  if (edge == Edge::kTop || page.height <= 0) return l.y0;
  return page.height - l.y1;
}

bool NearEdge(const PageText& page, const TextLine& l, Edge edge) {
  if (page.height <= 0) return true;
  double d = EdgeDistance(page, l, edge);
  return d <= 0.15 * page.height || d <= 4 * LineHeight(l);
}

// "Điều 7", "Mẫu số 02", "PHỤ LỤC II": a heading word and a number.
bool IsNumberedHeading(std::string_view s) {
  for (std::string_view word : {"Điều ", "ĐIỀU ", "Chương ", "CHƯƠNG ", "Mục ", "MỤC ", "Phần ",
                                "PHẦN ", "Mẫu số ", "MẪU SỐ ", "Mẫu ", "MẪU ", "Phụ lục ",
                                "PHỤ LỤC ", "Biểu mẫu ", "BIỂU MẪU ", "Biểu số ", "BIỂU SỐ "}) {
    if (!StartsWith(s, word)) continue;
    std::string_view rest = s.substr(word.size());
    if (SkipDigits(rest, 0) > 0) return true;
    size_t roman = rest.find_first_not_of("IVXLC");
    if (roman > 0 && (roman == std::string_view::npos ||
                      std::string_view(" .:)-").find(rest[roman]) != std::string_view::npos)) {
      return true;
    }
  }
  return false;
}

bool IsNationalHeading(std::string_view s) {
  return StartsWith(s, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA") || StartsWith(s, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA") ||
         (StartsWith(s, "Độc lập") && s.find("Hạnh phúc") != std::string_view::npos);
}

// Whether `upper` and `lower` are consecutive lines of one paragraph.
bool OneParagraph(const TextLine& upper, const TextLine& lower) {
  double h = std::min(LineHeight(upper), LineHeight(lower));
  bool touching = lower.y0 - upper.y1 < 0.5 * h;
  bool aligned = std::abs(upper.x0 - lower.x0) <= 0.5 * h;
  bool same_size = std::abs(LineHeight(upper) - LineHeight(lower)) <= 0.15 * h;
  return touching && aligned && same_size && !EndsSentence(Trim(upper.text));
}

class FurnitureFinder {
 public:
  explicit FurnitureFinder(const std::vector<PageText>& pages)
      : needed_(std::max<int>(2, (static_cast<int>(pages.size()) + 1) / 2)) {
    for (size_t p = 0; p < pages.size(); ++p) {
      const std::vector<TextLine>& lines = pages[p].lines;
      for (size_t i = 0; i < std::min(kEdgeLines, lines.size()); ++i) {
        Add(pages[p], lines[i], Edge::kTop, p);
        Add(pages[p], lines[lines.size() - 1 - i], Edge::kBottom, p);
      }
    }
  }

  // Rules 2-5 for `l` at `edge` of `page`; `inner` is the line next to it
  // toward the body, `before` the last line kept on the page before (each
  // null when there is none).
  bool IsFurniture(const PageText& page, const TextLine& l, Edge edge, const TextLine* inner,
                   const TextLine* before) const {
    std::string text = Trim(l.text);
    if (!NearEdge(page, l, edge) || IsNumberedHeading(text) || IsNationalHeading(text)) {
      return false;
    }
    if (Pages(page, l, edge) < needed_) return false;
    if (edge == Edge::kTop) {
      if (inner && OneParagraph(l, *inner)) return false;
      if (before && !EndsSentence(Trim(before->text)) && StartsLowercase(text)) return false;
    } else if (inner && OneParagraph(*inner, l)) {
      return false;
    }
    return true;
  }

 private:
  struct Seen {
    double distance;
    size_t page;
  };

  void Add(const PageText& page, const TextLine& l, Edge edge, size_t p) {
    seen_[{LineKey(l.text), edge}].push_back({EdgeDistance(page, l, edge), p});
  }

  // The pages with the same text at the same place.
  int Pages(const PageText& page, const TextLine& l, Edge edge) const {
    auto it = seen_.find({LineKey(l.text), edge});
    if (it == seen_.end()) return 0;
    double d = EdgeDistance(page, l, edge), tolerance = 0.5 * LineHeight(l);
    std::vector<size_t> pages;
    for (const Seen& s : it->second) {
      if (std::abs(s.distance - d) <= tolerance) pages.push_back(s.page);
    }
    return static_cast<int>(std::unique(pages.begin(), pages.end()) - pages.begin());
  }

  int needed_;
  std::map<std::pair<std::string, Edge>, std::vector<Seen>> seen_;
};

}  // namespace

void DropHeadersAndFooters(std::vector<PageText>& pages, LayoutStats* stats) {
  FurnitureFinder finder(pages);
  const TextLine* before = nullptr;
  for (PageText& p : pages) {
    size_t begin = 0, end = p.lines.size();
    // Peel from each edge while lines are furniture (rule 1).
    auto peel = [&](Edge edge) {
      for (size_t k = 0; k < kEdgeLines && begin < end; ++k) {
        bool top = edge == Edge::kTop;
        size_t i = top ? begin : end - 1;
        const TextLine* inner = nullptr;
        if (top ? i + 1 < end : i > begin) inner = &p.lines[top ? i + 1 : i - 1];
        bool page_number = IsPageNumberLine(p.lines[i].text);
        if (!page_number &&
            !(pages.size() >= 2 && finder.IsFurniture(p, p.lines[i], edge, inner, before))) {
          return;
        }
        if (stats) ++(page_number ? stats->page_numbers_dropped : stats->headers_dropped);
        top ? ++begin : --end;
      }
    };
    peel(Edge::kTop);
    peel(Edge::kBottom);
    p.lines = std::vector<TextLine>(p.lines.begin() + begin, p.lines.begin() + end);
    before = p.lines.empty() ? before : &p.lines.back();
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
      // A paragraph goes on over a page break at the left margin: a page
      // that starts indented, centred or right-aligned (a form's "Mẫu số 02"
      // or "Độc lập - Tự do - Hạnh phúc") starts a new block.
      bool new_block = i == 0 && line.x0 - g.left > LineHeight(line);
      if (prev &&
          (new_block || ParagraphBreak(*prev, line, i == 0 ? prev_geometry : g, i > 0, para)))
        flush();
      AppendJoined(para, text);
      prev = &line;
    }
    prev_geometry = g;
  }
  flush();
  return out;
}

}  // namespace vanban::ingest
