#include "search/query.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/schema.h"
#include "text/analyzer.h"

namespace vanban::search {
namespace {

// C8 (session 17): each repair's notice replaced the one before.
TEST(QueryParseTest, EveryRepairIsSaid) {
  ParsedQuery p = ParseQuery("- \"dân vận");
  EXPECT_NE(p.notice.find("Dấu \"-\" đứng riêng"), std::string::npos) << p.notice;
  EXPECT_NE(p.notice.find("Thiếu dấu ngoặc kép đóng"), std::string::npos) << p.notice;
  EXPECT_EQ(p.words_and_phrases, "dân vận");
  p = ParseQuery("a \"b c\" type:Luật -d \"e\"");
  EXPECT_EQ(p.words_and_phrases, "a \"b c\" \"e\"");
  EXPECT_EQ(p.WithWordsAndPhrases("A \"B C\" \"E\""), "A \"B C\" \"E\" -d type:Luật");
}

TEST(QueryParseTest, Table) {
  struct Case {
    const char* input;
    const char* expected;
    bool notice;
  } cases[] = {
      {"luật tố cáo", "free=[luật tố cáo]", false},
      {"\"dân chủ\" cơ sở", "free=[cơ sở] phrase=[dân chủ]", false},
      {"khiếu nại -tố", "free=[khiếu nại] not=[tố]", false},
      {"dân vận -\"chính quyền\"", "free=[dân vận] not=[chính quyền]", false},
      {"type:Luật year:2018 tố cáo", "free=[tố cáo] type=Luật year=2018", false},
      {"issuer:\"Quốc hội\" khiếu nại", "free=[khiếu nại] issuer=Quốc hội", false},
      {"“dân chủ” ở cơ sở", "free=[ở cơ sở] phrase=[dân chủ]", false},
      // Quyết định 23-QĐ/TW keeps its hyphen: "-" only excludes at a word start.
      {"23-QĐ/TW", "free=[23-QĐ/TW]", false},
      // O5 (session 13): a filter's value excluded, not a word "type:luật".
      {"dân -type:Luật", "free=[dân] not-type=Luật", false},
      {"-issuer:\"Quốc hội\" -year:2018", "free=[] not-issuer=Quốc hội not-year=2018", false},
      // Repeated: both values (either one), each once, with no notice.
      {"year:2021 year:2022 year:2021", "free=[] year=2021 year=2022", false},
      {"type:Luật dân type:\"Chỉ thị\"", "free=[dân] type=Luật type=Chỉ thị", false},
      // Repairs, with a notice.
      {"\"dân chủ ở cơ sở", "free=[dân chủ ở cơ sở]", true},
      {"dân vận -", "free=[dân vận]", true},
      {"-", "free=[]", true},
      // R1 (QA 21): a space after the colon dropped the filter without a
      // notice and searched its value as a word.
      {"tố cáo type: Luật", "free=[tố cáo] type=Luật", false},
      {"tố cáo year: 2018 issuer:  \"Quốc hội\"", "free=[tố cáo] issuer=Quốc hội year=2018", false},
      {"tố cáo -type:", "free=[tố cáo]", true},
      {"tố cáo type: year:2018", "free=[tố cáo] year=2018", true},
      {"tố cáo type: -dân", "free=[tố cáo] not=[dân]", true},
  };
  for (const auto& c : cases) {
    ParsedQuery p = ParseQuery(c.input);
    EXPECT_EQ(p.Describe(), c.expected) << c.input;
    EXPECT_EQ(!p.notice.empty(), c.notice) << c.input;
  }
}

// Broke: a typed syllable "tu"/"tư" expanded like the abbreviation TU to "tỉnh ủy".
TEST(QueryBuildTest, OnlyAbbreviationTokensExpand) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  text::Analyzer analyzer;
  QueryBuilder builder(db, analyzer);
  for (const char* syllable : {"tu", "tư", "tu tập"}) {
    std::string d = builder.Build(ParseQuery(syllable)).query.get_description();
    EXPECT_EQ(d.find("Ftinh"), std::string::npos) << syllable << ": " << d;
  }
  // The expansion is matched by its adjacent pairs (no positional phrase).
  std::string d = builder.Build(ParseQuery("UBND")).query.get_description();
  EXPECT_NE(d.find("Wuy_ban AND Wban_nhan AND Wnhan_dan"), std::string::npos) << d;
  EXPECT_EQ(d.find("PHRASE"), std::string::npos) << d;
  // Regression: the long form typed without marks did not add the
  // abbreviation; a marked form that is another word does not either.
  d = builder.Build(ParseQuery("uy ban nhan dan xa")).query.get_description();
  EXPECT_NE(d.find("Fubnd"), std::string::npos) << d;
  d = builder.Build(ParseQuery("hoi dong nhan dan")).query.get_description();
  EXPECT_NE(d.find("Fhdnd"), std::string::npos) << d;
  d = builder.Build(ParseQuery("ủy bản nhân dân")).query.get_description();
  EXPECT_EQ(d.find("Fubnd"), std::string::npos) << d;
}

// `description` without what AndMaybe adds to each AND_MAYBE's right side
// (every document at weight 0): the query as it would be without it.
std::string WithoutGuard(std::string description) {
  const std::string guard = " OR 0 * <alldocuments>)";
  for (size_t at; (at = description.find(guard)) != std::string::npos;) {
    description.erase(at, guard.size());
    // The parenthesis the guard's ")" closed.
    int depth = 0;
    for (size_t i = at; i-- > 0;) {
      if (description[i] == ')') ++depth;
      if (description[i] == '(' && depth-- == 0) {
        description.erase(i, 1);
        break;
      }
    }
  }
  return description;
}

// One document whose title has the title pairs `terms` (and nothing else):
// the title phrase is left out of a query when one of its pairs is in no
// title.
void AddTitlePairs(Xapian::WritableDatabase* db, std::initializer_list<const char*> terms) {
  Xapian::Document d;
  for (const char* t : terms) d.add_boolean_term(t);
  db->add_document(d);
}

// The match part and the weight-only part of a query, as Xapian describes
// them: accented words match on folded terms only (exact terms only add
// weight), abbreviation expansions and their phrases match on pair terms,
// and the title phrase is the title pairs when the index has them.
TEST(QueryBuildTest, MatchAndBoostTable) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  AddTitlePairs(&db, {"TWdan_chu", "TWuy_ban", "TWban_nhan", "TWnhan_dan", "TWdan_xa"});
  text::Analyzer analyzer;
  struct Case {
    const char* query;
    bool title_pairs;
    const char* match;
    const char* boost;
  } cases[] = {
      {"dân chủ", true, "Query((Fdan AND Fchu))",
       "Query((dân OR chủ OR Tdan OR 2 * Wdan_chu OR Tchu OR "
       "3 * ((Tdan AND Tchu) FILTER TWdan_chu)))"},
      {"dan chu", false, "Query((Fdan AND Fchu))",
       "Query((Tdan OR 2 * Wdan_chu OR Tchu OR 3 * (Tdan PHRASE 2 Tchu)))"},
      // The expansion's pairs weigh in the match with the boost's x2 added
      // (x3), once: the boost leaves them out. Its two-syllable words apart
      // match too (M1, QA 23).
      {"ủy ban nhân dân xã", true,
       "Query(((((3 * Wuy_ban AND 3 * Wban_nhan AND 3 * Wnhan_dan) OR Fubnd OR (3 * Wub_nhan AND 3 "
       "* Wnhan_dan)) OR (Wuy_ban AND Wnhan_dan)) AND Fxa))",
       "Query((xã OR Tuy OR Tban OR Tnhan OR Tdan OR 2 * Wdan_xa OR Txa OR 3 * ((Tuy AND Tban AND "
       "Tnhan AND Tdan AND Txa) FILTER (TWuy_ban AND TWban_nhan AND TWnhan_dan AND TWdan_xa))))"},
  };
  for (const auto& c : cases) {
    QueryBuilder builder(db, analyzer, c.title_pairs ? index::schema::kSchemaVersion : 1);
    BuiltQuery q = builder.Build(ParseQuery(c.query));
    EXPECT_EQ(q.query.get_description(), c.match) << c.query;
    EXPECT_EQ(q.boost.get_description(), c.boost) << c.query;
  }
}

