// Internal to vanban_text: recognises document numbers/symbols and dates
// at a digit in NFC text, without regular expressions. Thread-safe.
#ifndef VANBAN_TEXT_IDENTIFIER_H_
#define VANBAN_TEXT_IDENTIFIER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "text/analyzer.h"

namespace vanban::text::internal {

struct NumberMatch {
  size_t end = 0;  // byte just past the match
  TokenKind kind = TokenKind::kNumber;
  std::string exact;   // "23-QĐ/TW", "2021-11-26"
  std::string folded;  // "23-qd/tw", "2021-11-26"
};

// Matches a date ("26/11/2021", "5-9-2016", "2026-05-13") or a document
// identifier ("23- QĐ/TW", "10/2022/QH15", "33/CT-TTg") that starts at
// text[pos], which must be an ASCII digit. With `strict_case`, a symbol
// code written in lowercase is accepted only where the form leaves no doubt
// (a year or a hyphenated code, and no stray spaces). Returns false if
// neither matches.
bool MatchDateOrIdentifier(std::string_view text, size_t pos, bool strict_case, NumberMatch* m);

}  // namespace vanban::text::internal

#endif  // VANBAN_TEXT_IDENTIFIER_H_
