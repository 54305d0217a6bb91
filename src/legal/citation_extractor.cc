// The citation grammar, token by token (see docs/legal.md "Citations"):
//   doc      := TYPE "này"                                  (self)
//             | TYPE ["số"] NUMBER tail                      (numbered)
//             | TYPE ["số"] SEQ "/" YEAR tail                ("Nghị định 61/2023",
//                                                            types whose numbers
//                                                            hold the year)
//             | NAMED-TYPE Name tail                         ("Luật Khiếu nại";
//                                                            not "PHÁP LUẬT VỀ ...")
//             | NUMBER tail                                  (bare "08/CT-UBND")
//   tail     := { "ngày" DATE | "của" ISSUER | "số" NUMBER
//               | "đã được" ISSUER ["khóa" X] "thông qua" ["ngày" DATE] }
//   artgroup := artref { (","|";"|"và"|"hoặc"|"đến") artref } [["của"] doc]
//                                                            ("đến": a range, both
//                                                            ends; no self link
//                                                            when a doc is named
//                                                            but unreadable)
//   artref   := [points] ["khoản" numbers [","]] "Điều" (N | "này")
//             | [points] "khoản" numbers                     (article omitted)
//             | [points] "khoản" "này"                       (this clause)
//             | "điểm" letters [range] END                   (clause omitted)
//   points   := "điểm" letters [range] [("của"|"tại"|",")]   ("điểm a, b của
//                                                            khoản 1 Điều này")
//   range    := "đến" ["điểm"] letter                        ("điểm a đến điểm k":
//                                                            one point "a-k")
//   END      := ";" | ":" | "." (not "điểm c.3") | paragraph end
//             | "," (not before khoản, Điều, mục, phần, chương, tiết, phụ lục)
//             | "hoặc" | "và" (no khoản/Điều in the next 4 tokens)
//             | "nêu trên" | "trên" | "này"
// A name ends before "và"/"hoặc" and a unit or another document ("Luật Tố
// cáo và khoản 2 Điều 5 …").
// In an artgroup, parts with the article omitted take the article written
// after them ("điểm a khoản 1 và điểm b khoản 2 Điều 11": both of Điều 11);
// with none written, they are of the article around them (the parser drops
// them when there is none, as in a plan). Points with the
// clause omitted take the clause (and article) of the points after them in
// the group ("điểm a hoặc các điểm b, c khoản 2"), else are of the clause
// around them ("quy định tại điểm a;"), as "khoản này" is; outside a
// clause they name nothing. Followed by "hoặc"/"và" and, a few words on
// in the same clause of the sentence, by points with their clause ("điểm
// a hoặc một phần … tại các điểm b và c khoản này"), they take that clause.
// Pháp điển source lines "(Điều 5 Luật số 10/2022/QH15 ..., có hiệu lực
// ...)" describe the document itself: their head is skipped, and what
// follows "hiệu lực" (amendments, repeals) is scanned as the codifier's
// notes (Citation::source_note), not the document's own citations.
#include "legal/citation_extractor.h"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

#include "legal/layout.h"
#include "legal/names.h"
#include "text/analyzer.h"

namespace vanban::legal::internal {
namespace {

enum class TokKind { kWord, kNum, kPunct, kBreak };

struct Tok {
  size_t b = 0;
  size_t e = 0;
  TokKind kind = TokKind::kPunct;
};

constexpr size_t kMaxNameWords = 16;
constexpr size_t kMaxIssuerWords = 12;
constexpr size_t kMaxGroupRefs = 64;
constexpr size_t kMaxListItems = 32;
constexpr size_t kMaxLaterClauseWords = 16;

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length of a letter (or combining mark) at s[i] that belongs in a word,
// else 0. Covers Latin-1, Latin extended A/B, combining marks and Latin
// extended additional (all Vietnamese letters).
size_t WordCharLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (IsAsciiLetter(c) || IsDigit(c)) return 1;
  if (i + 1 < s.size() && c >= 0xC3 && c <= 0xCD) return 2;
  if (i + 2 < s.size() && c == 0xE1 && (static_cast<unsigned char>(s[i + 1]) & 0xFC) == 0xB8) {
    return 3;
  }
  return 0;
}

size_t Utf8Len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// Characters of a number/symbol run: digits, ASCII letters, Đ/đ, '/', '-'.
size_t NumberCharLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (IsAsciiLetter(c) || IsDigit(c) || c == '/' || c == '-') return 1;
  if (c == 0xC4 && i + 1 < s.size() && (s[i + 1] == '\x90' || s[i + 1] == '\x91')) return 2;
  // The dashes text::CanonicalIdentifier reads as '-': U+2010..U+2013 (A2,
  // session 16: Word's non-breaking hyphen cut "15/QĐ‑UBND" at "15/QĐ").
  if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] >= '\x90' &&
      s[i + 2] <= '\x93') {
    return 3;
  }
  return 0;
}

std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> toks;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      toks.push_back({i, i + 1, TokKind::kBreak});
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xA0') {
      i += 2;
    } else if (IsDigit(c)) {
      size_t b = i;
      while (i < s.size()) {
        size_t len = NumberCharLen(s, i);
        if (len == 0) break;
        i += len;
      }
      toks.push_back({b, i, TokKind::kNum});
    } else if (size_t len = WordCharLen(s, i)) {
      size_t b = i;
      i += len;
      while (i < s.size() && (len = WordCharLen(s, i)) != 0) i += len;
      toks.push_back({b, i, TokKind::kWord});
    } else {
      size_t plen = std::min(Utf8Len(c), s.size() - i);
      toks.push_back({i, i + plen, TokKind::kPunct});
      i += plen;
    }
  }
  return toks;
}

