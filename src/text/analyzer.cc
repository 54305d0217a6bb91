// The tokenizer: one pass over NFC text, classifying code points with
// precomputed tables. Words (letters, marks, digits) become syllable or
// abbreviation tokens; a digit run is first tried as a date or a document
// identifier (identifier.cc), else it is a number.
#include "text/analyzer.h"

#include <algorithm>

#include "text/abbreviations.h"
#include "text/identifier.h"
#include "text/letters.h"
#include "text/stopwords.h"
#include "text/syllable.h"

namespace vanban::text {

using internal::CharClass;

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kSyllable:
      return "syllable";
    case TokenKind::kIdentifier:
      return "identifier";
    case TokenKind::kDate:
      return "date";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kAbbreviation:
      return "abbreviation";
  }
  return "unknown";
}

bool HasMarks(const Token& t) {
  return std::any_of(t.surface.begin(), t.surface.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

struct Analyzer::Internal {
  // Class of the code point at text[i]; *len receives its byte length and
  // *cp the code point.
  static CharClass ClassAt(std::string_view text, size_t i, size_t* len, char32_t* cp) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      *len = 1;
      *cp = c;
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
      if (c >= '0' && c <= '9') return CharClass::kDigit;
      return CharClass::kOther;
    }
    size_t j = i;
    *cp = internal::DecodeUtf8(text, j);
    *len = j - i;
    return internal::ClassOf(*cp);
  }

  // Adds the word (letters, marks, digits) starting at begin, decoding it
  // once; returns its end.
  static size_t AddWord(std::string_view text, size_t begin, AnalyzedText* out);
  static size_t AddNumber(std::string_view text, size_t begin, AnalyzedText* out);
};

namespace {

Token& NewToken(AnalyzedText* out, std::string_view text, size_t begin, size_t end,
                TokenKind kind) {
  Token& t = out->tokens.emplace_back();
  t.begin = begin;
  t.end = end;
  t.position = static_cast<uint32_t>(out->tokens.size() - 1);
  t.kind = kind;
  t.surface.assign(text.substr(begin, end - begin));
  return t;
}

}  // namespace

size_t Analyzer::Internal::AddWord(std::string_view text, size_t begin, AnalyzedText* out) {
  char32_t cps[internal::kMaxSyllable];
  int n = 0;
  bool ascii = true;
  size_t i = begin;
  while (i < text.size()) {
    size_t len;
    char32_t cp;
    if (ClassAt(text, i, &len, &cp) == CharClass::kOther) break;
    if (n < internal::kMaxSyllable) cps[n] = cp;
    ascii &= len == 1;
    ++n;
    i += len;
  }
  std::string_view word = text.substr(begin, i - begin);
  // A word that starts with a digit ("33", "12a") is a number.
  bool number = word[0] >= '0' && word[0] <= '9';
  Token& t = NewToken(out, text, begin, i, number ? TokenKind::kNumber : TokenKind::kSyllable);
  internal::DecodedWordTerms(word, cps, n, ascii, &t.exact, &t.folded);
  if (number) {
    // "05 ngày" is "5 ngày": texts write small counts with a leading zero,
    // people type them without (QA 22: L7), as dates and document numbers
    // already read them.
    size_t zeros = 0;
    while (zeros + 1 < t.folded.size() && t.folded[zeros] == '0' && t.folded[zeros + 1] >= '0' &&
           t.folded[zeros + 1] <= '9') {
      ++zeros;
    }
    t.folded.erase(0, zeros);
    return i;
  }
  if (const Abbreviation* a = internal::FindAbbreviationFolded(word, t.folded)) {
    t.kind = TokenKind::kAbbreviation;
    t.exact.assign(a->abbrev);
    return i;
  }
  t.stopword = IsStopword(t.exact);
  return i;
}

size_t Analyzer::Internal::AddNumber(std::string_view text, size_t begin, AnalyzedText* out) {
  internal::NumberMatch m;
  if (internal::MatchDateOrIdentifier(text, begin, /*strict_case=*/true, &m)) {
    Token& t = NewToken(out, text, begin, m.end, m.kind);
    t.exact = std::move(m.exact);
    t.folded = std::move(m.folded);
    return m.end;
  }
  return AddWord(text, begin, out);
}

Analyzer::Analyzer() : internal_(std::make_unique<Internal>()) {
  internal::GetTables();  // build the tables now, not inside the first Analyze
}

Analyzer::~Analyzer() = default;

AnalyzedText Analyzer::Analyze(std::string_view input) const {
  AnalyzedText out;
  out.text = Normalize(input, &out.warnings);
  std::string_view text = out.text;
  out.tokens.reserve(text.size() / 6 + 4);
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    char32_t cp;
    CharClass cls = Internal::ClassAt(text, i, &len, &cp);
    if (cls == CharClass::kOther || cls == CharClass::kMark) {
      i += len;  // a combining mark with no letter before it is not a word
    } else if (cls == CharClass::kDigit) {
      i = Internal::AddNumber(text, i, &out);
    } else {
      i = Internal::AddWord(text, i, &out);
    }
  }
  return out;
}

}  // namespace vanban::text
