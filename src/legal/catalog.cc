#include "legal/catalog.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "legal/metadata.h"
#include "legal/names.h"
#include "legal/parser.h"
#include "text/analyzer.h"

namespace vanban::legal {

namespace {
// How a reason for a namesake ruled out reads (NamesakeRuledOut).
constexpr std::string_view kOtherNamesake = "Danh mục có \"";
constexpr std::string_view kLaterNamesake = ", sau văn bản dẫn chiếu)";
}  // namespace

bool NamesakeRuledOut(const Citation& c) {
  return c.status == CitationStatus::kNotInCatalog && c.number.empty() &&
         (c.reason.starts_with(kOtherNamesake) || c.reason.ends_with(kLaterNamesake));
}

namespace {

constexpr std::string_view kSharedPrefix = "shared:";

bool ValidId(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

int DaysInMonth(int month, int year) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Why `date` is not a catalog date (ISO, a day that exists), or empty when
// it is one or is empty. "2023-02-30" has the form but no such day: said so,
// not "YYYY-MM-DD needed".
std::string DateProblem(const std::string& date) {
  if (date.empty()) return {};
  std::string lead = "ngày \"" + date + "\" ";
  bool form = date.size() == 10 && date[4] == '-' && date[7] == '-';
  for (size_t i = 0; form && i < date.size(); ++i) {
    form = i == 4 || i == 7 || (date[i] >= '0' && date[i] <= '9');
  }
  if (!form) return lead + "không hợp lệ (cần dạng YYYY-MM-DD)";
  int year = std::atoi(date.substr(0, 4).c_str());
  int month = std::atoi(date.substr(5, 2).c_str());
  int day = std::atoi(date.substr(8, 2).c_str());
  if (year < 1900 || year > 2999) return lead + "không hợp lệ (năm phải từ 1900 đến 2999)";
  if (month < 1 || month > 12) {
    return lead + "không tồn tại: không có tháng " + std::to_string(month);
  }
  int days = DaysInMonth(month, year);
  if (day < 1 || day > days) {
    return lead + "không tồn tại: tháng " + std::to_string(month) + " năm " + std::to_string(year) +
           " chỉ có " + std::to_string(days) + " ngày";
  }
  return {};
}

// "corpus/catalog.toml, dòng 12": how every load error starts, with the
// line of the field at fault (toml++ keeps every node's and key's position).
std::string Where(const std::string& source, const toml::source_region& at) {
  return source + ", dòng " + std::to_string(at.begin.line);
}

// toml++ says what it was parsing ("Error while parsing key-value pair: …");
// a user reads what part of the file that is.
constexpr std::pair<std::string_view, std::string_view> kTomlScopes[] = {
    {"key-value pair", "cặp khoá = giá trị"},
    {"literal string", "chuỗi"},
    {"string", "chuỗi"},
    {"table header", "tiêu đề bảng"},
    {"inline table", "bảng viết trên một dòng"},
    {"array", "danh sách"},
    {"value", "giá trị"},
    {"key", "tên khoá"},
    {"date-time", "ngày giờ"},
    {"date", "ngày"},
    {"time", "giờ"},
    {"boolean", "giá trị true/false"},
    {"comment", "chú thích"},
    {"root table", "tệp"},
};

// What toml++ expected or saw ("'='", "'\\n'", "value-terminator").
std::string TomlToken(std::string_view token) {
  if (token == "'\\n'" || token == "'\\r'") return "hết dòng";
  if (token == "EOF") return "hết tệp";
  if (token == "value-terminator") return "dấu phẩy, dấu đóng hay hết dòng";
  if (token == "a comment or whitespace") return "hết dòng (hay chú thích #)";
  if (token == "bare key starting character or string delimiter") return "tên khoá";
  // "day between 1 and 28 (inclusive)": an unquoted date 2023-02-30.
  constexpr std::pair<std::string_view, std::string_view> kUnits[] = {{"day ", "ngày "},
                                                                      {"month ", "tháng "},
                                                                      {"hour ", "giờ "},
                                                                      {"minute ", "phút "},
                                                                      {"second ", "giây "}};
  for (const auto& [en, vi] : kUnits) {
    size_t between = en.size(), tail = token.find(" (inclusive)");
    if (token.starts_with(en) && token.substr(between).starts_with("between ") &&
        tail != std::string_view::npos) {
      std::string range(token.substr(between + 8, tail - between - 8));
      for (std::string_view joint : {" and ", " to "}) {
        if (size_t at = range.find(joint); at != std::string::npos)
          range.replace(at, joint.size(), " đến ");
      }
      return std::string(vi) + "từ " + range;
    }
  }
  if (token.size() >= 3 && token.front() == '\'' && token.back() == '\'') {
    return "dấu " + std::string(token);
  }
  return std::string(token);
}

// toml++'s reason (after the scope) in Vietnamese; one it does not know is
// kept as a detail after a Vietnamese lead.
std::string TomlReason(std::string_view reason) {
  constexpr std::string_view kExpected = "expected ", kSaw = ", saw ";
  constexpr std::string_view kRedefine = "cannot redefine existing ";
  if (reason.substr(0, kExpected.size()) == kExpected) {
    size_t saw = reason.find(kSaw);
    if (saw != std::string_view::npos) {
      std::string_view want = reason.substr(kExpected.size(), saw - kExpected.size());
      return "cần " + TomlToken(want) + " nhưng gặp " + TomlToken(reason.substr(saw + kSaw.size()));
    }
  }
  if (reason.substr(0, kRedefine.size()) == kRedefine) {
    size_t quote = reason.find('\'');
    size_t end = quote == std::string_view::npos ? quote : reason.find('\'', quote + 1);
    if (end != std::string_view::npos) {
      std::string name(reason.substr(quote, end - quote + 1));
      if (name == "'document'") {
        return "bảng 'document' được mở lần nữa: mỗi văn bản phải bắt đầu bằng [[document]] "
               "(hai cặp ngoặc vuông)";
      }
      return "khoá " + name + " được khai báo hai lần";
    }
  }
  if (reason == "encountered end-of-file") return "tệp hết khi chưa đóng (thiếu dấu đóng?)";
  if (reason == "could not determine value type") {
    return "không rõ kiểu giá trị (chuỗi phải đặt trong dấu ngoặc kép \"…\")";
  }
  if (reason.find("unescaped control characters") != std::string_view::npos) {
    return "chuỗi chưa đóng ngoặc kép trên cùng dòng, hoặc chứa ký tự điều khiển";
  }
  if (reason.substr(0, 24) == "unknown escape sequence ") {
    return "chuỗi có dãy thoát không hợp lệ " + std::string(reason.substr(24)) +
           " (viết \\\\ cho một dấu \\)";
  }
  return "lỗi cú pháp (chi tiết: " + std::string(reason) + ")";
}

// "Error while parsing key-value pair: expected '=', saw '\"'" ->
// "danh mục không đúng cú pháp TOML (cặp khoá = giá trị): cần dấu '=' nhưng gặp '\"'".
std::string TomlErrorText(std::string_view description) {
  constexpr std::string_view kLead = "Error while parsing ";
  std::string scope;
  std::string_view reason = description;
  if (description.substr(0, kLead.size()) == kLead) {
    size_t colon = description.find(": ", kLead.size());
    if (colon != std::string_view::npos) {
      std::string_view english = description.substr(kLead.size(), colon - kLead.size());
      for (const auto& [en, vi] : kTomlScopes) {
        if (english == en) scope = vi;
      }
      reason = description.substr(colon + 2);
    }
  }
  std::string out = "danh mục không đúng cú pháp TOML";
  if (!scope.empty()) out += " (" + scope + ")";
  return out + ": " + TomlReason(reason);
}

// Reads a string field; a present field of another type is an error at
// its line.
Status ReadString(const toml::table& t, std::string_view key, const std::string& source,
                  std::string* out) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return Status::Ok();
  std::optional<std::string> value = node->value<std::string>();
  if (!value) {
    return Status::InvalidArgument(Where(source, node->source()) + ": trường \"" +
                                   std::string(key) + "\" phải là chuỗi");
  }
  *out = *value;
  return Status::Ok();
}

// Reads a date field: a string "2023-02-03" or a TOML date 2023-02-03
// (unquoted, valid TOML); never a date-time or a time.
Status ReadDate(const toml::table& t, std::string_view key, const std::string& source,
                std::string* out) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return Status::Ok();
  std::string where = Where(source, node->source());
  if (const toml::value<toml::date>* d = node->as_date()) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->get().year, d->get().month, d->get().day);
    *out = buf;
  } else if (node->is_date_time() || node->is_time()) {
    return Status::InvalidArgument(where + ": trường \"" + std::string(key) +
                                   "\" chỉ ghi ngày (YYYY-MM-DD), không kèm giờ");
  } else if (std::optional<std::string> value = node->value<std::string>()) {
    *out = *value;
  } else {
    return Status::InvalidArgument(where + ": trường \"" + std::string(key) +
                                   "\" phải là ngày dạng \"YYYY-MM-DD\"");
  }
  std::string problem = DateProblem(*out);
  if (!problem.empty()) return Status::InvalidArgument(where + ": " + problem);
  return Status::Ok();
}

