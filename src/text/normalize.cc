// Normalize, Lower and FoldText: whole-text transformations.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <cstring>
#include <string>

#include "text/analyzer.h"
#include "text/letters.h"

namespace vanban::text {
namespace {

using internal::AppendUtf8;
using internal::DecodeUtf8;

// Length of the well-formed UTF-8 sequence at s[i], or 0 if ill-formed
// (overlong forms, surrogates and code points above U+10FFFF included).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t left = s.size() - i;
  auto cont = [&](size_t k) { return (byte(i + k) & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return (left >= 2 && cont(1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Index of the first byte that is not ASCII, checking 8 bytes at a time.
size_t SkipAscii(std::string_view s, size_t i) {
  while (i + 8 <= s.size()) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Invisible format characters that text pasted from Word or the web
// carries inside words ("d\u00ADân", "v\u200Bận"): removed, so that they do
// not split a word.
bool Invisible(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

// Full-width ASCII ("３３／CT-TTg", from East Asian input methods and some
// PDFs) and the ideographic space: their ASCII counterpart, else 0.
char FullWidthAscii(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<char>(cp - 0xFF01 + 0x21);
  return cp == 0x3000 ? ' ' : 0;
}

// Styled letters and digits that pasted or OCR'd text carries: the
// Mathematical Alphanumeric Symbols ("𝐋𝐮𝐚̣̂𝐭", from social media and some
// PDFs) and the Latin ligatures ("ﬁ", from PDF text layers). Normalize maps
// them to their compatibility form (NFKC), the plain letters. Other
// compatibility characters ("²", "½", "№") keep their own meaning and stay.
bool StyledLetter(char32_t cp) {
  return (cp >= 0x1D400 && cp <= 0x1D7FF) || (cp >= 0xFB00 && cp <= 0xFB06);
}

// Code points below U+10000 that can make text non-NFC: NFC_Quick_Check
// other than Yes, or a non-zero combining class (UAX #15 quick check); and
// those Normalize removes or replaces (Invisible, FullWidthAscii,
// StyledLetter). Text
// without any of them is already normalised; Vietnamese NFC text has none.
class NfcQuickCheck {
 public:
  NfcQuickCheck() {
    for (UChar32 cp = 0x80; cp < 0x10000; ++cp) {
      bool yes = u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                 u_getCombiningClass(cp) == 0 && !Invisible(cp) && FullWidthAscii(cp) == 0 &&
                 !StyledLetter(cp);
      if (!yes) unsure_[cp >> 6] |= uint64_t{1} << (cp & 63);
    }
  }
  bool Unsure(char32_t cp) const { return cp >= 0x10000 || (unsure_[cp >> 6] >> (cp & 63)) & 1; }

 private:
  uint64_t unsure_[0x10000 / 64] = {};
};

struct Scan {
  size_t first_bad;   // first ill-formed byte, or size()
  size_t nfc_unsure;  // text before this byte is NFC and ends at a boundary
};

// One pass: validates UTF-8 up to the first ill-formed sequence, and finds
// the start of the last starter before the first code point that could be
// changed by NFC (everything before it is NFC and stays so).
Scan ScanText(std::string_view s) {
  static const NfcQuickCheck* const check = new NfcQuickCheck();  // never destroyed
  size_t i = 0, last_starter = 0, unsure = s.size();
  bool found = false;
  while (true) {
    size_t ascii_end = SkipAscii(s, i);
    if (ascii_end > i) last_starter = ascii_end - 1;
    i = ascii_end;
    if (i >= s.size()) return {s.size(), unsure};
    size_t n = ValidSequenceLength(s, i);
    if (n == 0) return {i, unsure};
    if (!found) {
      size_t j = i;
      if (check->Unsure(DecodeUtf8(s, j))) {
        unsure = last_starter;
        found = true;
      } else {
        last_starter = i;
      }
    }
    i += n;
  }
}

// Copies s replacing each run of ill-formed bytes by one U+FFFD.
std::string RepairUtf8(std::string_view s, size_t first_bad, std::vector<std::string>* warnings) {
  std::string out(s.substr(0, first_bad));
  out.reserve(s.size() + 16);
  size_t i = first_bad;
  while (i < s.size()) {
    size_t n = ValidSequenceLength(s, i);
    if (n > 0) {
      out.append(s, i, n);
      i += n;
      continue;
    }
    size_t run_begin = i;
    while (i < s.size() && ValidSequenceLength(s, i) == 0) ++i;
    out.append("\xEF\xBF\xBD");
    if (warnings != nullptr) {
      warnings->push_back("UTF-8 không hợp lệ tại byte " + std::to_string(run_begin) + " (" +
                          std::to_string(i - run_begin) + " byte), đã thay bằng U+FFFD");
    }
  }
  return out;
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

// Appends the NFKC form of the one code point in `utf8` (a StyledLetter).
void AppendCompatibilityForm(std::string_view utf8, std::string* out) {
  static const icu::Normalizer2* const nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  UErrorCode status = U_ZERO_ERROR;
  std::string mapped;
  if (nfkc != nullptr) {
    icu::StringByteSink<std::string> sink(&mapped);
    nfkc->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                        nullptr, status);
  }
  out->append(nfkc != nullptr && U_SUCCESS(status) ? std::string_view(mapped) : utf8);
}

}  // namespace

std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Step back over continuation bytes to the start of a sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

size_t CodePoints(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Normalize(std::string_view input, std::vector<std::string>* warnings) {
  Scan scan = ScanText(input);
  std::string repaired;
  std::string_view text = input;
  if (scan.first_bad < input.size()) {
    repaired = RepairUtf8(input, scan.first_bad, warnings);
    text = repaired;
    scan = ScanText(text);
  }
  if (scan.nfc_unsure == text.size()) return std::string(text);  // already NFC
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) {
    if (warnings != nullptr) warnings->push_back("không tải được dữ liệu ICU NFC");
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  out.append(text.substr(0, scan.nfc_unsure));
  // The invisible characters go, and full-width ASCII and styled letters
  // become plain, before NFC, which then composes across what was removed
  // (a styled letter followed by combining tone marks).
  std::string cleaned;
  cleaned.reserve(text.size() - scan.nfc_unsure);
  for (size_t i = scan.nfc_unsure; i < text.size();) {
    size_t begin = i;
    char32_t cp = DecodeUtf8(text, i);
    if (Invisible(cp)) continue;
    if (char ascii = FullWidthAscii(cp)) {
      cleaned.push_back(ascii);
      continue;
    }
    if (StyledLetter(cp)) {
      AppendCompatibilityForm(text.substr(begin, i - begin), &cleaned);
      continue;
    }
    cleaned.append(text.substr(begin, i - begin));
  }
  std::string_view rest = cleaned;
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, icu::StringPiece(rest.data(), static_cast<int32_t>(rest.size())), sink,
                     nullptr, status);
  if (U_FAILURE(status)) {
    if (warnings != nullptr) {
      warnings->push_back(std::string("chuẩn hóa NFC thất bại: ") + u_errorName(status));
    }
    return std::string(text);
  }
  return out;
}

std::string Lower(std::string_view nfc) {
  std::string out;
  out.reserve(nfc.size());
  size_t i = 0;
  while (i < nfc.size()) {
    unsigned char c = static_cast<unsigned char>(nfc[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
      ++i;
      continue;
    }
    if (ValidSequenceLength(nfc, i) == 0) {  // not ours to repair here
      out.push_back(nfc[i++]);
      continue;
    }
    AppendUtf8(internal::ToLower(DecodeUtf8(nfc, i)), &out);
  }
  return out;
}

std::string FoldText(std::string_view input) {
  std::string nfc = Normalize(input);
  std::string out;
  out.reserve(nfc.size());
  size_t i = 0;
  while (i < nfc.size()) {
    char32_t folded = internal::FoldChar(DecodeUtf8(nfc, i));
    if (folded != 0) AppendUtf8(folded, &out);
  }
  return out;
}

}  // namespace vanban::text
