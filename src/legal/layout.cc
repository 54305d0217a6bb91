#include "legal/layout.h"

#include <algorithm>

#include "legal/names.h"

namespace vanban::legal::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "Chương II", "Mục 3": the keyword, a space, then a number (arabic or
// roman) that ends the line or is followed by a space, '.' or ':'.
bool KeywordNumber(std::string_view line, std::string_view keyword, bool roman_ok) {
  if (!StartsWith(line, keyword)) return false;
  std::string_view rest = line.substr(keyword.size());
  size_t n = 0;
  while (n < rest.size() &&
         (IsDigit(rest[n]) ||
          (roman_ok && std::string_view("IVXLC").find(rest[n]) != std::string_view::npos))) {
    ++n;
  }
  if (n == 0) return false;
  return n == rest.size() || rest[n] == ' ' || rest[n] == '.' || rest[n] == ':';
}

// "Điều 5. Title", "Điều 44.13.LQ.5. Title", "Điều 5": a code of digits,
// letters and dots that starts with a digit and ends with '.' or the line.
bool IsArticleHeading(std::string_view line) {
  if (!StartsWith(line, "Điều ")) return false;
  std::string_view rest = line.substr(std::string_view("Điều ").size());
  if (rest.empty() || !IsDigit(rest[0])) return false;
  size_t n = 0;
  while (n < rest.size() && rest[n] != ' ') ++n;
  std::string_view code = rest.substr(0, n);
  if (n == rest.size()) return true;  // "Điều 5" alone, or "Điều 5." alone
  return !code.empty() && code.back() == '.';
}

bool IsSourceLine(std::string_view line) {
  if (!StartsWith(line, "(Điều ")) return false;
  std::string_view rest = line.substr(std::string_view("(Điều ").size());
  if (rest.empty() || !IsDigit(rest[0]) || line.find("hiệu lực") == std::string_view::npos) {
    return false;
  }
  if (line.find(" số ") != std::string_view::npos) return true;
  // An act with no number names its type alone: "(Điều 2 Pháp lệnh Về Hàm,
  // cấp ngoại giao, có hiệu lực …)". S2 (QA 21): its head was a citation.
  std::string_view act = rest.substr(std::min(rest.find(' '), rest.size()));
  return std::any_of(DocTypes().begin(), DocTypes().end(), [&](const DocType& type) {
    return StartsWith(act, " " + std::string(type.display) + " ");
  });
}

bool IsRomanHeading(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && std::string_view("IVXLC").find(line[n]) != std::string_view::npos) ++n;
  if (n == 0 || n + 1 >= line.size() || line[n] != '.' || line[n + 1] != ' ') return false;
  return RomanToInt(line.substr(0, n)) > 0;
}

bool IsNumberedLine(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && IsDigit(line[n])) ++n;
  if (n == 0 || n > 3 || n >= line.size() || line[n] != '.') return false;
  return n + 1 == line.size() || line[n + 1] == ' ';
}

bool IsPointLine(std::string_view line) {
  std::string_view letter = FirstChar(line);
  if (letter.empty() || line.size() < letter.size() + 2) return false;
  bool ok = (letter.size() == 1 && letter[0] >= 'a' && letter[0] <= 'z') || letter == "đ";
  return ok && line[letter.size()] == ')' && line[letter.size() + 1] == ' ';
}

bool IsDashLine(std::string_view line) {
  size_t len = 0;
  if (line[0] == '-' || line[0] == '+') {
    len = 1;
  } else if (StartsWith(line, "–") || StartsWith(line, "•")) {
    len = 3;
  }
  if (len == 0 || len >= line.size()) return false;
  std::string_view next = line.substr(len);
  return next[0] == ' ' || StartsUpper(next) || StartsLower(next);
}

// Strips closing quotes and brackets, then looks for . ; : ! ? or "…".
bool EndsSentence(std::string_view line) {
  while (!line.empty()) {
    if (line.back() == ')' || line.back() == '"' || line.back() == '\'') {
      line.remove_suffix(1);
    } else if (line.size() >= 3 &&
               (line.substr(line.size() - 3) == "”" || line.substr(line.size() - 3) == "’")) {
      line.remove_suffix(3);
    } else {
      break;
    }
  }
  if (line.empty()) return false;
  char c = line.back();
  if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') return true;
  return line.size() >= 3 && line.substr(line.size() - 3) == "…";
}

struct Line {
  std::string_view text;  // trimmed
  LineKind kind = LineKind::kText;
};

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(Trim(text.substr(start, nl - start)));
    start = nl + 1;
  }
  return lines;
}

// Hard-wrapped: at least 3 lines (and 5% of them) that end mid-sentence
// and go on with a lowercase word on the next non-blank line.
bool LooksWrapped(const std::vector<Line>& lines) {
  size_t nonblank = 0, carried = 0;
  const Line* prev = nullptr;
  for (const Line& line : lines) {
    if (line.text.empty()) continue;
    ++nonblank;
    if (prev != nullptr && line.kind == LineKind::kText && StartsLower(line.text) &&
        !EndsSentence(prev->text)) {
      ++carried;
    }
    prev = &line;
  }
  return carried >= 3 && carried * 20 >= nonblank;
}

