#include "legal/metadata.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "legal/names.h"
#include "text/analyzer.h"

namespace vanban::legal::internal {
namespace {

constexpr size_t kHeaderParagraphs = 15;
constexpr size_t kFooterParagraphs = 20;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsUnitStart(LineKind kind) {
  return kind == LineKind::kPart || kind == LineKind::kChapter || kind == LineKind::kArticle ||
         kind == LineKind::kRoman || kind == LineKind::kLegalSection ||
         kind == LineKind::kSourceLine;
}

class Reader {
 public:
  Reader(const Layout& layout, std::string_view text) : layout_(layout), text_(text) {}
  size_t size() const { return layout_.paragraphs.size(); }
  LineKind Kind(size_t p) const { return layout_.paragraphs[p].kind; }
  std::string_view Text(size_t p) const {
    const LaidOutParagraph& lp = layout_.paragraphs[p];
    return text_.substr(lp.begin, lp.end - lp.begin);
  }
  // Paragraphs before the first structural unit, at most kHeaderParagraphs.
  size_t HeaderEnd() const {
    size_t p = 0;
    while (p < size() && p < kHeaderParagraphs && !IsUnitStart(Kind(p))) ++p;
    return p;
  }

 private:
  const Layout& layout_;
  std::string_view text_;
};

bool IsMotto(std::string_view s) {
  std::string folded = text::FoldText(s);
  return folded.find("cong hoa xa hoi") != std::string::npos ||
         folded.find("doc lap") != std::string::npos ||
         folded.find("dang cong san viet nam") != std::string::npos;
}

// Title after the type line: one paragraph, unless it is the body.
bool LooksLikeTitle(const Reader& r, size_t p) {
  if (p >= r.size()) return false;
  LineKind kind = r.Kind(p);
  if (kind != LineKind::kText && kind != LineKind::kCaps) return false;
  std::string folded = text::FoldText(r.Text(p).substr(0, 40));
  for (std::string_view body :
       {"can cu", "thuc hien", "theo ", "xet ", "trien khai thuc hien ke"}) {
    if (StartsWith(folded, body) && kind == LineKind::kText && r.Text(p).size() > 200) return false;
  }
  if (StartsWith(folded, "can cu") || StartsWith(folded, "xet ")) return false;
  return r.Text(p).size() < 600;
}

// The issuer's part of a header line. Two-column headers extracted from
// PDFs put the issuer and the national motto on one line ("ỦY BAN NHÂN DÂN
// CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ NGỌC KỲ Độc lập - Tự do - Hạnh
// phúc"): the part before the motto, if it is in capitals.
std::string_view IssuerPart(std::string_view line) {
  for (std::string_view motto : {"CỘNG HÒA", "CỘNG HOÀ", "Độc lập", "ĐỘC LẬP", "ĐẢNG CỘNG SẢN"}) {
    size_t at = line.find(motto);
    if (at != std::string_view::npos) line = line.substr(0, at);
  }
  line = Trim(line);
  return IsAllCaps(line) && !IsMotto(line) ? line : std::string_view();
}

// "Số: 47/KH-UBND", possibly followed by the place and date on the line.
void ReadNumber(std::string_view t, Metadata* meta) {
  std::string_view rest = Trim(t.substr(std::string_view("Số").size() + 1));
  size_t sp = rest.find(' ');
  meta->number = text::CanonicalIdentifier(rest.substr(0, sp));
  if (meta->number.empty() && sp != std::string_view::npos) {
    meta->number = text::CanonicalIdentifier(rest.substr(0, rest.find(' ', sp + 1)));
  }
}

// "Số: 47/KH-UBND" or "Số 15/QĐ-UBND ngày ...": a number line.
bool IsNumberLine(std::string_view t) {
  if (!StartsWith(t, "Số")) return false;
  std::string_view rest = t.substr(std::string_view("Số").size());
  size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == ':')) ++i;
  return i > 0 && i < rest.size() && rest[i] >= '0' && rest[i] <= '9';
}

