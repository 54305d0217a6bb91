// Internal to vanban_search: query words typed in ASCII by the conventions
// of Vietnamese input, read back as the syllables they spell: VIQR ("to^'
// ca'o" = "tố cáo", RFC 1456, read by ingest::ViqrToUtf8 as in files),
// Telex ("luaatj" = "luật") and VNI ("lua6t5" = "luật"). L5 (QA 22): the
// marks split a VIQR syllable into pieces that were searched and accented
// one by one ("tổ^' cá'ở"). Reads only the database it is given; not
// thread-safe with a TermFreqs.
#ifndef VANBAN_SEARCH_TYPING_H_
#define VANBAN_SEARCH_TYPING_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace vanban::search {

class TermFreqs;  // query.h

enum class Typing {
  // VIQR marks (see TypedWords), "dd" for "đ": unambiguous in a query.
  kViqr,
  // Telex letters (aa aw ee oo ow uw w dd, tone s f r x j) or VNI digits
  // (1-5 tones, 6 ^, 7 horn, 8 breve, 9 đ) in a word the index does not
  // have as typed: only a suggestion, as such a word may be a name or code.
  kTelexOrVni,
};

// `query` with each word typed by `typing` replaced by the syllable it
// spells, written as `db` writes it: its exact form when `db` has it, else
// the form `db` has most of the same letters and tone whose vowel marks
// include those typed ("luat5", "luạt", is "luật"). Empty when no word is
// so replaced. Case is kept ("To^'" -> "Tố"); the rest of the query too.
std::string ReadTyping(const std::string& query, Typing typing, const Xapian::Database& db,
                       TermFreqs* freqs = nullptr);

// A word typed in ASCII: [begin, end) of the text it is in.
struct TypedWord {
  size_t begin = 0;
  size_t end = 0;
  bool marked = false;  // it has VIQR marks (see TypedWords)
};

// The words of `text` typed in ASCII, the ones ReadTyping reads: an ASCII
// letter after no letter, digit or mark of any script, then ASCII letters
// and digits and, for `viqr`, the VIQR marks typed in the word: ^ ( + on a
// vowel they mark, ' ` ~ on a vowel or after ^ ( +, ? . between a vowel and
// a letter ("ho?i") or after ^ ( + ("bo^."), and ^ ( + ~ ending a word
// after its final consonant ("dan^", "tien^'": read on the vowel). A "'" ending an unmarked word of
// a query in single quotes ("'to cao'") is a quote. A word glued to a letter or mark of another
// script ("to^'ố") is part of a Unicode word: not one. Punctuation of any script ends a word (R3,
// QA 23: "“to^' ca'o”").
std::vector<TypedWord> TypedWords(std::string_view text, bool viqr);

// True when `query` has words in single quotes: a "'" starting it or
// after a space ("'to cao'").
bool SingleQuoted(std::string_view query);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_TYPING_H_
