// HTML reader (gumbo): finds the main text of a page saved from a legal
// portal and drops navigation, menus, scripts, styles and forms. Block
// elements become paragraphs, table rows become " | "-separated lines;
// gumbo decodes entities.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/encoding.h"
#include "ingest/html_nesting.h"
#include "ingest/readers.h"

namespace vanban::ingest {
namespace {

// A page nesting elements deeper than this is not parsed (R4, QA 22):
// gumbo's time grows with depth × tags, and HtmlText reads only the first
// kMaxMarkupDepth levels anyway.
constexpr int kMaxParseDepth = 1000;

// A page whose formatting elements the tree builder would reopen more than
// kMinReopenBudget + size / kBytesPerReopened times is not parsed (R1,
// QA 23): each reopened element costs gumbo about 400 bytes and a search of
// its stack, and a <b> left open before each of n paragraphs is reopened
// n²/2 times. A page that leaves a <font> open in every paragraph reopens it
// a few times a paragraph, far below this.
constexpr size_t kMinReopenBudget = 100000;
constexpr size_t kBytesPerReopened = 8;

struct GumboDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string ClassAndId(const GumboElement& el) {
  std::string out;
  for (const char* name : {"class", "id", "role"}) {
    if (GumboAttribute* a = gumbo_get_attribute(&el.attributes, name)) {
      out += Lower(a->value);
      out += ' ';
    }
  }
  return out;
}

// Menus, breadcrumbs, sidebars, banners, share bars... by class/id/role.
bool IsBoilerplate(const GumboElement& el) {
  // Page-level wrappers often carry layout classes ("has-sidebar"). The
  // parts of a table are the document's own: <tr class="header"> is the
  // table's heading row (with the issuer and the number of a legal text),
  // not the page's header.
  switch (el.tag) {
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return false;
    default:
      break;
  }
  std::string names = ClassAndId(el);
  if (names.empty()) return false;
  for (std::string_view w : {"menu", "navbar", "navigation", "breadcrumb", "sidebar", "footer",
                             "header", "banner", "advert", "quangcao", "social", "share", "cookie",
                             "login", "search", "timkiem", "related", "lienquan"}) {
    if (names.find(w) != std::string::npos) return true;
  }
  return false;
}

// An attribute's value, or empty.
std::string_view Attribute(const GumboElement& el, const char* name) {
  GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

// An <ol>'s start or an <li>'s value as HTML's "rules for parsing integers"
// read it (leading spaces, a "+", digits; what follows is ignored), or
// nullopt when it is no number, is negative or does not fit in 32 bits.
// atoi's result was undefined past 32 bits (start="99999999999999999999"
// gave "-1."), and a legal text never numbers its clauses below zero.
std::optional<int> HtmlInteger(std::string_view s) {
  size_t i = s.find_first_not_of(" \t\n\f\r");
  if (i != std::string_view::npos && s[i] == '+') ++i;
  if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  int n = 0;
  auto [end, ec] = std::from_chars(s.data() + i, s.data() + s.size(), n);
  if (ec != std::errc()) return std::nullopt;
  return n;
}

// The number an <ol> item shows, as the text would write it: "3. " (type
// 1), "c) " (type a, as Vietnamese points are written), "C. ", "iii. ",
// "III. ". Out of range letters and numerals fall back to digits ("27. ").
std::string ListLabel(int64_t n, char type) {
  NumberStyle style = type == 'a'   ? NumberStyle::kLowerLetter
                      : type == 'A' ? NumberStyle::kUpperLetter
                      : type == 'i' ? NumberStyle::kLowerRoman
                      : type == 'I' ? NumberStyle::kUpperRoman
                                    : NumberStyle::kDecimal;
  std::string number = ListNumber(n, style);
  bool point = type == 'a' && std::islower(static_cast<unsigned char>(number[0]));
  return number + (point ? ") " : ". ");
}

// Whether `el`'s inline style hides list markers ("list-style: none",
// "list-style-type:none").
bool ShowsNoMarker(const GumboElement& el) {
  std::string style;
  for (char c : Lower(Attribute(el, "style"))) {
    if (c != ' ') style += c;
  }
  return style.find("list-style:none") != std::string::npos ||
         style.find("list-style-type:none") != std::string::npos;
}

// Whether `s` starts with a dash or bullet a text writes before an item.
bool StartsWithDash(std::string_view s) {
  for (std::string_view dash : {"-", "+", "\u2013", "\u2014", "\u2022"}) {
    if (s.starts_with(dash)) return true;
  }
  return false;
}

// A link to a footnote: role="doc-noteref" (pandoc, EPUB), a class naming
// a footnote reference, or an <a href="#fn…"> around a superscript.
bool IsNoteReference(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_A) return false;
  if (Attribute(el, "role") == "doc-noteref") return true;
  std::string names = ClassAndId(el);
  if (names.find("footnote-ref") != std::string::npos || names.find("noteref") != std::string::npos)
    return true;
  std::string_view href = Attribute(el, "href");
  if (href.substr(0, 3) != "#fn" && href.substr(0, 9) != "#footnote") return false;
  for (unsigned i = 0; i < el.children.length; ++i) {
    const GumboNode* child = static_cast<const GumboNode*>(el.children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_SUP) return true;
  }
  return false;
}

// Text extraction with paragraph breaks at block elements.
class HtmlText {
 public:
  void Walk(const GumboNode* node, bool pre, int depth = 0) {
    if (depth > kMaxMarkupDepth) {
      // R5 (QA 22): the cut was silent.
      too_deep_ =
          too_deep_ || (node->type != GUMBO_NODE_WHITESPACE && node->type != GUMBO_NODE_COMMENT);
      return;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      AddText(node->v.text.text, pre);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    if (IsSkippedTag(el.tag) || IsBoilerplate(el)) return;
    if (el.tag == GUMBO_TAG_BR) {
      line_ += '\n';
      return;
    }
    bool block = IsBlockTag(el.tag);
    if (block) Break();
    if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) {
      while (!line_.empty() && line_.back() == ' ') line_.pop_back();
      if (!line_.empty() && line_.back() != '\n') line_ += " | ";
    }
    // A footnote reference is "[1]", as in docx: a bare superscript "1"
    // after "Luật số: 25/2018/QH14" made the number "25/2018/QH141".
    bool note_ref = IsNoteReference(el);
    if (note_ref) {
      // An item's number goes before a note reference at its start: "1. [1]
      // Tố cáo là…" (R6, QA 22: "[1. 1] Tố cáo là…" was no clause).
      WriteLabel(std::string_view());
      line_ += '[';
    }
    bool list = el.tag == GUMBO_TAG_OL || el.tag == GUMBO_TAG_UL;
    if (list) lists_.push_back(OpenList(el));
    if (el.tag == GUMBO_TAG_LI && !lists_.empty()) NumberItem(el);
    for (unsigned i = 0; i < el.children.length; ++i) {
      Walk(static_cast<const GumboNode*>(el.children.data[i]), pre || el.tag == GUMBO_TAG_PRE,
           depth + 1);
    }
    if (list) {
      lists_.pop_back();
      label_.clear();
    }
    if (note_ref) line_ += ']';
    if (block) Break();
  }

