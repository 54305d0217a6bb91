// The tokenizer: one pass over NFC text, classifying code points with
// precomputed tables. Words (letters, marks, digits) become syllable or
// abbreviation tokens; a digit run is first tried as a date or a document
// identifier (identifier.cc), else it is a number.
#include "text/analyzer.h"

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

struct Analyzer::Internal {
  // Class of the code point at text[i]; *len receives its byte length.
  static CharClass ClassAt(std::string_view text, size_t i, size_t* len) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      *len = 1;
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
      if (c >= '0' && c <= '9') return CharClass::kDigit;
      return CharClass::kOther;
    }
    size_t j = i;
    char32_t cp = internal::DecodeUtf8(text, j);
    *len = j - i;
    return internal::ClassOf(cp);
  }

  // End of the word (letters, marks, digits) starting at i.
  static size_t WordEnd(std::string_view text, size_t i) {
    while (i < text.size()) {
      size_t len;
      if (ClassAt(text, i, &len) == CharClass::kOther) break;
      i += len;
    }
    return i;
  }

  static void AddWord(std::string_view text, size_t begin, size_t end, AnalyzedText* out);
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

void Analyzer::Internal::AddWord(std::string_view text, size_t begin, size_t end,
                                 AnalyzedText* out) {
  std::string_view word = text.substr(begin, end - begin);
  // A word that starts with a digit ("33", "12a") is a number.
  bool number = word[0] >= '0' && word[0] <= '9';
  Token& t = NewToken(out, text, begin, end, number ? TokenKind::kNumber : TokenKind::kSyllable);
  internal::WordTerms(word, &t.exact, &t.folded);
  if (number) return;
  if (const Abbreviation* a = internal::FindAbbreviationFolded(word, t.folded)) {
    t.kind = TokenKind::kAbbreviation;
    t.exact.assign(a->abbrev);
    return;
  }
  t.stopword = IsStopword(t.exact);
}

size_t Analyzer::Internal::AddNumber(std::string_view text, size_t begin, AnalyzedText* out) {
  internal::NumberMatch m;
  if (internal::MatchDateOrIdentifier(text, begin, /*strict_case=*/true, &m)) {
    Token& t = NewToken(out, text, begin, m.end, m.kind);
    t.exact = std::move(m.exact);
    t.folded = std::move(m.folded);
    return m.end;
  }
  size_t end = WordEnd(text, begin);
  AddWord(text, begin, end, out);
  return end;
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
    CharClass cls = Internal::ClassAt(text, i, &len);
    if (cls == CharClass::kOther || cls == CharClass::kMark) {
      i += len;  // a combining mark with no letter before it is not a word
    } else if (cls == CharClass::kDigit) {
      i = Internal::AddNumber(text, i, &out);
    } else {
      size_t end = Internal::WordEnd(text, i);
      Internal::AddWord(text, i, end, &out);
      i = end;
    }
  }
  return out;
}

}  // namespace vanban::text
