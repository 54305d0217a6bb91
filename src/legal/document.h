// The model of a Vietnamese legal or administrative document: metadata,
// structure (addressable units with stable anchors) and citations.
// Plain value types; thread-compatible.
#ifndef VANBAN_LEGAL_DOCUMENT_H_
#define VANBAN_LEGAL_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "legal/citation.h"

namespace vanban::legal {

// Every field may be empty: a fact present neither in the text nor in the
// catalog stays empty and is shown as unknown. Nothing is ever guessed.
struct Metadata {
  std::string type;    // "Kế hoạch", "Luật", "Nghị định", ... (display form)
  std::string number;  // official number/symbol as written canonically: "47/KH-UBND", "23-QĐ/TW",
                       // "10/2022/QH15"
  std::string issuer;  // "UBND xã Ngọc Kỳ", "Quốc hội", "Bộ Chính trị"
  std::string place;   // "Tứ Kỳ"
  std::string date;    // ISO "2023-03-15" (signing / issue date)
  std::string title;   // subject line(s) after the type
  std::string signer;  // "Nguyễn Xuân Thoảng"
  std::string signer_position;          // "Chủ tịch"
  std::vector<std::string> recipients;  // "Nơi nhận:" list, one entry per line
  // Where the file copies are kept, from the "- Lưu: VT, VP." line that ends
  // "Nơi nhận:" ("VT, VP"): not a recipient.
  std::string filing;
  std::string effective_date;           // ISO "2023-07-01"
};

enum class UnitKind {
  kPart,        // Phần
  kChapter,     // Chương
  kSection,     // Mục (legal) / roman-numbered section "I." (plans)
  kSubsection,  // Tiểu mục
  kArticle,     // Điều
  kClause,      // khoản "1."
  kPoint,       // điểm "a)"
  kItem,        // numbered item "1." inside a plan section
};
const char* UnitKindName(UnitKind kind);  // "part", "chapter", ...

// "2021-11-26" -> "26/11/2021", as dates are written for readers; "2021"
// -> "2021"; empty stays empty; anything else is returned as is.
std::string DisplayDate(std::string_view iso);

// A document's name as a heading shows it, on two lines: `name` ("Chỉ thị
// 33/CT-TTg"; "Chỉ thị số 33/CT-TTg" with `number_word` " số "; the type
// alone when there is no number) over its `title`. A title that already
// starts with the type ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII
// của Đảng", "Luật Thanh tra"), or a title without a type, is the name
// itself, so that the type is shown once; `title` is then empty. Both are
// empty when type, number and title are. The one rule for the web pages'
// <h1>, the graph's centre and the CLI's headings; ShortName follows it.
struct HeadingName {
  std::string name;
  std::string title;
};
HeadingName HeadingOf(std::string_view type, std::string_view number, std::string_view title,
                      std::string_view number_word = " ");

// "Chỉ thị 33/CT-TTg", "Luật Khiếu nại" (type + number, or title when no
// number, or `fallback`): a document's name in lists and links.
std::string ShortName(std::string_view type, std::string_view number, std::string_view title,
                      std::string_view fallback);

// The sentence of `text` holding [begin, end), as a reader quotes it: from
// the previous sentence end ('.', '!' or '?' followed by a space, or a line
// break) to the next one, with its full stop. A ';' inside a line does not
// end it ("… khoản 4 Điều 23; khoản 4 Điều 33; …" is one sentence). A side
// longer than ~600 bytes is cut at a space and marked "…", never inside a
// word or a UTF-8 sequence.
std::string SentenceAround(std::string_view text, size_t begin, size_t end);

// Where SentenceAround's `sentence` for a citation at `begin` starts in
// `text`, as the offset of sentence[0] (a leading "…" counted before it),
// so that text[i] is sentence[i - start]; npos when it is not there.
size_t SentenceStart(std::string_view text, std::string_view sentence, size_t begin);

// An addressable unit. Anchors are stable and URL-safe:
//   Điều 5 -> "dieu-5", khoản 2 of Điều 5 -> "khoan-5-2",
//   điểm a of khoản 2 of Điều 5 -> "diem-5-2-a", Chương II -> "chuong-2",
//   plan section II -> "muc-2", item 3 of section II -> "muc-2-3".
struct Unit {
  UnitKind kind = UnitKind::kArticle;
  // As written ("Điều 5", "Chương II", "II", "3"), except Pháp điển articles:
  // "Điều 44.13.LQ.10" gets the law's own label "Điều 10" (code below).
  std::string label;
  std::string number;  // the official number: "5", "II", "a"
  std::string title;   // heading text after the label, may be empty
  std::string anchor;
  size_t begin = 0;  // byte span of the whole unit in Document::text
  size_t end = 0;
  int parent = -1;  // index into Document::units, -1 for top level
  std::string code;  // Pháp điển codification number "44.13.LQ.10", else empty
};

// One reflowed paragraph of the text (a sentence is never split across two).
struct Paragraph {
  size_t begin = 0;  // byte span in Document::text
  size_t end = 0;
  int unit = -1;         // innermost unit containing it, -1 if none
  bool heading = false;  // a unit heading line (Điều/Chương/I./1.)
};

struct Document {
  std::string id;  // stable DocumentId (see legal/document_id.h); may be empty until resolved
  Metadata meta;
  std::string text;  // NFC, reflowed: paragraphs separated by "\n"
  std::vector<Paragraph> paragraphs;
  std::vector<Unit> units;            // document order; parents before children
  std::vector<Citation> citations;    // document order
  std::vector<std::string> warnings;  // parser warnings a user may need

  // The innermost unit containing byte `offset`, or -1.
  int UnitAt(size_t offset) const;
  // The unit with this anchor, or -1.
  int FindAnchor(const std::string& anchor) const;
  // The unit a reader names the place at byte `offset` by: the article
  // containing it ("Điều 5", not its khoản), else the innermost unit (a
  // plan's item "II.3", its section "II", a chapter); -1 if none.
  int PlaceAt(size_t offset) const;
};

}  // namespace vanban::legal

#endif  // VANBAN_LEGAL_DOCUMENT_H_
