#include "legal/citation.h"

namespace vanban::legal {

const char* CitationStatusName(CitationStatus status) {
  switch (status) {
    case CitationStatus::kUnresolved:
      return "unresolved";
    case CitationStatus::kResolved:
      return "resolved";
    case CitationStatus::kSelf:
      return "self";
    case CitationStatus::kNotInCatalog:
      return "not-in-catalog";
    case CitationStatus::kAmbiguous:
      return "ambiguous";
  }
  return "unknown";
}

std::string Citation::Describe() const {
  std::string out;
  if (!name.empty()) {
    out = name;
  } else {
    out = type;
    if (!number.empty()) out += (out.empty() ? "" : " ") + number;
    if (self && article.empty() && clause.empty() && !type.empty())
      out += (out.empty() ? "" : " ") + std::string("này");
    if (out.empty()) out = self ? "(văn bản này)" : "?";
  }
  if (!point.empty()) out += " point=" + point;
  if (!clause.empty()) out += " clause=" + clause;
  if (!article.empty()) out += " art=" + article;
  if (!part.empty()) out += " part=" + part;
  if (!date.empty()) out += " date=" + date;
  if (date.empty() && !year.empty()) out += " year=" + year;
  if (!issuer.empty()) out += " issuer=" + issuer;
  if (source_note) out += " source-note";
  out += " -> ";
  if (status == CitationStatus::kResolved || status == CitationStatus::kSelf) {
    out += status == CitationStatus::kSelf ? "self" : resolved_id;
    if (!anchor.empty()) out += "#" + anchor;
  } else {
    out += CitationStatusName(status);
  }
  return out;
}

}  // namespace vanban::legal

namespace vanban::legal {

namespace {
// Anchors are ASCII: điểm "đ" is "dd" so that it differs from "d". A
// range "a-k" links to its first point.
std::string PointKey(const std::string& point) {
  std::string first = point.substr(0, point.find('-'));
  return first == "đ" ? "dd" : first;
}
}  // namespace

std::string CitationAnchor(const Citation& c) {
  if (c.article.empty()) return c.part;
  const std::string& article = c.article_key.empty() ? c.article : c.article_key;
  bool one_clause = !c.clause.empty() && c.clause.find(',') == std::string::npos;
  bool one_point = !c.point.empty() && c.point.find(',') == std::string::npos;
  if (one_clause && one_point) return "diem-" + article + "-" + c.clause + "-" + PointKey(c.point);
  if (one_clause) return "khoan-" + article + "-" + c.clause;
  if (c.clause.empty() && one_point) return "diem-" + article + "-" + PointKey(c.point);
  return "dieu-" + article;
}

}  // namespace vanban::legal
