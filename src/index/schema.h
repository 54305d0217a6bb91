// The vanban index schema: every Xapian term prefix, value slot, metadata
// key and document-id rule in one place (tabled in README, "Schema").
// Index and search both use these names; nothing else spells a prefix.
// Constants only; thread-safe.
#ifndef VANBAN_INDEX_SCHEMA_H_
#define VANBAN_INDEX_SCHEMA_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace vanban::index::schema {

// ---- Free-text terms (body) ----------------------------------------------
// Exact term (lowercase, canonical tone placement), with positions (those
// of its "F" term): an accented phrase is a phrase of exact terms.
// No prefix: "dân", "ủy". Only for words with marks: a word whose exact
// form equals its folded form ("thi", "2023") is only indexed as "F...".
// The same holds for exact title terms ("U").
inline constexpr std::string_view kExact = "";
// Accent-folded term ("dan", "uy"), with positions.
inline constexpr std::string_view kFolded = "F";
// Adjacent-syllable pairs (no punctuation between), no positions:
// "Wdan_chu". Exact pairs ("P") are reserved but not indexed: they made
// indexing a third slower for little ranking gain (see README).
inline constexpr std::string_view kExactPair = "P";
inline constexpr std::string_view kFoldedPair = "W";
inline constexpr char kPairJoiner = '_';
// Where two neighbouring tokens are not adjacent (index::AdjacentTokens:
// punctuation other than one hyphen, or a line break, between them): one
// term with a position at each token after such a gap, wdf 0 (document
// lengths unchanged). Never searched: a snippet places a quoted phrase
// only where it runs across no break, as the pair terms ("W") the search
// requires do (analysis 15).
inline constexpr std::string_view kPhraseBreak = "XB";

// ---- Fields weighted above body -------------------------------------------
// Title (type + subject line + aliases) folded terms, with positions, so a
// title phrase query can be matched and weighted separately.
inline constexpr std::string_view kTitleFolded = "T";
// Title exact terms (lowercase, canonical tone), with positions.
inline constexpr std::string_view kTitleExact = "U";
// Adjacent-syllable pairs of the title (as "W" for the body), wdf 0 (a
// filter, not weighted; document lengths unchanged): "TWdan_chu". Their
// conjunction stands in for a title phrase without reading position lists.
inline constexpr std::string_view kTitlePair = "TW";
// A whole name as one term: folded "type + title" and every folded alias,
// spaces kept ("Nluat to cao"). A query equal to a name finds it first.
inline constexpr std::string_view kName = "N";

// ---- Document numbers -----------------------------------------------------
// Canonical identifier, folded ASCII lowercase: "I33/ct-ttg", "I23-qd/tw".
inline constexpr std::string_view kIdentifier = "I";
// Components of the document's own number, for spellings like "CT 33",
// "qd 23 tw", "luật 10/2022": the leading number "KN33", the year "KY2021",
// each symbol code "KSct", "KSttg", and the folded type "KTchi thi".
inline constexpr std::string_view kNumberPart = "KN";
inline constexpr std::string_view kNumberYear = "KY";
inline constexpr std::string_view kNumberSymbol = "KS";
inline constexpr std::string_view kNumberType = "KT";

// ---- Boolean filters (wdf 0) ------------------------------------------------
inline constexpr std::string_view kFilterType = "XT";     // folded type: "XTchi thi"
inline constexpr std::string_view kFilterIssuer = "XI";   // folded issuer: "XIquoc hoi"
inline constexpr std::string_view kFilterYear = "XY";     // "XY2021"
inline constexpr std::string_view kFilterHasText = "XH";  // "XH1" / "XH0"
inline constexpr std::string_view kFilterFormat = "XF";   // "XFtxt", "XFcatalog"

// ---- Identity and bookkeeping ---------------------------------------------
inline constexpr std::string_view kId = "Q";              // unique: "Qluat-10-2022-qh15"
inline constexpr std::string_view kSourcePath = "XP";     // "XP" + FNV-1a hex of the absolute path
inline constexpr std::string_view kCatalogRecord = "XC";  // "XC1": a catalog record without text
// Citations (no positions): resolved target id "XRluat-02-2011-qh13";
// unresolved, by folded number "XUso-12/kh-ubnd", or by folded name when
// it has no number "XNluat thanh tra" (schema 5).
inline constexpr std::string_view kCites = "XR";
inline constexpr std::string_view kCitesUnresolved = "XU";
inline constexpr std::string_view kCitesUnresolvedName = "XN";

