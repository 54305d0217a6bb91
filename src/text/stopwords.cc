// Source and licence: this list was written by the vanban developers for
// this project (common Vietnamese function words: conjunctions,
// prepositions, particles, determiners and auxiliaries). It is not taken
// from any published stopword list. It is part of vanban and under the same
// licence as the rest of the repository.
//
// Deliberately small: words that carry legal meaning ("không" in "không
// được", "phải", "theo" in citations) are kept out, and so are syllables
// that are often half of a content word ("do" in "tự do", "nơi").
#include "text/stopwords.h"

#include <algorithm>
#include <array>

namespace vanban::text {
namespace {

// Sorted once at first use, then binary-searched.
constexpr std::array<std::string_view, 40> kStopwords = {
    "bị",    "các", "cho",  "chứ", "có",   "cùng", "của", "cũng", "tuy",   "thì",
    "là",    "lại", "mà",   "mỗi", "một",  "này",  "nên", "nếu",  "nhưng", "như",
    "những", "nào", "hoặc", "qua", "rằng", "rồi",  "sẽ",  "tại",  "từ",    "và",
    "vào",   "với", "về",   "vì",  "đang", "đã",   "đó",  "được", "để",    "ấy",
};

constexpr size_t kMaxBytes = 8;  // "những", "được"

// A cheap signature of a term, so that most words are rejected without a
// string comparison (IsStopword runs once per token of every document).
constexpr size_t Signature(std::string_view w) {
  return (w.size() * 67 + static_cast<unsigned char>(w.front()) * 31 +
          static_cast<unsigned char>(w.back())) &
         1023;
}

struct StopwordSet {
  std::array<std::string_view, kStopwords.size()> sorted = kStopwords;
  std::array<bool, 1024> maybe{};
  StopwordSet() {
    std::sort(sorted.begin(), sorted.end());
    for (std::string_view w : sorted) maybe[Signature(w)] = w.size() <= kMaxBytes;
  }
};

}  // namespace

bool IsStopword(std::string_view exact_term) {
  static const StopwordSet set;
  if (exact_term.empty() || exact_term.size() > kMaxBytes || !set.maybe[Signature(exact_term)]) {
    return false;
  }
  return std::binary_search(set.sorted.begin(), set.sorted.end(), exact_term);
}

}  // namespace vanban::text