// The two tiers (query.h): tier 1 matches each run of adjacent words on
// pair terms that cover every word of the run, each pair weighted once as
// in the boost (which tier 1 then leaves out); the folded terms only weigh.
// Tier 2 is the AND of all words without the tier-1 set. Queries without a
// run of two words have one tier, unless words are typed with marks.
TEST(QueryBuildTest, TiersTable) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  AddTitlePairs(&db, {"TWphong_chay", "TWchay_chua", "TWchua_chay"});
  text::Analyzer analyzer;
  struct Case {
    const char* query;
    const char* tier1;
    const char* tier2;
  } cases[] = {
      // Typed with marks, a word of a run weighs by its exact form (tier 1).
      {"dân chủ", "Query((2 * Wdan_chu AND_MAYBE (dân OR chủ)))",
       "Query(((Fdan AND Fchu) AND_NOT Wdan_chu))"},
      // Middle words are covered by either neighbour pair: texts write
      // "phòng cháy, chữa cháy", and no pair term spans the comma.
      {"phòng cháy chữa cháy",
       "Query(((2 * Wphong_chay AND 2 * Wchua_chay) AND_MAYBE (phòng OR cháy OR chữa OR "
       "cháy)))",
       "Query(((Fphong AND Fchay AND Fchua AND Fchay) AND_NOT (Wphong_chay AND Wchua_chay)))"},
      {"xu phat vi pham hanh chinh",
       "Query(((2 * Wxu_phat AND 2 * Whanh_chinh AND (2 * Wphat_vi OR 2 * Wvi_pham) AND (0 * "
       "Wvi_pham OR 2 * Wpham_hanh)) AND_MAYBE (Fxu OR Fphat OR Fvi OR Fpham OR Fhanh OR "
       "Fchinh)))",
       "Query(((Fxu AND Fphat AND Fvi AND Fpham AND Fhanh AND Fchinh) AND_NOT (Wxu_phat AND "
       "Whanh_chinh AND (Wphat_vi OR Wvi_pham) AND (Wvi_pham OR Wpham_hanh))))"},
      // A comma typed between words ends the run.
      {"phòng cháy, chữa cháy",
       "Query(((2 * Wphong_chay AND 2 * Wchua_chay) AND_MAYBE (phòng OR cháy OR chữa OR "
       "cháy)))",
       "Query(((Fphong AND Fchay AND Fchua AND Fchay) AND_NOT (Wphong_chay AND Wchua_chay)))"},
      // A stopword inside a run is part of it (its folded term weighs in the boost).
      {"quyền và nghĩa vụ",
       "Query(((2 * Wquyen_va AND 2 * Wnghia_vu) AND_MAYBE (quyền OR nghĩa OR vụ)))",
       "Query(((Fquyen AND Fnghia AND Fvu) AND_NOT (Wquyen_va AND Wnghia_vu)))"},
      // The abbreviation's expansion keeps its own form; "cấp xã" is the run.
      // Its two-syllable words apart are tier 2 (M1, QA 23).
      {"ủy ban nhân dân cấp xã",
       "Query(((((3 * Wuy_ban AND 3 * Wban_nhan AND 3 * Wnhan_dan) OR Fubnd OR (3 * Wub_nhan AND 3 "
       "* "
       "Wnhan_dan)) AND 2 * Wcap_xa) "
       "AND_MAYBE "
       "(cấp OR xã)))",
       "Query((((((3 * Wuy_ban AND 3 * Wban_nhan AND 3 * Wnhan_dan) OR Fubnd OR (3 * Wub_nhan AND "
       "3 "
       "* Wnhan_dan)) OR (Wuy_ban AND Wnhan_dan)) AND Fcap AND Fxa) AND_NOT (((3 * "
       "Wuy_ban AND 3 * Wban_nhan AND 3 * Wnhan_dan) OR Fubnd OR (3 * Wub_nhan AND 3 * Wnhan_dan)) "
       "AND Wcap_xa)))"},
      // Words typed with marks in no run: those written as typed are tier 1
      // (Q15, session 17). Typed without marks, one tier.
      {"khiếu", "Query((Fkhieu FILTER khiếu))", "Query((Fkhieu AND_NOT khiếu))"},
      {"khieu", "Query()", "Query()"},
      // L6 (QA 22): "UB nhân dân" is one more spelling of UBND.
      {"UBND xã",
       "Query(((((Fubnd OR (Wuy_ban AND Wban_nhan AND Wnhan_dan) OR (Wub_nhan AND Wnhan_dan)) OR "
       "(Wuy_ban AND Wnhan_dan) OR (Wub_nhan AND Wnhan_dan)) AND Fxa) FILTER xã))",
       "Query(((((Fubnd OR (Wuy_ban AND Wban_nhan AND Wnhan_dan) OR (Wub_nhan AND Wnhan_dan)) OR "
       "(Wuy_ban AND Wnhan_dan) OR (Wub_nhan AND Wnhan_dan)) AND Fxa) AND_NOT xã))"},
      {"luật 10/2022/QH15", "Query(((Fluat AND (I10/2022/qh15 OR F10/2022/qh15)) FILTER luật))",
       "Query(((Fluat AND (I10/2022/qh15 OR F10/2022/qh15)) AND_NOT luật))"},
  };
  for (const auto& c : cases) {
    QueryBuilder builder(db, analyzer, index::schema::kSchemaVersion);
    BuiltQuery q = builder.Build(ParseQuery(c.query));
    EXPECT_EQ(WithoutGuard(q.tier1.get_description()), c.tier1) << c.query;
    EXPECT_EQ(q.tier2.get_description(), c.tier2) << c.query;
  }
  // The pair that tier 1 does not weigh ("cháy chữa") stays in its boost;
  // the exact terms weigh in tier 1's match, so its boost leaves them out
  // (tier 2's keeps them).
  BuiltQuery q = QueryBuilder(db, analyzer, index::schema::kSchemaVersion)
                     .Build(ParseQuery("phòng cháy chữa cháy"));
  EXPECT_EQ(q.tier1_boost.get_description(),
            "Query((Tphong OR Tchay OR 2 * Wchay_chua OR Tchua OR Tchay OR 3 * ((Tphong AND Tchay "
            "AND Tchua AND Tchay) FILTER (TWphong_chay AND TWchay_chua AND TWchua_chay))))");
  EXPECT_EQ(q.boost.get_description().find("Query((phòng OR cháy OR chữa OR cháy OR Tphong"), 0u)
      << q.boost.get_description();
  // A stopword of a run only adds weight, folded and exact, in tier 1 too.
  q = QueryBuilder(db, analyzer, index::schema::kSchemaVersion)
          .Build(ParseQuery("quyền và nghĩa vụ"));
  EXPECT_EQ(q.tier1_boost.get_description().find("Query((Fva OR và OR Tquyen"), 0u)
      << q.tier1_boost.get_description();
}

