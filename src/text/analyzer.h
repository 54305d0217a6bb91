// The Vietnamese text analyser: turns text (a document or a query) into
// search tokens. Both the index and the query path use it, so what a user
// types and what a document contains meet on the same terms.
// Analyzer is immutable after construction and safe to share across threads.
#ifndef VANBAN_TEXT_ANALYZER_H_
#define VANBAN_TEXT_ANALYZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

enum class TokenKind {
  kSyllable,      // a Vietnamese (or other alphabetic) syllable: "dân", "Uỷ"
  kIdentifier,    // a document number/symbol: "23-QĐ/TW", "33/CT-TTg", "10/2022/QH15",
                  // also standards "81:2014/BGTVT"
  kDate,          // "26/11/2021", "05/12/2023", "2026-05-13"
  kNumber,        // a bare number: "2023", "33" (also "12a"); "XIII" is a syllable
  kAbbreviation,  // a known administrative abbreviation: "UBND", "MTTQ" (abbreviations.h)
};

const char* TokenKindName(TokenKind kind);  // "syllable", "identifier", ...

struct Token {
  // Byte span in the NFC-normalised text the analyser worked on (see
  // AnalyzedText::text); not in the raw input when that was not NFC.
  size_t begin = 0;
  size_t end = 0;
  // Token position (0-based, consecutive), for phrase and pair matching.
  uint32_t position = 0;
  TokenKind kind = TokenKind::kSyllable;
  // The surface form as it stands in the normalised text.
  std::string surface;
  // Exact term: lowercase, canonical tone placement ("uỷ" -> "ủy").
  // Identifiers: the canonical official form ("23-QĐ/TW", "33/CT-TTg").
  // Dates: ISO "2021-11-26". Abbreviations: the table's spelling ("UBND",
  // "HĐND", "TTg", "TU"), so "TU" (tỉnh ủy) never collides with the
  // syllable "tu"; expand with ExpandAbbreviation(exact).
  std::string exact;
  // Accent-folded key: no tone or vowel marks, "đ" -> "d", i/y variants
  // merged ("kỳ" and "kì" -> "ki"). Identifiers: ASCII lowercase form
  // ("23-qd/tw"). Abbreviations: "ubnd", "hdnd". Dates: as exact.
  // Numbers: without leading zeros ("05" -> "5", "012a" -> "12a").
  std::string folded;
  // True for words in the stopword list (used for ranking, not phrases).
  bool stopword = false;
};

// True when `t` is written with diacritics (a tone or vowel mark, or "đ"):
// its surface is not ASCII. Not `exact != folded`: the folded key merges i
// and y (an unmarked "ky" folds to "ki"), and an abbreviation's exact form
// is the table's spelling ("hdnd" typed is "HĐND").
bool HasMarks(const Token& t);

struct AnalyzedText {
  std::string text;  // NFC, invalid UTF-8 replaced by U+FFFD
  std::vector<Token> tokens;
  std::vector<std::string> warnings;  // e.g. "invalid UTF-8 at byte 17 replaced"
};

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Normalises `input` (see Normalize) and splits it into tokens.
  // Never fails: bad bytes become U+FFFD with a warning.
  AnalyzedText Analyze(std::string_view input) const;

 private:
  struct Internal;
  std::unique_ptr<Internal> internal_;
};

// Returns `input` as NFC with invalid UTF-8 sequences replaced by U+FFFD
// (one warning appended to *warnings per run of bad bytes, if non-null).
// Combining tone marks after a precomposed letter ("tổ hợp" / NFD text)
// are composed. Invisible format characters that split words when pasted
// (U+00AD soft hyphen, U+200B–U+200D zero-width space/non-joiner/joiner,
// U+2060 word joiner, U+FEFF) are removed; full-width ASCII ("３３／CT",
// U+FF01–U+FF5E) and the ideographic space become ASCII. Tone placement
// and case are kept.
std::string Normalize(std::string_view input, std::vector<std::string>* warnings = nullptr);

// The longest prefix of UTF-8 `text` of at most `max_bytes` bytes that
// does not cut a character.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes);

// The number of code points in UTF-8 `text` (bytes that are not
// continuation bytes).
size_t CodePoints(std::string_view text);

// Vietnamese-aware lowercase of NFC text ("Đ" -> "đ", "Ủ" -> "ủ"; the
// look-alikes "Ð"/"ð" (U+00D0/U+00F0) of converted documents -> "đ").
std::string Lower(std::string_view nfc);

// Canonical tone placement for one NFC syllable (case is kept): the
// placement used by most current official texts, "hòa", "hóa", "khỏe",
// "thủy", "ủy", "tùy" (in an open oa/oe/uy syllable the tone sits on the
// first vowel); "hoàn", "thuyền", "quý" are unchanged. Anything that is not
// a Vietnamese syllable is returned unchanged. The exact rule is documented
// in tone.cc and README.
std::string CanonicalTone(std::string_view syllable);

// Accent-folded key of one NFC syllable (any case): "đảng" -> "dang",
// "kỳ"/"kì" -> "ki", "quý" -> "quy", "tây" -> "tay". The i/y rule: a final
// "y" right after a plain initial consonant cluster becomes "i".
std::string FoldSyllable(std::string_view syllable);

// True when `word` (any case, with or without marks) is shaped like a
// Vietnamese syllable: consonants, one run of vowels, then nothing or a
// final consonant ("tu", "Tứ", "nghiêng"; not "ubnd", "tw", "ttg").
bool IsSyllableShaped(std::string_view word);

// Folds any text: Normalize, Lower, remove all marks, đ -> d. Used for
// accent-insensitive comparisons of names (not per-syllable i/y merging).
std::string FoldText(std::string_view input);

// Canonical form of a document number/symbol if all of `raw` (trimmed) is
// one ("23- QĐ/TW" -> "23-QĐ/TW", "33/ct-ttg" -> "33/CT-TTg",
// "11 /2018/TT-BGTVT" -> "11/2018/TT-BGTVT"), else empty (also for dates).
std::string CanonicalIdentifier(std::string_view raw);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_ANALYZER_H_
