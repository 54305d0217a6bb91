// Document numbers/symbols and dates. Grammar (spaces = ' ' or U+00A0):
//   party form:  NUM sp? DASH sp? CODE sp? '/' sp? CODE ('-' CODE)*   23-QĐ/TW
//   state form:  NUM sp? '/' sp? (YEAR '/')? CODE (sp? DASH sp? CODE)* 10/2022/QH15
//                (spaces on both sides only of the DASH after the type code)
//                (also NUM/YEAR-CODE and NUM-YEAR-CODE, written NUM/YEAR/CODE)
//   standard:    NUM (sp? '-' sp? NUM)? sp? ':' sp? YEAR '/' CODE ('-' CODE)*
//   date:        D SEP M SEP YYYY (SEP '/' or '-'), or YYYY-MM-DD
// NUM is 1-5 digits, CODE a letter (A-Z, Đ; the look-alike Ð/ð is read as
// Đ) then letters/digits, DASH '-', an en dash or a Unicode hyphen. Stray spaces and the
// dash forms are accepted only when the codes are in capitals. A CODE must
// start with a letter, so ranges such as "2020-2025" or "2021- 2030" are
// not identifiers.
#include "text/identifier.h"

#include <string>

namespace vanban::text {
namespace internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

class Scanner {
 public:
  explicit Scanner(std::string_view text) : t_(text) {}

  char At(size_t p) const { return p < t_.size() ? t_[p] : '\0'; }

  size_t Digits(size_t p) const {
    while (p < t_.size() && IsDigit(t_[p])) ++p;
    return p;
  }
  size_t Spaces(size_t p, bool* skipped) const {
    for (int k = 0; k < 3; ++k) {
      if (At(p) == ' ') {
        ++p;
      } else if (At(p) == '\xC2' && At(p + 1) == '\xA0') {
        p += 2;
      } else {
        break;
      }
      *skipped = true;
    }
    return p;
  }
  // Length of a dash at p, else 0: '-', U+2013 (en dash), or the hyphens
  // U+2010, U+2011 (Word's non-breaking hyphen, A2 session 16: "15/QĐ‑UBND"
  // was "15/QĐ" and "UBND") and U+2012.
  size_t Dash(size_t p) const {
    if (At(p) == '-') return 1;
    if (At(p) == '\xE2' && At(p + 1) == '\x80' && At(p + 2) >= '\x90' && At(p + 2) <= '\x93') {
      return 3;
    }
    return 0;
  }
  // Length of Đ/đ (or the look-alikes Ð/ð, U+00D0/U+00F0) at p, else 0.
  size_t LetterD(size_t p) const {
    if (At(p) == '\xC4' && (At(p + 1) == '\x90' || At(p + 1) == '\x91')) return 2;
    if (At(p) == '\xC3' && (At(p + 1) == '\x90' || At(p + 1) == '\xB0')) return 2;
    return 0;
  }
  // Reads a CODE at p into *canonical (uppercase, "TTg" kept) and *folded.
  // Returns the end, or p if there is none. *upper tells whether the source
  // was written in capitals (or as "TTg").
  size_t Code(size_t p, std::string* canonical, std::string* folded, bool* upper) const;
  // True if p is not inside a word (no letter, digit or combining mark).
  bool Boundary(size_t p) const {
    unsigned char c = static_cast<unsigned char>(At(p));
    if (c < 0x80) return !IsDigit(c) && !IsAsciiLetter(c);
    return c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;  // NBSP, punctuation
  }