// A page of k hits is the best k. Documents 1 and 2 have "a" and "b",
// 3-8 "a" only, 9 "a" and "b" three times (the best). Xapian 1.4.22's
// AND_MAYBE, once the page is full of documents weighing more than "a"
// alone can, turns into an AND past document 9, which its right side had
// already reached while checking document 3: a page of 2 showed 1 and 2.
TEST(AndMaybeTest, APageOfTheBestHitsKeepsTheBest) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= 30; ++i) {
    Xapian::Document d;
    d.add_term("a");
    if (i == 1 || i == 2) d.add_term("b");
    if (i == 9) d.add_term("b", 3);
    for (int k = 0; k < 10; ++k) d.add_term("filler" + std::to_string(k));
    db.add_document(d);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(AndMaybe(Xapian::Query("a"), Xapian::Query("b")));
  Xapian::MSet all = enquire.get_mset(0, 30);
  ASSERT_EQ(all.size(), 30u);
  EXPECT_EQ(*all[0], 9u);
  for (Xapian::doccount k = 1; k <= 4; ++k) {
    Xapian::MSet page = enquire.get_mset(0, k);
    ASSERT_EQ(page.size(), k);
    for (Xapian::doccount i = 0; i < k; ++i) {
      EXPECT_EQ(*page[i], *all[i]) << "page of " << k << ", hit " << i;
      EXPECT_EQ(page[i].get_weight(), all[i].get_weight());
    }
  }
}

