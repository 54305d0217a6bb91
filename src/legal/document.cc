#include "legal/document.h"

#include <algorithm>

namespace vanban::legal {

std::string DisplayDate(std::string_view iso) {
  auto digits = [&](size_t pos, size_t n) {
    for (size_t i = pos; i < pos + n; ++i) {
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return false;
    }
    return true;
  };
  if (iso.size() == 10 && digits(0, 4) && iso[4] == '-' && digits(5, 2) && iso[7] == '-' &&
      digits(8, 2)) {
    std::string out;
    out.append(iso.substr(8, 2)).push_back('/');
    out.append(iso.substr(5, 2)).push_back('/');
    out.append(iso.substr(0, 4));
    return out;
  }
  return std::string(iso);
}

namespace {

// The title starts with the type as a whole word ("Luật" is not the type
// of a title "Luậtx …"), or there is no type.
bool TitleNamesType(std::string_view type, std::string_view title) {
  return title.starts_with(type) &&
         (type.empty() || title.size() == type.size() || title[type.size()] == ' ');
}

}  // namespace

HeadingName HeadingOf(std::string_view type, std::string_view number, std::string_view title,
                      std::string_view number_word) {
  HeadingName h;
  if (!number.empty()) {
    if (!type.empty()) h.name.append(type).append(number_word);
    h.name.append(number);
    h.title = title;
    // "Nghị định Về công bố …", as a Pháp điển source line names a decree:
    // its subject under the number, the type shown once (A7, QA 21). A
    // name ("Luật Khiếu nại") stays whole.
    if (!type.empty() && TitleNamesType(type, title) && title.size() > type.size() + 1) {
      std::string_view rest = title.substr(type.size() + 1);
      if (rest.starts_with("Về ") || rest.starts_with("về ")) h.title = rest;
    }
  } else if (!title.empty() && TitleNamesType(type, title)) {
    h.name = title;
  } else {
    h.name = type;
    h.title = title;
  }
  return h;
}

std::string ShortName(std::string_view type, std::string_view number, std::string_view title,
                      std::string_view fallback) {
  if (number.empty() && title.empty()) return std::string(fallback);
  // "Chỉ thị 33/CT-TTg"; "Luật Khiếu nại"; "Nghị quyết Đại hội ...", which
  // already names its type.
  HeadingName h = HeadingOf(type, number, title);
  if (!number.empty() || h.title.empty()) return h.name;
  return h.name + " " + h.title;
}

namespace {

// text[i] ends a sentence.
bool IsSentenceEnd(std::string_view text, size_t i) {
  char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

size_t SentenceStart(std::string_view text, std::string_view sentence, size_t begin) {
  constexpr std::string_view kCut = "…";
  size_t prefix = sentence.starts_with(kCut) ? kCut.size() : 0;
  std::string_view body = sentence.substr(prefix);
  if (body.ends_with(kCut)) body.remove_suffix(kCut.size());
  size_t at = text.rfind(body, begin);
  return at == std::string_view::npos || at < prefix ? std::string_view::npos : at - prefix;
}

std::string SentenceAround(std::string_view text, size_t begin, size_t end) {
  constexpr size_t kMaxSide = 600;
  begin = std::min(begin, text.size());
  end = std::clamp(end, begin, text.size());
  size_t start = begin;
  while (start > 0 && !IsSentenceEnd(text, start - 1) && begin - start < kMaxSide) --start;
  bool cut_front = start > 0 && !IsSentenceEnd(text, start - 1);
  // A sentence too long to show whole is cut at the clause (';') around the
  // citation when there is one: a list of documents ("…; Quyết định số
  // 23-QĐ/TW … của Bộ Chính trị về …; …") shows the item, not a span of
  // bytes that starts or ends mid-name.
  size_t semicolon = cut_front ? text.substr(0, begin).rfind(';') : std::string_view::npos;
  if (cut_front && semicolon != std::string_view::npos && semicolon >= start) {
    start = semicolon + 1;
  } else if (cut_front) {
    // After the first space, so that no word is cut.
    size_t space = text.substr(0, begin).find(' ', start);
    if (space != std::string_view::npos) {
      start = space + 1;
    } else {
      while (start < begin && IsContinuationByte(text[start])) ++start;
    }
  }
  size_t stop = end;
  while (stop < text.size() && !IsSentenceEnd(text, stop) && stop - end < kMaxSide) ++stop;
  bool cut_back = stop < text.size() && !IsSentenceEnd(text, stop);
  semicolon = cut_back ? text.substr(0, stop).find(';', end) : std::string_view::npos;
  if (cut_back && semicolon != std::string_view::npos) {
    stop = semicolon;
  } else if (cut_back) {
    size_t space = text.rfind(' ', stop);
    if (space != std::string_view::npos && space >= end) {
      stop = space;
    } else {
      while (stop > end && IsContinuationByte(text[stop])) --stop;
    }
  } else if (stop < text.size() && text[stop] != '\n') {
    ++stop;  // the full stop
  }
  std::string_view s = text.substr(start, stop - start);
  while (!s.empty() && (s.front() == ' ' || s.front() == '-')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  std::string out;
  if (cut_front) out = "…";
  out.append(s);
  if (cut_back) out += "…";
  return out;
}

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPart:
      return "part";
    case UnitKind::kChapter:
      return "chapter";
    case UnitKind::kSection:
      return "section";
    case UnitKind::kSubsection:
      return "subsection";
    case UnitKind::kArticle:
      return "article";
    case UnitKind::kClause:
      return "clause";
    case UnitKind::kPoint:
      return "point";
    case UnitKind::kItem:
      return "item";
  }
  return "unknown";
}

int Document::UnitAt(size_t offset) const {
  // Units are in document order (sorted by begin) with parents before
  // children: the last unit starting at or before the offset, or one of its
  // ancestors, is the innermost one containing it. O(log n + depth).
  auto it = std::upper_bound(units.begin(), units.end(), offset,
                             [](size_t off, const Unit& u) { return off < u.begin; });
  if (it == units.begin()) return -1;
  int u = static_cast<int>(it - units.begin()) - 1;
  while (u >= 0 && !(units[u].begin <= offset && offset < units[u].end)) u = units[u].parent;
  return u;
}

int Document::PlaceAt(size_t offset) const {
  int innermost = UnitAt(offset);
  for (int u = innermost; u >= 0; u = units[u].parent) {
    if (units[u].kind == UnitKind::kArticle) return u;
  }
  return innermost;
}

int Document::FindAnchor(const std::string& anchor) const {
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].anchor == anchor) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace vanban::legal
