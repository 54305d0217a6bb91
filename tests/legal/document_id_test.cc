// DocumentId rules (legal/parser.h, README "Document ids").
#include <gtest/gtest.h>

#include "legal/parser.h"

namespace vanban::legal {
namespace {

Metadata Meta(std::string type, std::string number, std::string date, std::string issuer,
              std::string title = "") {
  Metadata m;
  m.type = std::move(type);
  m.number = std::move(number);
  m.date = std::move(date);
  m.issuer = std::move(issuer);
  m.title = std::move(title);
  return m;
}

TEST(DocumentIdTest, GoldenTable) {
  struct Case {
    Metadata meta;
    std::string id;
  } cases[] = {
      {Meta("Luật", "10/2022/QH15", "2022-11-10", "Quốc hội"), "luat-10-2022-qh15"},
      {Meta("Chỉ thị", "33/CT-TTg", "2021-11-26", "Thủ tướng Chính phủ"), "chi-thi-33-ct-ttg-2021"},
      {Meta("Quyết định", "23-QĐ/TW", "2021-07-30", "Bộ Chính trị"), "quyet-dinh-23-qd-tw-2021"},
      {Meta("Nghị định", "59/2023/NĐ-CP", "2023-08-14", "Chính phủ"), "nghi-dinh-59-2023-nd-cp"},
      // Same symbol form, different issuers: the place keeps them apart.
      {Meta("Chỉ thị", "24/CT-UBND", "2016-11-15", "Chủ tịch UBND tỉnh Hải Dương"),
       "chi-thi-24-ct-ubnd-2016-hai-duong"},
      {Meta("Chỉ thị", "08/CT-UBND", "2016-11-04", "Chủ tịch UBND huyện Tứ Kỳ"),
       "chi-thi-08-ct-ubnd-2016-tu-ky"},
      {Meta("Chỉ thị", "08/CT-UBND", "2016-11-04", "Chủ tịch Ủy ban nhân dân tỉnh Hải Dương"),
       "chi-thi-08-ct-ubnd-2016-hai-duong"},
      {Meta("Quy chế", "03-QC/TU", "2021-03-18", "Ban Thường vụ Tỉnh uỷ"),
       "quy-che-03-qc-tu-2021-tinh-uy"},
      {Meta("Quyết định", "629/QĐ-UBND", "2022-03-10", "UBND tỉnh"),
       "quyet-dinh-629-qd-ubnd-2022-tinh"},
      // No date: no year is invented.
      {Meta("Chỉ thị", "33/CT-TTg", "", ""), "chi-thi-33-ct-ttg"},
      // No number: type, place, year and a cut title.
      {Meta("Nghị quyết", "", "", "",
            "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"),
       "nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang"},
      {Meta("Kế hoạch", "", "", "UBND xã Ngọc Kỳ",
            "Triển khai thực hiện công tác dân vận chính quyền năm 2023 trên địa bàn xã Ngọc Kỳ"),
       "ke-hoach-ngoc-ky-trien-khai-thuc-hien-cong-tac-dan-van-chinh-quyen-nam-2023"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MakeDocumentId(c.meta), c.id) << c.meta.type << " " << c.meta.number;
  }
}

TEST(DocumentIdTest, LowercaseAsciiOnly) {
  std::string id = MakeDocumentId(Meta("Thông tư", "01/2024/TT-BNV", "", "Bộ Nội vụ"));
  EXPECT_EQ(id, "thong-tu-01-2024-tt-bnv");
  for (char c : id) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
}

}  // namespace
}  // namespace vanban::legal
