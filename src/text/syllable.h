// Internal to vanban_text: per-syllable work shared by CanonicalTone,
// FoldSyllable and the Analyzer (which calls it once per word, so it works
// on a small stack buffer and never touches ICU objects). Thread-safe.
#ifndef VANBAN_TEXT_SYLLABLE_H_
#define VANBAN_TEXT_SYLLABLE_H_

#include <string>
#include <string_view>

namespace vanban::text::internal {

// Where the parts of a syllable lie in its code points.
struct SyllableShape {
  int onset_end = 0;      // consonants [0, onset_end)
  int nucleus_begin = 0;  // after a "qu"/"gi" onset glide
  int vowels_end = 0;     // vowel letters [onset_end, vowels_end); final after
};

// True when cps[0, n) is shaped like a Vietnamese syllable: consonants, one
// run of vowel letters, then nothing or one of c ch m n ng nh p t (any case).
bool ParseShape(const char32_t* cps, int n, SyllableShape* shape);

// Moves the tone mark of cps[0, n) to its canonical vowel (see tone.cc);
// case is kept. Returns false (and changes nothing) when the word is not a
// Vietnamese syllable, has no tone mark, or has more than one.
bool PlaceToneCanonically(char32_t* cps, int n);

// Applies the i/y rule to an accent-folded ASCII syllable: a final "y"
// directly after a plain onset consonant cluster becomes "i" ("ky" -> "ki",
// "ly" -> "li"); "quy", "uy", "ay", "y" are kept, and "qui" becomes "quy"
// (quí/quý, qui định/quy định).
void MergeFinalY(std::string* folded);

// Code points; a longer word is not a syllable (no tone placement).
inline constexpr int kMaxSyllable = 48;

// Computes the exact term (lowercase, canonical tone) and the folded key of
// one word of NFC text made of letters, marks and digits.
void WordTerms(std::string_view word, std::string* exact, std::string* folded);

// WordTerms for a caller that has already decoded the word: cps holds its
// first min(n, kMaxSyllable) code points (modified in place), n is the
// full count, ascii tells whether every byte was ASCII.
void DecodedWordTerms(std::string_view word, char32_t* cps, int n, bool ascii, std::string* exact,
                      std::string* folded);

}  // namespace vanban::text::internal

#endif  // VANBAN_TEXT_SYLLABLE_H_
