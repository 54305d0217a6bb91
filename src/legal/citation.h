// A reference from one document to another (or to itself), as found in the
// text, and its resolution against the catalog.
// Plain value types; thread-compatible.
#ifndef VANBAN_LEGAL_CITATION_H_
#define VANBAN_LEGAL_CITATION_H_

#include <cstddef>
#include <string>
#include <vector>

namespace vanban::legal {

enum class CitationStatus {
  kUnresolved,    // not yet resolved
  kResolved,      // resolved_id names a catalog document
  kSelf,          // "Kế hoạch này", "Luật này", "khoản 2 Điều này"
  kNotInCatalog,  // parsed, but no catalog document matches
  kAmbiguous,     // several catalog documents match and nothing tells them apart
};
const char* CitationStatusName(CitationStatus status);  // "resolved", ...

struct Citation {
  size_t begin = 0;  // byte span in Document::text
  size_t end = 0;
  std::string raw;  // the text of the span
  // Parsed parts; empty when not stated.
  std::string type;     // "Chỉ thị", "Luật", ...
  std::string number;   // canonical number/symbol: "33/CT-TTg", "23-QĐ/TW", "10/2022/QH15"
  std::string name;     // for name-only references: "Luật Khiếu nại"
  std::string year;     // "2021"
  std::string date;     // ISO "2021-11-26"
  std::string issuer;   // "Thủ tướng Chính phủ", "UBND tỉnh Hải Dương"
  std::string article;  // "23" (Điều)
  std::string clause;   // "4" (khoản)
  std::string point;    // "a" (điểm); "a-k" for "điểm a đến điểm k" (links to "a")
  // A chapter or section cited without an article, as its anchor in the
  // cited document: "chuong-5" (Chương V), "chuong-2-muc-1".
  std::string part;
  // Several clauses or points of one article are one citation: "1,2,3,5,6".
  // The anchor then names the article (or the clause) that holds them all.
  // True for "… này" (Kế hoạch này, Luật này, khoản 2 Điều này) and for
  // article references with no document named: the citing document itself.
  bool self = false;
  // In a Pháp điển source line, after its head: "(Điều 59 Luật số
  // 02/2011/QH13, có hiệu lực …, bị bãi bỏ bởi Điều 35 Luật số
  // 42/2013/QH13 …)". The codifier's note on the document, not a citation
  // by it: linked in the text, but not counted among its citations (cited-by,
  // graph, missing texts, totals).
  bool source_note = false;
  // The date the citing text speaks from when it is not its document's: in
  // a Pháp điển đề mục, an article of another act speaks from that act's
  // time, told by its source line ("(Điều 65 Nghị định số 126/2014/NĐ-CP,
  // có hiệu lực thi hành kể từ ngày 15/02/2015)"): ISO, else empty. A name
  // it cites is none of the documents of that name issued after it. S6
  // (session 16): "Luật Hộ tịch" in Nghị định 126/2014's article, in Luật
  // Hôn nhân và gia đình's đề mục (2014-06-19), was ruled out as Luật
  // 60/2014/QH13 (2014-11-20).
  std::string citing_date;
  // The key the cited article's anchors take when it is not its number:
  // an article of another act in a Pháp điển đề mục cited from within
  // that act ("8-4-nd-2-25": "dieu-8-4-nd-2-25"); empty otherwise. Set by
  // the parser, read by CitationAnchor; not stored (the anchor is).
  std::string article_key;
  // Resolution.
  CitationStatus status = CitationStatus::kUnresolved;
  std::string resolved_id;  // catalog DocumentId (the citing doc's id for kSelf)
  std::string anchor;       // "dieu-23", "khoan-23-4" when an article is named
  std::string reason;       // why unresolved/ambiguous, in Vietnamese

  // One line for golden tests and the CLI, e.g.
  // "Chỉ thị 33/CT-TTg date=2021-11-26 issuer=Thủ tướng Chính phủ -> chi-thi-33-ct-ttg-2021",
  // "Luật Thực hiện dân chủ ở cơ sở clause=4 art=23 -> luat-10-2022-qh15#khoan-23-4",
  // "Kế hoạch này -> self", "Chỉ thị 08/CT-UBND -> ambiguous"; a source
  // note ends its parts with " source-note".
  std::string Describe() const;
};

// The anchor a citation points to in the cited document: "diem-5-1-a",
// "khoan-23-4", "dieu-23"; several clauses or points name their common
// parent. Empty when no article is known.
std::string CitationAnchor(const Citation& citation);

}  // namespace vanban::legal

#endif  // VANBAN_LEGAL_CITATION_H_