bool IsPureNumber(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s) {
    if (!IsDigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Lowercase words that may continue an issuer's name after a capitalised
// one ("Thủ tướng Chính phủ", "Chủ tịch UBND tỉnh Hải Dương").
bool IssuerWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 48> kWords = {
      "trưởng", "tướng",  "phủ",   "trị",   "thư",  "ương", "ủy",    "uỷ",     "tịch",  "vụ",
      "ban",    "nhân",   "dân",   "hội",   "đồng", "tỉnh", "huyện", "xã",     "thành", "phố",
      "quận",   "phường", "thị",   "trấn",  "trận", "quốc", "trực",  "thường", "nước",  "bộ",
      "sản",    "chính",  "trung", "tư",    "pháp", "tối",  "cao",   "kiểm",   "sát",   "án",
      "tòa",    "toà",    "văn",   "phòng", "viện", "liên", "đoàn",  "đảng"};
  for (std::string_view w : kWords) {
    if (w == lower) return true;
  }
  return false;
}

// Lowercase syllables of ministries' names ("Bộ Lao động", "Bộ Tài nguyên
// và Môi trường", "Bộ trưởng Bộ Công an").
bool MinistryWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "trưởng", "động",  "thương", "binh", "tài",  "nguyên", "môi",  "trường", "công", "an",
      "phòng",  "ngoại", "giao",   "tế",   "dục",  "đào",    "tạo",  "khoa",   "học",  "nghệ",
      "kế",     "hoạch", "đầu",    "xây",  "dựng", "thông",  "vận",  "tải",    "nông", "nghiệp",
      "phát",   "triển", "thôn",   "hóa",  "hoá",  "thể",    "thao", "lịch",   "tin",  "truyền"};
  for (std::string_view w : kWords) {
    if (w == lower) return true;
  }
  return false;
}

// Words that end a name-only reference ("Luật Thực hiện dân chủ ở cơ sở
// đã được ...").
bool NameStopWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 39> kWords = {
      "đã",  "được",  "của",  "này", "do",    "có",  "năm",   "số",   "ngày", "theo",
      "tại", "trong", "thì",  "là",  "để",    "với", "về",    "khóa", "khoá", "đến",
      "từ",  "gồm",   "nhằm", "như", "sửa",   "bổ",  "phải",  "sẽ",   "cần",  "không",
      "đối", "mà",    "nên",  "các", "những", "mọi", "nhưng", "trừ",  "kể"};
  for (std::string_view w : kWords) {
    if (w == lower) return true;
  }
  return false;
}

struct DocRef {
  size_t end = 0;  // token index just past the reference
  std::string type, number, name, year, date, issuer;
  bool self = false;
};

// "Chương V", "Mục 1 Chương này", "Tiểu mục 2 của Mục này".
struct PartRef {
  size_t first = 0, end = 0;
  std::string levels[3];  // chapter, section, subsection: number as written, "này" or ""
};

struct ArtRef {
  size_t first = 0, end = 0;  // token range
  std::string article;
  std::vector<std::string> clauses, points;
  bool this_article = false;     // "Điều này", or no article written
  bool article_omitted = false;  // "khoản 3", "điểm a khoản 1": no "Điều" after it
  bool this_clause = false;      // "khoản này", "điểm a khoản này"
  // "điểm a;" with no khoản after it: of the clause around it, unless a
  // part after it in its group names points of a clause ("điểm a hoặc các
  // điểm b, c khoản 2"), whose clause it takes.
  bool clause_omitted = false;

  // Names its article: "Điều 11", "khoản 2 Điều này", not "khoản 3".
  bool NamesArticle() const { return !article_omitted && !this_clause; }
};

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<std::string>* warnings)
      : t_(text), toks_(Tokenize(text)), warnings_(warnings) {}

  std::vector<ExtractedCitation> Run();

 private:
  size_t n() const { return toks_.size(); }
  std::string_view Text(size_t i) const { return t_.substr(toks_[i].b, toks_[i].e - toks_[i].b); }
  std::string_view Span(size_t first, size_t end) const {
    return t_.substr(toks_[first].b, toks_[end - 1].e - toks_[first].b);
  }
  bool IsWord(size_t i) const { return i < n() && toks_[i].kind == TokKind::kWord; }
  // Lowercase word; words longer than any keyword are not lowered (a 10 MB
  // "word" must not be copied again and again).
  std::string Lw(size_t i) const {
    if (!IsWord(i)) return std::string();
    std::string_view w = Text(i);
    return w.size() > 48 ? std::string() : text::Lower(w);
  }
  bool W(size_t i, std::string_view lower) const { return IsWord(i) && Lw(i) == lower; }
  bool P(size_t i, std::string_view punct) const {
    return i < n() && toks_[i].kind == TokKind::kPunct && Text(i) == punct;
  }
  bool ParagraphStart(size_t i) const { return i == 0 || toks_[i - 1].kind == TokKind::kBreak; }
  size_t TokenAtOrAfter(size_t byte, size_t from) const {
    while (from < n() && toks_[from].b < byte) ++from;
    return from;
  }
  void Warn(std::string msg, size_t first, size_t end) const;

  size_t SkipParagraphHead(size_t i);
  const DocType* MatchType(size_t i, size_t* len) const;
  bool ReadNumber(size_t i, std::string* number, size_t* end) const;
  bool ReadShortNumber(size_t i, std::string* number, size_t* end) const;
  bool ReadDate(size_t i, std::string* iso, size_t* end) const;
  // A year a law may bear (1945 on), alone: "2011", not "2011/QH13".
  bool IsYear(size_t i) const {
    if (i >= n() || toks_[i].kind != TokKind::kNum || Text(i).size() != 4 ||
        !IsPureNumber(Text(i)) || P(i + 1, "/")) {
      return false;
    }
    int y = std::stoi(std::string(Text(i)));
    return y >= 1945 && y <= 2100;
  }
  size_t ReadIssuer(size_t i, std::string* issuer) const;
  bool UnitRefAt(size_t i) const;
  size_t TitleAfterComma(size_t name, size_t comma) const;
  size_t ReadName(size_t i) const;
  size_t ReadTail(size_t i, DocRef* ref) const;
  std::optional<DocRef> ReadDoc(size_t i, bool allow_bare, bool lenient_name = false) const;
  bool NumberedUnitAt(size_t i, std::string_view keyword) const;
  std::optional<ArtRef> ReadArtRef(size_t i) const;
  size_t ReadList(size_t i, bool letters, std::string_view keyword,
                  std::vector<std::string>* items) const;
  bool PointLetter(size_t i) const;
  size_t ReadPointRange(size_t i, std::vector<std::string>* points) const;
  bool PointsEnd(size_t i) const;
  void TakeLaterClause(size_t i, ArtRef* ref) const;
  bool DocumentMentionAt(size_t i) const;
  size_t TryArticleGroup(size_t i);
  std::optional<PartRef> ReadPartRef(size_t i) const;
  size_t TryPart(size_t i);
  bool LowercaseNameMayFollow(size_t i) const;
  size_t TryDocument(size_t i, bool allow_bare);
  void Emit(size_t first, size_t end, const DocRef& doc, const ArtRef* art);
  size_t RelatedContentNoteEnd(size_t i) const;

  std::string_view t_;
  std::vector<Tok> toks_;
  std::vector<std::string>* warnings_;
  std::vector<ExtractedCitation> out_;
  // Citations before this byte are in the tail of a Pháp điển source line.
  size_t note_end_ = 0;
};