// The width of a full line: the 90th percentile of line lengths.
size_t FullWidth(const std::vector<Line>& lines) {
  std::vector<size_t> widths;
  for (const Line& line : lines) {
    if (!line.text.empty()) widths.push_back(CodePoints(line.text));
  }
  if (widths.empty()) return 0;
  size_t k = widths.size() * 9 / 10;
  std::nth_element(widths.begin(), widths.begin() + k, widths.end());
  return widths[k];
}

bool IsHeadingKind(LineKind kind) {
  return kind != LineKind::kText && kind != LineKind::kNumbered && kind != LineKind::kRoman &&
         kind != LineKind::kDash && kind != LineKind::kPoint;
}

// Whether `line` goes on with the paragraph that started with `first` and
// whose last line is `prev`, with or without blank lines between.
bool Continues(LineKind first, const Line& prev, const Line& line, bool blank_between,
               size_t full_width) {
  if (line.kind != LineKind::kText || IsHeadingKind(first)) return false;
  if (StartsLower(line.text)) return true;
  if (blank_between) return false;
  bool full = CodePoints(prev.text) * 100 >= full_width * 85;
  if (EndsSentence(prev.text)) return full;
  // A short numbered or roman heading line followed by a capitalised line:
  // the heading ended ("3. Các công chức ... UBND xã" / "Căn cứ ...").
  if (first == LineKind::kNumbered || first == LineKind::kRoman) return full;
  return true;
}

// The length of a tab or a no-break space (U+00A0, and the figure and
// narrow ones, U+2007, U+202F) at s[i], or 0.
size_t OddSpaceAt(std::string_view s, size_t i) {
  if (s[i] == '\t') return 1;
  std::string_view rest = s.substr(i);
  if (rest.starts_with("\u00A0")) return 2;
  return rest.starts_with("\u2007") || rest.starts_with("\u202F") ? 3 : 0;
}

// `nfc` with tabs and no-break spaces made plain spaces, or empty when it
// has none (most texts are not copied). A heading may be written with
// them: Word's <w:tab/> after "Điều 1.", a no-break space after it or
// after "Điều" in a page saved from the web. A2 (QA 21): "Điều 1.⇥Phạm vi"
// was no article, and the document got no structure.
std::string PlainSpaces(std::string_view nfc) {
  size_t i = 0;
  while (i < nfc.size() && OddSpaceAt(nfc, i) == 0) ++i;
  if (i == nfc.size()) return {};
  std::string out(nfc.substr(0, i));
  out.reserve(nfc.size());
  while (i < nfc.size()) {
    size_t n = OddSpaceAt(nfc, i);
    out.push_back(n > 0 ? ' ' : nfc[i]);
    i += std::max<size_t>(n, 1);
  }
  return out;
}

// Appends `piece` to *out with runs of spaces and tabs collapsed.
void AppendCollapsed(std::string_view piece, std::string* out) {
  bool space = !out->empty() && out->back() == ' ';
  for (char c : piece) {
    if (c == ' ' || c == '\t' || c == '\r') {
      if (!space) out->push_back(' ');
      space = true;
    } else {
      out->push_back(c);
      space = false;
    }
  }
}

}  // namespace

LineKind ClassifyLine(std::string_view line) {
  if (line.empty()) return LineKind::kText;
  if (IsArticleHeading(line)) return LineKind::kArticle;
  if (IsSourceLine(line)) return LineKind::kSourceLine;
  if (KeywordNumber(line, "Chương ", true)) return LineKind::kChapter;
  if (KeywordNumber(line, "Tiểu mục ", true)) return LineKind::kSubsection;
  if (KeywordNumber(line, "Mục ", true)) return LineKind::kLegalSection;
  if (StartsWith(line, "Phần thứ ") || KeywordNumber(line, "Phần ", true)) return LineKind::kPart;
  if (IsRomanHeading(line)) return LineKind::kRoman;
  if (IsNumberedLine(line)) return LineKind::kNumbered;
  if (IsPointLine(line)) return LineKind::kPoint;
  if (IsDashLine(line)) return LineKind::kDash;
  if (StartsWith(line, "Nơi nhận") || StartsWith(line, "NƠI NHẬN")) return LineKind::kRecipients;
  if (line.size() <= 600 && IsAllCaps(line)) return LineKind::kCaps;
  return LineKind::kText;
}

Layout Reflow(std::string_view nfc) {
  std::string plain = PlainSpaces(nfc);
  if (!plain.empty()) nfc = plain;
  std::vector<Line> lines;
  for (std::string_view text : SplitLines(nfc)) lines.push_back({text, ClassifyLine(text)});
  Layout out;
  out.wrapped = LooksWrapped(lines);
  size_t full_width = out.wrapped ? FullWidth(lines) : 0;
  const Line* prev = nullptr;
  bool blank = false;
  for (const Line& line : lines) {
    if (line.text.empty()) {
      blank = true;
      continue;
    }
    bool joined = out.wrapped && prev != nullptr &&
                  Continues(out.paragraphs.back().kind, *prev, line, blank, full_width);
    if (joined) {
      out.text.push_back(' ');
      ++out.paragraphs.back().lines;
    } else {
      if (!out.paragraphs.empty()) {
        out.paragraphs.back().end = out.text.size();
        out.text.push_back('\n');
      }
      out.paragraphs.push_back({out.text.size(), 0, line.kind, 1});
    }
    AppendCollapsed(line.text, &out.text);
    prev = &line;
    blank = false;
  }
  if (!out.paragraphs.empty()) out.paragraphs.back().end = out.text.size();
  return out;
}

}  // namespace vanban::legal::internal
