// A small Vietnamese stopword list, for ranking only (never for phrase
// matching: "Luật Tố cáo" must still match as a phrase). Thread-safe.
// Source and licence: the 40 words (stopwords.cc) were chosen by the vanban
// developers for this project, not taken from a published list; they are
// part of vanban, under the repository's licence.
#ifndef VANBAN_TEXT_STOPWORDS_H_
#define VANBAN_TEXT_STOPWORDS_H_

#include <string_view>

namespace vanban::text {

// True if `exact_term` (an exact term: lowercase NFC, canonical tone, as in
// Token::exact) is a stopword.
bool IsStopword(std::string_view exact_term);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_STOPWORDS_H_