void Scanner::Warn(std::string msg, size_t first, size_t end) const {
  if (warnings_ == nullptr) return;
  std::string_view raw = Span(first, std::min(end, n()));
  if (raw.size() > 80) raw = raw.substr(0, 80);
  warnings_->push_back(msg + " (byte " + std::to_string(toks_[first].b) + "): «" +
                       std::string(raw) + "»");
}

// Headings and Pháp điển source lines describe the document itself; the
// rest of a source line is the codifier's note.
size_t Scanner::SkipParagraphHead(size_t i) {
  size_t eol = t_.find('\n', toks_[i].b);
  if (eol == std::string_view::npos) eol = t_.size();
  std::string_view line = t_.substr(toks_[i].b, eol - toks_[i].b);
  // ClassifyLine only looks at how the line starts (and, for source lines,
  // whether it mentions "hiệu lực"), so a long line costs one pass.
  LineKind kind = ClassifyLine(line);
  if (kind == LineKind::kSourceLine) {
    size_t at = line.find("hiệu lực");
    note_end_ = eol;
    return TokenAtOrAfter(toks_[i].b + at + std::string_view("hiệu lực").size(), i);
  }
  if (kind == LineKind::kArticle) {
    size_t sp = line.find(' ', std::string_view("Điều ").size());
    return TokenAtOrAfter(sp == std::string_view::npos ? eol : toks_[i].b + sp, i);
  }
  return i;
}

const DocType* Scanner::MatchType(size_t i, size_t* len) const {
  if (!IsWord(i)) return nullptr;
  std::string first = Lw(i);
  for (const DocType& type : DocTypes()) {
    std::string_view rest = type.lower;
    size_t k = i;
    bool ok = true;
    while (ok && !rest.empty()) {
      size_t sp = rest.find(' ');
      std::string_view syl = rest.substr(0, sp);
      ok = (k == i ? first == syl : W(k, syl));
      ++k;
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    }
    if (ok) {
      *len = k - i;
      return &type;
    }
  }
  return nullptr;
}

// A document number starting at token i ("33/CT-TTg", "23- QĐ/TW" with a
// stray space after the dash), canonicalised by the text layer.
bool Scanner::ReadNumber(size_t i, std::string* number, size_t* end) const {
  if (i >= n() || toks_[i].kind != TokKind::kNum) return false;
  size_t p = toks_[i].b;
  size_t limit = std::min(t_.size(), p + 64);
  while (p < limit) {
    size_t len = NumberCharLen(t_, p);
    if (len != 0) {
      p += len;
      continue;
    }
    bool after_dash = t_[p - 1] == '-' || t_[p - 1] == '/' ||
                      (p >= toks_[i].b + 3 && NumberCharLen(t_, p - 3) == 3);
    bool joinable = t_[p] == ' ' && after_dash && p + 1 < limit &&
                    ((t_[p + 1] >= 'A' && t_[p + 1] <= 'Z') || t_.substr(p + 1, 2) == "Đ");
    if (!joinable) break;
    ++p;
  }
  std::string_view raw = t_.substr(toks_[i].b, p - toks_[i].b);
  while (!raw.empty() && (raw.back() == '-' || raw.back() == '/')) raw.remove_suffix(1);
  std::string canon = text::CanonicalIdentifier(raw);
  if (canon.empty() || canon.find('/') == std::string::npos) return false;
  *number = canon;
  *end = TokenAtOrAfter(toks_[i].b + raw.size(), i + 1);
  return true;
}

// A number written without its symbol, "61/2023" in "Nghị định 61/2023":
// the whole token, a sequence and a year (ShortNumberYear). Kept as written.
bool Scanner::ReadShortNumber(size_t i, std::string* number, size_t* end) const {
  if (i >= n() || toks_[i].kind != TokKind::kNum || ShortNumberYear(Text(i)).empty()) {
    return false;
  }
  *number = std::string(Text(i));
  *end = i + 1;
  return true;
}

bool Scanner::ReadDate(size_t i, std::string* iso, size_t* end) const {
  if (i >= n() || toks_[i].kind != TokKind::kNum) return false;
  size_t len = 0;
  std::string date = ParseDateAt(t_.substr(toks_[i].b, 40), &len);
  if (date.empty()) return false;
  *iso = date;
  *end = TokenAtOrAfter(toks_[i].b + len, i + 1);
  return true;
}

size_t Scanner::ReadIssuer(size_t i, std::string* issuer) const {
  if (!IsWord(i) || !StartsUpper(Text(i))) return i;
  // "của Bộ luật 100/2015/QH13", "của Luật 12/2017/QH14": another document,
  // not an issuer. S4 (QA 21): "Bộ" and "Luật" were issuers, so "Bộ luật
  // Hình sự số 100/2015/QH13 của Luật 12/2017/QH14" in the Code was not
  // itself, and "luật 100/2015/QH13" a Luật.
  size_t type_len = 0;
  if (MatchType(i, &type_len) != nullptr) return i;
  // A ministry's name ("Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa,
  // Thể thao và Du lịch") runs over its lowercase syllables, dashes, commas
  // and "và" up to the next non-name word.
  bool ministry = W(i, "bộ") && IsWord(i + 1) && StartsUpper(Text(i + 1));
  size_t k = i + 1;
  while (k < n() && k - i < kMaxIssuerWords) {
    bool capital_next = IsWord(k + 1) && StartsUpper(Text(k + 1)) && !W(k + 1, "bộ");
    if (ministry && (P(k, "-") || P(k, ",") || W(k, "và")) && capital_next) {
      k += 2;
      continue;
    }
    if (!IsWord(k)) break;
    std::string lw = Lw(k);
    if (lw == "bộ" && capital_next) ministry = true;  // "Bộ trưởng Bộ Công an"
    if (lw == "ban" && W(k + 1, "hành")) break;
    if (!StartsUpper(Text(k)) && !IssuerWord(lw) && !(ministry && MinistryWord(lw))) break;
    ++k;
  }
  *issuer = std::string(Span(i, k));
  return k;
}

