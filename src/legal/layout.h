// Internal to vanban_legal: line classification and paragraph reflow.
// Text extracted from PDFs has hard line breaks inside sentences and blank
// lines mid-paragraph; Reflow joins such lines so that a sentence is one
// paragraph, and never merges a heading or a list item into its neighbour.
// Pure functions; thread-safe.
#ifndef VANBAN_LEGAL_LAYOUT_H_
#define VANBAN_LEGAL_LAYOUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::legal::internal {

enum class LineKind {
  kText,
  kPart,          // "Phần thứ nhất", "Phần I"
  kChapter,       // "Chương II"
  kLegalSection,  // "Mục 1"
  kSubsection,    // "Tiểu mục 2"
  kArticle,       // "Điều 5. ...", "Điều 44.13.LQ.5. ..."
  kSourceLine,    // "(Điều 5 Luật số 10/2022/QH15, có hiệu lực ...)"
  kRoman,         // "II. NHIỆM VỤ TRỌNG TÂM"
  kNumbered,      // "1. ..." (a clause, or an item of a plan section)
  kPoint,         // "a) ..."
  kDash,          // "- ...", "+ ..."
  kCaps,          // a line in capitals: "KẾ HOẠCH", "CHỦ TỊCH"
  kRecipients,    // "Nơi nhận:"
};

// Classifies one trimmed line by how it starts.
LineKind ClassifyLine(std::string_view line);

struct LaidOutParagraph {
  size_t begin = 0;  // byte span in Layout::text
  size_t end = 0;
  LineKind kind = LineKind::kText;
  size_t lines = 1;  // source lines joined into it
};

struct Layout {
  std::string text;  // paragraphs joined by '\n', spaces collapsed; tabs and
                     // no-break spaces are plain spaces
  std::vector<LaidOutParagraph> paragraphs;
  bool wrapped = false;  // the input looked hard-wrapped and was reflowed
};

// Splits NFC text into paragraphs. Hard-wrapped input (many lines that go
// on with a lowercase word on the next line) is reflowed; otherwise every
// non-blank line is a paragraph. Linear in the input size.
Layout Reflow(std::string_view nfc);

}  // namespace vanban::legal::internal

#endif  // VANBAN_LEGAL_LAYOUT_H_
