#include "search/suggest.h"

#include <vector>

namespace vanban::search {

std::string SuggestAccents(const text::Analyzer& analyzer, const std::string& free_text,
                           const MarkCounts& marks) {
  text::AnalyzedText at = analyzer.Analyze(free_text);
  const auto& ts = at.tokens;
  std::string out;
  size_t cursor = 0;
  bool changed = false;
  for (const auto& t : ts) {
    if (text::HasMarks(t)) return {};  // typed with diacritics
    std::string chosen = t.exact;
    auto it = marks.find(t.folded);
    if (t.kind == text::TokenKind::kSyllable && it != marks.end()) {
      int best = 0;
      for (const auto& [form, weight] : it->second) {
        if (weight > best) {
          best = weight;
          chosen = form;
        }
      }
    }
    out += at.text.substr(cursor, t.begin - cursor);
    bool same = chosen == t.exact;
    out += same ? at.text.substr(t.begin, t.end - t.begin) : chosen;
    changed |= !same;
    cursor = t.end;
  }
  out += at.text.substr(cursor);
  return changed ? out : std::string();
}

}  // namespace vanban::search
