#include "search/suggest.h"

#include <vector>

#include "index/builder.h"

namespace vanban::search {
namespace {

// The most weighed entry of `counts` (the first of equals), or null.
template <typename Key>
const Key* Best(const std::map<Key, int>& counts, int* weight) {
  const Key* best = nullptr;
  *weight = 0;
  for (const auto& [key, n] : counts) {
    if (n > *weight) {
      *weight = n;
      best = &key;
    }
  }
  return best;
}

}  // namespace

SuggestMarks MergeMarks(std::vector<SuggestMarks> hits) {
  SuggestMarks out;
  for (auto& hit : hits) {
    for (auto& [fold, forms] : hit.words) {
      if (!forms.empty()) out.words.try_emplace(fold, std::move(forms));
    }
    for (auto& [pair, forms] : hit.pairs) {
      if (!forms.empty()) out.pairs.try_emplace(pair, std::move(forms));
    }
  }
  return out;
}

std::string SuggestAccents(const text::Analyzer& analyzer, const std::string& free_text,
                           const SuggestMarks& marks) {
  text::AnalyzedText at = analyzer.Analyze(free_text);
  const auto& ts = at.tokens;
  for (const auto& t : ts) {
    if (text::HasMarks(t)) return {};  // typed with diacritics
  }
  // The form of ts[i] seen next to the word typed on its `left` or right,
  // with the number of times; null when not seen so.
  auto beside = [&](size_t i, bool left, int* n) -> const std::string* {
    *n = 0;
    size_t a = left ? i - 1 : i, b = a + 1;
    if ((left && i == 0) || b >= ts.size() || !index::AdjacentTokens(at.text, ts[a], ts[b])) {
      return nullptr;
    }
    auto it = marks.pairs.find({ts[a].folded, ts[b].folded});
    if (it == marks.pairs.end()) return nullptr;
    const auto* forms = Best(it->second, n);
    if (forms == nullptr) return nullptr;
    return left ? &forms->second : &forms->first;
  };
  std::string out;
  size_t cursor = 0;
  bool changed = false;
  for (size_t i = 0; i < ts.size(); ++i) {
    const auto& t = ts[i];
    std::string chosen = t.exact;
    if (t.kind == text::TokenKind::kSyllable) {
      int n_left = 0, n_right = 0, weight = 0;
      const std::string* left = beside(i, true, &n_left);
      const std::string* right = beside(i, false, &n_right);
      const std::string* form = nullptr;
      if (left != nullptr || right != nullptr) {
        form = n_left >= n_right ? left : right;
      } else if (auto it = marks.words.find(t.folded); it != marks.words.end()) {
        form = Best(it->second, &weight);
      }
      // A word no hit shows: its form is unknown, and a half-accented
      // suggestion ("quyen cua nguoi tố cáo") is worse than none.
      if (form == nullptr) return {};
      chosen = *form;
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