Status ReadAliases(const toml::table& t, const std::string& source, std::vector<std::string>* out) {
  const toml::node* node = t.get("aliases");
  if (node == nullptr) return Status::Ok();
  const toml::array* arr = node->as_array();
  if (arr == nullptr) {
    return Status::InvalidArgument(Where(source, node->source()) +
                                   ": trường \"aliases\" phải là danh sách chuỗi");
  }
  for (const toml::node& item : *arr) {
    std::optional<std::string> value = item.value<std::string>();
    if (!value) {
      return Status::InvalidArgument(Where(source, item.source()) +
                                     ": \"aliases\" chỉ được chứa chuỗi");
    }
    out->push_back(*value);
  }
  return Status::Ok();
}

// The id of an entry without `id = …`: made from its fields, or an error
// when there is nothing to make it from.
Status ComputeId(const toml::table& t, const std::string& source, CatalogEntry* e) {
  std::string where = Where(source, t.source());
  if (const toml::node* node = t.get("id")) {
    where = Where(source, node->source());
  } else if (e->meta.type.empty() && e->meta.number.empty() && e->meta.title.empty()) {
    // A7 (session 16): it said `mã văn bản "" không hợp lệ`.
    return Status::InvalidArgument(where +
                                   ": mục [[document]] không có mã văn bản (id) và không có loại, "
                                   "số hiệu hay tên (type, number, title) để tạo mã");
  } else {
    e->id = MakeDocumentId(e->meta);
    if (!ValidId(e->id)) {
      return Status::InvalidArgument(where +
                                     ": không tạo được mã văn bản từ loại, số hiệu và tên "
                                     "của mục (được \"" +
                                     e->id + "\"); hãy ghi id = \"…\" (chỉ a-z, 0-9 và '-')");
    }
  }
  if (!ValidId(e->id)) {
    return Status::InvalidArgument(where + ": mã văn bản \"" + e->id +
                                   "\" không hợp lệ (chỉ a-z, 0-9 và '-')");
  }
  return Status::Ok();
}