  std::string Finish() {
    Break();
    return std::move(out_);
  }

  // Whether Walk left out markup nested deeper than kMaxMarkupDepth.
  bool too_deep() const { return too_deep_; }

 private:
  void AddText(std::string_view s, bool pre) {
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (!space) WriteLabel(s.substr(i));
      if (pre && c == '\n') {
        line_ += '\n';
      } else if (space) {
        if (!line_.empty() && line_.back() != ' ' && line_.back() != '\n') line_ += ' ';
      } else {
        line_ += c;
      }
    }
  }

  // Writes the pending item label before `text`, the item's first text.
  void WriteLabel(std::string_view text) {
    if (label_.empty()) return;
    // An item that writes its own dash ("- Hàm Đại sứ;") keeps just it.
    if (label_ != kBullet || !StartsWithDash(text)) line_ += label_;
    label_.clear();
  }

  // Ends the current paragraph (trimmed; empty ones vanish).
  void Break() {
    size_t b = line_.find_first_not_of(" \n|");
    if (b != std::string::npos) {
      size_t e = line_.find_last_not_of(" \n|");
      if (!out_.empty()) out_ += "\n\n";
      // Non-breaking spaces from &nbsp; are plain spaces in the text, in one
      // pass (R1, QA 22: replacing them one by one, each from the start of
      // the paragraph, took 53 s for a page of 800 000 &nbsp;).
      constexpr std::string_view kNbsp = "\u00A0";
      std::string_view para = std::string_view(line_).substr(b, e - b + 1);
      for (size_t p; (p = para.find(kNbsp)) != std::string_view::npos;) {
        out_ += para.substr(0, p);
        out_ += ' ';
        para.remove_prefix(p + kNbsp.size());
      }
      out_ += para;
    }
    line_.clear();
  }

  static constexpr std::string_view kBullet = "- ";

  // An <ol> numbers its items as the page shows them (start, type, an
  // item's value): "1. Tố cáo là…", "a) …" are clauses and points of a
  // legal text, and the number is part of it. An <ul>'s items are "- ", as
  // the DOCX and Markdown readers write a bullet (A5, QA 21: "- Hàm Đại
  // sứ;" of the text came out "Hàm Đại sứ;"), unless the list shows no
  // marker (list-style none).
  // `next` counts in 64 bits: items after start="2147483647" go on to
  // 2147483648 (an int overflowed: "-2147483648.").
  struct List {
    bool ordered = false;
    bool marked = true;  // an <ul> showing its bullets
    int64_t next = 1;
    char type = '1';
  };
  static List OpenList(const GumboElement& el) {
    List l;
    l.ordered = el.tag == GUMBO_TAG_OL;
    if (std::optional<int> start = HtmlInteger(Attribute(el, "start"))) l.next = *start;
    std::string_view type = Attribute(el, "type");
    if (type.size() == 1) l.type = type[0];
    l.marked = !ShowsNoMarker(el);
    return l;
  }
  void NumberItem(const GumboElement& li) {
    List& l = lists_.back();
    if (!l.ordered) {
      label_ = l.marked && !ShowsNoMarker(li) ? kBullet : "";
      return;
    }
    if (std::optional<int> value = HtmlInteger(Attribute(li, "value"))) l.next = *value;
    label_ = ListLabel(l.next++, l.type);
  }

