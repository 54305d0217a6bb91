// HtmlNestingDepth: a small model of the HTML tree builder's stack of open
// elements (the HTML standard, "tree construction"), on gumbo's tag enum.
// Where the model is unsure it keeps an element open: a page is then
// judged deeper than gumbo would build it, never shallower.
#include "ingest/html_nesting.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
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
// button scope: also <button>).
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

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Scanner {
 public:
  explicit Scanner(std::string_view html) : html_(html) {}

  int Depth(int limit) {
    size_t limit_size = static_cast<size_t>(std::max(limit, 0));
    for (size_t i = 0; (i = html_.find('<', i)) != std::string_view::npos;) {
      i = Tag(i + 1);
      deepest_ = std::max(deepest_, open_.size());
      if (deepest_ > limit_size) return limit + 1;
    }
    return static_cast<int>(deepest_);
  }

 private:
  // Reads the markup after a '<' at `i`; returns where scanning goes on.
  size_t Tag(size_t i) {
    if (html_.substr(i, 3) == "!--") return Past("-->", i + 3);
    if (i < html_.size() && (html_[i] == '!' || html_[i] == '?')) return Past(">", i);
    bool end = i < html_.size() && html_[i] == '/';
    if (end) ++i;
    if (i >= html_.size() || !std::isalpha(static_cast<unsigned char>(html_[i]))) return i;
    size_t name_end = i;
    while (name_end < html_.size() && !IsSpace(html_[name_end]) && html_[name_end] != '/' &&
           html_[name_end] != '>') {
      ++name_end;
    }
    std::string_view name = html_.substr(i, name_end - i);
    GumboTag tag = gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
    bool self_closing = false;
    size_t next = SkipAttributes(name_end, &self_closing);
    if (end) {
      Close(tag);
      return next;
    }
    if (tag == GUMBO_TAG_PLAINTEXT) return html_.size();  // the rest is text
    if (IsRawText(tag)) return PastEndTag(name, next);
    if (IsVoid(tag) || (self_closing && foreign_ > 0)) return next;
    Open(tag);
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

  void Open(GumboTag tag) {
    if (ClosesP(tag)) CloseP();
    if (tag == GUMBO_TAG_LI) CloseItem({GUMBO_TAG_LI, GUMBO_TAG_LI});
    if (tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) CloseItem({GUMBO_TAG_DD, GUMBO_TAG_DT});
    if (IsHeading(tag) && !open_.empty() && IsHeading(open_.back())) Pop(open_.size() - 1);
    if (tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) {
      if (!open_.empty() && open_.back() == GUMBO_TAG_OPTION) Pop(open_.size() - 1);
      if (tag == GUMBO_TAG_OPTGROUP && !open_.empty() && open_.back() == GUMBO_TAG_OPTGROUP)
        Pop(open_.size() - 1);
    }
    if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      // A row or cell closes what is open in the table's current row (or
      // the table's current row when a row starts); outside a table the tag
      // is ignored.
      size_t at = Find([tag](GumboTag t) {
        return t == GUMBO_TAG_TABLE || (tag != GUMBO_TAG_TR && t == GUMBO_TAG_TR);
      });
      if (at == kNone) return;
      Pop(at + 1);
    }
    if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) ++foreign_;
    open_.push_back(tag);
  }

  // An end tag closes its element and what is open inside it; one that
  // matches nothing open in scope is ignored.
  void Close(GumboTag tag) {
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HEAD) return;
    bool table_part = IsTablePart(tag);
    bool special = IsSpecial(tag);
    for (size_t i = open_.size(); i-- > 0;) {
      GumboTag t = open_[i];
      if (t == tag) {
        Pop(i);
        return;
      }
      if (table_part ? t == GUMBO_TAG_TABLE : special ? IsScopeBoundary(t) : IsSpecial(t)) return;
    }
  }

  // A <p> open in button scope is closed.
  void CloseP() {
    for (size_t i = open_.size(); i-- > 0;) {
      if (open_[i] == GUMBO_TAG_P) {
        Pop(i);
        return;
      }
      if (IsScopeBoundary(open_[i])) return;
    }
  }

  // A list item (<li>; <dd> or <dt>) closes the open one, unless a special
  // element other than <address>, <div>, <p> stands between them.
  void CloseItem(std::pair<GumboTag, GumboTag> item) {
    for (size_t i = open_.size(); i-- > 0;) {
      GumboTag t = open_[i];
      if (t == item.first || t == item.second) {
        Pop(i);
        return;
      }
      if (IsSpecial(t) && t != GUMBO_TAG_ADDRESS && t != GUMBO_TAG_DIV && t != GUMBO_TAG_P) return;
    }
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);

  // The index of the innermost open element matching `pred`, or kNone.
  template <typename Pred>
  size_t Find(Pred pred) const {
    for (size_t i = open_.size(); i-- > 0;) {
      if (pred(open_[i])) return i;
    }
    return kNone;
  }

  // Closes open_[i] and everything inside it.
  void Pop(size_t i) {
    for (size_t j = i; j < open_.size(); ++j) {
      if (open_[j] == GUMBO_TAG_SVG || open_[j] == GUMBO_TAG_MATH) --foreign_;
    }
    open_.resize(i);
  }

  std::string_view html_;
  std::vector<GumboTag> open_;
  size_t deepest_ = 0;
  int foreign_ = 0;  // open <svg> and <math>: there "<x/>" closes itself
};

}  // namespace

int HtmlNestingDepth(std::string_view html, int limit) { return Scanner(html).Depth(limit); }

}  // namespace vanban::ingest
