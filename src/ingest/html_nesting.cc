// MeasureHtmlNesting: a small model of the HTML tree builder's stack of
// open elements and list of active formatting elements (the HTML standard,
// "tree construction"), on gumbo's tag enum. Where the model is unsure it
// keeps an element open or reopens it: a page is then judged deeper than
// gumbo would build it, never shallower.
#include "ingest/html_nesting.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>
#include <vector>

namespace vanban::ingest {
namespace {

// Elements without content or end tag.
bool IsVoid(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
    // One of each, whatever the page writes.
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Elements whose content is text up to their end tag.
bool IsRawText(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
      return true;
    default:
      return false;
  }
}

// The elements that bound a search for an open element "in scope" (and in
// button scope: also <button>); the <math> and <svg> ones are those where
// HTML content resumes.
bool IsScopeBoundary(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_MI:
    case GUMBO_TAG_MO:
    case GUMBO_TAG_MN:
    case GUMBO_TAG_MS:
    case GUMBO_TAG_MTEXT:
    case GUMBO_TAG_ANNOTATION_XML:
    case GUMBO_TAG_FOREIGNOBJECT:
    case GUMBO_TAG_DESC:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// The standard's "special" elements, less the void ones: an end tag of any
// other element (<span>, <b>) does not close past one of them.
bool IsSpecial(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_MI:
    case GUMBO_TAG_MO:
    case GUMBO_TAG_MN:
    case GUMBO_TAG_MS:
    case GUMBO_TAG_MTEXT:
    case GUMBO_TAG_ANNOTATION_XML:
    case GUMBO_TAG_FOREIGNOBJECT:
    case GUMBO_TAG_DESC:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p> ("in body" insertion mode).
bool ClosesP(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_PLAINTEXT:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

bool IsTablePart(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

// The formatting elements: a block closing one does not end it, the tree
// builder reopens it inside the next text.
bool IsFormatting(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

// Start tags that are not preceded by reopening the formatting elements
// ("reconstruct the active formatting elements" in the "in body" rules);
// any other tag, known or not, is.
bool KeepsFormattingClosed(GumboTag t) {
  if (ClosesP(t) || IsTablePart(t)) return true;
  switch (t) {
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_COL:
      return true;
    default:
      return false;
  }
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Whether the attributes of a tag, as written, name `name` (lowercase).
bool HasAttribute(std::string_view attributes, std::string_view name) {
  for (size_t i = 0; i < attributes.size();) {
    if (IsSpace(attributes[i]) || attributes[i] == '/') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < attributes.size() && !IsSpace(attributes[end]) && attributes[end] != '=' &&
           attributes[end] != '/') {
      ++end;
    }
    std::string_view written = attributes.substr(i, end - i);
    if (std::equal(written.begin(), written.end(), name.begin(), name.end(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return true;
    }
    for (i = end; i < attributes.size() && IsSpace(attributes[i]);) ++i;
    if (i >= attributes.size() || attributes[i] != '=') continue;
    for (++i; i < attributes.size() && IsSpace(attributes[i]);) ++i;
    if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
      size_t close = attributes.find(attributes[i], i + 1);
      i = close == std::string_view::npos ? attributes.size() : close + 1;
    } else {
      while (i < attributes.size() && !IsSpace(attributes[i])) ++i;
    }
  }
  return false;
}

// Start tags that end <svg> or <math> content: they are read as HTML
// (<font> only with a color, face or size: see EndsForeignContent below).
bool IsBreakout(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_B:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_META:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_RUBY:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_VAR:
      return true;
    default:
      return false;
  }
}

bool EndsForeignContent(GumboTag t, std::string_view attributes) {
  if (t == GUMBO_TAG_FONT) {
    return HasAttribute(attributes, "color") || HasAttribute(attributes, "face") ||
           HasAttribute(attributes, "size");
  }
  return IsBreakout(t);
}

// Elements that put a marker on the list of active formatting elements:
// what was opened outside them is not reopened inside.
bool IsMarkerOwner(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

// An element taken off the stack by the tree builder while those opened
// inside it stay open: it still counts for depth, but no tag matches it.
constexpr GumboTag kRemoved = GUMBO_TAG_LAST;

// How the tags inside an element are read.
enum class Content { kHtml, kSvg, kMath };

// Elements of <svg> or <math> inside which HTML content resumes.
bool ResumesHtml(GumboTag t, Content content) {
  switch (t) {
    case GUMBO_TAG_FOREIGNOBJECT:
    case GUMBO_TAG_DESC:
    case GUMBO_TAG_TITLE:
      return content == Content::kSvg;
    case GUMBO_TAG_MI:
    case GUMBO_TAG_MO:
    case GUMBO_TAG_MN:
    case GUMBO_TAG_MS:
    case GUMBO_TAG_MTEXT:
    case GUMBO_TAG_ANNOTATION_XML:
      return content == Content::kMath;
    default:
      return false;
  }
}

constexpr size_t kNone = static_cast<size_t>(-1);

class Scanner {
 public:
  Scanner(std::string_view html, int max_depth, size_t max_reopened)
      : html_(html),
        max_depth_(static_cast<size_t>(std::max(max_depth, 0))),
        max_reopened_(max_reopened) {}

  HtmlNesting Measure() {
    for (size_t i = 0; i < html_.size() && !Over();) {
      size_t lt = html_.find('<', i);
      if (lt != i) Text();
      if (lt == std::string_view::npos || Over()) break;
      i = Tag(lt + 1);
    }
    return {static_cast<int>(std::min(deepest_, max_depth_ + 1)),
            std::min(reopened_, max_reopened_ + 1)};
  }

 private:
  struct Element {
    GumboTag tag;
    uint64_t id;
    bool marker;  // it put a marker on the list of formatting elements
    // Where it stands (kept per element so that no tag searches the stack):
    Content content;        // how the tags inside it are read
    size_t tables;          // <table> elements open, it included
    size_t select;          // the index of the <select> whose content it is, or kNone
    bool foreign;           // <svg> or <math> content, whose end tags match by name
    std::string_view name;  // as written, for such an element
  };

  // An entry of the list of active formatting elements: an element, the
  // same element after a block closed it, or a marker.
  struct Formatting {
    GumboTag tag;
    std::string_view attributes;  // as written: alike when written alike
    uint64_t id;                  // of the element, while it is open
    size_t at;                    // its index in open_, while it is open
    bool marker;
  };

  bool Over() const { return deepest_ > max_depth_ || reopened_ > max_reopened_; }

  // Characters outside markup (in body, even spaces) reopen what a block
  // closed.
  void Text() { Reopen(); }

  // Reads the markup after a '<' at `i`; returns where scanning goes on.
  size_t Tag(size_t i) {
    if (html_.substr(i, 3) == "!--") return Past("-->", i + 3);
    if (i < html_.size() && (html_[i] == '!' || html_[i] == '?')) return Past(">", i);
    bool end = i < html_.size() && html_[i] == '/';
    if (end) ++i;
    if (i >= html_.size() || !std::isalpha(static_cast<unsigned char>(html_[i]))) {
      Text();  // "a < b": the '<' is text (and "</ x" is not markup at all)
      return i;
    }
    size_t name_end = i;
    while (name_end < html_.size() && !IsSpace(html_[name_end]) && html_[name_end] != '/' &&
           html_[name_end] != '>') {
      ++name_end;
    }
    std::string_view name = html_.substr(i, name_end - i);
    GumboTag tag = gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
    bool self_closing = false;
    size_t next = SkipAttributes(name_end, &self_closing);
    size_t select = InSelect();
    if (select != kNone && tag != GUMBO_TAG_TEMPLATE)
      return Selecting(select, tag, end, name, next);
    if (end) {
      Close(tag, name);
      return next;
    }
    return StartTag(tag, name, Attributes(name_end, next), self_closing, next);
  }

  // Reads a start tag ending at `next`; returns where scanning goes on.
  size_t StartTag(GumboTag tag, std::string_view name, std::string_view attributes,
                  bool self_closing, size_t next) {
    if (InForeign() && !EndsForeignContent(tag, attributes)) {
      // In <svg> and <math> a tag is an element, closed by its end tag or
      // "/>". (An HTML tag there ends the <svg>; the model keeps it open,
      // longer than gumbo, never shorter.)
      Push(tag, false, /*foreign=*/true);
      open_.back().name = name;
      if (self_closing) Pop(open_.size() - 1);
      return next;
    }
    if (tag == GUMBO_TAG_PLAINTEXT) {  // the rest is text
      Open(tag, {});
      if (next < html_.size()) Text();
      return html_.size();
    }
    if (IsRawText(tag)) {
      if (tag == GUMBO_TAG_XMP) {
        CloseP();
        Reopen();
      }
      return PastEndTag(name, next);
    }
    if (self_closing && (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH)) {
      Reopen();
      Push(tag, false);
      Pop(open_.size() - 1);
      return next;
    }
    if (IsVoid(tag)) {
      if (tag == GUMBO_TAG_HR) CloseP();
      if (!KeepsFormattingClosed(tag)) Reopen();
      return next;
    }
    bool ends_foreign = InForeign();
    Open(tag, attributes);
    // An HTML tag ended the <svg> (kept open by the model): what is inside
    // it is read as HTML.
    if (ends_foreign && !open_.empty() && open_.back().tag == tag) {
      open_.back().content = Content::kHtml;
    }
    return next;
  }

  // The index of the open <select> when tags are read as its content
  // (not inside <svg>, <math> or <template>), or kNone.
  size_t InSelect() const { return open_.empty() ? kNone : open_.back().select; }

  // A tag inside <select> at open_[select]: only options, groups and
  // scripts are read there, other tags are ignored (their content too is
  // read as markup); <select>, <input>, <textarea> (and a table's parts in
  // a table) end it.
  size_t Selecting(size_t select, GumboTag tag, bool end, std::string_view name, size_t next) {
    bool in_table = open_[select].tables > 0;
    bool ends = tag == GUMBO_TAG_SELECT || (in_table && IsTablePart(tag));
    if (!end)
      ends = ends || tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_KEYGEN || tag == GUMBO_TAG_TEXTAREA;
    if (ends) {
      Pop(select);
      if (tag == GUMBO_TAG_SELECT) return next;
      return Tag(static_cast<size_t>(name.data() - html_.data()) -
                 (end ? 1 : 0));  // again, outside
    }
    if (end) {
      if ((tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) && open_.back().tag == tag)
        Pop(open_.size() - 1);
      return next;
    }
    if (tag == GUMBO_TAG_SCRIPT) return PastEndTag(name, next);
    if (tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) Open(tag, {});
    return next;
  }

  // Past the first `what` at or after `i` (the end when there is none).
  size_t Past(std::string_view what, size_t i) const {
    size_t at = html_.find(what, i);
    return at == std::string_view::npos ? html_.size() : at + what.size();
  }

  // Past the end tag `</name` (any case) of a raw text element.
  size_t PastEndTag(std::string_view name, size_t i) const {
    for (; (i = html_.find("</", i)) != std::string_view::npos; i += 2) {
      std::string_view candidate = html_.substr(i + 2, name.size());
      if (candidate.size() == name.size() &&
          std::equal(name.begin(), name.end(), candidate.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
          })) {
        return Past(">", i);
      }
    }
    return html_.size();
  }

  // Past the attributes and the '>' of a tag; a value in quotes may hold '>'.
  size_t SkipAttributes(size_t i, bool* self_closing) const {
    while (i < html_.size()) {
      char c = html_[i];
      if (c == '>') return i + 1;
      if (c == '/') {
        *self_closing = i + 1 < html_.size() && html_[i + 1] == '>';
        ++i;
      } else if (c == '=') {
        for (++i; i < html_.size() && IsSpace(html_[i]);) ++i;
        if (i < html_.size() && (html_[i] == '"' || html_[i] == '\''))
          i = Past(std::string_view(&html_[i], 1), i + 1);
      } else {
        *self_closing = false;
        ++i;
      }
    }
    return i;
  }

  // The attributes of a tag between its name and `next`, without spaces
  // around them and the closing '>'.
  std::string_view Attributes(size_t name_end, size_t next) const {
    std::string_view a = html_.substr(name_end, next - name_end);
    if (!a.empty() && a.back() == '>') a.remove_suffix(1);
    while (!a.empty() && IsSpace(a.front())) a.remove_prefix(1);
    while (!a.empty() && IsSpace(a.back())) a.remove_suffix(1);
    return a;
  }

  void Open(GumboTag tag, std::string_view attributes) {
    if (ClosesP(tag)) CloseP();
    if (tag == GUMBO_TAG_LI) CloseItem({GUMBO_TAG_LI, GUMBO_TAG_LI});
    if (tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) CloseItem({GUMBO_TAG_DD, GUMBO_TAG_DT});
    if (IsHeading(tag) && !open_.empty() && IsHeading(open_.back().tag)) Pop(open_.size() - 1);
    if (tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) {
      if (!open_.empty() && open_.back().tag == GUMBO_TAG_OPTION) Pop(open_.size() - 1);
      if (tag == GUMBO_TAG_OPTGROUP && !open_.empty() && open_.back().tag == GUMBO_TAG_OPTGROUP &&
          Find([](GumboTag t) { return t == GUMBO_TAG_SELECT; }) != kNone) {
        Pop(open_.size() - 1);
      }
    }
    bool in_table = !open_.empty() && open_.back().tables > 0;
    if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      // A row or cell closes what is open in the table's current row (or
      // section when a row starts); outside a table the tag is ignored.
      size_t at = Find([tag](GumboTag t) {
        return t == GUMBO_TAG_TABLE || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD ||
               t == GUMBO_TAG_TFOOT || (tag != GUMBO_TAG_TR && t == GUMBO_TAG_TR);
      });
      if (!in_table) return;
      Pop(at + 1);
    }
    if (tag == GUMBO_TAG_A) {
      // A new <a> ends the one still active (a link does not nest).
      size_t entry = LastEntry(GUMBO_TAG_A);
      if (entry != kNone && CloseFormatting(entry) == Closing::kOutOfScope) {
        Unlist(entry);
      }
    }
    if (!KeepsFormattingClosed(tag)) Reopen();
    if (tag == GUMBO_TAG_NOBR) {
      size_t entry = LastEntry(GUMBO_TAG_NOBR);
      if (entry != kNone && IsOpen(formatting_[entry]) &&
          CloseFormatting(entry) != Closing::kOutOfScope) {
        Reopen();
      }
    }
    // A cell, caption (in a table) or object puts a marker after the
    // element.
    bool marker =
        IsMarkerOwner(tag) &&
        (in_table || (tag != GUMBO_TAG_CAPTION && tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH));
    Push(tag, marker);
    if (IsFormatting(tag)) List(tag, attributes);
    if (marker) formatting_.push_back({tag, {}, 0, kNone, true});
  }

  // Opens an element; `foreign` when it is <svg> or <math> content.
  void Push(GumboTag tag, bool marker, bool foreign = false) {
    Content content = open_.empty() ? Content::kHtml : open_.back().content;
    size_t tables = open_.empty() ? 0 : open_.back().tables;
    size_t select = open_.empty() ? kNone : open_.back().select;
    if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) {
      content = tag == GUMBO_TAG_SVG ? Content::kSvg : Content::kMath;
    } else if (ResumesHtml(tag, content)) {
      content = Content::kHtml;
    }
    if (tag == GUMBO_TAG_TABLE) ++tables;
    if (tag == GUMBO_TAG_SELECT && !foreign) select = open_.size();
    if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH || tag == GUMBO_TAG_TEMPLATE) select = kNone;
    open_.push_back({tag, ++last_id_, marker, content, tables, select, foreign, {}});
    deepest_ = std::max(deepest_, open_.size());
  }

  // An end tag closes its element and what is open inside it; one that
  // matches nothing open in scope is ignored.
  void Close(GumboTag tag, std::string_view name = {}) {
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HEAD) return;
    if (tag == GUMBO_TAG_BR) {  // read as <br>
      Reopen();
      return;
    }
    if (tag == GUMBO_TAG_P) {  // with no <p> open, read as <p></p>
      if (!CloseP()) {
        Push(GUMBO_TAG_P, false);
        Pop(open_.size() - 1);
      }
      return;
    }
    if (IsFormatting(tag)) {
      // The adoption agency: the current node not on the list is simply
      // closed; else the element on the list is.
      if (!open_.empty() && open_.back().tag == tag && !Listed(open_.back().id)) {
        Pop(open_.size() - 1);
        return;
      }
      size_t entry = LastEntry(tag);
      if (entry != kNone) {
        CloseFormatting(entry);
        return;
      }
    }
    // Most end tags of special elements close theirs when it is open in
    // scope (for </li>, in list scope); any other end tag (also </noscript>,
    // </svg>) only past elements that are not special.
    if (tag == GUMBO_TAG_TEMPLATE) {  // closes its element whatever is open inside
      size_t at = Find([](GumboTag t) { return t == GUMBO_TAG_TEMPLATE; });
      if (at != kNone) Pop(at);
      return;
    }
    if (tag == GUMBO_TAG_NOSCRIPT) {  // in <head>, <noscript> may be closed already
      if (!open_.empty() && open_.back().tag == tag) Pop(open_.size() - 1);
      return;
    }
    bool table_part = IsTablePart(tag);
    bool in_scope = IsSpecial(tag) && tag != GUMBO_TAG_FRAMESET && tag != GUMBO_TAG_SVG &&
                    tag != GUMBO_TAG_MATH;
    for (size_t i = open_.size(); i-- > 0;) {
      GumboTag t = open_[i].tag;
      // An HTML tag inside <svg> or <math> ended it.
      if ((tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) && (IsBreakout(t) || t == GUMBO_TAG_FONT))
        return;
      if (t == tag && !(open_[i].foreign && tag == GUMBO_TAG_UNKNOWN && !SameName(i, name))) {
        // A table's part outside a table was never opened.
        if (table_part && tag != GUMBO_TAG_TABLE && open_[i].tables == 0) {
          return;
        }
        // </form> takes the form element alone off the stack.
        if (tag == GUMBO_TAG_FORM && i + 1 < open_.size()) {
          open_[i].tag = kRemoved;
        } else {
          Pop(i);
        }
        return;
      }
      bool stops = table_part ? t == GUMBO_TAG_TABLE
                   : in_scope ? IsScopeBoundary(t) || (tag == GUMBO_TAG_LI &&
                                                       (t == GUMBO_TAG_OL || t == GUMBO_TAG_UL))
                              : IsSpecial(t);
      if (stops) return;
    }
  }

  enum class Closing { kClosed, kKept, kOutOfScope };

  // The adoption agency for the listed formatting element `entry`: taken
  // off the list when it is no longer open; closed with what is open inside
  // it when that holds no block. When a block is open inside it, the tree
  // builder moves elements into a clone of it, and the stack grows no
  // deeper: the model keeps them all (kKept). Out of scope (a cell or table
  // opened inside it), the end tag is ignored.
  Closing CloseFormatting(size_t entry) {
    if (!IsOpen(formatting_[entry])) {
      Unlist(entry);
      return Closing::kClosed;
    }
    size_t at = formatting_[entry].at;
    for (size_t i = at + 1; i < open_.size(); ++i) {
      if (IsScopeBoundary(open_[i].tag)) return Closing::kOutOfScope;
    }
    for (size_t i = at + 1; i < open_.size(); ++i) {
      if (IsSpecial(open_[i].tag)) return Closing::kKept;
    }
    Unlist(entry);
    Pop(at);
    return Closing::kClosed;
  }

  // Takes a formatting entry off the list; an element still open stays on
  // the stack, but no end tag closes it any more.
  void Unlist(size_t entry) {
    if (IsOpen(formatting_[entry])) open_[formatting_[entry].at].tag = kRemoved;
    formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(entry));
  }

  // Puts the element just opened on the list; of four alike (tag and
  // attributes) since the last marker, the earliest leaves the list
  // ("Noah's Ark"). Attributes written differently count as different.
  void List(GumboTag tag, std::string_view attributes) {
    size_t alike = 0, earliest = kNone;
    for (size_t i = formatting_.size(); i-- > 0 && !formatting_[i].marker;) {
      if (formatting_[i].tag == tag && formatting_[i].attributes == attributes) {
        ++alike;
        earliest = i;
      }
    }
    if (alike >= 3) formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(earliest));
    formatting_.push_back({tag, attributes, open_.back().id, open_.size() - 1, false});
  }

