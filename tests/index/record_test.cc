#include "index/record.h"

#include <gtest/gtest.h>

namespace vanban::index {
namespace {

TEST(RecordTest, RoundTripKeepsMetadataUnitsCitationsAndText) {
  Record r;
  r.doc.id = "luat-25-2018-qh14";
  r.doc.meta.type = "Luật";
  r.doc.meta.number = "25/2018/QH14";
  r.doc.meta.title = "Tố cáo";
  r.doc.meta.recipients = {"Quốc hội", "Chính phủ"};
  r.doc.text = "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về tố cáo.";
  r.doc.paragraphs = {{0, 28, 0, true}, {29, r.doc.text.size(), 0, false}};
  legal::Unit u;
  u.label = "Điều 1";
  u.number = "1";
  u.anchor = "dieu-1";
  u.end = r.doc.text.size();
  r.doc.units = {u};
  legal::Citation c;
  c.raw = "Luật này";
  c.begin = 29;
  c.end = 39;
  c.status = legal::CitationStatus::kSelf;
  c.resolved_id = r.doc.id;
  r.doc.citations = {c};
  r.aliases = {"Luật Tố cáo"};
  r.has_text = true;
  r.paragraph_positions = {0, 6};
  r.text_tokens = 14;
  std::string data = EncodeRecord(r);
  auto back = DecodeRecord(data);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->doc.id, r.doc.id);
  EXPECT_EQ(back->doc.meta.title, "Tố cáo");
  EXPECT_EQ(back->doc.meta.recipients, r.doc.meta.recipients);
  EXPECT_EQ(back->doc.text, r.doc.text);
  ASSERT_EQ(back->doc.units.size(), 1u);
  EXPECT_EQ(back->doc.units[0].anchor, "dieu-1");
  ASSERT_EQ(back->doc.citations.size(), 1u);
  EXPECT_EQ(back->doc.citations[0].status, legal::CitationStatus::kSelf);
  EXPECT_EQ(back->paragraph_positions, r.paragraph_positions);
  EXPECT_EQ(back->text_tokens, 14u);
  EXPECT_EQ(RecordText(data), r.doc.text);
  auto no_text = DecodeRecord(data, false);
  ASSERT_TRUE(no_text.ok());
  EXPECT_TRUE(no_text->doc.text.empty());
}

TEST(RecordTest, CorruptDataIsAnErrorNotACrash) {
  auto r = DecodeRecord("{not json");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("hỏng"), std::string::npos);
}

}  // namespace
}  // namespace vanban::index