 private:
  std::string_view t_;
};

size_t Scanner::Code(size_t p, std::string* canonical, std::string* folded, bool* upper) const {
  size_t start = p;
  std::string code, fold;
  bool all_upper = true;
  int lower = 0;  // lowercase letters
  while (true) {
    char c = At(p);
    if (IsAsciiLetter(c)) {
      all_upper &= (c >= 'A' && c <= 'Z');
      lower += c >= 'a' && c <= 'z';
      code.push_back(static_cast<char>(c & ~0x20));
      fold.push_back(static_cast<char>(c | 0x20));
      ++p;
    } else if (size_t d = LetterD(p)) {
      all_upper &= At(p + 1) == '\x90';  // Đ and Ð both end in 0x90
      code.append("Đ");
      fold.push_back('d');
      p += d;
    } else if (IsDigit(c) && p > start) {
      code.push_back(c);
      fold.push_back(c);
      ++p;
    } else {
      break;
    }
  }
  // "5/THÁNG" is not "5/TH" followed by "ÁNG": a code ends at a word edge.
  if (p == start || code.size() > 24 || !Boundary(p)) return start;
  if (code == "TTG") {
    all_upper = t_.substr(start, 3) == "TTg" || all_upper;
    code = "TTg";
  } else if (code.size() > 3 && code.ends_with("TTG") && lower == 1 &&
             t_.substr(p - 3, 3) == "TTg") {
    // Codes written together, the last "TTg" ("33/CTTTg": CT, TTg; Q3,
    // session 17: read as the word "CTTTg").
    all_upper = true;
    code.back() = 'g';
  }
  *upper = all_upper;
  canonical->append(code);
  folded->append(fold);
  return p;
}

// Day/month/year validity, without calendars: enough to tell a date from
// a number pair.
bool PlausibleDate(int d, int m, int y) {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1000 && y <= 2999;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string Pad2(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

bool MatchDate(const Scanner& s, std::string_view text, size_t pos, NumberMatch* m) {
  size_t a = s.Digits(pos);
  char sep = s.At(a);
  if (sep != '/' && sep != '-') return false;
  size_t b = s.Digits(a + 1);
  if (s.At(b) != sep) return false;
  size_t c = s.Digits(b + 1);
  if (c == b + 1 || !s.Boundary(c)) return false;
  if (s.At(c) == sep && IsDigit(s.At(c + 1))) return false;  // 1/2/3/4
  std::string_view p1 = text.substr(pos, a - pos), p2 = text.substr(a + 1, b - a - 1),
                   p3 = text.substr(b + 1, c - b - 1);
  int d, mo, y;
  if (p1.size() <= 2 && p2.size() <= 2 && p2.size() >= 1 && p3.size() == 4) {
    d = ToInt(p1), mo = ToInt(p2), y = ToInt(p3);
  } else if (sep == '-' && p1.size() == 4 && p2.size() == 2 && p3.size() == 2) {
    y = ToInt(p1), mo = ToInt(p2), d = ToInt(p3);
  } else {
    return false;
  }
  if (!PlausibleDate(d, mo, y)) return false;
  m->end = c;
  m->kind = TokenKind::kDate;
  m->exact = std::to_string(y) + "-" + Pad2(mo) + "-" + Pad2(d);
  m->folded = m->exact;
  return true;
}

// Appends ('-' CODE)* to the match; spaces around the dash only if allowed.
size_t MoreCodes(const Scanner& s, size_t p, bool allow_spaces, NumberMatch* m, bool* upper) {
  for (bool first = true;; first = false) {
    bool spaced = false;
    size_t q = allow_spaces ? s.Spaces(p, &spaced) : p;
    size_t dash = s.Dash(q);
    if (dash == 0) return p;
    size_t r = q + dash;
    // Spaces around the dash after the type code are typos ("TT - BCT",
    // "QĐ -TTg"); later, a space on one side still is ("BQP- TANDTC"), but
    // on both sides it separates the identifier from what follows
    // ("629/QĐ-UBND - UBND huyện").
    if (allow_spaces && (first || !spaced)) r = s.Spaces(r, &spaced);
    std::string code, fold;
    bool code_upper = false;
    size_t e = s.Code(r, &code, &fold, &code_upper);
    if (e == r || (spaced && !code_upper)) return p;
    m->exact += "-" + code;
    m->folded += "-" + fold;
    *upper = *upper && code_upper;
    p = e;
  }
}

bool MatchParty(const Scanner& s, std::string_view num, size_t p, NumberMatch* m) {
  bool spaced = false;
  p = s.Spaces(p, &spaced);
  size_t dash = s.Dash(p);
  if (dash == 0) return false;
  p = s.Spaces(p + dash, &spaced);
  m->exact.assign(num).append("-");
  m->folded = m->exact;
  bool up1 = false, up2 = false;
  size_t e = s.Code(p, &m->exact, &m->folded, &up1);
  if (e == p) return false;
  p = s.Spaces(e, &spaced);
  if (s.At(p) != '/') return false;
  p = s.Spaces(p + 1, &spaced);
  m->exact.append("/");
  m->folded.append("/");
  e = s.Code(p, &m->exact, &m->folded, &up2);
  if (e == p) return false;
  bool upper = up1 && up2;
  e = MoreCodes(s, e, false, m, &upper);
  if (spaced && !upper) return false;
  m->end = e;
  return true;
}

// After "NUM/" (or "NUM-" when `dash_year`): an optional YEAR followed by
// '/' or '-', then the codes. The canonical form always uses '/' there.
bool MatchState(const Scanner& s, std::string_view text, std::string_view num, size_t p,
                bool strict, NumberMatch* m) {
  bool spaced = false;
  size_t q = s.Spaces(p, &spaced);
  bool dash_year = false;
  if (s.At(q) == '/') {
    p = s.Spaces(q + 1, &spaced);
  } else if (s.At(p) == '-' && !spaced) {
    dash_year = true;  // "26-2019-NĐ-CP", as in file names
    ++p;
  } else {
    return false;
  }
  m->exact.assign(num).append("/");
  bool has_year = false;
  size_t y = s.Digits(p);
  if (y - p == 4 && (s.At(y) == '/' || s.At(y) == '-')) {
    m->exact.append(text.substr(p, 4)).append("/");
    spaced |= s.At(y) == '-';  // the dash form needs capitals, like stray spaces
    p = y + 1;
    has_year = true;
  }
  if (dash_year && !has_year) return false;
  m->folded = m->exact;
  bool upper = false;
  size_t e = s.Code(p, &m->exact, &m->folded, &upper);
  if (e == p) return false;
  size_t codes_end = MoreCodes(s, e, true, m, &upper);
  bool hyphenated = codes_end != e;
  if (!upper && (spaced || (strict && !has_year && !hyphenated))) return false;
  m->end = codes_end;
  return true;
}

// Standards: "QCVN 81: 2014/BGTVT", "QCVN 01 - 180 : 2014/BNNPTNT". The
// "/CODE" in capitals is required, so map scales ("1:2000") stay numbers.
bool MatchStandard(const Scanner& s, std::string_view text, size_t pos, size_t num_end,
                   NumberMatch* m) {
  bool spaced = false;
  m->exact.assign(text.substr(pos, num_end - pos));
  size_t p = s.Spaces(num_end, &spaced);
  if (s.At(p) == '-') {
    size_t q = s.Spaces(p + 1, &spaced);
    size_t e = s.Digits(q);
    if (e == q) return false;
    m->exact.append("-").append(text.substr(q, e - q));
    p = s.Spaces(e, &spaced);
  }
  if (s.At(p) != ':') return false;
  m->exact.append(":");
  p = s.Spaces(p + 1, &spaced);
  size_t y = s.Digits(p);
  if (y - p != 4 || s.At(y) != '/') return false;
  m->exact.append(text.substr(p, 4)).append("/");
  m->folded = m->exact;
  bool upper = false;
  size_t e = s.Code(y + 1, &m->exact, &m->folded, &upper);
  if (e == y + 1 || !upper) return false;
  m->end = MoreCodes(s, e, false, m, &upper);
  return true;
}

}  // namespace

bool MatchDateOrIdentifier(std::string_view text, size_t pos, bool strict_case, NumberMatch* m) {
  Scanner s(text);
  if (!IsDigit(s.At(pos))) return false;
  if (MatchDate(s, text, pos, m)) return true;
  size_t num_end = s.Digits(pos);
  if (num_end - pos > 5) return false;
  std::string_view num = text.substr(pos, num_end - pos);
  m->kind = TokenKind::kIdentifier;
  if (MatchParty(s, num, num_end, m)) return true;
  if (MatchState(s, text, num, num_end, strict_case, m)) return true;
  if (MatchStandard(s, text, pos, num_end, m)) return true;
  return false;
}

}  // namespace internal

std::string CanonicalIdentifier(std::string_view raw) {
  std::string text = Normalize(raw);
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = text.find_last_not_of(" \t\r\n") + 1;
  std::string_view trimmed = std::string_view(text).substr(b, e - b);
  internal::NumberMatch m;
  if (!internal::MatchDateOrIdentifier(trimmed, 0, false, &m)) return "";
  if (m.kind != TokenKind::kIdentifier || m.end != trimmed.size()) return "";
  return m.exact;
}

}  // namespace vanban::text