  // The last entry for `tag` after the last marker, or kNone.
  size_t LastEntry(GumboTag tag) const {
    for (size_t i = formatting_.size(); i-- > 0 && !formatting_[i].marker;) {
      if (formatting_[i].tag == tag) return i;
    }
    return kNone;
  }

  bool Listed(uint64_t id) const {
    return std::any_of(formatting_.rbegin(), formatting_.rend(),
                       [id](const Formatting& f) { return !f.marker && f.id == id; });
  }

  bool IsOpen(const Formatting& f) const {
    return !f.marker && f.at < open_.size() && open_[f.at].id == f.id;
  }

  // Reopens, in order, the entries after the last one still open (or the
  // last marker) ("reconstruct the active formatting elements").
  void Reopen() {
    size_t i = formatting_.size();
    while (i > 0 && !formatting_[i - 1].marker && !IsOpen(formatting_[i - 1])) --i;
    for (; i < formatting_.size() && !Over(); ++i) {
      Push(formatting_[i].tag, false);
      formatting_[i].id = open_.back().id;
      formatting_[i].at = open_.size() - 1;
      ++reopened_;
    }
  }

  // Whether tags are read as <svg> or <math> content: one of them is open,
  // and no element where HTML content resumes (<foreignObject>, <mi>…)
  // inside it. There "<x/>" closes itself, and no HTML rule applies.
  bool InForeign() const { return !open_.empty() && open_.back().content != Content::kHtml; }

