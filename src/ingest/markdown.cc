// Markdown reader: plain text without markup; one file stays one document.
// Files of the Bộ Pháp điển codification (../shared/bench/large-corpus) have
// YAML front matter, a "## THÔNG TIN VĂN BẢN" metadata table and a trailing
// "## Danh sách điều khoản" list of headings, all written by the repository
// author and not to be trusted; only the "## VĂN BẢN" section is kept.
#include <cctype>
#include <string>
#include <string_view>

#include "ingest/encoding.h"
#include "ingest/readers.h"

namespace vanban::ingest {
namespace {

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Drops "---\n...\n---" YAML front matter at the start.
std::string_view SkipFrontMatter(std::string_view md) {
  if (!md.starts_with("---\n") && !md.starts_with("---\r\n")) return md;
  size_t pos = md.find('\n') + 1;
  while (pos < md.size()) {
    size_t end = md.find('\n', pos);
    std::string_view line =
        TrimView(md.substr(pos, end == std::string_view::npos ? end : end - pos));
    if (line == "---" || line == "...")
      return end == std::string_view::npos ? "" : md.substr(end + 1);
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return md;  // unterminated: not front matter
}

// The "## VĂN BẢN" section when present, else everything except a
// "## THÔNG TIN VĂN BẢN" section.
std::string_view BodySection(std::string_view md, bool* trimmed) {
  size_t start = md.starts_with("## VĂN BẢN") ? 0 : md.find("\n## VĂN BẢN");
  if (start == std::string_view::npos) {
    size_t info = md.starts_with("## THÔNG TIN VĂN BẢN") ? 0 : md.find("\n## THÔNG TIN VĂN BẢN");
    if (info == std::string_view::npos) return md;
    size_t next = md.find("\n## ", info + 1);
    *trimmed = true;
    return next == std::string_view::npos ? md.substr(0, info) : md.substr(next + 1);
  }
  *trimmed = true;
  size_t body = md.find('\n', start + 1);
  if (body == std::string_view::npos) return "";
  size_t end = md.find("\n## ", body);
  return md.substr(body + 1, end == std::string_view::npos ? end : end - body - 1);
}

bool IsRule(std::string_view line) {
  if (line.size() < 3) return false;
  char c = line[0];
  if (c != '-' && c != '*' && c != '_') return false;
  for (char x : line) {
    if (x != c && x != ' ') return false;
  }
  return true;
}

bool IsTableSeparator(std::string_view line) {
  for (char c : line) {
    if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
  }
  return true;
}

std::string TableRow(std::string_view line) {
  if (line.starts_with("|")) line.remove_prefix(1);
  if (line.ends_with("|")) line.remove_suffix(1);
  std::string row;
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t bar = line.find('|', pos);
    std::string_view cell =
        TrimView(line.substr(pos, bar == std::string_view::npos ? bar : bar - pos));
    if (!row.empty()) row += " | ";
    row += cell;
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return row;
}

bool IsWordByte(char c) { return c != ' ' && c != '\t' && c != '\0'; }

// Appends the character of the HTML entity at the start of `s` (or the
// '&' itself); returns the number of bytes consumed.
size_t AppendEntity(std::string_view s, std::string& out) {
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&nbsp;", " "}, {"&amp;", "&"},   {"&lt;", "<"},
      {"&gt;", ">"},   {"&quot;", "\""}, {"&#39;", "'"}};
  for (const auto& [name, value] : kEntities) {
    if (s.starts_with(name)) {
      out += value;
      return name.size();
    }
  }
  out += '&';
  return 1;
}

// Inline markup: links, images, emphasis, code spans, HTML tags, escapes.
std::string Inline(std::string_view s) {
  if (s.find_first_of("*_`[!<&\\") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  // Next '>' and ')' at or after i, searched once per position so that a
  // line full of '<' stays linear.
  size_t next_gt = 0, next_paren = 0;
  auto find_from = [&s](char ch, size_t from, size_t* cache) {
    if (*cache != std::string_view::npos && *cache < from) *cache = s.find(ch, from);
    return *cache;
  };
  next_gt = s.find('>');
  next_paren = s.find(')');
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char prev = i ? s[i - 1] : '\0', next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == '\\' && next &&
        std::string_view("\\`*_{}[]()#+-.!|<>").find(next) != std::string_view::npos) {
      out += s[++i];
    } else if ((c == '*' || c == '_') && next == c) {
      ++i;  // strong emphasis marker
    } else if (c == '*' && (IsWordByte(next) != IsWordByte(prev))) {
      // single emphasis marker at a word edge
    } else if (c == '`') {
      // code span marker
    } else if (c == '!' && next == '[') {
      // image: keep its alt text
    } else if (c == '[' || c == ']') {
      if (c == ']' && next == '(') {
        size_t close = find_from(')', i, &next_paren);
        if (close != std::string_view::npos) i = close;
      }
    } else if (c == '<') {
      size_t close = find_from('>', i, &next_gt);
      bool tag = close != std::string_view::npos &&
                 (std::isalpha(static_cast<unsigned char>(next)) || next == '/');
      if (!tag) {
        out += c;
      } else {
        std::string_view t = s.substr(i + 1, close - i - 1);
        if (t.starts_with("br") || t.starts_with("BR")) out += '\n';
        if (t.starts_with("http")) out += t;  // autolink
        i = close;
      }
    } else if (c == '&') {
      i += AppendEntity(s.substr(i), out) - 1;
    } else {
      out += c;
    }
  }
  return out;
}

// "…Việt Nam.Điều 40.1.LQ.3. Áp dụng" in the codification lost the line
// break before an article heading; restore it.
size_t Digits(const std::string& s, size_t i) {
  size_t j = i;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  return j - i;
}

void SplitGluedArticles(std::string& line, int* fixes) {
  for (size_t pos = line.find("Điều ", 1); pos != std::string::npos;
       pos = line.find("Điều ", pos + 1)) {
    char before = line[pos - 1];
    size_t num = pos + std::string_view("Điều ").size();
    size_t d1 = Digits(line, num);
    if (d1 == 0) continue;
    // Pháp điển numbering "Điều 40.1.LQ.3." glued to any word or mark
    // ("…CỤ THỂĐiều 1.6.TT.1."); a plain "Điều 5" only after a sentence.
    size_t d2 = num + d1 < line.size() && line[num + d1] == '.' ? Digits(line, num + d1 + 1) : 0;
    bool codified = d2 > 0 && num + d1 + 1 + d2 < line.size() && line[num + d1 + 1 + d2] == '.';
    bool after_sentence = before == '.' || before == ';' || before == ':' || before == ')';
    bool glued = codified ? (before != ' ' && before != '\t' && before != '(') : after_sentence;
    if (glued) {
      line.insert(pos, "\n\n");
      pos += 2;
      ++*fixes;
    }
  }
}

// A hard line break: a backslash ending a line (not one escaped as "\\").
// Lines are kept as lines already, so it only goes; two trailing spaces, the
// other hard break, are trimmed with the line. At a paragraph's end, where
// CommonMark would print the backslash, it is a stray break too.
std::string_view WithoutHardBreak(std::string_view line) {
  size_t last = line.find_last_not_of('\\');
  size_t slashes = last == std::string_view::npos ? line.size() : line.size() - 1 - last;
  if (slashes % 2 == 0) return line;
  return TrimView(line.substr(0, line.size() - 1));
}

class MarkdownText {
 public:
  void Line(std::string_view raw) {
    std::string_view line = TrimView(raw);
    if (raw.starts_with("```") || raw.starts_with("~~~")) {
      in_code_ = !in_code_;
      return;
    }
    if (in_code_) return Emit(std::string(raw));
    if (line.empty()) {
      blank_ = true;
      return;
    }
    if (IsRule(line)) return;
    if (line.starts_with("|")) {
      if (!IsTableSeparator(line)) Emit(Inline(TableRow(line)));
      return;
    }
    while (line.starts_with(">")) line = TrimView(line.substr(1));
    line = WithoutHardBreak(line);
    if (line.starts_with("#")) {
      size_t h = line.find_first_not_of('#');
      if (h != std::string_view::npos && h <= 6 && line[h] == ' ') {
        line = TrimView(line.substr(h));
        while (line.ends_with("#")) line = TrimView(line.substr(0, line.size() - 1));
        blank_ = true;  // headings are paragraphs of their own
        Emit(Inline(line));
        blank_ = true;
        return;
      }
    }
    if (line.starts_with("* ") || line.starts_with("+ ")) {
      std::string item = "- " + Inline(line.substr(2));
      SplitGluedArticles(item, &fixes_);
      Emit(item);
      return;
    }
    std::string text = Inline(line);
    SplitGluedArticles(text, &fixes_);
    Emit(text);
  }