// Reads one [[document]] table. Errors name the line of the field at fault,
// that of the entry's header when no field is.
StatusOr<CatalogEntry> ReadEntry(const toml::table& t, const std::string& source) {
  static const std::set<std::string_view> kKeys = {
      "id", "type", "number", "issuer", "date", "title", "aliases", "text", "effective_date"};
  for (const auto& [key, value] : t) {
    if (!kKeys.count(key.str())) {
      return Status::InvalidArgument(Where(source, key.source()) + ": trường lạ \"" +
                                     std::string(key.str()) + "\"");
    }
  }
  CatalogEntry e;
  for (auto [key, field] :
       {std::pair{"id", &e.id}, std::pair{"type", &e.meta.type},
        std::pair{"number", &e.meta.number}, std::pair{"issuer", &e.meta.issuer},
        std::pair{"title", &e.meta.title}, std::pair{"text", &e.text_path}}) {
    Status s = ReadString(t, key, source, field);
    if (!s.ok()) return s;
  }
  for (auto [key, field] :
       {std::pair{"date", &e.meta.date}, std::pair{"effective_date", &e.meta.effective_date}}) {
    Status s = ReadDate(t, key, source, field);
    if (!s.ok()) return s;
  }
  Status s = ReadAliases(t, source, &e.aliases);
  if (!s.ok()) return s;
  if (!e.meta.number.empty()) {
    std::string canon = text::CanonicalIdentifier(e.meta.number);
    if (canon.empty()) {
      return Status::InvalidArgument(Where(source, t.get("number")->source()) + ": số hiệu \"" +
                                     e.meta.number + "\" không hợp lệ");
    }
    e.meta.number = canon;
  }
  s = ComputeId(t, source, &e);
  if (!s.ok()) return s;
  return e;
}

