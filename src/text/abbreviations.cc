#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <string>

#include "text/analyzer.h"
#include "text/letters.h"
#include "text/syllable.h"

namespace vanban::text {
namespace {

// Issue 2 item 7. Expansions use the canonical tone placement (ủy, not uỷ).
const std::vector<Abbreviation> kAbbreviations = {
    {"UBND", "ủy ban nhân dân"},
    // V12 (session 14): "UB MTTQ" in the plan's recipients, "UBTVQH11" in
    // the numbers of ordinances.
    {"UB", "ủy ban"},
    {"UBTVQH", "ủy ban thường vụ quốc hội"},
    {"HĐND", "hội đồng nhân dân"},
    {"MTTQ", "mặt trận tổ quốc"},
    {"TW", "trung ương"},
    {"TTg", "thủ tướng"},
    {"CP", "chính phủ"},
    {"QH", "quốc hội"},
    {"TU", "tỉnh ủy"},
    {"CCHC", "cải cách hành chính"},
    {"CBCCVC", "cán bộ công chức viên chức"},
    {"CT", "chỉ thị"},
    {"QĐ", "quyết định"},
    {"NQ", "nghị quyết"},
    {"KL", "kết luận"},
    {"KH", "kế hoạch"},
    {"QC", "quy chế"},
    {"NĐ", "nghị định"},
    {"TT", "thông tư"},
    // S5 (QA 21): the commonest of social insurance and the codes ("BHXH"
    // found 7 of the 143 documents on bảo hiểm xã hội; "BLHS" none), and
    // UBMTTQ (Q18, session 17).
    {"UBMTTQ", "ủy ban mặt trận tổ quốc"},
    {"BHXH", "bảo hiểm xã hội"},
    {"BHYT", "bảo hiểm y tế"},
    {"BHTN", "bảo hiểm thất nghiệp"},
    {"BLHS", "bộ luật hình sự"},
    {"BLDS", "bộ luật dân sự"},
    {"BLLĐ", "bộ luật lao động"},
    {"BLTTHS", "bộ luật tố tụng hình sự"},
    {"BLTTDS", "bộ luật tố tụng dân sự"},
};

}  // namespace

const std::vector<Abbreviation>& Abbreviations() { return kAbbreviations; }

// The folded key of each table entry ("hdnd"), same order as the table.
static const std::vector<std::string>& FoldedKeys() {
  static const std::vector<std::string>* const keys = [] {
    auto* k = new std::vector<std::string>();
    for (const Abbreviation& a : kAbbreviations) k->push_back(FoldText(a.abbrev));
    return k;
  }();
  return *keys;
}

const Abbreviation* FindAbbreviation(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) return nullptr;
  return internal::FindAbbreviationFolded(word, FoldText(word));
}

namespace internal {

const Abbreviation* FindAbbreviationFolded(std::string_view word, std::string_view folded) {
  // Cheap rejections first: this runs once per word of every document.
  // Keys are 2-6 letters, and abbreviations are written in ASCII and Đ.
  if (folded.size() < 2 || folded.size() > 6 || word.size() > 8) return nullptr;
  static const std::array<bool, 128 * 128> kEnds = [] {
    std::array<bool, 128 * 128> ends{};
    for (const Abbreviation& a : kAbbreviations) {
      std::string key = FoldText(a.abbrev);
      ends[key.front() * 128 + key.back()] = true;
    }
    return ends;
  }();
  unsigned char first = static_cast<unsigned char>(folded.front());
  unsigned char last = static_cast<unsigned char>(folded.back());
  if (first >= 128 || last >= 128 || !kEnds[first * 128 + last]) return nullptr;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) continue;
    if (i + 1 == word.size()) return nullptr;
    char next = word[i + 1];
    bool d = (c == 0xC4 && (next == '\x90' || next == '\x91')) ||  // Đ đ
             (c == 0xC3 && (next == '\x90' || next == '\xB0'));    // Ð ð
    if (!d) return nullptr;
    ++i;
  }
  for (const Abbreviation& a : kAbbreviations) {
    if (a.abbrev == word) return &a;
  }
  const std::vector<std::string>& keys = FoldedKeys();
  for (size_t k = 0; k < keys.size(); ++k) {
    if (keys[k] == folded) return IsSyllableShaped(word) ? nullptr : &kAbbreviations[k];
  }
  return nullptr;
}

}  // namespace internal

std::vector<std::string_view> ExpandAbbreviation(std::string_view token) {
  std::string folded = FoldText(token);
  const std::vector<std::string>& keys = FoldedKeys();
  std::vector<std::string_view> out;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (kAbbreviations[k].abbrev == token || keys[k] == folded) {
      out.push_back(kAbbreviations[k].expansion);
    }
  }
  return out;
}

namespace {

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    size_t end = std::min(text.find(' ', i), text.size());
    words.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

// Appends to *out every spelling of words[from, end), each prefixed by
// `head`: word `from` as it is, or a table expansion starting there as its
// abbreviation.
void AppendSpellings(const std::vector<std::string_view>& words, size_t from,
                     const std::string& head, std::vector<std::string>* out) {
  if (from == words.size()) {
    if (std::find(out->begin(), out->end(), head) == out->end()) out->push_back(head);
    return;
  }
  std::string sep = head.empty() ? "" : " ";
  AppendSpellings(words, from + 1, head + sep + std::string(words[from]), out);
  for (const Abbreviation& a : kAbbreviations) {
    std::vector<std::string_view> e = Words(a.expansion);
    if (from + e.size() > words.size() ||
        !std::equal(e.begin(), e.end(), words.begin() + static_cast<std::ptrdiff_t>(from))) {
      continue;
    }
    AppendSpellings(words, from + e.size(), head + sep + std::string(a.abbrev), out);
  }
}

}  // namespace

std::vector<std::string> Spellings(const Abbreviation& entry) {
  std::vector<std::string> out;
  AppendSpellings(Words(entry.expansion), 0, std::string(), &out);
  return out;
}

std::vector<std::string_view> AbbreviationsOf(std::string_view phrase) {
  // Same normalisation as the analyser: NFC, lowercase, canonical tone per
  // word, single spaces.
  std::string canonical;
  for (const Token& t : Analyzer().Analyze(phrase).tokens) {
    if (!canonical.empty()) canonical.push_back(' ');
    canonical += t.exact;
  }
  std::vector<std::string_view> out;
  for (const Abbreviation& a : kAbbreviations) {
    if (a.expansion == canonical) out.push_back(a.abbrev);
  }
  return out;
}

}  // namespace vanban::text