// The documents AndMaybe adds at weight 0 are a query of their own each
// time, never Xapian::Query::MatchAll: that is one static object whose
// reference count (not atomic) searches on several threads updated at
// once, and `vanban serve` crashed under load (a segmentation fault at 64
// connections in the server benchmark).
TEST(AndMaybeTest, SharesNoStaticQuery) {
  Xapian::Query q = AndMaybe(Xapian::Query("a"), Xapian::Query("b"));
  ASSERT_EQ(q.get_type(), Xapian::Query::OP_AND_MAYBE);
  Xapian::Query all = q.get_subquery(1).get_subquery(1).get_subquery(0);
  EXPECT_EQ(all.get_type(), Xapian::Query::LEAF_MATCH_ALL);
  EXPECT_NE(all.internal.get(), Xapian::Query::MatchAll.internal.get());
  Xapian::Query again = AllDocuments();
  EXPECT_EQ(again.get_type(), Xapian::Query::LEAF_MATCH_ALL);
  EXPECT_NE(again.internal.get(), Xapian::Query::MatchAll.internal.get());
  EXPECT_NE(again.internal.get(), all.internal.get());
}

// Every AND_MAYBE the query builder makes goes through AndMaybe (its right
// side ORs every document at weight 0).
TEST(AndMaybeTest, TheBuilderUsesIt) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  // Luật 10/2022/QH15: the number query weighs its type and symbol.
  namespace schema = index::schema;
  Xapian::Document d;
  d.add_term(schema::Term(schema::kNumberPart, "10"));
  d.add_term(schema::Term(schema::kNumberYear, "2022"));
  d.add_term(schema::Term(schema::kNumberType, "luat"));
  d.add_term(schema::Term(schema::kNumberSymbol, "qh15"));
  db.add_document(d);
  text::Analyzer analyzer;
  QueryBuilder builder(db, analyzer, index::schema::kSchemaVersion);
  for (const char* q : {"dân chủ", "phòng cháy chữa cháy", "quyền và nghĩa vụ", "chính sách",
                        "luật 10/2022/QH15", "ủy ban nhân dân cấp xã"}) {
    BuiltQuery b = builder.Build(ParseQuery(q));
    for (const Xapian::Query* part : {&b.query, &b.tier1, &b.boost, &b.tier1_boost}) {
      std::string desc = part->get_description();
      size_t maybes = 0, guards = 0;
      for (size_t at = 0; (at = desc.find("AND_MAYBE", at)) != std::string::npos; ++at) ++maybes;
      for (size_t at = 0; (at = desc.find("0 * <alldocuments>", at)) != std::string::npos; ++at) {
        ++guards;
      }
      EXPECT_EQ(maybes, guards) << q << ": " << desc;
    }
  }
}