// The titles of acts whose names hold a comma, as the Pháp điển and the
// corpus cite them (the words after "Luật"/"Bộ luật"/"Pháp lệnh"). A comma
// carries a name on only as in one of these: what a comma after a name
// leads to is, far more often, the sentence's subject or object ("Luật Tố
// cáo, tổ chức, cá nhân có quyền …", "Luật Đất đai, cá nhân là công dân
// …"), and no run of words tells the two apart ("Luật Cán bộ, công chức"
// against "Luật Khiếu nại, công dân có quyền"). A title is compared up to
// the word after each comma, and taken whole when written whole; past
// that, a name reads on as any name does.
constexpr std::array<std::string_view, 28> kCommaTitles = {
    "An toàn, vệ sinh lao động",
    "Án phí, lệ phí Tòa án",
    "Bảo vệ, chăm sóc và giáo dục trẻ em",
    "Bưu chính, viễn thông",
    "Cán bộ, công chức",
    "Chất lượng sản phẩm, hàng hóa",
    "Hiến, lấy, ghép mô, bộ phận cơ thể người và hiến, lấy xác",
    "Hòa giải, đối thoại tại Tòa án",
    "Khám bệnh, chữa bệnh",
    "Khiếu nại, tố cáo",
    "Ký kết, gia nhập và thực hiện điều ước quốc tế",
    "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam",
    "Phòng cháy, chữa cháy",
    "Phòng, chống lụt, bão",  // and every "Phòng, chống …"
    "Phổ biến, giáo dục pháp luật",
    "Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp",
    "Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ",
    "Quân nhân chuyên nghiệp, công nhân và viên chức quốc phòng",
    "Tài nguyên, môi trường biển và hải đảo",
    "Thể dục, thể thao",
    "Thi đua, khen thưởng",
    "Thi hành tạm giữ, tạm giam",
    "Thực hành tiết kiệm, chống lãng phí",
    "Thuế xuất khẩu, thuế nhập khẩu",
    "Tín ngưỡng, tôn giáo",
    "Trật tự, an toàn giao thông đường bộ",
    "Trưng mua, trưng dụng tài sản",
    "Xuất cảnh, nhập cảnh của công dân Việt Nam",
};

// kCommaTitles folded, a comma as an item of its own: {"phong", ",", "chong", …}.
const std::vector<std::vector<std::string>>& FoldedCommaTitles() {
  static const std::vector<std::vector<std::string>> titles = [] {
    std::vector<std::vector<std::string>> out;
    for (std::string_view title : kCommaTitles) {
      std::vector<std::string> items;
      size_t at = 0;
      while (at < title.size()) {
        size_t space = std::min(title.find(' ', at), title.size());
        std::string_view word = title.substr(at, space - at);
        bool comma = word.ends_with(',');
        if (comma) word.remove_suffix(1);
        items.push_back(text::FoldText(word));
        if (comma) items.emplace_back(",");
        at = space + 1;
      }
      out.push_back(std::move(items));
    }
    return out;
  }();
  return titles;
}

// Where the name begun at token `name` goes on after the comma at token
// `comma` (the token after the title's words there), or 0 where it ends
// there: the words up to the comma and the one after it must be those of
// a title of kCommaTitles. Past that word, or past the whole title when
// all of it is written: "Luật Hòa giải, đối thoại tại Tòa án", though
// "đối" and "tại" end other names.
// R2 (QA 23): "Luật Tố cáo, tổ chức, cá nhân có quyền tố cáo" cited a law
// named "Luật Tố cáo, tổ chức"; X1 (QA 22): "Luật Khiếu nại, người tiếp
// công dân …".
size_t Scanner::TitleAfterComma(size_t name, size_t comma) const {
  auto folded = [&](size_t k) {
    if (P(k, ",")) return std::string(",");
    return IsWord(k) && Text(k).size() <= 48 ? text::FoldText(Text(k)) : std::string();
  };
  std::vector<std::string> written;  // `name` through the word after the comma
  for (size_t k = name; k <= comma + 1; ++k) {
    written.push_back(folded(k));
    if (written.back().empty()) return 0;
  }
  size_t on = 0;
  for (const std::vector<std::string>& title : FoldedCommaTitles()) {
    if (title.size() < written.size() ||
        !std::equal(written.begin(), written.end(), title.begin())) {
      continue;
    }
    size_t k = comma + 2;
    while (k - name < title.size() && folded(k) == title[k - name]) ++k;
    on = std::max(on, k - name == title.size() ? k : comma + 2);
  }
  return on;
}

// A name after a named type: words up to a stop word or punctuation. A
// comma is crossed only inside a title that has one ("Luật Phòng, chống
// tham nhũng": TitleAfterComma); "và"/"hoặc" only before a
// lowercase word. "của Nhà nước" belongs to the
// name ("Luật Trách nhiệm bồi thường của Nhà nước": the State issues no
// law); "ban hành" does not ("… của Luật Tiếp công dân ban hành ngày …").
size_t Scanner::ReadName(size_t i) const {
  size_t k = i;
  while (k < n() && k - i < kMaxNameWords) {
    if (IsWord(k)) {
      std::string lw = Lw(k);
      if (k > i && lw == "của" && W(k + 1, "nhà") && W(k + 2, "nước") &&
          !(IsWord(k + 3) && StartsUpper(Text(k + 3)))) {
        k += 3;
        continue;
      }
      if (k > i && (NameStopWord(lw) || (lw == "ban" && W(k + 1, "hành")))) break;
      bool joiner = lw == "và" || lw == "hoặc";
      // "… Luật Thực hiện dân chủ ở cơ sở và quy định sau", "Luật Tố cáo và
      // khoản 2 Điều 5 …", "… và nghị định số …": what follows the joiner
      // is the sentence's or another citation, not the name's.
      if (joiner && !(IsWord(k + 1) && StartsLower(Text(k + 1)) && !NameStopWord(Lw(k + 1)) &&
                      Lw(k + 1) != "quy" && Lw(k + 1) != "hướng" && !UnitRefAt(k + 1) &&
                      !(W(k + 1, "ban") && W(k + 2, "hành")))) {
        break;
      }
      ++k;
    } else if (size_t on = P(k, ",") ? TitleAfterComma(i, k) : 0) {
      k = on;
    } else {
      break;
    }
  }
  return k;
}