// ---- Value slots ------------------------------------------------------------
enum Slot : unsigned {
  kSlotDate = 0,        // ISO date "2021-11-26" (sortable as a string), the
                        // year alone ("2015") when only the number gives it,
                        // or empty
  kSlotType = 1,        // display type "Chỉ thị" (facet)
  kSlotIssuer = 2,      // display issuer "Thủ tướng Chính phủ" (facet)
  kSlotYear = 3,        // "2021" (facet)
  kSlotSourcePath = 4,  // absolute source path, or empty
  // "size:mtime_ns:ctime_ns:hash:catalog-hash" of the source file
  // (index::Fingerprint, walk.h, which reads the older form without the
  // ctime too); a catalog record's entry hash.
  kSlotFingerprint = 5,
  kSlotId = 6,  // the DocumentId (also in the Q term)
  // What a search hit shows (index/record.h HitRecord, compact binary), so
  // showing a hit never parses the full stored record.
  kSlotHit = 7,
  // Type, issuer and year in one value (index/record.h EncodeFacets): one
  // match spy reads one value stream per candidate instead of three.
  kSlotFacets = 8,
  // The symbolic link (absolute path) under an indexed folder through which
  // a file elsewhere was found, or empty: when the link goes, so does the
  // document (the file itself is outside every folder indexed).
  kSlotLinkPath = 9,
};

// ---- Within-document frequency boosts -----------------------------------------
inline constexpr unsigned kTitleWdf = 5;   // each title/alias term
inline constexpr unsigned kNumberWdf = 8;  // identifier and number-part terms

