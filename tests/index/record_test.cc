#include "index/record.h"

#include <gtest/gtest.h>

#include "legal/parser.h"
#include "support/shared_data.h"

namespace vanban::index {
namespace {

TEST(RecordTest, RoundTripKeepsMetadataUnitsCitationsAndText) {
  Record r;
  r.doc.id = "luat-25-2018-qh14";
  r.doc.meta.type = "Luật";
  r.doc.meta.number = "25/2018/QH14";
  r.doc.meta.title = "Tố cáo";
  r.doc.meta.recipients = {"Quốc hội", "Chính phủ"};
  r.doc.meta.filing = "VT, VP";
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
  legal::Citation note = c;
  note.raw = "Điều 35 Luật số 42/2013/QH13";
  note.status = legal::CitationStatus::kResolved;
  note.source_note = true;
  r.doc.citations = {c, note};
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
  EXPECT_EQ(back->doc.meta.filing, "VT, VP");
  EXPECT_EQ(back->doc.text, r.doc.text);
  ASSERT_EQ(back->doc.units.size(), 1u);
  EXPECT_EQ(back->doc.units[0].anchor, "dieu-1");
  ASSERT_EQ(back->doc.citations.size(), 2u);
  EXPECT_EQ(back->doc.citations[0].status, legal::CitationStatus::kSelf);
  EXPECT_FALSE(back->doc.citations[0].source_note);
  EXPECT_TRUE(back->doc.citations[1].source_note);  // a Pháp điển note (T3)
  EXPECT_EQ(back->paragraph_positions, r.paragraph_positions);
  EXPECT_EQ(back->text_tokens, 14u);
  EXPECT_EQ(RecordText(data), r.doc.text);
  auto no_text = DecodeRecord(data, false);
  ASSERT_TRUE(no_text.ok());
  EXPECT_TRUE(no_text->doc.text.empty());
}

TEST(HitRecordTest, RoundTripKeepsDisplayFieldsParagraphsAndArticles) {
  Record r;
  r.doc.id = "luat-25-2018-qh14";
  r.doc.meta.type = "Luật";
  r.doc.meta.number = "25/2018/QH14";
  r.doc.meta.title = "Tố cáo";
  r.doc.meta.issuer = "Quốc hội";
  r.doc.meta.date = "2018-06-12";
  r.doc.text = "Chương I\nĐiều 1. Phạm vi\nLuật này quy định về tố cáo.\nĐiều 2. Giải thích";
  legal::Unit chapter{legal::UnitKind::kChapter, "Chương I", "I", "", "chuong-i", 0, 0, -1, ""};
  legal::Unit a1{legal::UnitKind::kArticle, "Điều 1", "1", "Phạm vi", "dieu-1", 9, 0, 0, ""};
  legal::Unit a2{legal::UnitKind::kArticle, "Điều 2", "2", "Giải thích", "dieu-2", 0, 0, 0, ""};
  r.doc.units = {chapter, a1, a2};
  r.doc.paragraphs = {{0, 8, 0, true}, {9, 24, 1, true}, {25, 55, 1, false}, {56, 75, 2, true}};
  r.paragraph_positions = {0, 2, 5, 12};
  r.has_text = true;
  r.text_tokens = 15;
  HitRecord h = HitRecordOf(r);
  ASSERT_EQ(h.articles.size(), 3u);  // the chapter (before any Điều), Điều 1, Điều 2
  auto back = DecodeHitRecord(EncodeHitRecord(h));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->type, "Luật");
  EXPECT_EQ(back->number, "25/2018/QH14");
  EXPECT_EQ(back->title, "Tố cáo");
  EXPECT_EQ(back->issuer, "Quốc hội");
  EXPECT_EQ(back->date, "2018-06-12");
  EXPECT_TRUE(back->has_text);
  EXPECT_EQ(back->text_tokens, 15u);
  ASSERT_EQ(back->paragraphs.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(back->paragraphs[i].begin, r.doc.paragraphs[i].begin) << i;
    EXPECT_EQ(back->paragraphs[i].end, r.doc.paragraphs[i].end) << i;
    EXPECT_EQ(back->paragraphs[i].heading, r.doc.paragraphs[i].heading) << i;
    EXPECT_EQ(back->paragraphs[i].position, r.paragraph_positions[i]) << i;
    int unit = ArticleOf(r.doc, r.doc.paragraphs[i].unit);
    ASSERT_GE(back->paragraphs[i].article, 0) << i;
    EXPECT_EQ(back->articles[back->paragraphs[i].article].label, r.doc.units[unit].label) << i;
    EXPECT_EQ(back->articles[back->paragraphs[i].article].anchor, r.doc.units[unit].anchor) << i;
  }
  // Checkpoints of long paragraphs survive the round trip.
  h.paragraphs[2].checkpoints = {130, 260, 391};
  back = DecodeHitRecord(EncodeHitRecord(h));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->paragraphs[2].checkpoints, h.paragraphs[2].checkpoints);
  EXPECT_TRUE(back->paragraphs[1].checkpoints.empty());
  EXPECT_EQ(back->paragraphs[3].article, h.paragraphs[3].article);
  EXPECT_EQ(back->paragraphs[3].heading, true);
  // The display fields alone (a search without snippets).
  auto fields = DecodeHitRecord(EncodeHitRecord(h), /*with_paragraphs=*/false);
  ASSERT_TRUE(fields.ok());
  EXPECT_EQ(fields->title, "Tố cáo");
  EXPECT_EQ(fields->date, "2018-06-12");
  EXPECT_TRUE(fields->has_text);
  EXPECT_EQ(fields->text_tokens, 15u);
  EXPECT_TRUE(fields->paragraphs.empty());
  EXPECT_TRUE(fields->articles.empty());
  // A record without text: no paragraphs, still decodes.
  Record catalog;
  catalog.doc.id = "chi-thi-33";
  auto empty = DecodeHitRecord(EncodeHitRecord(HitRecordOf(catalog)));
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->has_text);
  EXPECT_TRUE(empty->paragraphs.empty());
}