  std::string line_;
  std::string out_;
  std::vector<List> lists_;
  // An item's number, written before its first text (which may be in a <p>
  // inside the <li>: the number stays with it).
  std::string label_;
  bool too_deep_ = false;
};

size_t TextLength(const GumboNode* node, int depth = 0) {
  if (depth > kMaxMarkupDepth) return 0;
  if (node->type == GUMBO_NODE_TEXT) return std::string_view(node->v.text.text).size();
  if (node->type != GUMBO_NODE_ELEMENT || IsSkippedTag(node->v.element.tag)) return 0;
  size_t n = 0;
  const GumboVector& c = node->v.element.children;
  for (unsigned i = 0; i < c.length; ++i)
    n += TextLength(static_cast<const GumboNode*>(c.data[i]), depth + 1);
  return n;
}

// The main-content element: <main>, <article>, or an element whose id or
// class names the document body on Vietnamese legal portals ("toanvan",
// "noidung", "content"), taking the one with the most text. Null: use body.
const GumboNode* MainContent(const GumboNode* node, const GumboNode* best, size_t* best_len,
                             int depth = 0) {
  if (depth > kMaxMarkupDepth) return best;
  if (node->type != GUMBO_NODE_ELEMENT) return best;
  const GumboElement& el = node->v.element;
  if (IsSkippedTag(el.tag)) return best;
  std::string names = ClassAndId(el);
  bool candidate = el.tag == GUMBO_TAG_MAIN || el.tag == GUMBO_TAG_ARTICLE ||
                   names.find("toanvan") != std::string::npos ||
                   names.find("noidung") != std::string::npos ||
                   names.find("content") != std::string::npos;
  if (candidate && !IsBoilerplate(el)) {
    size_t len = TextLength(node);
    if (len > *best_len) {
      *best_len = len;
      best = node;
    }
  }
  for (unsigned i = 0; i < el.children.length; ++i) {
    best =
        MainContent(static_cast<const GumboNode*>(el.children.data[i]), best, best_len, depth + 1);
  }
  return best;
}

}  // namespace

Status ReadHtml(std::string_view bytes, Extracted* out) {
  // Pages saved from old portals may be in a legacy encoding.
  EncodingGuess guess = DetectEncoding(bytes);
  if (guess.binary) return Status::Unsupported("tệp HTML chứa dữ liệu nhị phân");
  std::string html = DecodeToUtf8(bytes, guess.encoding);
  size_t max_reopened = kMinReopenBudget + html.size() / kBytesPerReopened;
  HtmlNesting nesting = MeasureHtmlNesting(html, kMaxParseDepth, max_reopened);
  if (nesting.depth > kMaxParseDepth) {
    return Status::Unsupported("các thẻ HTML lồng nhau sâu quá " + std::to_string(kMaxParseDepth) +
                               " cấp, không đọc được");
  }
  if (nesting.reopened > max_reopened) {
    return Status::Unsupported(
        "tệp HTML để ngỏ quá nhiều thẻ định dạng (<b>, <i>, <font>… không có thẻ đóng): trình "
        "phân tích phải mở lại chúng hơn " +
        std::to_string(max_reopened) + " lần, không đọc được");
  }
  // Parse errors are not kept: vanban reads none, and gumbo copies its
  // stack of open elements into each (an end tag matching nothing, 200 000
  // times under 1000 open elements, took 1.5 GB and 14 s).
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, GumboDeleter> parsed(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!parsed) return Status::Corruption("không phân tích được HTML");
  size_t best_len = 0;
  const GumboNode* main = MainContent(parsed->root, nullptr, &best_len);
  size_t total = TextLength(parsed->root);
  // A "content" element holding a small part of the page is likely a box.
  if (!main || best_len * 3 < total) main = parsed->root;
  HtmlText text;
  text.Walk(main, false);
  out->text = text.Finish();
  out->format = "html";
  out->encoding = guess.encoding;
  if (text.too_deep()) {
    // R5 (QA 22): a page whose text is all below the cut is not "without
    // text".
    if (out->text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
      return Status::Unsupported("chữ trong tệp HTML nằm ở phần lồng sâu quá " +
                                 std::to_string(kMaxMarkupDepth) + " cấp, không đọc được");
    }
    out->warnings.push_back(MarkupTooDeepWarning());
  }
  return Status::Ok();
}

}  // namespace vanban::ingest