// A unit or document cited at token i, lowercase as inside a sentence:
// "khoản 2 Điều 5", "điểm a", "điều 9", "chương V", "mục 2", "nghị định số
// …". Not "mục tiêu", "chương trình" (no number).
bool Scanner::UnitRefAt(size_t i) const {
  size_t len = 0;
  if (MatchType(i, &len) != nullptr) return true;
  if (W(i, "chương") || W(i, "mục") || W(i, "phần")) {
    return i + 1 < n() &&
           (toks_[i + 1].kind == TokKind::kNum ||
            (IsWord(i + 1) && Text(i + 1).size() <= 8 && RomanToInt(Text(i + 1)) > 0));
  }
  return (W(i, "khoản") || W(i, "điểm") || W(i, "điều")) && ReadArtRef(i).has_value();
}

size_t Scanner::ReadTail(size_t i, DocRef* ref) const {
  size_t k = i;
  for (int guard = 0; guard < 4; ++guard) {
    size_t next = k;
    std::string value;
    if (ref->date.empty() && W(k, "ngày") && ReadDate(k + 1, &value, &next)) {
      ref->date = value;
    } else if (ref->issuer.empty() && W(k, "của") && (next = ReadIssuer(k + 1, &value)) > k + 1) {
      ref->issuer = value;
    } else if (ref->number.empty() && W(k, "số") && ReadNumber(k + 1, &value, &next)) {
      ref->number = value;
    } else if (!ref->name.empty() && ref->number.empty() && ref->date.empty() &&
               ref->year.empty() && W(k, "năm") && IsYear(k + 1)) {
      ref->year = std::string(Text(k + 1));  // "Luật Tố cáo năm 2011"
      next = k + 2;
    } else if (ref->issuer.empty() && W(k, "đã") && W(k + 1, "được") &&
               (next = ReadIssuer(k + 2, &value)) > k + 2) {
      ref->issuer = value;
      if (W(next, "khóa") || W(next, "khoá")) next += 2;
      if (W(next, "thông") && W(next + 1, "qua")) next += 2;
    } else {
      break;
    }
    k = next;
  }
  return k;
}

// `lenient_name`: after "Điều 41 của", a named type may be followed by a
// lowercase name ("Luật thực hiện dân chủ ở cơ sở").
std::optional<DocRef> Scanner::ReadDoc(size_t i, bool allow_bare, bool lenient_name) const {
  DocRef ref;
  size_t len = 0;
  const DocType* type = MatchType(i, &len);
  size_t k = i + len;
  if (type == nullptr) {
    // A bare number must be written with '/' and not be a standard's year
    // ("QCVN 11: 2015/BKHCN") or a file name ("TT 05-2022-BYT.docx").
    if (!allow_bare || Text(i).find('/') == std::string_view::npos || (i > 0 && P(i - 1, ":")) ||
        !ReadNumber(i, &ref.number, &k) ||
        (P(k, ".") && IsWord(k + 1) && toks_[k].e == toks_[k + 1].b)) {
      return std::nullopt;
    }
  } else if (W(k, "này")) {
    ref.type = type->display;
    ref.self = true;
    ref.end = k + 1;
    return ref;
  } else if (W(k, "số") || (k < n() && toks_[k].kind == TokKind::kNum)) {
    size_t at = W(k, "số") ? k + 1 : k;
    if (!ReadNumber(at, &ref.number, &k) &&
        !(type->year_in_number && ReadShortNumber(at, &ref.number, &k))) {
      bool half_written =
          at != k && at < n() && (toks_[at].kind == TokKind::kNum || P(at, "/") || P(at, "…"));
      if (half_written) {
        size_t sp = t_.find_first_of(" \n", toks_[at].b);
        size_t end = TokenAtOrAfter(sp == std::string_view::npos ? t_.size() : sp, at + 1);
        Warn("Dẫn chiếu thiếu số hiệu hoặc số hiệu không hợp lệ", i, end);
      }
      return std::nullopt;
    }
  } else if (type->named && StartsUpper(Text(i)) && !IsAllCaps(Text(i)) && IsWord(k) &&
             (StartsUpper(Text(k)) || (lenient_name && !NameStopWord(Lw(k))))) {
    size_t end = ReadName(k);
    ref.name = std::string(Span(i, end));
    k = end;
  } else {
    return std::nullopt;
  }
  if (type != nullptr) ref.type = type->display;
  ref.end = ReadTail(k, &ref);
  if (ref.year.empty()) ref.year = YearInNumber(ref.number);
  if (ref.year.empty()) ref.year = ShortNumberYear(ref.number);
  if (ref.year.empty() && !ref.date.empty()) ref.year = ref.date.substr(0, 4);
  return ref;
}

// Letters ("a, b và c") or numbers ("1, 2, 3, 5 và 6"), each optionally
// preceded again by the keyword ("điểm b, điểm c").
size_t Scanner::ReadList(size_t i, bool letters, std::string_view keyword,
                         std::vector<std::string>* items) const {
  auto item_at = [&](size_t k) {
    if (letters) return PointLetter(k);
    return k < n() && toks_[k].kind == TokKind::kNum && IsPureNumber(Text(k));
  };
  size_t k = i;
  if (!item_at(k)) return i;
  items->push_back(letters ? Lw(k) : std::string(Text(k)));
  ++k;
  while (items->size() < kMaxListItems) {
    size_t j = k;
    if (P(j, ",")) ++j;
    if (W(j, "và") || W(j, "hoặc")) ++j;
    if (j == k) break;
    if (W(j, keyword)) ++j;
    if (!item_at(j)) break;
    // "khoản 1, Điều 5": a number followed by a new keyword is not a list item.
    items->push_back(letters ? Lw(j) : std::string(Text(j)));
    k = j + 1;
  }
  return k;
}

// A point's letter: one letter a-z or "đ" ("điểm dân cư" is no point).
bool Scanner::PointLetter(size_t i) const {
  std::string lw = Lw(i);
  return lw.size() == 1 ? (lw[0] >= 'a' && lw[0] <= 'z') : lw == "đ";
}

// After one point, "đến [điểm] k" ("điểm a đến điểm k", "từ điểm a đến
// điểm d"): the range as one item "a-k", which links to its first point
// (the points between are not written, so none is made up). Returns the
// token after the range, or `i`.
size_t Scanner::ReadPointRange(size_t i, std::vector<std::string>* points) const {
  if (points->size() != 1 || !W(i, "đến")) return i;
  size_t j = W(i + 1, "điểm") ? i + 2 : i + 1;
  // "từ điểm A đến điểm B": places, not points of a clause.
  if (!PointLetter(j) || !StartsLower(Text(j)) || !StartsLower(Text(i - 1))) return i;
  points->front() += "-" + Lw(j);
  return j + 1;
}