std::string YearOf(const Metadata& meta) {
  std::string year = internal::YearInNumber(meta.number);
  if (year.empty() && meta.date.size() >= 4) year = meta.date.substr(0, 4);
  return year;
}

std::string EntryYear(const CatalogEntry& e) { return YearOf(e.meta); }

// The entries as a reader names them ("Luật 25/2018/QH14"), for reasons
// shown on pages and handouts; an entry without type, number or title by
// its id. Several are told apart by issuer and date ("Chỉ thị 08/CT-UBND
// của Chủ tịch UBND huyện Tứ Kỳ ngày 04/11/2016").
std::string JoinNames(const std::vector<const CatalogEntry*>& entries) {
  std::string out;
  for (const CatalogEntry* e : entries) {
    const Metadata& m = e->meta;
    out += (out.empty() ? "" : ", ") + ShortName(m.type, m.number, m.title, e->id);
    if (entries.size() < 2) continue;
    if (!m.issuer.empty()) out += " của " + m.issuer;
    if (!m.date.empty()) out += " ngày " + DisplayDate(m.date);
  }
  return out;
}

// Keeps the entries `keep` accepts.
template <typename Pred>
std::vector<const CatalogEntry*> Filter(const std::vector<const CatalogEntry*>& in, Pred keep) {
  std::vector<const CatalogEntry*> out;
  for (const CatalogEntry* e : in) {
    if (keep(*e)) out.push_back(e);
  }
  return out;
}

// A number cited without its symbol ("Nghị định 61/2023") stands for the
// entries whose number begins with it (61/2023/NĐ-CP); type, date and issuer
// then narrow them as for a full number, and only one may remain.
void ResolveNumbered(const std::vector<CatalogEntry>& entries, Citation* c) {
  bool short_number = !internal::ShortNumberYear(c->number).empty();
  std::string folded = text::FoldText(c->number);
  std::vector<const CatalogEntry*> same;
  for (const CatalogEntry& e : entries) {
    if (e.meta.number.empty()) continue;
    if (short_number ? internal::ShortNumberMatches(c->number, e.meta.number)
                     : text::FoldText(e.meta.number) == folded) {
      same.push_back(&e);
    }
  }
  if (same.empty()) {
    c->status = CitationStatus::kNotInCatalog;
    c->reason = "Danh mục không có văn bản số " + c->number;
    if (short_number) c->reason += " (dẫn chiếu không ghi ký hiệu, chỉ số và năm)";
    return;
  }
  std::vector<const CatalogEntry*> fit =
      Filter(same, [&](const CatalogEntry& e) { return CitationFits(*c, e.meta); });
  if (fit.empty()) {
    c->status = CitationStatus::kNotInCatalog;
    c->reason = "Danh mục có văn bản số " + c->number + " (" + JoinNames(same) +
                ") nhưng khác loại, năm, ngày hoặc cơ quan ban hành";
    return;
  }
  if (short_number && fit.size() > 1) {
    c->status = CitationStatus::kAmbiguous;
    c->reason = "Số hiệu " + c->number +
                " không ghi ký hiệu và khớp nhiều văn bản trong danh mục: " + JoinNames(fit);
    return;
  }
  bool underspecified = c->issuer.empty() && c->year.empty() && c->date.empty() &&
                        internal::HasLocalIssuerCode(c->number);
  if (fit.size() > 1 || underspecified) {
    c->status = CitationStatus::kAmbiguous;
    c->reason = "Số hiệu " + c->number +
                " dùng chung cho nhiều cơ quan; dẫn chiếu không nêu cơ quan ban hành hay năm "
                "ban hành nên không xác định được văn bản. Ứng viên trong danh mục: " +
                JoinNames(fit);
    return;
  }
  c->status = CitationStatus::kResolved;
  c->resolved_id = fit.front()->id;
}

// Length of the alias that `name` (folded) equals or begins with, else 0.
size_t AliasMatch(const std::string& name, const std::string& name_with_issuer,
                  const std::string& alias) {
  if (alias.empty()) return 0;
  if (name == alias || name_with_issuer == alias) return alias.size();
  if (name.size() > alias.size() && name.compare(0, alias.size(), alias) == 0 &&
      name[alias.size()] == ' ') {
    return alias.size();
  }
  return 0;
}

