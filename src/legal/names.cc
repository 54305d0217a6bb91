#include "legal/names.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "text/abbreviations.h"
#include "text/analyzer.h"

namespace vanban::legal::internal {
namespace {

size_t CharLen(unsigned char c) {
  if (c < 0x80) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == '-' || c == '\t' || c == '\n') {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// The symbol's issuer code: the last "-" or "/" separated part.
std::string LastCode(std::string_view number) {
  size_t cut = number.find_last_of("-/");
  return std::string(cut == std::string_view::npos ? number : number.substr(cut + 1));
}

}  // namespace

std::string_view FirstChar(std::string_view s) {
  if (s.empty()) return s;
  size_t len = CharLen(static_cast<unsigned char>(s[0]));
  return s.substr(0, std::min(len, s.size()));
}

bool StartsUpper(std::string_view s) {
  std::string_view c = FirstChar(s);
  if (c.empty()) return false;
  return text::Lower(c) != c;
}

bool StartsLower(std::string_view s) {
  std::string_view c = FirstChar(s);
  if (c.empty()) return false;
  if (c.size() == 1) return c[0] >= 'a' && c[0] <= 'z';
  // Latin-1 supplement .. Latin extended additional: letters; a letter is
  // lowercase when lowering leaves it unchanged and folding gives a-z.
  unsigned char lead = static_cast<unsigned char>(c[0]);
  bool latin = (lead >= 0xC3 && lead <= 0xC9) || lead == 0xE1;
  if (!latin || text::Lower(c) != c) return false;
  std::string folded = text::FoldText(c);
  return folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z';
}

bool IsAllCaps(std::string_view s) {
  int letters = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t len = std::min(CharLen(static_cast<unsigned char>(s[i])), s.size() - i);
    std::string_view c = s.substr(i, len);
    i += len;
    if (StartsLower(c)) return false;
    if (StartsUpper(c)) ++letters;
  }
  return letters >= 2;
}

std::string SentenceCase(std::string_view s) {
  std::string_view first = FirstChar(s);
  return std::string(first) + text::Lower(s.substr(first.size()));
}

std::string_view Trim(std::string_view s) {
  auto space_at_front = [&] {
    if (s.empty()) return size_t{0};
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') return size_t{1};
    if (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') return size_t{2};
    return size_t{0};
  };
  while (size_t n = space_at_front()) s.remove_prefix(n);
  while (!s.empty()) {
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s[s.size() - 2] == '\xC2' && c == '\xA0') {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::string Slug(std::string_view s) {
  std::string folded = text::FoldText(s);
  std::string out;
  bool dash = false;
  for (char c : folded) {
    if (IsAsciiAlnum(c)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else {
      dash = true;
    }
  }
  return out;
}

std::string IssuerKey(std::string_view issuer) {
  std::string key;
  for (const std::string& word : SplitWords(issuer)) {
    std::string part;
    // Only capitalised abbreviations of whole bodies are expanded; "CT"
    // or "TU" inside a name are left alone.
    // Exact spelling only: "TỨ" (in "TỨ KỲ") is not "TU" (tỉnh ủy).
    if (word.size() >= 4) {
      for (const text::Abbreviation& a : text::Abbreviations()) {
        if (a.abbrev == word) part = text::FoldText(a.expansion);
      }
    }
    if (part.empty()) part = text::FoldText(word);
    if (!key.empty()) key.push_back(' ');
    key += part;
  }
  return key;
}

bool IssuersCompatible(std::string_view a, std::string_view b) {
  std::string ka = " " + IssuerKey(a) + " ";
  std::string kb = " " + IssuerKey(b) + " ";
  if (ka.size() <= 2 || kb.size() <= 2) return false;
  return ka.find(kb) != std::string::npos || kb.find(ka) != std::string::npos;
}

std::string IssuerPlaceSlug(std::string_view issuer) {
  // Levels, longest first; party committees ("tỉnh ủy") before "tỉnh".
  static const std::array<std::string_view, 12> kLevels = {
      "tinh uy",  "huyen uy", "thanh uy", "dang uy", "thanh pho", "thi xa",
      "thi tran", "tinh",     "huyen",    "xa",      "quan",      "phuong"};
  std::string key = " " + IssuerKey(issuer) + " ";
  size_t best = std::string::npos;
  std::string_view level;
  for (std::string_view lv : kLevels) {
    std::string pat = " " + std::string(lv) + " ";
    size_t pos = key.rfind(pat);
    if (pos != std::string::npos && (best == std::string::npos || pos > best)) {
      best = pos;
      level = lv;
    }
  }
  if (best == std::string::npos) return "";
  std::string place = std::string(Trim(key.substr(best + level.size() + 2)));
  return Slug(place.empty() ? std::string(level) : place);
}

std::string IssuerFromSymbol(std::string_view number) {
  std::string code = LastCode(number);
  if (code == "CP") return "Chính phủ";
  if (code == "TTg") return "Thủ tướng Chính phủ";
  if (code.size() >= 2 && code.substr(0, 2) == "QH") return "Quốc hội";
  return "";
}

bool HasLocalIssuerCode(std::string_view number) {
  std::string code = LastCode(number);
  return code == "UBND" || code == "HĐND" || code == "TU" || code == "HU" || code == "ĐU" ||
         code == "BDV" || code == "BTV";
}

std::string YearInNumber(std::string_view number) {
  size_t i = 0;
  while (i < number.size()) {
    size_t j = i;
    while (j < number.size() && number[j] >= '0' && number[j] <= '9') ++j;
    if (j - i == 4 && i > 0 && number[i - 1] == '/' && j < number.size() && number[j] == '/') {
      return std::string(number.substr(i, 4));
    }
    i = j + 1;
  }
  return "";
}

std::string ShortNumberYear(std::string_view number) {
  size_t slash = number.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash > 4) return "";
  std::string_view sequence = number.substr(0, slash);
  std::string_view year = number.substr(slash + 1);
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(sequence) || year.size() != 4 || !digits(year)) return "";
  if (year.substr(0, 2) != "19" && year.substr(0, 2) != "20") return "";
  return std::string(year);
}

bool ShortNumberMatches(std::string_view short_number, std::string_view number) {
  auto unpadded = [](std::string_view s) {
    while (s.size() > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9') s.remove_prefix(1);
    return s;
  };
  if (ShortNumberYear(short_number).empty()) return false;
  std::string_view want = unpadded(short_number);
  std::string_view have = unpadded(number);
  return have.size() > want.size() + 1 && have.substr(0, want.size()) == want &&
         have[want.size()] == '/';
}

std::string IsoDate(int day, int month, int year) {
  static const std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return "";
  if (day < 1 || day > kDays[month - 1]) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string IsoDateFromDmy(std::string_view dmy) {
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int k = 0;
  for (char c : dmy) {
    if (c >= '0' && c <= '9') {
      if (digits[k] == 4) return "";
      parts[k] = parts[k] * 10 + (c - '0');
      ++digits[k];
    } else if ((c == '/' || c == '-' || c == '.') && k < 2 && digits[k] > 0) {
      ++k;
    } else {
      return "";
    }
  }
  if (k != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4) return "";
  return IsoDate(parts[0], parts[1], parts[2]);
}

int RomanToInt(std::string_view roman) {
  if (roman.empty() || roman.size() > 9) return 0;
  auto value = [](char c) {
    switch (c) {
      case 'I':
        return 1;
      case 'V':
        return 5;
      case 'X':
        return 10;
      case 'L':
        return 50;
      case 'C':
        return 100;
      default:
        return 0;
    }
  };
  int total = 0;
  for (size_t i = 0; i < roman.size(); ++i) {
    int v = value(roman[i]);
    if (v == 0) return 0;
    int next = i + 1 < roman.size() ? value(roman[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total <= 300 ? total : 0;
}

}  // namespace vanban::legal::internal

namespace vanban::legal::internal {

const std::vector<DocType>& DocTypes() {
  static const std::vector<DocType>* const types = new std::vector<DocType>{
      {"thông tư liên tịch", "Thông tư liên tịch", false, true},
      {"nghị quyết liên tịch", "Nghị quyết liên tịch", false, true},
      {"chỉ thị", "Chỉ thị", false, false},
      {"quyết định", "Quyết định", false, true},
      {"nghị quyết", "Nghị quyết", true, true},
      {"kết luận", "Kết luận", false, false},
      {"quy định", "Quy định", false, false},
      {"quy chế", "Quy chế", false, false},
      {"bộ luật", "Bộ luật", true, true},
      {"luật", "Luật", true, true},
      {"pháp lệnh", "Pháp lệnh", true, true},
      {"nghị định", "Nghị định", false, true},
      {"thông tư", "Thông tư", false, true},
      {"kế hoạch", "Kế hoạch", false, false},
      {"công văn", "Công văn", false, false},
      {"báo cáo", "Báo cáo", false, false},
      {"hướng dẫn", "Hướng dẫn", false, false},
      {"thông báo", "Thông báo", false, false},
      {"tờ trình", "Tờ trình", false, false},
      {"đề án", "Đề án", false, false},
  };
  return *types;
}

const DocType* FindDocType(std::string_view lower) {
  for (const DocType& t : DocTypes()) {
    if (t.lower == lower) return &t;
  }
  return nullptr;
}

namespace {

size_t ReadInt(std::string_view s, size_t i, int* value, int max_digits) {
  size_t j = i;
  *value = 0;
  while (j < s.size() && j - i < static_cast<size_t>(max_digits) && s[j] >= '0' && s[j] <= '9') {
    *value = *value * 10 + (s[j] - '0');
    ++j;
  }
  return j;
}

}  // namespace

std::string ParseDateAt(std::string_view s, size_t* len) {
  int d = 0, m = 0, y = 0;
  size_t i = ReadInt(s, 0, &d, 2);
  if (i == 0) return "";
  if (i < s.size() && (s[i] == '/' || s[i] == '-')) {
    char sep = s[i];
    size_t j = ReadInt(s, i + 1, &m, 2);
    if (j == i + 1 || j >= s.size() || s[j] != sep) return "";
    size_t k = ReadInt(s, j + 1, &y, 4);
    if (k != j + 5 || (k < s.size() && s[k] >= '0' && s[k] <= '9')) return "";
    *len = k;
    return IsoDate(d, m, y);
  }
  static constexpr std::string_view kMonth = " tháng ";
  static constexpr std::string_view kYear = " năm ";
  if (s.substr(i, kMonth.size()) != kMonth) return "";
  size_t j = ReadInt(s, i + kMonth.size(), &m, 2);
  if (j == i + kMonth.size() || s.substr(j, kYear.size()) != kYear) return "";
  size_t k = ReadInt(s, j + kYear.size(), &y, 4);
  if (k != j + kYear.size() + 4) return "";
  *len = k;
  return IsoDate(d, m, y);
}

}  // namespace vanban::legal::internal