// The title phrase (all title words, all title pairs) is left out when a
// pair of it is in no title: no document could have it, and it would read
// the title words' posting lists a second time. The title words still weigh.
TEST(QueryBuildTest, TitlePhraseNeedsEveryTitlePair) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  AddTitlePairs(&db, {"TWvi_pham", "TWpham_hanh", "TWhanh_chinh"});
  text::Analyzer analyzer;
  QueryBuilder builder(db, analyzer, index::schema::kSchemaVersion);
  // "xử phạt" is in no title.
  BuiltQuery q = builder.Build(ParseQuery("xử phạt vi phạm hành chính"));
  EXPECT_EQ(q.boost.get_description().find("FILTER"), std::string::npos)
      << q.boost.get_description();
  EXPECT_EQ(q.tier1_boost.get_description(),
            "Query((Txu OR Tphat OR Tvi OR Tpham OR Thanh OR Tchinh))");
  // Every pair of "vi phạm hành chính" is in a title: the phrase weighs.
  q = builder.Build(ParseQuery("vi phạm hành chính"));
  EXPECT_EQ(q.tier1_boost.get_description(),
            "Query((Tvi OR Tpham OR 2 * Wpham_hanh OR Thanh OR Tchinh OR 3 * ((Tvi AND Tpham AND "
            "Thanh AND Tchinh) FILTER (TWvi_pham AND TWpham_hanh AND TWhanh_chinh))))");
}