void ResolveNamed(const std::vector<CatalogEntry>& entries, const std::string& citing_date,
                  Citation* c) {
  std::string name = text::FoldText(c->name);
  std::string with_issuer = c->issuer.empty() ? name : name + " cua " + text::FoldText(c->issuer);
  size_t best = 0;
  std::vector<const CatalogEntry*> winners;
  const CatalogEntry* later = nullptr;  // the name's, but issued after the citing document
  std::vector<const CatalogEntry*> other_date;  // the name's, but not the date or year cited
  std::string citing_year = citing_date.substr(0, std::min<size_t>(4, citing_date.size()));
  for (const CatalogEntry& e : entries) {
    size_t len = AliasMatch(name, with_issuer, text::FoldText(e.meta.title));
    for (const std::string& alias : e.aliases) {
      len = std::max(len, AliasMatch(name, with_issuer, text::FoldText(alias)));
    }
    if (len == 0) continue;
    if (!c->date.empty() && !e.meta.date.empty() && c->date != e.meta.date) {
      other_date.push_back(&e);
      continue;
    }
    // "Luật Tố cáo năm 2011" is not the 2018 law. A later year than the
    // entry's that is the citing document's own ("triển khai Luật … năm
    // 2023" in a 2023 plan) may be the period the sentence speaks of.
    std::string year = EntryYear(e);
    if (c->date.empty() && !c->year.empty() && !year.empty() && c->year != year &&
        !(c->year > year && c->year == citing_year)) {
      other_date.push_back(&e);
      continue;
    }
    if (len < best) continue;
    if (!citing_date.empty() && !e.meta.date.empty() && e.meta.date > citing_date) {
      if (later == nullptr || len > best) later = &e;
      continue;
    }
    if (len > best) winners.clear();
    best = len;
    winners.push_back(&e);
  }
  if (winners.empty() && !other_date.empty()) {
    c->status = CitationStatus::kNotInCatalog;
    std::string names;
    for (const CatalogEntry* e : other_date) {
      names += (names.empty() ? "" : ", ") + JoinNames({e});
      if (!e->meta.date.empty()) names += " ban hành ngày " + DisplayDate(e->meta.date);
    }
    c->reason = std::string(kOtherNamesake) + c->name + "\" là " + names + ", không phải văn bản " +
                (c->date.empty() ? "năm " + c->year : "ngày " + DisplayDate(c->date)) +
                " được dẫn chiếu";
  } else if (winners.empty()) {
    c->status = CitationStatus::kNotInCatalog;
    c->reason = "Danh mục không có văn bản tên \"" + c->name + "\"";
    if (later != nullptr) {
      c->reason += " ban hành trước ngày " + DisplayDate(citing_date) + " (" + JoinNames({later}) +
                   " ban hành ngày " + DisplayDate(later->meta.date) + std::string(kLaterNamesake);
    }
  } else if (winners.size() > 1) {
    c->status = CitationStatus::kAmbiguous;
    c->reason = "Tên \"" + c->name + "\" khớp nhiều văn bản: " + JoinNames(winners);
  } else {
    c->status = CitationStatus::kResolved;
    c->resolved_id = winners.front()->id;
  }
}

// A name an entry answers to (its title or an alias), where it is written.
struct NameAt {
  size_t entry = 0;
  uint32_t line = 0;
  bool alias = false;
  std::string written;
};

// The names of the entry read from `t` (its title and aliases).
void CollectNames(const toml::table& t, size_t entry,
                  std::map<std::string, std::vector<NameAt>>* out) {
  if (const toml::node* title = t.get("title"); title && title->is_string()) {
    std::string written = **title->as_string();
    (*out)[text::FoldText(written)].push_back({entry, title->source().begin.line, false, written});
  }
  const toml::array* aliases = t.get("aliases") ? t.get("aliases")->as_array() : nullptr;
  for (size_t i = 0; aliases != nullptr && i < aliases->size(); ++i) {
    const toml::node& alias = *aliases->get(i);
    std::string written = **alias.as_string();
    (*out)[text::FoldText(written)].push_back({entry, alias.source().begin.line, true, written});
  }
}