// "Tứ Kỳ, ngày 15 tháng 3 năm 2023", possibly after "Số: ..." on the line;
// "Số 15/QĐ-UBND ngày 10 tháng 3 năm 2023" (no place); a line that is only
// "ngày 10 tháng 3 năm 2023".
void ReadPlaceAndDate(std::string_view t, Metadata* meta) {
  std::string_view key = ", ngày ";
  size_t at = t.find(key);
  if (at == std::string_view::npos && IsNumberLine(t)) {
    key = " ngày ";
    at = t.find(key);
  }
  if (at == std::string_view::npos) {
    std::string folded = text::FoldText(t.substr(0, 6));
    if (StartsWith(folded, "ngay ")) {
      size_t len = 0;
      std::string_view rest = Trim(t.substr(t.find(' ') + 1));
      std::string date = ParseDateAt(rest, &len);
      if (!date.empty() && Trim(rest.substr(len)).empty()) meta->date = date;
    }
    return;
  }
  size_t len = 0;
  std::string date = ParseDateAt(t.substr(at + key.size()), &len);
  if (date.empty()) return;
  meta->date = date;
  std::string_view place = Trim(t.substr(0, at));
  if (StartsWith(place, "Số")) {
    // Drop "Số:" and the number ("Số: 12/KH-UBND Ngọc Kỳ" -> "Ngọc Kỳ").
    size_t i = std::string_view("Số").size();
    while (i < place.size() && (place[i] == ' ' || place[i] == ':')) ++i;
    while (i < place.size() && place[i] != ' ') ++i;  // the number
    place = Trim(place.substr(i));
  }
  if (!place.empty() && StartsUpper(place) && CodePoints(place) <= 40) {
    meta->place = std::string(place);
  }
}

bool IsNumberOrDateLine(std::string_view t) {
  if (IsNumberLine(t)) return true;
  Metadata probe;
  ReadPlaceAndDate(t, &probe);
  return !probe.date.empty() && CodePoints(t) <= 60;
}

// The cells of a header line: a table row as docx and HTML give it ("QUỐC
// HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "| Hà Nội, ngày …" when the
// first cell is empty), each read like a line of its own; a line without
// "|" is one cell.
std::vector<std::string_view> Cells(std::string_view line) {
  std::vector<std::string_view> cells;
  for (size_t at; (at = line.find('|')) != std::string_view::npos; line.remove_prefix(at + 1)) {
    if (std::string_view cell = Trim(line.substr(0, at)); !cell.empty()) cells.push_back(cell);
  }
  if (std::string_view cell = Trim(line); !cell.empty()) cells.push_back(cell);
  return cells;
}

// "Luật số: 25/2018/QH14" (a law's header writes its type before "số"):
// from "số" on, so that it reads as a number line; else `cell` itself.
std::string_view NumberCell(std::string_view cell) {
  size_t at = cell.find(" số");
  if (at == std::string_view::npos || at > 24 || !StartsUpper(cell)) return cell;
  std::string_view rest = cell.substr(at + 1);
  std::string candidate = "Số" + std::string(rest.substr(std::string_view("số").size()));
  return IsNumberLine(candidate) ? rest : cell;
}

void ReadHeaderCell(std::string_view cell, std::string* issuer, Metadata* meta) {
  std::string_view number = NumberCell(cell);
  bool number_line = number != cell || StartsWith(cell, "Số");
  if (meta->type.empty() && !number_line) {
    std::string_view part = IssuerPart(cell);
    if (!part.empty()) *issuer += (issuer->empty() ? "" : " ") + std::string(part);
  }
  if (meta->number.empty() && number != cell) {
    std::string line = "Số" + std::string(number.substr(std::string_view("số").size()));
    ReadNumber(line, meta);
  } else if (meta->number.empty() && (StartsWith(cell, "Số:") || StartsWith(cell, "Số "))) {
    ReadNumber(cell, meta);
  }
  if (meta->date.empty()) ReadPlaceAndDate(cell, meta);
}