// A weight-only term in more than 79 % of the documents (BM25 part at most
// 0.25) is left out of the boost and of tier 1's weights; the match keeps
// it. One in 70 % of them still weighs.
TEST(QueryBuildTest, NegligibleWeightOnlyTermsAreLeftOut) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 1000; ++i) {
    Xapian::Document d;
    d.add_term("Fchinh");
    d.add_term("chính");
    if (i % 100 < 85) {
      d.add_term("Fva");
      d.add_term("và");
    }
    if (i % 100 < 70) {
      d.add_term("Fluat");
      d.add_term("luật");
    }
    if (i % 10 == 0) {
      for (const char* t : {"Fsach", "sách", "Wchinh_sach"}) d.add_term(t);
    }
    db.add_document(d);
  }
  text::Analyzer analyzer;
  BuiltQuery q =
      QueryBuilder(db, analyzer, index::schema::kSchemaVersion).Build(ParseQuery("chính sách"));
  EXPECT_EQ(q.query.get_description(), "Query((Fchinh AND Fsach))");
  EXPECT_EQ(WithoutGuard(q.tier1.get_description()), "Query((2 * Wchinh_sach AND_MAYBE sách))");
  EXPECT_EQ(q.boost.get_description().find("chính "), std::string::npos)
      << q.boost.get_description();
  EXPECT_NE(q.boost.get_description().find("sách"), std::string::npos) << q.boost.get_description();
  q = QueryBuilder(db, analyzer, index::schema::kSchemaVersion).Build(ParseQuery("sách và luật"));
  EXPECT_EQ(q.query.get_description(), "Query((Fsach AND Fluat))");  // a stopword: weight only
  EXPECT_EQ(q.boost.get_description().find("và"), std::string::npos) << q.boost.get_description();
  EXPECT_EQ(q.boost.get_description().find("Fva"), std::string::npos) << q.boost.get_description();
  EXPECT_NE(q.boost.get_description().find("luật"), std::string::npos) << q.boost.get_description();
}

