#include "server/html.h"

#include <array>
#include <utility>

#include "text/analyzer.h"

namespace vanban::server {

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  out->reserve(out->size() + text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      default:
        out->push_back(c);
    }
  }
}

std::string CleanInput(std::string_view text) {
  std::string out = text::Normalize(text);
  size_t kept = 0;
  // Each control character is a space, as the analyser reads it in the
  // CLI's query (Q10, session 17: "dân\x01vận" found 37 documents on the
  // command line and none through the API, which glued the words).
  for (char ch : out) {
    out[kept++] = IsControlByte(static_cast<unsigned char>(ch)) ? ' ' : ch;
  }
  out.resize(kept);
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  AppendHtmlEscaped(text, &out);
  return out;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

namespace {

struct TypeStyle {
  std::string_view type;
  const char* css_class;
  const char* color;
  const char* ink;  // the badge colour in style.css; white text on it >= 4.5:1
};

// Colours chosen to be told apart in print and by colour-blind readers
// (Okabe-Ito palette), with the label always written beside the colour.
// Under white text (badges, the graph's centre box) each type has a darker
// shade of the same hue: white on Okabe-Ito orange is 2.25:1, WCAG AA asks
// 4.5:1 for 12-14 px text.
constexpr std::array<TypeStyle, 14> kTypeStyles = {{
    {"Luật", "t-luat", "#0072B2", "#0072B2"},
    {"Bộ luật", "t-luat", "#0072B2", "#0072B2"},
    {"Nghị định", "t-nghi-dinh", "#56B4E9", "#2B7AA8"},
    {"Nghị quyết", "t-nghi-quyet", "#009E73", "#007A59"},
    {"Quyết định", "t-quyet-dinh", "#E69F00", "#9A6600"},
    {"Chỉ thị", "t-chi-thi", "#D55E00", "#C24E00"},
    {"Kế hoạch", "t-ke-hoach", "#CC79A7", "#A3497F"},
    {"Kết luận", "t-ket-luan", "#8C6D1F", "#7A5C14"},
    {"Thông tư", "t-thong-tu", "#3B6E8F", "#3B6E8F"},
    {"Hướng dẫn", "t-huong-dan", "#6A5ACD", "#6A5ACD"},
    {"Công văn", "t-cong-van", "#7A7A7A", "#666666"},
    {"Quy định", "t-quy-dinh", "#5B7F2A", "#5B7F2A"},
    {"Quy chế", "t-quy-che", "#2A7F7A", "#2A7F7A"},
    {"Thông báo", "t-thong-bao", "#8F3B6E", "#8F3B6E"},
}};

const TypeStyle* FindStyle(std::string_view type) {
  for (const auto& style : kTypeStyles) {
    if (style.type == type) return &style;
  }
  return nullptr;
}

}  // namespace

std::string TypeClass(std::string_view type) {
  const TypeStyle* style = FindStyle(type);
  return style ? style->css_class : "t-khac";
}

const char* TypeColor(std::string_view type) {
  const TypeStyle* style = FindStyle(type);
  return style ? style->color : "#999999";
}

const char* TypeInkColor(std::string_view type) {
  const TypeStyle* style = FindStyle(type);
  return style ? style->ink : "#6E6E6E";
}

}  // namespace vanban::server