// A9 (session 16): an alias equal to another entry's title or alias was
// accepted silently, and a citation by that name, linked before, became
// ambiguous. One warning per pair of entries and name, at the later one.
std::vector<std::string> NameClashes(const std::map<std::string, std::vector<NameAt>>& names,
                                     const std::vector<CatalogEntry>& entries,
                                     const std::string& source) {
  std::vector<std::pair<uint32_t, std::string>> found;  // line, warning
  for (const auto& [folded, at] : names) {
    std::set<std::pair<size_t, size_t>> said;
    for (size_t b = 0; b < at.size(); ++b) {
      for (size_t a = 0; a < b; ++a) {
        const NameAt& first = at[a];
        const NameAt& later = at[b];
        if (first.entry == later.entry || !(first.alias || later.alias)) continue;
        if (!said.insert({first.entry, later.entry}).second) continue;
        auto kind = [](const NameAt& n) { return n.alias ? "tên gọi khác" : "tên"; };
        found.push_back(
            {later.line,
             source + ", dòng " + std::to_string(later.line) + ": " + kind(later) + " \"" +
                 later.written + "\" của mục \"" + entries[later.entry].id + "\" trùng với " +
                 kind(first) + " \"" + first.written + "\" của mục \"" + entries[first.entry].id +
                 "\" (dòng " + std::to_string(first.line) +
                 "): dẫn chiếu chỉ ghi tên này, không kèm năm ban hành, sẽ mơ hồ giữa hai "
                 "văn bản; hãy bỏ hoặc sửa tên gọi khác (aliases) bị trùng"});
      }
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (auto& [line, warning] : found) out.push_back(std::move(warning));
  return out;
}

std::filesystem::path DefaultSharedDir(const std::filesystem::path& base_dir) {
  if (const char* env = std::getenv("VANBAN_SHARED_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  std::filesystem::path dir = base_dir.empty() ? std::filesystem::current_path(ec) : base_dir;
  return (dir / ".." / ".." / "shared").lexically_normal();
}

}  // namespace

bool CitationFits(const Citation& c, const Metadata& meta) {
  if (!c.type.empty() && !meta.type.empty() &&
      text::FoldText(c.type) != text::FoldText(meta.type)) {
    return false;
  }
  std::string year = YearOf(meta);
  if (!c.year.empty() && !year.empty() && c.year != year) return false;
  if (!c.date.empty() && !meta.date.empty() && c.date != meta.date) return false;
  return c.issuer.empty() || meta.issuer.empty() ||
         internal::IssuersCompatible(c.issuer, meta.issuer);
}

StatusOr<Catalog> Catalog::Load(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(st)) {
    return Status::NotFound("Không tìm thấy tệp danh mục văn bản: " + path.string());
  }
  if (!std::filesystem::is_regular_file(st)) {
    // A9 (session 15): a folder or a pipe was "not found", and a FIFO hung.
    return Status::InvalidArgument("Tệp danh mục văn bản " + path.string() +
                                   " không phải tệp thông thường (là thư mục, ống FIFO hoặc "
                                   "thiết bị): hãy chỉ đến tệp catalog.toml");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return Status::IoError("Không đọc được tệp danh mục văn bản: " + path.string());
  }
  StatusOr<Catalog> catalog = Parse(content.str(), path.string());
  if (!catalog.ok()) return catalog;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  catalog->base_dir_ = abs.parent_path();
  catalog->shared_dir_ = DefaultSharedDir(catalog->base_dir_);
  return catalog;
}

StatusOr<Catalog> Catalog::Parse(const std::string& toml, const std::string& source_name) {
  toml::table root;
  try {
    root = toml::parse(toml, source_name);
  } catch (const toml::parse_error& err) {
    const toml::source_position& at = err.source().begin;
    return Status::InvalidArgument(source_name + ", dòng " + std::to_string(at.line) + ", cột " +
                                   std::to_string(at.column) + ": " +
                                   TomlErrorText(err.description()));
  }
  Catalog catalog;
  catalog.shared_dir_ = DefaultSharedDir({});
  const toml::node* docs = root.get("document");
  if (docs == nullptr) return catalog;
  const toml::array* arr = docs->as_array();
  if (arr == nullptr) {
    return Status::InvalidArgument(source_name + ": \"document\" phải là [[document]]");
  }
  std::map<std::string, uint32_t> ids;  // id -> line of its entry
  std::map<std::string, std::vector<NameAt>> names;  // folded name -> where written
  for (const toml::node& node : *arr) {
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      return Status::InvalidArgument(Where(source_name, node.source()) +
                                     ": mục [[document]] không hợp lệ");
    }
    StatusOr<CatalogEntry> entry = ReadEntry(*t, source_name);
    if (!entry.ok()) return entry.status();
    auto [first, added] = ids.emplace(entry->id, node.source().begin.line);
    if (!added) {
      const toml::node* id = t->get("id");
      std::string where = Where(source_name, id ? id->source() : node.source());
      return Status::InvalidArgument(where + ": mã văn bản \"" + entry->id +
                                     "\" bị trùng với mục ở dòng " + std::to_string(first->second));
    }
    CollectNames(*t, catalog.entries_.size(), &names);
    catalog.entries_.push_back(std::move(entry).value());
  }
  catalog.warnings_ = NameClashes(names, catalog.entries_, source_name);
  return catalog;
}

const CatalogEntry* Catalog::FindById(const std::string& id) const {
  for (const CatalogEntry& e : entries_) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

namespace {

// `path`, or when it does not exist, the existing path whose names differ
// from it only in Unicode normal form: a catalog typed in NFC names a file
// copied from a Mac or unzipped in NFD ("Quy chế" as "Quy che\u0302\u0301").
// Empty when there is none.
std::filesystem::path ExistingInAnyNormalForm(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec)) return path;
  fs::path found = path.root_path();
  for (const fs::path& part : path.relative_path()) {
    fs::path next = found / part;
    if (!fs::exists(next, ec)) {
      std::string want = text::Normalize(part.string());
      next.clear();
      for (fs::directory_iterator it(found.empty() ? fs::path(".") : found, ec), end;
           !ec && it != end; it.increment(ec)) {
        if (text::Normalize(it->path().filename().string()) == want) {
          next = found / it->path().filename();
          break;
        }
      }
      if (next.empty()) return {};
    }
    found = std::move(next);
  }
  return found;
}

}  // namespace