// The type a number cell names before "số" ("QUYẾT ĐỊNH số 55/QĐ-UBND",
// "Quyết định số 15/QĐ-UBND ngày …", as web copies head a document), or null.
const DocType* TypeBeforeNumber(std::string_view cell) {
  std::string_view number = NumberCell(cell);
  if (number == cell) return nullptr;
  return FindDocType(text::Lower(internal::Trim(cell.substr(0, cell.size() - number.size()))));
}

void ReadHeader(const Reader& r, Metadata* meta) {
  size_t end = r.HeaderEnd();
  std::string issuer;
  // A "<type> số <number>" line, for a document without a type line.
  const DocType* numbered_type = nullptr;
  size_t numbered_at = 0;
  for (size_t p = 0; p < end; ++p) {
    std::string_view t = r.Text(p);
    const DocType* type = r.Kind(p) == LineKind::kCaps ? FindDocType(text::Lower(t)) : nullptr;
    if (type != nullptr && meta->type.empty()) {
      meta->type = std::string(type->display);
      // The title follows the type line, after a number or date line if the
      // header puts them there ("QUYẾT ĐỊNH / Số 15/QĐ-UBND ngày ... / Về việc").
      size_t title = p + 1;
      while (title < end && title <= p + 2 && IsNumberOrDateLine(r.Text(title))) ++title;
      if (LooksLikeTitle(r, title)) meta->title = std::string(r.Text(title));
      if (!issuer.empty()) meta->issuer = issuer;
      continue;
    }
    for (std::string_view cell : Cells(t)) {
      if (numbered_type == nullptr && meta->number.empty()) {
        numbered_type = TypeBeforeNumber(cell);
        numbered_at = p;
      }
      ReadHeaderCell(cell, &issuer, meta);
    }
  }
  if (meta->type.empty() && numbered_type != nullptr) {
    meta->type = std::string(numbered_type->display);
    size_t title = numbered_at + 1;
    while (title < end && title <= numbered_at + 2 && IsNumberOrDateLine(r.Text(title))) ++title;
    if (meta->title.empty() && LooksLikeTitle(r, title)) meta->title = std::string(r.Text(title));
  }
}

bool LooksLikeName(std::string_view s) {
  if (s.empty() || s.size() > 80) return false;
  int words = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t sp = s.find(' ', i);
    std::string_view w =
        s.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i);
    if (!StartsUpper(w) || IsAllCaps(w)) return false;
    for (char c : w) {
      if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' || c == ';') return false;
    }
    ++words;
    if (sp == std::string_view::npos) break;
    i = sp + 1;
  }
  return words >= 2 && words <= 6;
}

