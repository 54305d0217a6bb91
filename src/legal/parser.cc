#include "legal/parser.h"

#include <algorithm>
#include <map>
#include <set>

#include "legal/citation_extractor.h"
#include "legal/layout.h"
#include "legal/metadata.h"
#include "legal/names.h"
#include "legal/numbering.h"
#include "legal/structure.h"
#include "text/analyzer.h"

namespace vanban::legal {
namespace {

constexpr size_t kMaxTitleSlug = 60;

// The article number of the innermost Điều around `offset`, or "".
std::string ArticleAt(const Document& doc, size_t offset) {
  for (int u = doc.UnitAt(offset); u >= 0; u = doc.units[u].parent) {
    if (doc.units[u].kind == UnitKind::kArticle) return doc.units[u].number;
  }
  return "";
}

// The anchor of the innermost unit of `kind` around `offset`, or "".
std::string EnclosingAnchor(const Document& doc, size_t offset, UnitKind kind) {
  for (int u = doc.UnitAt(offset); u >= 0; u = doc.units[u].parent) {
    if (doc.units[u].kind == kind) return doc.units[u].anchor;
  }
  return "";
}

// The anchor of a part cited without an article, built as the structure
// builds it ("chuong-2-muc-1-tieu-muc-3"): "này" is the unit around the
// citation; in the citing document, the levels above the one named are the
// ones around it too ("Mục 2" in Chương II is "chuong-2-muc-2").
std::string PartAnchor(const Document& doc, const internal::ExtractedCitation& ec) {
  const std::string* given[3] = {&ec.chapter, &ec.section, &ec.subsection};
  const UnitKind kinds[3] = {UnitKind::kChapter, UnitKind::kSection, UnitKind::kSubsection};
  const char* stems[3] = {"chuong-", "muc-", "tieu-muc-"};
  int lowest = -1;
  for (int l = 0; l < 3; ++l) {
    if (!given[l]->empty()) lowest = l;
  }
  std::string anchor;
  for (int l = 0; l <= lowest; ++l) {
    const std::string& g = *given[l];
    if (g == "này" || (g.empty() && ec.citation.self)) {
      std::string around = EnclosingAnchor(doc, ec.citation.begin, kinds[l]);
      if (!around.empty() || g == "này") anchor = around;
      if (g == "này" && around.empty()) return "";  // no such unit around it
      continue;
    }
    if (g.empty()) continue;
    int roman = internal::RomanToInt(g);
    std::string key = g[0] >= '0' && g[0] <= '9' ? g : std::to_string(roman);
    anchor = (anchor.empty() ? "" : anchor + "-") + stems[l] + key;
  }
  return anchor;
}

// The innermost clause (khoản) around `offset` and its article, or false.
bool ClauseAt(const Document& doc, size_t offset, std::string* article, std::string* clause) {
  for (int u = doc.UnitAt(offset); u >= 0; u = doc.units[u].parent) {
    if (doc.units[u].kind != UnitKind::kClause) continue;
    *clause = doc.units[u].number;
    *article = ArticleAt(doc, offset);
    return !article->empty();
  }
  return false;
}

// "khoản 2 Điều này" / "khoản 3" (same article): the article is the one
// the citation stands in; "khoản này" the clause; "Chương này", "Mục 2"
// likewise. Outside any article (a plan's "khoản 3") or clause they name
// nothing: dropped, not made a link to the top of the citing document. So
// is "Điều 3" with no document named, or with "Nghị định này", in a
// document without articles: it is of some other document, which the
// scanner could not tell.
void FillThisArticle(std::vector<internal::ExtractedCitation> found, Document* doc) {
  bool has_articles = std::any_of(doc->units.begin(), doc->units.end(),
                                  [](const Unit& u) { return u.kind == UnitKind::kArticle; });
  doc->citations.reserve(found.size());
  for (internal::ExtractedCitation& ec : found) {
    Citation& c = ec.citation;
    if (ec.this_clause && !ClauseAt(*doc, c.begin, &c.article, &c.clause)) continue;
    if (ec.this_article) {
      c.article = ArticleAt(*doc, c.begin);
      if (c.article.empty()) continue;
    }
    // Named too: "Điều 3 của Nghị định này" in a plan (C5, session 15)
    // was a link to an article the plan does not have.
    if (c.self && !c.article.empty() && !has_articles) continue;
    c.part = PartAnchor(*doc, ec);
    doc->citations.push_back(std::move(c));
  }
}

// The article, around byte `at`, of another act in a Pháp điển đề mục
// (anchored by its code, structure.cc), or -1.
int OtherActsArticleAt(const Document& doc, size_t at) {
  int u = doc.UnitAt(at);
  while (u >= 0 && doc.units[u].kind != UnitKind::kArticle) u = doc.units[u].parent;
  if (u < 0 || doc.units[u].code.empty()) return -1;
  // Its anchor, "-2" and so on aside: the Pháp điển gives two acts' articles
  // one code at times (8.4.TL.1.5, of 01/2016/TTLT and of 01/2001/TTLT).
  const Unit& a = doc.units[u];
  return a.anchor.starts_with("dieu-" + internal::Slug(a.code)) ? u : -1;
}

// The citations inside an article of another act in a Pháp điển đề mục
// (OtherActsArticleAt) belong to that act:
// - Citation::citing_date: the date its source line says the article is in
//   force from ("(Điều 65 Nghị định số 126/2014/NĐ-CP, có hiệu lực thi hành
//   kể từ ngày 15/02/2015)"), when later than the document's own date (S6,
//   session 16);
// - Citation::article_key, for an article cited naming no document ("khoản
//   1 Điều này", "Điều 25 của Nghị định này"): that act's article, anchored
//   by its code ("8.4.NĐ.2.25" -> "8-4-nd-2-25"). N3 (session 16): they
//   linked to "khoan-24-1", the law's own article since S3. "Điều 8 Luật số
//   52/2014/QH13" there is the law's own Điều 8 (MarkOwnNumber).
void PlaceCitationsInOtherActs(Document* doc) {
  static constexpr std::string_view kFrom = "kể từ ngày ";
  std::map<int, std::string> dates;  // article unit -> its date, or ""
  auto date_of = [&](int u) -> const std::string& {
    auto [it, added] = dates.try_emplace(u);
    if (!added) return it->second;
    std::string_view text = doc->text;
    size_t line = text.find('\n', doc->units[u].begin);
    if (line == std::string_view::npos) return it->second;
    std::string_view source = text.substr(line + 1);
    source = source.substr(0, source.find('\n'));
    size_t from = source.starts_with("(Điều ") ? source.find(kFrom) : std::string_view::npos;
    if (from == std::string_view::npos) return it->second;
    std::string_view dmy = source.substr(from + kFrom.size());
    std::string iso = internal::IsoDateFromDmy(dmy.substr(0, dmy.find_first_of(" ,)")));
    if (iso > doc->meta.date) it->second = iso;
    return it->second;
  };
  for (Citation& c : doc->citations) {
    if (c.source_note) continue;
    int u = OtherActsArticleAt(*doc, c.begin);
    if (u < 0) continue;
    c.citing_date = date_of(u);
    if (!c.self || c.article.empty() || !c.number.empty() || !c.name.empty()) continue;
    const Unit& around = doc->units[u];
    if (c.article == around.number) {
      c.article_key = around.anchor.substr(std::string_view("dieu-").size());
    } else {
      c.article_key = internal::Slug(around.code.substr(0, around.code.rfind('.') + 1) + c.article);
    }
  }
}

// A document naming its own number (its heading "Quyết định số
// 55/QĐ-UBND" read as a citation, "Quyết định số 55/QĐ-UBND này") cites
// itself, as "Quyết định này" does: the same number, and no other type,
// issuer or date (nor one the document does not state). Before, it was "not in the catalog" (or,
// for a catalogued document, a link to itself as to another document).
void MarkOwnNumber(Document* doc) {
  const Metadata& m = doc->meta;
  if (m.number.empty()) return;
  std::string own = text::FoldText(m.number);
  for (Citation& c : doc->citations) {
    if (c.self || c.source_note || c.number.empty()) continue;
    // "Nghị định 61/2023" in Nghị định 61/2023/NĐ-CP: its own number
    // without the symbol, of its own type.
    bool short_own = internal::ShortNumberMatches(c.number, m.number) && !m.type.empty();
    if (text::FoldText(c.number) != own && !short_own) continue;
    if (!c.type.empty() && !m.type.empty() && text::FoldText(c.type) != text::FoldText(m.type)) {
      continue;
    }
    // A date or issuer the citation states must be the document's own,
    // known: local numbers repeat across issuers and years.
    if (!c.date.empty() && c.date != m.date) continue;
    if (!c.issuer.empty() &&
        (m.issuer.empty() || !internal::IssuersCompatible(c.issuer, m.issuer))) {
      continue;
    }
    c.self = true;
  }
}

// Slug of a title without its leading type ("Nghị quyết Đại hội ..." ->
// "dai-hoi-..."), cut at a word boundary.
std::string TitleSlug(const Metadata& meta) {
  std::string slug = internal::Slug(meta.title);
  std::string type = internal::Slug(meta.type);
  if (!type.empty() && slug.rfind(type + "-", 0) == 0) slug = slug.substr(type.size() + 1);
  if (slug.size() > kMaxTitleSlug) {
    size_t cut = slug.rfind('-', kMaxTitleSlug);
    slug = slug.substr(0, cut == std::string::npos ? kMaxTitleSlug : cut);
  }
  return slug;
}

// Chapters or articles numbered with a gap ("Chương III" then "Chương V"):
// a part missing from the copy (the Pháp điển leaves out what was
// repealed), which a reader of the text should be told. A restart
// ("Điều 1" of an annexed regulation) is not a gap. Many gaps are capped
// as other repeated warnings are (CapRepeatedWarnings).
void WarnNumberingGaps(Document* doc) {
  for (UnitKind kind : {UnitKind::kChapter, UnitKind::kArticle}) {
    for (const NumberingGap& gap : NumberingGaps(*doc, kind)) {
      doc->warnings.push_back("Đánh số không liên tục: sau " + doc->units[gap.before].label +
                              " là " + doc->units[gap.after].label +
                              " (văn bản có thể thiếu phần ở giữa)");
    }
  }
}

// "Neo trùng lặp \"dieu-1\": …" -> "Neo trùng lặp".
std::string_view WarningKind(std::string_view w) {
  size_t end = w.size();
  for (std::string_view stop : {"\"", "«", "(", ":"}) end = std::min(end, w.find(stop));
  for (size_t i = 0; i + 1 < end; ++i) {  // a number as a word ("byte 7"), not "UTF-8"
    if (w[i] == ' ' && w[i + 1] >= '0' && w[i + 1] <= '9') end = i;
  }
  return internal::Trim(w.substr(0, end));
}

}  // namespace

void CapRepeatedWarnings(std::vector<std::string>* warnings, size_t keep) {
  std::map<std::string, std::pair<size_t, size_t>> kinds;  // kind -> (seen, index of "… và")
  std::vector<std::string> out;
  std::set<std::string_view> distinct;  // views of *warnings, which stays put until the end
  for (std::string& w : *warnings) {
    if (!distinct.insert(w).second) continue;  // the same words twice say nothing more
    auto& [seen, summary] = kinds[std::string(WarningKind(w))];
    if (++seen <= keep) {
      out.push_back(w);
    } else if (seen == keep + 1) {
      summary = out.size();
      out.emplace_back();
    }
  }
  for (const auto& [kind, counts] : kinds) {
    if (counts.first <= keep) continue;
    out[counts.second] = "… và " + std::to_string(counts.first - keep) + " cảnh báo tương tự";
    if (!kind.empty()) out[counts.second] += " (" + kind + ")";
  }
  *warnings = std::move(out);
}

Document ParseDocument(std::string_view input) {
  Document doc;
  std::string nfc = text::Normalize(input, &doc.warnings);
  internal::Layout layout = internal::Reflow(nfc);
  doc.text = std::move(layout.text);
  internal::BuildStructure(layout, &doc);
  doc.meta = internal::ExtractMetadata(layout, doc.text, &doc.warnings);
  std::vector<internal::ExtractedCitation> found = internal::ScanCitations(doc.text, &doc.warnings);
  FillThisArticle(std::move(found), &doc);
  MarkOwnNumber(&doc);
  PlaceCitationsInOtherActs(&doc);
  WarnNumberingGaps(&doc);
  if (doc.text.empty()) {
    doc.warnings.push_back("Văn bản rỗng: không có nội dung");
  } else if (doc.units.empty()) {
    doc.warnings.push_back(
        "Không nhận ra cấu trúc (Chương/Điều/mục La Mã): văn bản chỉ được chia thành đoạn");
  }
  if (!doc.meta.type.empty() || !doc.meta.number.empty() || !doc.meta.title.empty()) {
    doc.id = MakeDocumentId(doc.meta);
  }
  CapRepeatedWarnings(&doc.warnings);
  return doc;
}

std::vector<Citation> ExtractCitations(std::string_view text) {
  std::vector<Citation> out;
  for (internal::ExtractedCitation& ec : internal::ScanCitations(text, nullptr)) {
    out.push_back(std::move(ec.citation));
  }
  return out;
}

std::string MakeDocumentId(const Metadata& meta) {
  std::string id = internal::Slug(meta.type);
  auto add = [&id](const std::string& part) {
    if (part.empty()) return;
    if (!id.empty()) id.push_back('-');
    id += part;
  };
  if (!meta.number.empty()) {
    add(internal::Slug(meta.number));
    if (internal::YearInNumber(meta.number).empty() && meta.date.size() >= 4) {
      add(meta.date.substr(0, 4));
    }
    if (internal::HasLocalIssuerCode(meta.number)) add(internal::IssuerPlaceSlug(meta.issuer));
    return id;
  }
  add(internal::IssuerPlaceSlug(meta.issuer));
  if (meta.date.size() >= 4) add(meta.date.substr(0, 4));
  add(TitleSlug(meta));
  return id;
}

}  // namespace vanban::legal