std::filesystem::path Catalog::TextPath(const CatalogEntry& entry) const {
  if (entry.text_path.empty()) return {};
  std::filesystem::path path;
  std::string_view tp = entry.text_path;
  if (tp.substr(0, kSharedPrefix.size()) == kSharedPrefix) {
    if (shared_dir_.empty()) return {};
    path = shared_dir_ / std::string(tp.substr(kSharedPrefix.size()));
  } else {
    path = base_dir_.empty() ? std::filesystem::path(entry.text_path) : base_dir_ / entry.text_path;
  }
  path = ExistingInAnyNormalForm(path);
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(path, ec)) return {};
  return std::filesystem::weakly_canonical(path, ec);
}

const CatalogEntry* Catalog::FindByTextPath(const std::filesystem::path& file) const {
  std::error_code ec;
  std::filesystem::path want = std::filesystem::weakly_canonical(file, ec);
  for (const CatalogEntry& e : entries_) {
    std::filesystem::path have = TextPath(e);
    if (!have.empty() && have == want) return &e;
  }
  return nullptr;
}

void Catalog::Resolve(Citation* c, const std::string& self_id,
                      const std::string& citing_date) const {
  c->resolved_id.clear();
  c->reason.clear();
  c->anchor = CitationAnchor(*c);
  if (c->self) {
    c->status = CitationStatus::kSelf;
    c->resolved_id = self_id;
    return;
  }
  if (!c->number.empty()) {
    ResolveNumbered(entries_, c);
  } else if (!c->name.empty()) {
    ResolveNamed(entries_, citing_date, c);
  } else {
    c->status = CitationStatus::kNotInCatalog;
    c->reason = "Dẫn chiếu không nêu số hiệu hay tên văn bản";
  }
  if (c->status != CitationStatus::kResolved) c->anchor.clear();
}

void Catalog::ResolveAll(Document* doc) const {
  for (Citation& c : doc->citations) {
    Resolve(&c, doc->id, c.citing_date.empty() ? doc->meta.date : c.citing_date);
  }
}

void Catalog::FillFromEntry(const CatalogEntry& entry, Document* doc) const {
  internal::MergeMissing(entry.meta, &doc->meta);
  doc->id = entry.id;
}

}  // namespace vanban::legal