std::string CleanRecipient(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',' || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

// "Lưu: VP", "Lưu VT, PC", "LƯU: VT": the copies kept by the issuer, not a
// place the document is sent to. What follows "Lưu", or nullopt.
std::optional<std::string> FilingNote(std::string_view entry) {
  for (std::string_view word : {"Lưu", "LƯU"}) {
    if (!StartsWith(entry, word)) continue;
    std::string_view rest = entry.substr(word.size());
    if (!rest.empty() && rest[0] != ':' && rest[0] != ' ') continue;
    while (!rest.empty() && (rest[0] == ':' || rest[0] == ' ')) rest.remove_prefix(1);
    // "Lưu trữ …", "Lưu ý …" are not the filing note.
    if (StartsWith(rest, "ý") || StartsWith(rest, "trữ")) continue;
    return std::string(rest);
  }
  return std::nullopt;
}

// One entry of "Nơi nhận:": a recipient, or the filing note (W6, session
// 16: "- Lưu: VP." was counted as a ninth recipient of the plan).
void AddRecipient(std::string entry, Metadata* meta) {
  if (entry.empty()) return;
  if (std::optional<std::string> filed = FilingNote(entry)) {
    if (!filed->empty() && meta->filing.empty()) meta->filing = *filed;
    return;
  }
  meta->recipients.push_back(std::move(entry));
}

void ReadFooter(const Reader& r, Metadata* meta) {
  size_t from = r.size() > kFooterParagraphs ? r.size() - kFooterParagraphs : 0;
  for (size_t p = from; p < r.size(); ++p) {
    std::string_view t = r.Text(p);
    if (r.Kind(p) == LineKind::kRecipients && meta->recipients.empty()) {
      size_t colon = t.find(':');
      if (colon != std::string_view::npos) AddRecipient(CleanRecipient(t.substr(colon + 1)), meta);
      for (size_t q = p + 1; q < r.size() && r.Kind(q) == LineKind::kDash; ++q) {
        AddRecipient(CleanRecipient(r.Text(q)), meta);
      }
    }
    bool delegation = StartsWith(t, "TM.") || StartsWith(t, "KT.") || StartsWith(t, "TL.") ||
                      StartsWith(t, "Q.") || StartsWith(t, "TUQ.");
    if (r.Kind(p) == LineKind::kCaps && !delegation && CodePoints(t) <= 60 && p + 1 < r.size() &&
        LooksLikeName(r.Text(p + 1))) {
      meta->signer_position = SentenceCase(t);
      meta->signer = std::string(r.Text(p + 1));
    }
  }
}

// "Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2023": only the
// document's own statement ("<type> này"), never another document's.
std::string ReadOwnEffectiveDate(std::string_view text) {
  static constexpr std::string_view kKey = " này có hiệu lực";
  static constexpr std::string_view kFrom = "từ ngày ";
  size_t at = 0;
  while ((at = text.find(kKey, at)) != std::string_view::npos) {
    size_t start = text.find_last_of(" \n", at > 0 ? at - 1 : 0);
    size_t type_start = start == std::string_view::npos ? 0 : start + 1;
    // Types of one or two syllables: "Luật", "Nghị định", "Kế hoạch".
    std::string_view one = text.substr(type_start, at - type_start);
    std::string_view two;
    if (type_start > 1 && text[type_start - 1] == ' ') {
      size_t start2 = text.find_last_of(" \n", type_start - 2);
      size_t begin2 = start2 == std::string_view::npos ? 0 : start2 + 1;
      two = text.substr(begin2, at - begin2);
    }
    bool own = FindDocType(text::Lower(one)) || (!two.empty() && FindDocType(text::Lower(two)));
    size_t from = text.find(kFrom, at);
    if (own && from != std::string_view::npos && from - at < 60) {
      size_t len = 0;
      std::string date = ParseDateAt(text.substr(from + kFrom.size(), 30), &len);
      if (!date.empty()) return date;
    }
    at += kKey.size();
  }
  return "";
}

}  // namespace

Metadata ParseSourceLine(std::string_view line) {
  Metadata meta;
  line = Trim(line);
  if (!StartsWith(line, "(Điều ")) return meta;
  if (line.back() == ')') line.remove_suffix(1);
  line = Trim(line);
  static constexpr std::string_view kSo = " số ";
  size_t so = line.find(kSo);
  size_t effect = line.find("có hiệu lực");
  if (so == std::string_view::npos || effect == std::string_view::npos || effect < so) return meta;
  size_t type_at = line.find(' ', std::string_view("(Điều ").size()) + 1;
  std::string_view type = Trim(line.substr(type_at, so - type_at));
  size_t num_at = so + kSo.size();
  size_t num_end = line.find_first_of(" ,", num_at);
  // "Pháp lệnh số Không số Về Hàm, cấp ngoại giao ngày 31/05/1995 …": an
  // act the Pháp điển lists with no number; the rest of the line is read.
  static constexpr std::string_view kNoNumber = "không số";
  bool unnumbered = text::Lower(line.substr(num_at, kNoNumber.size())) == kNoNumber;
  if (unnumbered) num_end = num_at + kNoNumber.size();
  if (num_end == std::string_view::npos || num_end > effect) return meta;
  if (!unnumbered) {
    meta.number = text::CanonicalIdentifier(line.substr(num_at, num_end - num_at));
    if (meta.number.empty()) return meta;
  }
  const DocType* dt = FindDocType(text::Lower(type));
  meta.type = dt ? std::string(dt->display) : std::string(type);
  std::string_view middle = line.substr(num_end, effect - num_end);
  middle = Trim(middle);
  if (!middle.empty() && middle.back() == ',') middle.remove_suffix(1);
  middle = Trim(middle);
  static constexpr std::string_view kNgay = "ngày ";
  size_t ngay = middle.rfind(kNgay);
  size_t len = 0;
  std::string date =
      ngay == std::string_view::npos ? "" : ParseDateAt(middle.substr(ngay + kNgay.size()), &len);
  std::string_view title = middle;
  if (!date.empty()) {
    meta.date = date;
    title = Trim(middle.substr(0, ngay));
    std::string_view after = Trim(middle.substr(ngay + kNgay.size() + len));
    static constexpr std::string_view kOf = "của ";
    if (StartsWith(after, kOf)) meta.issuer = std::string(Trim(after.substr(kOf.size())));
  }
  if (!title.empty()) {
    bool prefixed = StartsWith(text::FoldText(title), text::FoldText(meta.type));
    meta.title = prefixed ? std::string(title) : meta.type + " " + std::string(title);
  }
  static constexpr std::string_view kFrom = "từ ngày ";
  size_t from = line.find(kFrom, effect);
  if (from != std::string_view::npos) {
    meta.effective_date = ParseDateAt(line.substr(from + kFrom.size(), 30), &len);
  }
  return meta;
}

