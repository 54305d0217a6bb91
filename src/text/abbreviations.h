// Administrative abbreviations known both ways (UBND <-> ủy ban nhân dân):
// the one table of them, from issue 2 item 7. Read-only; thread-safe.
#ifndef VANBAN_TEXT_ABBREVIATIONS_H_
#define VANBAN_TEXT_ABBREVIATIONS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

struct Abbreviation {
  std::string_view abbrev;     // canonical spelling: "UBND", "HĐND", "TTg"
  std::string_view expansion;  // lowercase NFC, canonical tone: "ủy ban nhân dân"
};

// Every known abbreviation, in a fixed order.
const std::vector<Abbreviation>& Abbreviations();

// Expansions of `token` written in any case or folded form ("ubnd",
// "UBND", "hdnd" -> {"ủy ban nhân dân"} / {"hội đồng nhân dân"}); empty if
// unknown.
std::vector<std::string_view> ExpandAbbreviation(std::string_view token);

// Abbreviations of a canonical lowercase phrase ("ủy ban nhân dân" ->
// {"UBND"}). The phrase is normalised (NFC, lowercase, canonical tone)
// first, so "Uỷ ban nhân dân" works too; empty if none.
std::vector<std::string_view> AbbreviationsOf(std::string_view phrase);

// The ways texts write an entry's expansion: the expansion itself, then
// with runs of its words that are table expansions (the whole included)
// written as their abbreviations, all combinations, each once. For
// "ủy ban mặt trận tổ quốc": that, "ủy ban MTTQ", "UB mặt trận tổ quốc",
// "UB MTTQ", "UBMTTQ" (L6, QA 22: a text writing one of them was missed
// by the others).
std::vector<std::string> Spellings(const Abbreviation& entry);

// The canonical abbreviation for a word seen in text, or null. A word
// matches when written exactly as in the table, or in another case or
// without "Đ" when it cannot be an ordinary syllable ("ubnd", "qd" match;
// "tu", "Tu" stay the syllable "tu", only "TU" is tỉnh ủy).
const Abbreviation* FindAbbreviation(std::string_view word);

namespace internal {
// FindAbbreviation for the analyser, which already has the folded form.
const Abbreviation* FindAbbreviationFolded(std::string_view word, std::string_view folded);
}  // namespace internal

}  // namespace vanban::text

#endif  // VANBAN_TEXT_ABBREVIATIONS_H_