  std::string& text() { return out_; }
  int fixes() const { return fixes_; }

 private:
  void Emit(const std::string& text) {
    if (text.empty()) return;
    if (!out_.empty()) out_ += blank_ ? "\n\n" : "\n";
    out_ += text;
    blank_ = false;
  }

  std::string out_;
  bool blank_ = false;
  bool in_code_ = false;
  int fixes_ = 0;
};

}  // namespace

Status ReadMarkdown(std::string_view bytes, Extracted* out) {
  EncodingGuess guess = DetectEncoding(bytes);
  if (guess.binary) return Status::Unsupported("tệp Markdown chứa dữ liệu nhị phân");
  std::string md = DecodeToUtf8(bytes, guess.encoding);
  bool trimmed = false;
  std::string_view body = BodySection(SkipFrontMatter(md), &trimmed);
  MarkdownText text;
  text.text().reserve(body.size());
  for (size_t pos = 0; pos < body.size();) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    text.Line(body.substr(pos, end - pos));
    pos = end + 1;
  }
  out->text = std::move(text.text());
  out->format = "md";
  out->encoding = guess.encoding;
  (void)trimmed;  // the dropped header is expected, not worth a warning
  if (text.fixes() > 0) {
    out->warnings.push_back("Tách " + std::to_string(text.fixes()) +
                            " tiêu đề Điều bị dính vào dòng trước");
  }
  return Status::Ok();
}

}  // namespace vanban::ingest
