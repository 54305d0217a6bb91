// Internal to vanban_legal: the citation scanner behind ExtractCitations.
// A hand-written scanner over word tokens (no regular expressions): every
// attempt looks ahead a bounded number of tokens, so the whole scan is
// linear in the text size. Thread-safe (no shared state).
#ifndef VANBAN_LEGAL_CITATION_EXTRACTOR_H_
#define VANBAN_LEGAL_CITATION_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "legal/citation.h"

namespace vanban::legal::internal {

struct ExtractedCitation {
  Citation citation;
  // "khoản 2 Điều này", "khoản 3" (no article named): the article is the
  // one around the citation, which only the structure knows.
  bool this_article = false;
  // "khoản này", "điểm a và điểm b khoản này": the clause (and its article)
  // is the one around the citation.
  bool this_clause = false;
  // A chapter, section or subsection cited without an article ("Chương V
  // của Luật này", "Tiểu mục 2 của Mục này"): the numbers as written, or
  // "này" for the one around the citation; the parser makes the anchor.
  std::string chapter, section, subsection;
};

// Finds every citation in `text` (NFC), in order. Half-written citations
// ("Chỉ thị số /CT-TTg") and invalid numbers after "số" are not citations;
// each adds a Vietnamese warning to *warnings (if non-null).
std::vector<ExtractedCitation> ScanCitations(std::string_view text,
                                             std::vector<std::string>* warnings);

}  // namespace vanban::legal::internal

#endif  // VANBAN_LEGAL_CITATION_EXTRACTOR_H_