// An accented phrase is the phrase of its exact words (weighted x2) or,
// found by folded matching, of its folded words; a word without marks is
// its folded term in both. An index before schema 4 has no positions on
// exact terms: there the folded phrase gives the order and the exact words
// must occur. Exclusions typed with marks take the same form.
TEST(QueryBuildTest, AccentedPhraseBySchema) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  text::Analyzer analyzer;
  BuiltQuery q = QueryBuilder(db, analyzer, 4).Build(ParseQuery("\"hóa giải xong\""));
  // The words' pair terms too: they span no punctuation (O11, session 13).
  EXPECT_EQ(q.query.get_description(),
            "Query((2 * ((hóa PHRASE 3 giải PHRASE 3 Fxong) AND (Whoa_giai AND Wgiai_xong)) OR "
            "((Fhoa PHRASE 3 Fgiai PHRASE 3 Fxong) AND (Whoa_giai AND Wgiai_xong))))");
  q = QueryBuilder(db, analyzer, 3).Build(ParseQuery("\"hóa giải xong\""));
  EXPECT_EQ(q.query.get_description(),
            "Query((2 * (((Fhoa PHRASE 3 Fgiai PHRASE 3 Fxong) AND hóa AND giải) AND (Whoa_giai "
            "AND Wgiai_xong)) OR ((Fhoa PHRASE 3 Fgiai PHRASE 3 Fxong) AND (Whoa_giai AND "
            "Wgiai_xong))))");
  // An excluded phrase is the phrase searched: with its pair terms (R3, QA
  // 21: without them, "-\"dan van\"" excluded "hướng dẫn, vận động").
  EXPECT_EQ(QueryBuilder(db, analyzer, 4).Exclusions({"hóa giải"}).get_description(),
            "Query(((hóa PHRASE 2 giải) AND Whoa_giai))");
  EXPECT_EQ(QueryBuilder(db, analyzer, 3).Exclusions({"hóa giải"}).get_description(),
            "Query((((Fhoa PHRASE 2 Fgiai) AND hóa AND giải) AND Whoa_giai))");
  EXPECT_EQ(QueryBuilder(db, analyzer, 4).Exclusions({"hoa giai"}).get_description(),
            "Query(((Fhoa PHRASE 2 Fgiai) AND Whoa_giai))");
}

// Typed with marks, a word of a tier-1 run weighs by its exact form alone:
// "hòa giải" ranks the document that writes "hòa giải" above the one that
// writes "hóa giải" (same folded pair), and the latter gets no weight from
// "hòa" at all; tier 2 still weighs folded words plus the exact boost.
TEST(QueryBuildTest, ExactFormsWeighInTierOne) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](const std::string& id, std::vector<std::string> terms) {
    Xapian::Document d;
    for (const auto& t : terms) d.add_term(t);
    d.add_value(vanban::index::schema::kSlotId, id);
    db.add_document(d);
  };
  add("hoa", {"Fhoa", "hòa", "Fgiai", "giải", "Whoa_giai"});
  add("hoa-sac", {"Fhoa", "hóa", "Fgiai", "giải", "Whoa_giai"});
  for (int i = 0; i < 20; ++i) add("other" + std::to_string(i), {"Fkhac"});
  text::Analyzer analyzer;
  BuiltQuery q =
      QueryBuilder(db, analyzer, index::schema::kSchemaVersion).Build(ParseQuery("hòa giải"));
  EXPECT_EQ(WithoutGuard(q.tier1.get_description()),
            "Query((2 * Whoa_giai AND_MAYBE (hòa OR giải)))");
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, q.tier1, q.tier1_boost));
  Xapian::MSet m = e.get_mset(0, 10);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].get_document().get_value(vanban::index::schema::kSlotId), "hoa");
  EXPECT_GT(m[0].get_weight(), m[1].get_weight());
  // The second document scores the pair and "giải" only.
  Xapian::Enquire pair_and_word(db);
  pair_and_word.set_query(Xapian::Query(
      Xapian::Query::OP_AND_MAYBE,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("Whoa_giai"), 2),
      Xapian::Query("giải")));
  Xapian::MSet p = pair_and_word.get_mset(0, 10);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NEAR(m[1].get_weight(), p[0].get_weight(), 1e-9);
}

}  // namespace
}  // namespace vanban::search
