// Scores how much a decoded text looks like Vietnamese: counts words that
// are well-formed Vietnamese syllables carrying diacritics, words with marks
// that no Vietnamese syllable has, and stray symbols typical of mojibake.
// Used to pick the encoding of a plain-text file. Thread-safe.
#ifndef VANBAN_INGEST_VIETNAMESE_SCORE_H_
#define VANBAN_INGEST_VIETNAMESE_SCORE_H_

#include <string_view>

namespace vanban::ingest {

struct VietnameseScore {
  int words = 0;       // all words (runs of letters)
  int vietnamese = 0;  // words with diacritics that are valid syllables
  int invalid = 0;     // words with non-ASCII letters or marks, not valid
  int odd_chars = 0;   // controls, U+FFFD, Latin-1 symbols seen in mojibake
  // Higher is more Vietnamese-like.
  double Value() const { return vietnamese - 2.0 * invalid - 1.0 * odd_chars; }
};

// Scores UTF-8 `text` (any normalisation form).
VietnameseScore ScoreVietnamese(std::string_view text);

// True when `syllable` (one word, lowercase or not, any normalisation form)
// is a well-formed Vietnamese syllable: onset, vowel nucleus, coda, at most
// one tone, and only acute or dot-below tones on a c/ch/p/t coda.
bool IsVietnameseSyllable(std::string_view syllable);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_VIETNAMESE_SCORE_H_
