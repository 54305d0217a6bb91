// Source and licence: this list was written by the vanban developers for
// this project (common Vietnamese function words: conjunctions,
// prepositions, particles, determiners and auxiliaries). It is not taken
// from any published stopword list. It is part of vanban and under the same
// licence as the rest of the repository.
//
// Deliberately small: words that carry legal meaning ("không" in "không
// được", "phải", "theo" in citations) are kept out.
#include "text/stopwords.h"

#include <algorithm>
#include <array>

namespace vanban::text {
namespace {

// Sorted once at first use, then binary-searched.
constexpr std::array<std::string_view, 40> kStopwords = {
    "bị",   "các",  "cho",  "chứ",  "có",   "cùng", "của",  "cũng", "do",   "thì",
    "là",   "lại",  "mà",   "mỗi",  "một",  "này",  "nên",  "nếu",  "nhưng", "như",
    "những", "nào", "nơi",  "qua",  "rằng", "rồi",  "sẽ",   "tại",  "từ",   "và",
    "vào",  "với",  "về",   "vì",   "đang", "đã",   "đó",   "được", "để",   "ấy",
};

}  // namespace

bool IsStopword(std::string_view exact_term) {
  static const auto sorted = [] {
    std::array<std::string_view, kStopwords.size()> s = kStopwords;
    std::sort(s.begin(), s.end());
    return s;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), exact_term);
}

}  // namespace vanban::text