// Whether a point list with no khoản after it ends at token i, so that it
// is a point of the clause around it: a clause or sentence boundary
// (";", ".", ":", ",", the paragraph's end), "hoặc", "và", "nêu trên",
// "trên", "này". Not ", khoản 2 Điều 5" (a stray comma before its clause).
bool Scanner::PointsEnd(size_t i) const {
  if (i >= n() || toks_[i].kind == TokKind::kBreak) return true;
  if (P(i, ",")) {
    // "điểm b, mục 3.4, Phụ lục 1": the point of another part.
    for (std::string_view part :
         {"khoản", "điều", "mục", "tiểu", "phần", "chương", "tiết", "phụ"}) {
      if (W(i + 1, part)) return false;
    }
    return true;
  }
  // "điểm c.3.1", "điểm d.3 khoản 3": a sub-point, not a full stop.
  if (P(i, ".") && i + 1 < n() && toks_[i + 1].b == toks_[i].e &&
      toks_[i + 1].kind != TokKind::kBreak) {
    return false;
  }
  if (P(i, ";") || P(i, ".") || P(i, ":")) return true;
  if (W(i, "hoặc") || W(i, "và")) {
    // "điểm a, b hoặc 1 khoản 1 Điều 3", "điểm d và;đ;khoản 1": a list
    // gone astray before its clause, not points of the clause around.
    for (size_t j = i + 1; j < n() && j <= i + 4; ++j) {
      if (W(j, "khoản") || W(j, "điều")) return false;
    }
    return true;
  }
  return W(i, "trên") || W(i, "này") || (W(i, "nêu") && W(i + 1, "trên"));
}

// Points with their clause omitted followed by "hoặc"/"và" and, a few
// words on in the same clause of the sentence, points with their clause
// ("điểm a hoặc một phần đối với trường hợp quy định tại các điểm b và c
// khoản này", "điểm b, điểm c và nam sĩ quan quy định tại điểm d khoản 1
// Điều này"): they are of that clause. `i` is the token after the points.
void Scanner::TakeLaterClause(size_t i, ArtRef* ref) const {
  if (!W(i, "hoặc") && !W(i, "và")) return;
  for (size_t j = i + 1; j < n() && j < i + kMaxLaterClauseWords; ++j) {
    if (toks_[j].kind == TokKind::kBreak || P(j, ",") || P(j, ";") || P(j, ".") || P(j, ":") ||
        W(j, "khoản") || W(j, "điều")) {
      return;
    }
    if (!W(j, "điểm")) continue;
    std::optional<ArtRef> later = ReadArtRef(j);
    if (!later || later->clause_omitted) return;
    ref->clauses = later->clauses;
    ref->article = later->article;
    ref->this_article = later->this_article;
    ref->article_omitted = later->article_omitted;
    ref->this_clause = later->this_clause;
    ref->clause_omitted = false;
    return;
  }
}

// `keyword` ("khoản", "điều") at token i followed by a number or "này".
bool Scanner::NumberedUnitAt(size_t i, std::string_view keyword) const {
  if (!W(i, keyword)) return false;
  return W(i + 1, "này") ||
         (i + 1 < n() && toks_[i + 1].kind == TokKind::kNum && IsPureNumber(Text(i + 1)));
}

std::optional<ArtRef> Scanner::ReadArtRef(size_t i) const {
  ArtRef ref;
  ref.first = i;
  size_t k = i;
  if (W(k, "điểm")) {
    k = ReadList(k + 1, true, "điểm", &ref.points);
    if (ref.points.empty()) return std::nullopt;
    k = ReadPointRange(k, &ref.points);
    // "điểm a, b của khoản 1 Điều này", "điểm c tại khoản 2", "điểm a,
    // khoản 2, Điều 5" (a comma before the clause, as administrative texts
    // write it).
    if ((W(k, "của") || W(k, "tại") || P(k, ",")) && NumberedUnitAt(k + 1, "khoản")) ++k;
    if (!W(k, "khoản") && !W(k, "điều")) {
      bool lowercase = true;  // "điểm A và điểm B" are places
      for (size_t j = i + 1; j < k; ++j) lowercase &= !IsWord(j) || StartsLower(Text(j));
      if (!lowercase || !PointsEnd(k)) return std::nullopt;
      ref.this_clause = true;
      ref.clause_omitted = true;
      ref.end = k;
      return ref;
    }
  }
  if (W(k, "khoản")) {
    // "khoản này" is the clause around it; "các khoản này" are clauses
    // named before.
    if (W(k + 1, "này")) {
      if (k == i && i > 0 && (W(i - 1, "các") || W(i - 1, "những"))) return std::nullopt;
      ref.this_clause = true;
      ref.end = k + 2;
      return ref;
    }
    size_t next = ReadList(k + 1, false, "khoản", &ref.clauses);
    if (ref.clauses.empty()) return std::nullopt;
    // Points are of one clause: "điểm c khoản 2 và khoản 3" is two parts.
    if (!ref.points.empty() && ref.clauses.size() > 1) {
      ref.clauses.resize(1);
      next = k + 2;
    }
    k = next;
    if (P(k, ",") && NumberedUnitAt(k + 1, "điều")) ++k;  // "khoản 3, Điều 5"
    if (!W(k, "điều")) {
      ref.this_article = true;
      ref.article_omitted = true;
      ref.end = k;
      return ref;
    }
  }
  if (!W(k, "điều")) return std::nullopt;
  if (W(k + 1, "này")) {
    ref.this_article = true;
    ref.end = k + 2;
    return ref;
  }
  if (k + 1 >= n() || toks_[k + 1].kind != TokKind::kNum || !IsPureNumber(Text(k + 1))) {
    return std::nullopt;
  }
  ref.article = std::string(Text(k + 1));
  ref.end = k + 2;
  return ref;
}