  // Whether open_[i] was written with the name `name`, in any case.
  bool SameName(size_t i, std::string_view name) const {
    return std::equal(name.begin(), name.end(), open_[i].name.begin(), open_[i].name.end(),
                      [](char a, char b) {
                        return std::tolower(static_cast<unsigned char>(a)) ==
                               std::tolower(static_cast<unsigned char>(b));
                      });
  }

  // A <p> open in button scope is closed; false when there is none.
  bool CloseP() {
    for (size_t i = open_.size(); i-- > 0;) {
      if (open_[i].tag == GUMBO_TAG_P) {
        Pop(i);
        return true;
      }
      if (IsScopeBoundary(open_[i].tag)) return false;
    }
    return false;
  }

  // A list item (<li>; <dd> or <dt>) closes the open one, unless a special
  // element other than <address>, <div>, <p> stands between them.
  void CloseItem(std::pair<GumboTag, GumboTag> item) {
    for (size_t i = open_.size(); i-- > 0;) {
      GumboTag t = open_[i].tag;
      if (t == item.first || t == item.second) {
        Pop(i);
        return;
      }
      if (IsSpecial(t) && t != GUMBO_TAG_ADDRESS && t != GUMBO_TAG_DIV && t != GUMBO_TAG_P) return;
    }
  }

