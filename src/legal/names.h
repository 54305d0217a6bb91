// Internal to vanban_legal: small helpers on Vietnamese names, dates and
// UTF-8 text shared by the parser, the citation scanner, document ids and
// the catalog. All functions are pure and thread-safe.
#ifndef VANBAN_LEGAL_NAMES_H_
#define VANBAN_LEGAL_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace vanban::legal::internal {

// The first UTF-8 character of `s` (empty if `s` is empty).
std::string_view FirstChar(std::string_view s);
// True if `s` starts with a letter that has a lowercase form different
// from itself ("Đ", "Ủ", "C"); false for digits and punctuation.
bool StartsUpper(std::string_view s);
// True if `s` starts with a lowercase letter ("đ", "ủ", "c").
bool StartsLower(std::string_view s);
// True if `s` has at least two letters and none of them is lowercase
// ("KẾ HOẠCH", "CHỦ TỊCH", "I. MỤC ĐÍCH, YÊU CẦU").
bool IsAllCaps(std::string_view s);
// Number of code points (one implementation for every layer, R7 QA 22).
using text::CodePoints;
// "CHỦ TỊCH" -> "Chủ tịch": first letter kept, the rest lowercased.
std::string SentenceCase(std::string_view s);
// Trims ASCII whitespace and U+00A0 at both ends.
std::string_view Trim(std::string_view s);

// Lowercase ASCII slug: accents folded, đ -> d, every run of other
// characters -> one '-', no leading or trailing '-'.
std::string Slug(std::string_view s);

// Comparison key of an issuing body: folded, abbreviations expanded
// ("UBND tỉnh" and "Ủy ban nhân dân Tỉnh" -> "uy ban nhan dan tinh";
// "Tỉnh uỷ" == "Tỉnh ủy").
std::string IssuerKey(std::string_view issuer);
// True when the two issuers can name the same body: equal keys, or one key
// is contained in the other at word boundaries ("UBND huyện Tứ Kỳ" and
// "Chủ tịch UBND huyện Tứ Kỳ"). Empty issuers are compatible with nothing.
bool IssuersCompatible(std::string_view a, std::string_view b);
// The place or level that tells local issuers apart, as a slug:
// "Chủ tịch UBND tỉnh Hải Dương" -> "hai-duong", "UBND tỉnh" -> "tinh",
// "Ban Thường vụ Tỉnh uỷ" -> "tinh-uy". Empty if the issuer names none.
std::string IssuerPlaceSlug(std::string_view issuer);

// The issuing body implied by a national symbol code in `number`
// ("59/2023/NĐ-CP" -> "Chính phủ", "10/2022/QH15" -> "Quốc hội",
// "33/CT-TTg" -> "Thủ tướng Chính phủ"); empty for other codes.
std::string IssuerFromSymbol(std::string_view number);
// True if the symbol's issuer code is shared by many bodies (UBND, HĐND,
// TU, HU, ĐU): the number alone does not identify the document.
bool HasLocalIssuerCode(std::string_view number);
// The 4-digit year inside a number ("10/2022/QH15" -> "2022"), else "".
std::string YearInNumber(std::string_view number);
// A number cited without its symbol, only its sequence and year ("61/2023"
// for 61/2023/NĐ-CP, "10/2022"): the year (1900-2099), else "" (also for
// full numbers, "61/2023/NĐ-CP").
std::string ShortNumberYear(std::string_view number);
// True if the full number `number` ("61/2023/NĐ-CP", "02/2011/QH13") is one
// the short number `short_number` ("61/2023", "2/2011") may stand for: the
// same sequence (leading zeros aside) and year, then its symbol.
bool ShortNumberMatches(std::string_view short_number, std::string_view number);

// "26/11/2021", "5/9/2016", "26-11-2021" -> "2021-11-26"; "" if invalid.
std::string IsoDateFromDmy(std::string_view dmy);
// Day, month, year as numbers -> ISO, "" if implausible.
std::string IsoDate(int day, int month, int year);
// "XIII" -> 13, "IV" -> 4; 0 if not a roman numeral (I..CCC).
int RomanToInt(std::string_view roman);

// A document type as written in text: its lowercase syllables and display
// form. `named` types may be cited by name alone ("Luật Khiếu nại").
// `year_in_number`: the type's numbers hold the year ("61/2023/NĐ-CP"), so
// a citation may give the number without its symbol ("Nghị định 61/2023").
struct DocType {
  std::string_view lower;    // "nghị định"
  std::string_view display;  // "Nghị định"
  bool named = false;
  bool year_in_number = false;
};
// Every known type, longest first (so "Nghị quyết liên tịch" wins over
// "Nghị quyết").
const std::vector<DocType>& DocTypes();
// The type whose lowercase form is `lower` exactly, or null.
const DocType* FindDocType(std::string_view lower);

// A date at the start of `s`: "26/11/2021", "05-9-2016" or
// "15 tháng 3 năm 2023". Returns ISO and sets *len to the bytes used, or
// returns "" when `s` does not start with a valid date.
std::string ParseDateAt(std::string_view s, size_t* len);

}  // namespace vanban::legal::internal

#endif  // VANBAN_LEGAL_NAMES_H_
