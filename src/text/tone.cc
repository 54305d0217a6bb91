// Tone placement, folding and the i/y rule for single syllables.
//
// Canonical tone placement (the "old style" that most current official
// texts use, e.g. "hòa", "thủy", "Ủy ban"), applied after lowercasing:
//   1. An onset "qu" (u followed by a vowel) or "gi" (i followed by a vowel)
//      is a consonant; the nucleus is the vowel run after it.
//   2. If the nucleus has a vowel with a shape mark (ă â ê ô ơ ư), the tone
//      sits on it; for "ươ" on the ơ ("người", "thuyền", "quốc").
//   3. Otherwise, if a final consonant follows, the tone sits on the last
//      vowel ("hoàn", "toán", "huỳnh").
//   4. Otherwise (open syllable): one vowel takes it; of two vowels the
//      first takes it ("hòa", "khỏe", "thủy", "ủy", "tùy", "mái", "của");
//      of three the middle one ("ngoài", "khuỷu").
// Words that are not shaped like a Vietnamese syllable, whose vowels are
// not a Vietnamese nucleus (misspellings such as "ngưòi"), or that carry two
// tone marks, are left as they are.
#include <string>

#include "text/analyzer.h"
#include "text/letters.h"
#include "text/syllable.h"

namespace vanban::text {
namespace internal {
namespace {

char32_t AsciiLower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

bool IsFinal(const char32_t* cps, int n) {
  if (n == 0) return true;
  char32_t a = AsciiLower(cps[0]);
  if (n == 1) return a == 'c' || a == 'm' || a == 'n' || a == 'p' || a == 't';
  if (n > 2) return false;
  char32_t b = AsciiLower(cps[1]);
  return (a == 'c' && b == 'h') || (a == 'n' && (b == 'g' || b == 'h'));
}

// The vowel nuclei of Vietnamese spelling (after a "qu"/"gi" onset),
// without tone. A tone is moved only within one of these, so misspellings
// such as "ngưòi" (for "người") are left as written, not made worse.
bool IsNucleus(const char32_t* cps, int begin, int end) {
  static constexpr std::u32string_view kNuclei[] = {
      U"a",   U"ă",   U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ",   U"u",   U"ư",
      U"y",   U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iê",
      U"iu",  U"oa",  U"oă",  U"oe",  U"oi",  U"ôi",  U"ơi",  U"oo",  U"ua",  U"uâ",  U"uê",
      U"ui",  U"uô",  U"uơ",  U"uy",  U"ưa",  U"ưi",  U"ươ",  U"ưu",  U"yê",  U"iêu", U"oai",
      U"oay", U"oeo", U"uây", U"uôi", U"uya", U"uyê", U"uyu", U"ươi", U"ươu", U"yêu"};
  char32_t bare[4];
  int n = end - begin;
  if (n < 1 || n > 3) return false;
  for (int k = 0; k < n; ++k) bare[k] = ComposeVowel(VowelOf(cps[begin + k]).row, 0, false);
  std::u32string_view nucleus(bare, n);
  for (std::u32string_view v : kNuclei) {
    if (v == nucleus) return true;
  }
  return false;
}

// Vietnamese initial consonants (gi and qu end in a vowel letter and are
// handled by ParseShape).
bool IsOnset(const char32_t* cps, int n) {
  static constexpr std::u32string_view kOnsets[] = {
      U"",   U"b",   U"c",  U"ch", U"d",  U"đ", U"g", U"gh", U"h", U"k",  U"kh", U"l", U"m", U"n",
      U"ng", U"ngh", U"nh", U"p",  U"ph", U"q", U"r", U"s",  U"t", U"th", U"tr", U"v", U"x"};
  if (n > 3) return false;
  char32_t lower[3];
  for (int k = 0; k < n; ++k) lower[k] = ToLower(cps[k]);
  std::u32string_view onset(lower, n);
  for (std::u32string_view o : kOnsets) {
    if (o == onset) return true;
  }
  return false;
}

bool HasShapeMark(int row) {
  return row == kRowAw || row == kRowAa || row == kRowEe || row == kRowOo || row == kRowOw ||
         row == kRowUw;
}

// The index in [begin, end) that should carry the tone.
int CanonicalTonePosition(const char32_t* cps, const SyllableShape& s, bool has_final) {
  int begin = s.nucleus_begin;
  int end = s.vowels_end;
  int marked = -1;
  for (int k = begin; k < end; ++k) {
    if (HasShapeMark(VowelOf(cps[k]).row)) marked = k;  // last one: ơ of ươ
  }
  if (marked >= 0) return marked;
  if (has_final) return end - 1;
  int count = end - begin;
  if (count == 3) return begin + 1;
  return begin;
}

}  // namespace

bool ParseShape(const char32_t* cps, int n, SyllableShape* shape) {
  int i = 0;
  while (i < n && IsConsonant(cps[i])) ++i;
  shape->onset_end = i;
  while (i < n && VowelOf(cps[i]).row >= 0) ++i;
  if (i == shape->onset_end) return false;
  shape->vowels_end = i;
  for (int k = i; k < n; ++k) {
    if (!IsConsonant(cps[k])) return false;
  }
  if (!IsFinal(cps + i, n - i)) return false;
  shape->nucleus_begin = shape->onset_end;
  int vowels = shape->vowels_end - shape->onset_end;
  if (shape->onset_end == 1 && vowels >= 2) {
    char32_t onset = AsciiLower(cps[0]);
    int row = VowelOf(cps[1]).row;
    if ((onset == 'q' && row == kRowU) || (onset == 'g' && row == kRowI)) {
      shape->nucleus_begin = 2;
    }
  }
  return true;
}

bool PlaceToneCanonically(char32_t* cps, int n) {
  SyllableShape shape;
  if (!ParseShape(cps, n, &shape)) return false;
  int toned = -1;
  for (int k = shape.onset_end; k < shape.vowels_end; ++k) {
    if (VowelOf(cps[k]).tone == 0) continue;
    if (toned >= 0) return false;  // two tone marks: leave the word alone
    toned = k;
  }
  if (toned < 0) return false;
  int target = CanonicalTonePosition(cps, shape, shape.vowels_end < n);
  if (target == toned || !IsNucleus(cps, shape.nucleus_begin, shape.vowels_end) ||
      !IsOnset(cps, shape.onset_end)) {
    return false;
  }
  VowelInfo from = VowelOf(cps[toned]);
  VowelInfo to = VowelOf(cps[target]);
  cps[toned] = ComposeVowel(from.row, 0, from.upper);
  cps[target] = ComposeVowel(to.row, from.tone, to.upper);
  return true;
}

void MergeFinalY(std::string* folded) {
  static constexpr std::string_view kOnsets[] = {"b",  "c", "ch", "d", "g",  "gh",  "h",  "k",
                                                 "kh", "l", "m",  "n", "ng", "ngh", "nh", "p",
                                                 "ph", "r", "s",  "t", "th", "tr",  "v",  "x"};
  // "qui"/"quy" (quí/quý, qui định/quy định): the best-known i/y pair, old
  // spelling still typed (V7, session 14).
  if (*folded == "qui") {
    *folded = "quy";
    return;
  }
  size_t n = folded->size();
  if (n < 2 || n > 4 || (*folded)[n - 1] != 'y') return;
  std::string_view onset(folded->data(), n - 1);
  for (std::string_view candidate : kOnsets) {
    if (onset == candidate) {
      (*folded)[n - 1] = 'i';
      return;
    }
  }
}

void WordTerms(std::string_view word, std::string* exact, std::string* folded) {
  char32_t cps[kMaxSyllable];
  int n = 0;
  bool ascii = true;
  size_t i = 0;
  while (i < word.size()) {
    ascii &= static_cast<unsigned char>(word[i]) < 0x80;
    char32_t cp = DecodeUtf8(word, i);
    if (n < kMaxSyllable) cps[n] = cp;
    ++n;
  }
  DecodedWordTerms(word, cps, n, ascii, exact, folded);
}

void DecodedWordTerms(std::string_view word, char32_t* cps, int n, bool ascii, std::string* exact,
                      std::string* folded) {
  if (ascii) {  // no tone to move, nothing to fold
    exact->assign(word);
    for (char& c : *exact) c = static_cast<char>(AsciiLower(static_cast<unsigned char>(c)));
    *folded = *exact;
    MergeFinalY(folded);
    return;
  }
  if (n > kMaxSyllable) {  // too long to be a syllable: lowercase and fold only
    *exact = Lower(word);
    *folded = FoldText(*exact);
    return;
  }
  for (int k = 0; k < n; ++k) cps[k] = ToLower(cps[k]);
  PlaceToneCanonically(cps, n);
  char buf[kMaxSyllable * 4];
  int len = 0;
  for (int k = 0; k < n; ++k) len += EncodeUtf8(cps[k], buf + len);
  exact->assign(buf, len);
  len = 0;
  for (int k = 0; k < n; ++k) {
    char32_t f = FoldChar(cps[k]);
    if (f != 0) len += EncodeUtf8(f, buf + len);
  }
  folded->assign(buf, len);
  MergeFinalY(folded);
}

}  // namespace internal

std::string CanonicalTone(std::string_view syllable) {
  char32_t cps[internal::kMaxSyllable];
  int n = 0;
  size_t i = 0;
  while (i < syllable.size()) {
    if (n == internal::kMaxSyllable) return std::string(syllable);
    cps[n++] = internal::DecodeUtf8(syllable, i);
  }
  if (!internal::PlaceToneCanonically(cps, n)) return std::string(syllable);
  std::string out;
  out.reserve(syllable.size());
  for (int k = 0; k < n; ++k) internal::AppendUtf8(cps[k], &out);
  return out;
}

std::string FoldSyllable(std::string_view syllable) {
  std::string exact, folded;
  internal::WordTerms(syllable, &exact, &folded);
  return folded;
}

bool IsSyllableShaped(std::string_view word) {
  char32_t cps[internal::kMaxSyllable];
  int n = 0;
  size_t i = 0;
  while (i < word.size()) {
    if (n == internal::kMaxSyllable) return false;
    cps[n++] = internal::DecodeUtf8(word, i);
  }
  internal::SyllableShape shape;
  return n > 0 && internal::ParseShape(cps, n, &shape);
}

}  // namespace vanban::text