size_t Scanner::TryArticleGroup(size_t i) {
  std::string lw = Lw(i);
  if (lw != "điểm" && lw != "khoản" && lw != "điều") return i;
  std::optional<ArtRef> first = ReadArtRef(i);
  if (!first) return i;
  std::vector<ArtRef> refs{*first};
  size_t k = first->end;
  // "khoản 1 Điều này" and "khoản này" close their group: what follows
  // ("và Điều 5 Luật này") names its own target. A part with its article
  // omitted does not: the article may come after the next part.
  while (refs.size() < kMaxGroupRefs &&
         (refs.back().article_omitted || refs.back().clause_omitted ||
          !(refs.back().this_article || refs.back().this_clause))) {
    size_t j = k;
    if (P(j, ",") || P(j, ";")) ++j;
    if (W(j, "và") || W(j, "hoặc")) ++j;
    // "từ Điều 3 đến Điều 7 Luật Tố cáo": both ends, of the document after
    // the range (the articles between are not written, so none is made up).
    bool range = j == k && W(j, "đến");
    if (range) ++j;
    if (j == k) break;
    if (W(j, "các")) ++j;  // "… khoản 1 và các điểm a, b, c khoản 2 Điều 11"
    if (!range && !refs.back().article.empty() && j < n() && toks_[j].kind == TokKind::kNum &&
        IsPureNumber(Text(j))) {  // "Điều 15, 16 và 17"
      ArtRef more;
      more.first = j;
      more.end = j + 1;
      more.article = std::string(Text(j));
      refs.push_back(more);
      k = j + 1;
      continue;
    }
    std::optional<ArtRef> next = ReadArtRef(j);
    if (!next) break;
    // "khoản 3 và Điều 5", "khoản 3 và khoản này": khoản 3 of the article
    // around it; only clauses and points share the article after them.
    if (refs.back().article_omitted && !next->article_omitted &&
        (!next->NamesArticle() || next->clauses.empty())) {
      break;
    }
    // "điểm a; khoản 2 Điều 5": only points go with points; khoản 2 is
    // read on its own.
    if (refs.back().clause_omitted && next->points.empty()) break;
    refs.push_back(*next);
    k = next->end;
  }
  if (refs.back().clause_omitted) TakeLaterClause(k, &refs.back());
  for (size_t r = refs.size() - 1; r > 0; --r) {
    ArtRef& prev = refs[r - 1];
    const ArtRef& next = refs[r];
    if (prev.clause_omitted && !next.clause_omitted) {
      // "điểm a hoặc các điểm b, c khoản 2 Điều 5": khoản 2 of Điều 5.
      prev.clauses = next.clauses;
      prev.article = next.article;
      prev.this_article = next.this_article;
      prev.article_omitted = next.article_omitted;
      prev.this_clause = next.this_clause;
      prev.clause_omitted = false;
      continue;
    }
    if (!refs[r - 1].article_omitted || !refs[r].NamesArticle()) continue;
    refs[r - 1].article = refs[r].article;
    refs[r - 1].this_article = refs[r].this_article;
    refs[r - 1].article_omitted = false;
  }
  size_t t = W(k, "của") ? k + 1 : k;
  std::optional<DocRef> doc;
  if (!refs.back().this_article && !refs.back().this_clause) {
    doc = ReadDoc(t, /*allow_bare=*/true, /*lenient_name=*/true);
    // "Điều 66, Nghị định 145/2020/NĐ-CP", "khoản 3, Điều 5, Luật Tiếp
    // công dân": a comma before the document, as administrative texts
    // write it. The document must have its type and a number or a name
    // with a capital; a bare "61/2023" or "luật" is no target.
    if (!doc && P(k, ",")) {
      doc = ReadDoc(k + 1, /*allow_bare=*/false, /*lenient_name=*/false);
      if (doc && doc->self) doc.reset();  // "Điều 2, Thông tư này": as before
    }
    // "Điều 3 Nghị định số /NĐ-CP": of a document, but not one that can be
    // told; not of the citing one.
    if (!doc && DocumentMentionAt(t)) return k;
  }
  DocRef target;
  if (doc) {
    target = *doc;
  } else {
    target.self = true;  // an article of the citing document
  }
  for (const ArtRef& ref : refs) {
    size_t end = (refs.size() == 1 && doc) ? doc->end : ref.end;
    Emit(ref.first, end, target, &ref);
  }
  return doc ? doc->end : k;
}

// Whether a document is named at token i though ReadDoc could not read it:
// a type written with a capital ("Quy chế làm việc", "Nghị định số
// /NĐ-CP") or followed by "số" or a number. What is cited before it is of
// that document, not of the citing one.
bool Scanner::DocumentMentionAt(size_t i) const {
  size_t len = 0;
  if (MatchType(i, &len) == nullptr) return false;
  return StartsUpper(Text(i)) || W(i + len, "số") ||
         (i + len < n() && toks_[i + len].kind == TokKind::kNum);
}

// Levels from the smallest up, each a keyword and a number or "này", with
// "của" between them ("Tiểu mục 2 của Mục này"); the first capitalised.
// "chương trình", "mục tiêu" have no number: not parts.
std::optional<PartRef> Scanner::ReadPartRef(size_t i) const {
  PartRef ref;
  ref.first = i;
  size_t k = i;
  int last = 3;
  for (int step = 0; step < 3; ++step) {
    size_t kw = step > 0 && W(k, "của") ? k + 1 : k;
    int level = 0;
    size_t len = 1;
    if (W(kw, "tiểu") && W(kw + 1, "mục")) {
      level = 2;
      len = 2;
    } else if (W(kw, "mục")) {
      level = 1;
    } else if (!W(kw, "chương")) {
      break;
    }
    if (level >= last || (step == 0 && !StartsUpper(Text(kw)))) break;
    size_t v = kw + len;
    std::string value;
    if (W(v, "này")) {
      value = "này";
    } else if (v < n() && toks_[v].kind == TokKind::kNum && IsPureNumber(Text(v))) {
      value = std::string(Text(v));
    } else if (IsWord(v) && Text(v).size() <= 8 && RomanToInt(Text(v)) > 0) {
      value = std::string(Text(v));
    } else {
      break;
    }
    ref.levels[level] = value;
    last = level;
    k = v + 1;
  }
  if (last == 3) return std::nullopt;
  ref.end = k;
  return ref;
}

