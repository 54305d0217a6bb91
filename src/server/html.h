// Small HTML and URL helpers for the web UI: escaping, URL encoding,
// Vietnamese date display and safe UTF-8 truncation.
// Pure functions; thread-safe.
#ifndef VANBAN_SERVER_HTML_H_
#define VANBAN_SERVER_HTML_H_

#include <string>
#include <string_view>

#include "legal/document.h"
#include "text/analyzer.h"

namespace vanban::server {

// Escapes & < > " ' for use in HTML text and attribute values.
std::string HtmlEscape(std::string_view text);
void AppendHtmlEscaped(std::string_view text, std::string* out);

// Text from a request (a query parameter, a path) as the pages and the API
// use it: valid UTF-8 (ill-formed bytes become U+FFFD) in NFC, and no
// control characters (each becomes a space, as the analyser reads it), so
// that a page never carries bytes its charset forbids.
std::string CleanInput(std::string_view text);

// A C0 control byte or DEL: never shown, never logged raw.
inline bool IsControlByte(unsigned char c) { return c < 0x20 || c == 0x7F; }

// Percent-encodes a query-string component (UTF-8 bytes; space as %20).
std::string UrlEncode(std::string_view text);

using legal::DisplayDate;  // "2021-11-26" -> "26/11/2021"

using text::Utf8Prefix;

// A short ASCII class name for a document type, used to colour it:
// "Luật" -> "t-luat", "Chỉ thị" -> "t-chi-thi", unknown -> "t-khac".
std::string TypeClass(std::string_view type);

// The colour of a document type in the citation graph (CSS colour): node
// borders, the legend.
const char* TypeColor(std::string_view type);
// A darker shade of TypeColor for areas under white text (the graph's centre
// box; the same as the type's badge in style.css): contrast >= 4.5:1.
const char* TypeInkColor(std::string_view type);

// "Chỉ thị 33/CT-TTg", "Luật Khiếu nại" (legal/document.h).
using legal::ShortName;

}  // namespace vanban::server

#endif  // VANBAN_SERVER_HTML_H_