TEST(HitRecordTest, BadValuesAreErrorsNotCrashes) {
  Record r;
  r.doc.id = "x";
  r.doc.paragraphs = {{0, 5, -1, false}};
  r.paragraph_positions = {0};
  std::string good = EncodeHitRecord(HitRecordOf(r));
  EXPECT_TRUE(DecodeHitRecord(good).ok());
  EXPECT_FALSE(DecodeHitRecord("").ok());  // a document indexed before the slot
  EXPECT_FALSE(DecodeHitRecord("{\"v\":1}").ok());
  for (size_t n = 0; n < good.size(); ++n) {
    EXPECT_FALSE(DecodeHitRecord(good.substr(0, n)).ok()) << n;  // truncated
  }
  EXPECT_FALSE(DecodeHitRecord(good + "x").ok());  // trailing bytes
}

TEST(FacetValueTest, RoundTripAndEmptyParts) {
  std::string type, issuer, year;
  ASSERT_TRUE(DecodeFacets(EncodeFacets("Luật", "Quốc hội", "2018"), &type, &issuer, &year));
  EXPECT_EQ(type, "Luật");
  EXPECT_EQ(issuer, "Quốc hội");
  EXPECT_EQ(year, "2018");
  std::string none = EncodeFacets("", "", "");
  EXPECT_FALSE(none.empty());  // an empty slot means "indexed before the slot"
  ASSERT_TRUE(DecodeFacets(none, &type, &issuer, &year));
  EXPECT_EQ(type + issuer + year, "");
  EXPECT_FALSE(DecodeFacets("", &type, &issuer, &year));
  EXPECT_FALSE(DecodeFacets("Luật", &type, &issuer, &year));
}

TEST(RecordTest, CorruptDataIsAnErrorNotACrash) {
  auto r = DecodeRecord("{not json");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("hỏng"), std::string::npos);
}

// S6 (QA 21): cited-by and the missing list read the citing records with
// DecodeCitations (no paragraph table, only the citations asked for); it
// must give what DecodeRecord gives, filtered. Luật Tố cáo's text.
TEST(RecordTest, DecodeCitationsIsDecodeRecordWithTheCitationsKept) {
  VANBAN_REQUIRE_SHARED();
  Record r;
  r.doc = legal::ParseDocument(
      testing::ReadFile(testing::SharedDir() / "corpus/texts/luat-25-2018-qh14.txt"));
  r.doc.id = "luat-25-2018-qh14";
  r.has_text = true;
  r.paragraph_positions.assign(r.doc.paragraphs.size(), 7);
  std::string data = EncodeRecord(r);
  auto keep = [](const legal::Citation& c) { return !c.number.empty(); };
  auto whole = DecodeRecord(data, true);
  auto part = DecodeCitations(data, true, keep);
  ASSERT_TRUE(whole.ok() && part.ok());
  std::vector<std::string> expected, got;
  for (const auto& c : whole->doc.citations) {
    if (keep(c)) expected.push_back(c.Describe() + " " + std::to_string(c.begin));
  }
  for (const auto& c : part->doc.citations)
    got.push_back(c.Describe() + " " + std::to_string(c.begin));
  ASSERT_FALSE(expected.empty());
  EXPECT_LT(expected.size(), whole->doc.citations.size());
  EXPECT_EQ(got, expected);
  EXPECT_EQ(part->doc.id, whole->doc.id);
  EXPECT_EQ(part->doc.meta.title, whole->doc.meta.title);
  EXPECT_EQ(part->doc.meta.date, whole->doc.meta.date);
  EXPECT_EQ(part->doc.text, whole->doc.text);
  ASSERT_EQ(part->doc.units.size(), whole->doc.units.size());
  for (size_t i = 0; i < part->doc.units.size(); ++i) {
    EXPECT_EQ(part->doc.units[i].anchor, whole->doc.units[i].anchor);
    EXPECT_EQ(part->doc.units[i].begin, whole->doc.units[i].begin);
    EXPECT_EQ(part->doc.units[i].parent, whole->doc.units[i].parent);
  }
  EXPECT_TRUE(part->doc.paragraphs.empty());
  EXPECT_FALSE(whole->doc.paragraphs.empty());
}

}  // namespace
}  // namespace vanban::index