// ---- Database metadata keys -------------------------------------------------
inline constexpr std::string_view kMetaSchemaVersion = "vanban-schema";
// 2: value slots kSlotHit and kSlotFacets, title pair terms (TW).
// 3: the text copy under kMetaTextPrefix.
// 4: exact body terms with positions.
// 5: the issuer's words as body terms.
inline constexpr int kSchemaVersion = 5;  // stored as its decimal string
// The catalog the stored citations were resolved with: "none", or the
// FNV-1a 64 hex of the catalog file's bytes. An incremental run with
// another catalog analyses every file again (index::IndexDatabase).
inline constexpr std::string_view kMetaCatalog = "vanban-catalog";
// The absolute path of that catalog, or "" without one: a later run given
// only a file or folder outside it uses it again (index::FindCatalog).
inline constexpr std::string_view kMetaCatalogPath = "vanban-catalog-path";
// The version of the analysis (parsing, citations, resolution) the stored
// records were made with: an incremental run of a newer vanban analyses
// every file again, once (index::IndexDatabase). Absent before version 2.
// 2: lower-case law names, chapters and sections cited, names not
//    resolved to later documents, numbering-gap warnings.
// 3: invisible characters (soft hyphen, zero-width space) removed and
//    full-width ASCII made ASCII by text::Normalize; a title starting with
//    the type is also a name without it.
// 4: the article after coordinated clauses applies to them all, "khoản
//    này" cited, Pháp điển notes marked and left out of the cites terms.
// 5: mathematical alphanumeric letters and Latin ligatures made plain by
//    text::Normalize; a document with no type, number or title is found by
//    its file's name (index::FileLabel); without a catalog, cited numbers
//    are "not in the catalog" and counted.
// 6: points cited with their clause omitted ("điểm a;", of the clause
//    around them), apart from it ("điểm a của khoản 1") or as a range
//    ("điểm a đến điểm k": point "a-k"); unresolved reasons name catalog
//    entries by their names and dates as dd/mm/yyyy.
// 7: a name cited with a year ("Luật Tố cáo năm 2011") or a date is not a
//    catalog document of another year or date; a document naming its own
//    number cites itself; "<type> số <number>" heads a document's type.
// 8: numbers without their symbol ("Nghị định 61/2023") cited and resolved
//    by type, sequence and year; both ends of "từ Điều 3 đến Điều 7"; a
//    comma between point, clause and article; a law's name ends before
//    "và khoản …"; no self link for an article of an unreadable document
//    or a clause with no article around it.
// 9: abbreviations UB (ủy ban) and UBTVQH (ủy ban thường vụ quốc hội);
//    the folded "qui" is "quy".
// 10: a comma between an article and its document ("Điều 66, Nghị định
//    145/2020/NĐ-CP"); "Điều 3 của Nghị định này" in a document without
//    articles is dropped.
// 11: a number written with a Unicode hyphen (U+2010..U+2012, Word's
//    non-breaking hyphen) is that number; in a Pháp điển đề mục, another
//    act's article is anchored by its code, not "dieu-N".
// 12: "- Lưu: VP." ending "Nơi nhận:" is the filing note (Metadata::filing),
//    not a recipient; an article of another act in a Pháp điển đề mục
//    cites from that act's time (Citation::citing_date).
// 13: codes written together ending in "TTg" ("33/CTTTg") are one number.
// 14: an undated document whose number gives its year has that year in
//     kSlotDate (date order puts it with that year's documents). Headings
//     written with a tab or a no-break space ("Điều 1.⇥Phạm vi") are
//     headings; a DOCX run holding only a space keeps it, HTML <ul> items
//     are "- ", a PDF paragraph breaks at 1.25 lines' spacing and where an
//     article or item follows a title in capitals (QA 21: A1, A2, A3, A5).
//     Abbreviations UBMTTQ, BHXH, BHYT, BHTN, BLHS, BLDS, BLLĐ, BLTTHS,
//     BLTTDS (S5). A document's type after "của" is another document, not
//     an issuer; a Pháp điển act listed "số Không số" is its đề mục's
//     document, with no number, and its source lines without a number are
//     source lines (S4, S2).
// 15: a law's name ends before a clause after a comma ("Luật Khiếu nại,
//     người tiếp công dân …") and before "ban hành"; "của Nhà nước" is
//     part of a name, not an issuer (QA 22: X1). An article in a Pháp
//     điển note of related content with no document after it is no
//     citation (W1). Words with one hyphen or en dash between them are
//     adjacent ("chính trị - xã hội" has the pair "tri_xa"); the
//     phrase-break term (kPhraseBreak); a number's folded form has no
//     leading zeros ("05" is "5") (QA 22: L1, L3, L7).
// 16: a comma carries a law's name on only inside a title that has one
//     ("Luật Đất đai, cá nhân là …" cites Luật Đất đai; "Luật Hiến, lấy,
//     ghép mô, … lấy xác" whole); an article in a note of related content
//     inside another is no citation either (QA 23: R2, R5).
inline constexpr std::string_view kMetaAnalysis = "vanban-analysis";
inline constexpr int kAnalysisVersion = 16;  // stored as its decimal string
// "t:" + the docid as 8 lowercase hex digits (index::TextKey) -> the
// document's text, as in its data. Metadata lives in the postlist table,
// which Xapian does not compress (the data is zlib-compressed): a snippet
// reads its text here without inflating the whole record. Absent for a
// document without text and in indexes older than schema 3 (then the text
// is read from the data).
inline constexpr std::string_view kMetaTextPrefix = "t:";

// ---- Document data ------------------------------------------------------------
// The stored record: JSON (see index/record.h) + '\0' + the NFC text.
inline constexpr char kDataSeparator = '\0';

// ---- Document-id rules ----------------------------------------------------------
// 1. A catalog entry's id (corpus/catalog.toml) wins; a file that is a
//    catalog entry's text gets that id.
// 2. Otherwise legal::MakeDocumentId(metadata) ("luat-10-2022-qh15").
// 3. When that is empty, "tep-" + the file name slug ("tep-ghi-chu").
// 4. When the id is already used by another source file, "-" + the first 6
//    hex digits of the path hash is appended (more digits if those are
//    taken too).
// Ids are lowercase ASCII [a-z0-9-]; Xapian terms are "Q" + id.

// Xapian's term length limit is 245 bytes; longer terms are skipped.
inline constexpr size_t kMaxTermBytes = 240;

inline std::string Term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term.append(prefix);
  term.append(value);
  return term;
}

// FNV-1a 64 (stable across runs and machines): content and path hashes.
uint64_t Fnv1a(std::string_view data, uint64_t seed = 1469598103934665603ull);
std::string Hex64(uint64_t v);

}  // namespace vanban::index::schema

#endif  // VANBAN_INDEX_SCHEMA_H_