void MergeMissing(const Metadata& from, Metadata* into) {
  auto fill = [](const std::string& src, std::string* dst) {
    if (dst->empty()) *dst = src;
  };
  fill(from.type, &into->type);
  fill(from.number, &into->number);
  fill(from.issuer, &into->issuer);
  fill(from.place, &into->place);
  fill(from.date, &into->date);
  fill(from.title, &into->title);
  fill(from.signer, &into->signer);
  fill(from.signer_position, &into->signer_position);
  fill(from.effective_date, &into->effective_date);
  if (into->recipients.empty()) into->recipients = from.recipients;
  fill(from.filing, &into->filing);
}

// Source lines: the document is the act of the first line that names one
// ("Luật số …", "Pháp lệnh số Không số …"); later lines with its number fill
// what is still missing. An act with no number is what its first line says
// (S2, QA 21: the Pháp lệnh "số Không số" on diplomatic privileges took the
// identity of Thông tư liên tịch 01/2006, the first numbered act in it,
// which supplies 3 of its articles). The issuer implied by a national
// symbol (NĐ-CP: Chính phủ) wins over the line's wording.
void ReadSourceLines(const Reader& r, Metadata* meta, std::vector<std::string>* warnings) {
  Metadata own;
  bool found = false;
  for (size_t p = 0; p < r.size(); ++p) {
    if (r.Kind(p) != LineKind::kSourceLine) continue;
    Metadata line = ParseSourceLine(r.Text(p));
    // "(Điều 2 Pháp lệnh Về …, có hiệu lực …)" names no act.
    if (line.type.empty() && line.number.empty()) continue;
    if (!found) {
      own = std::move(line);
      found = true;
    } else if (!own.number.empty() && line.number == own.number) {
      MergeMissing(line, &own);
    }
  }
  if (!found) return;
  std::string implied = IssuerFromSymbol(own.number);
  if (!implied.empty()) {
    if (!own.issuer.empty() && !IssuersCompatible(own.issuer, implied) && warnings != nullptr) {
      warnings->push_back("Dòng nguồn ghi cơ quan ban hành \"" + own.issuer + "\" nhưng ký hiệu " +
                          own.number + " là của " + implied + "; dùng " + implied);
    }
    own.issuer = implied;
  }
  MergeMissing(own, meta);
}

Metadata ExtractMetadata(const Layout& layout, std::string_view text,
                         std::vector<std::string>* warnings) {
  Reader r(layout, text);
  Metadata meta;
  ReadHeader(r, &meta);
  ReadFooter(r, &meta);
  ReadSourceLines(r, &meta, warnings);
  if (meta.effective_date.empty()) meta.effective_date = ReadOwnEffectiveDate(text);
  return meta;
}

}  // namespace vanban::legal::internal