  // The index of the innermost open element matching `pred`, or kNone.
  template <typename Pred>
  size_t Find(Pred pred) const {
    for (size_t i = open_.size(); i-- > 0;) {
      if (pred(open_[i].tag)) return i;
    }
    return kNone;
  }

  // Closes open_[i] and everything inside it. Closing a cell, caption or
  // object clears the list of formatting elements back to its marker (once,
  // as the tree builder does, however many such elements close).
  void Pop(size_t i) {
    bool marker = false;
    for (size_t j = i; j < open_.size(); ++j) marker = marker || open_[j].marker;
    open_.resize(i);
    if (!marker) return;
    while (!formatting_.empty()) {
      bool was_marker = formatting_.back().marker;
      formatting_.pop_back();
      if (was_marker) break;
    }
  }

  std::string_view html_;
  size_t max_depth_;
  size_t max_reopened_;
  std::vector<Element> open_;
  std::vector<Formatting> formatting_;  // the list of active formatting elements
  uint64_t last_id_ = 0;
  size_t deepest_ = 0;
  size_t reopened_ = 0;
};

}  // namespace

HtmlNesting MeasureHtmlNesting(std::string_view html, int max_depth, size_t max_reopened) {
  return Scanner(html, max_depth, max_reopened).Measure();
}

}  // namespace vanban::ingest