// A part cited without an article: of the document named after it, else of
// the citing one. Not at a paragraph's start (a heading "Chương I").
size_t Scanner::TryPart(size_t i) {
  // Cheap first: "Chương", "Mục", "Tiểu" are capitalised (ReadPartRef).
  char first = Text(i).empty() ? '\0' : Text(i)[0];
  if ((first != 'C' && first != 'M' && first != 'T') || ParagraphStart(i)) return i;
  std::optional<PartRef> part = ReadPartRef(i);
  if (!part) return i;
  bool here = false;
  for (const auto& level : part->levels) here |= level == "này";
  size_t t = W(part->end, "của") ? part->end + 1 : part->end;
  std::optional<DocRef> doc;
  if (!here) doc = ReadDoc(t, /*allow_bare=*/true, /*lenient_name=*/true);
  if (!here && !doc && DocumentMentionAt(t)) return part->end;
  DocRef target;
  if (doc) {
    target = *doc;
  } else {
    target.self = true;
  }
  size_t end = doc ? doc->end : part->end;
  Emit(part->first, end, target, nullptr);
  out_.back().chapter = part->levels[0];
  out_.back().section = part->levels[1];
  out_.back().subsection = part->levels[2];
  return end;
}

// Whether a named type at token i may be followed by a lowercase name: after
// "của", "tại" or "theo" ("theo quy định của Luật tố tụng hành chính"), or
// after a citation and a comma or "và" ("Luật khiếu nại, Luật tố cáo").
// Not "Luật sư", "Luật gia" (people).
bool Scanner::LowercaseNameMayFollow(size_t i) const {
  // A named type is capitalised ("Luật"): most words end here, cheaply.
  if (i == 0 || !IsWord(i) || !StartsUpper(Text(i)) || !IsWord(i + 1)) return false;
  std::string next = Lw(i + 1);
  if (next == "sư" || next == "gia" || next == "học" || next == "pháp" || next == "lệ") {
    return false;
  }
  if (W(i - 1, "của") || W(i - 1, "tại") || W(i - 1, "theo")) return true;
  return i >= 2 && (P(i - 1, ",") || W(i - 1, "và")) && !out_.empty() &&
         out_.back().citation.end == toks_[i - 2].e;
}

size_t Scanner::TryDocument(size_t i, bool allow_bare) {
  std::optional<DocRef> doc = ReadDoc(i, allow_bare, LowercaseNameMayFollow(i));
  if (!doc) return i;
  Emit(i, doc->end, *doc, nullptr);
  return doc->end;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
  return out;
}

void Scanner::Emit(size_t first, size_t end, const DocRef& doc, const ArtRef* art) {
  ExtractedCitation ec;
  Citation& c = ec.citation;
  c.begin = toks_[first].b;
  c.end = toks_[end - 1].e;
  c.raw = std::string(t_.substr(c.begin, c.end - c.begin));
  c.type = doc.type;
  c.number = doc.number;
  c.name = doc.name;
  c.year = doc.year;
  c.date = doc.date;
  c.issuer = doc.issuer;
  c.self = doc.self;
  c.source_note = c.begin < note_end_;
  if (doc.self) c.status = CitationStatus::kSelf;
  if (art != nullptr) {
    c.article = art->article;
    c.clause = Join(art->clauses);
    c.point = Join(art->points);
    ec.this_article = art->this_article;
    ec.this_clause = art->this_clause;
  }
  out_.push_back(std::move(ec));
}

// The end (byte) of a Pháp điển note "(Điều này có nội dung liên quan đến
// Điều 2. Người nộp phí; … của Thông tư 58/2020/TT-BTC …)" opening at
// token i, or 0. Its closing parenthesis, or the paragraph's end.
size_t Scanner::RelatedContentNoteEnd(size_t i) const {
  if (!P(i, "(")) return 0;
  size_t k = i + 1;
  if (W(k, "tiểu")) ++k;  // "Tiểu mục này"
  if (!(W(k, "điều") || W(k, "chương") || W(k, "mục") || W(k, "phần")) || !W(k + 1, "này") ||
      !W(k + 2, "có") || !W(k + 3, "nội") || !W(k + 4, "dung") || !W(k + 5, "liên") ||
      !W(k + 6, "quan")) {
    return 0;
  }
  int depth = 0;
  for (k = i; k < n() && toks_[k].kind != TokKind::kBreak; ++k) {
    if (P(k, "(")) ++depth;
    if (P(k, ")") && --depth == 0) return toks_[k].e;
  }
  return k < n() ? toks_[k].b : t_.size();
}

std::vector<ExtractedCitation> Scanner::Run() {
  // The Pháp điển's notes of related content name articles of other acts
  // ("Điều 3. Tổ chức thu phí" of a Thông tư, "Điều 3.6.LQ.19" of another
  // đề mục): an article there with no document after it is not the
  // citing document's own. W1 (QA 22): each was a link to the law's own
  // article of that number ("Dẫn chiếu trong chính văn bản này"), 346 on
  // the page of Luật Ngân sách nhà nước. The documents they name stay
  // citations.
  std::vector<std::pair<size_t, size_t>> related_notes;  // byte spans, apart, in order
  size_t i = 0;
  while (i < n()) {
    if (ParagraphStart(i) && toks_[i].kind != TokKind::kBreak) {
      size_t skipped = SkipParagraphHead(i);
      if (skipped != i) {
        i = skipped;
        continue;
      }
    }
    // A note opening inside one found ends inside it too, so it is not
    // looked for: the spans stay apart (the test below sees the outer note
    // of nested ones) and no token is scanned twice. R5 (QA 23): each of n
    // unclosed notes scanned to the paragraph's end, O(n²).
    if (related_notes.empty() || toks_[i].b >= related_notes.back().second) {
      if (size_t end = RelatedContentNoteEnd(i)) related_notes.emplace_back(toks_[i].b, end);
    }
    size_t next = i;
    if (toks_[i].kind == TokKind::kWord) {
      next = TryArticleGroup(i);
      if (next == i) next = TryPart(i);
      if (next == i) next = TryDocument(i, false);
    } else if (toks_[i].kind == TokKind::kNum) {
      next = TryDocument(i, true);
    }
    i = next > i ? next : i + 1;
  }
  if (!related_notes.empty()) {
    std::erase_if(out_, [&](const ExtractedCitation& ec) {
      const Citation& c = ec.citation;
      if (!c.self) return false;
      auto note = std::upper_bound(related_notes.begin(), related_notes.end(),
                                   std::pair{c.begin, std::numeric_limits<size_t>::max()});
      return note != related_notes.begin() && c.begin < std::prev(note)->second;
    });
  }
  return std::move(out_);
}

}  // namespace

std::vector<ExtractedCitation> ScanCitations(std::string_view text,
                                             std::vector<std::string>* warnings) {
  return Scanner(text, warnings).Run();
}

}  // namespace vanban::legal::internal
