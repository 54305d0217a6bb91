// Hand-built documents for rendering tests: an excerpt of the Ngọc Kỳ plan
// (corpus/) with its units and citations, offsets computed from the text.
#ifndef VANBAN_TESTS_SERVER_FIXTURES_H_
#define VANBAN_TESTS_SERVER_FIXTURES_H_

#include <string>

#include "legal/document.h"
#include "search/searcher.h"

namespace vanban::server::testing {

inline legal::Citation CiteAt(const std::string& text, const std::string& raw,
                              legal::CitationStatus status, const std::string& id,
                              const std::string& anchor = "") {
  legal::Citation c;
  c.begin = text.find(raw);
  c.end = c.begin + raw.size();
  c.raw = raw;
  c.status = status;
  c.resolved_id = id;
  c.anchor = anchor;
  return c;
}

inline void AddParagraph(legal::Document* doc, const std::string& line, bool heading, int unit) {
  size_t begin = doc->text.size();
  doc->text += line;
  doc->paragraphs.push_back({begin, doc->text.size(), unit, heading});
  doc->text += "\n";
}

// Two sections of the plan; four citations: Chỉ thị 33 (resolved, twice),
// Quyết định 23 (resolved, to Điều 2), Kết luận 114 (not in catalog) and a
// self reference.
inline search::StoredDocument PlanExcerpt() {
  search::StoredDocument s;
  legal::Document& d = s.doc;
  d.id = "ke-hoach-dan-van-chinh-quyen-2023-xa-ngoc-ky";
  d.meta.type = "Kế hoạch";
  d.meta.issuer = "UBND xã Ngọc Kỳ";
  d.meta.title =
      "Triển khai thực hiện công tác dân vận chính quyền năm 2023 trên địa bàn xã Ngọc Kỳ";
  AddParagraph(&d, "I. MỤC ĐÍCH, YÊU CẦU", true, 0);
  AddParagraph(
      &d,
      "- Triển khai, thực hiện nghiêm túc, chặt chẽ, đảm bảo chất lượng, hiệu quả Chỉ thị số "
      "33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về “Tiếp tục tăng cường và đổi mới "
      "công tác dân vận của cơ quan nhà nước và chính quyền các cấp trong tình hình mới”.",
      false, 0);
  size_t section2 = d.text.size();
  AddParagraph(&d, "II. NHIỆM VỤ TRỌNG TÂM", true, 1);
  AddParagraph(
      &d,
      "Đặc biệt là Quyết định số 23- QĐ/TW ngày 30/7/2021 của Bộ Chính trị về Quy chế công "
      "tác dân vận của hệ thống chính trị; Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí "
      "thư Trung ương Đảng về nâng cao hiệu quả công tác dân vận. Thực hiện tốt Chỉ thị số "
      "33/CT-TTg theo Kế hoạch này.",
      false, 1);
  d.units.push_back(
      {legal::UnitKind::kSection, "I", "I", "MỤC ĐÍCH, YÊU CẦU", "muc-1", 0, section2, -1, ""});
  d.units.push_back({legal::UnitKind::kSection, "II", "II", "NHIỆM VỤ TRỌNG TÂM", "muc-2", section2,
                     d.text.size(), -1, ""});
  using S = legal::CitationStatus;
  d.citations.push_back(CiteAt(d.text, "Chỉ thị số 33/CT-TTg ngày 26/11/2021", S::kResolved,
                               "chi-thi-33-ct-ttg-2021"));
  d.citations.push_back(CiteAt(d.text, "Quyết định số 23- QĐ/TW ngày 30/7/2021", S::kResolved,
                               "quyet-dinh-23-qd-tw-2021", "dieu-2"));
  legal::Citation kl = CiteAt(d.text, "Kết luận số 114-KL/TW", S::kNotInCatalog, "");
  kl.type = "Kết luận";
  kl.number = "114-KL/TW";
  d.citations.push_back(kl);
  legal::Citation again =
      CiteAt(d.text, "Chỉ thị số 33/CT-TTg theo", S::kResolved, "chi-thi-33-ct-ttg-2021");
  again.end -= 5;  // " theo"
  again.raw = "Chỉ thị số 33/CT-TTg";
  d.citations.push_back(again);
  d.citations.push_back(CiteAt(d.text, "Kế hoạch này", S::kSelf, d.id));
  s.has_text = true;
  s.source_path = "corpus/ke-hoach-dan-van-chinh-quyen-2023-xa-ngoc-ky.txt";
  s.format = "txt";
  s.encoding = "UTF-8";
  return s;
}

}  // namespace vanban::server::testing

#endif  // VANBAN_TESTS_SERVER_FIXTURES_H_
