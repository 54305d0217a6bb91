#include "legal/structure.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "legal/names.h"

namespace vanban::legal::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Nesting depth of each kind; a new unit closes every open unit at its
// depth or deeper. Plan sections sit at the depth of Mục, items at khoản.
int Depth(UnitKind kind) {
  switch (kind) {
    case UnitKind::kPart:
      return 0;
    case UnitKind::kChapter:
      return 1;
    case UnitKind::kSection:
      return 2;
    case UnitKind::kSubsection:
      return 3;
    case UnitKind::kArticle:
      return 4;
    case UnitKind::kClause:
      return 5;
    case UnitKind::kItem:
      return 5;
    case UnitKind::kPoint:
      return 6;
  }
  return 7;
}

// "thứ nhất" .. "thứ mười" for Phần.
int OrdinalWord(std::string_view w) {
  static const char* const kWords[] = {"nhất", "hai", "ba",  "tư",   "năm",
                                       "sáu",  "bảy", "tám", "chín", "mười"};
  for (int i = 0; i < 10; ++i) {
    if (w == kWords[i]) return i + 1;
  }
  return 0;
}

// A label's number as an integer string: "II" -> "2", "3" -> "3".
std::string NumberKey(std::string_view number) {
  if (!number.empty() && IsDigit(number[0])) return std::string(number);
  int roman = RomanToInt(number);
  return roman > 0 ? std::to_string(roman) : Slug(number);
}

// Splits "Chương II. TITLE" / "Mục 1" into number and title.
void SplitKeywordHeading(std::string_view line, std::string_view keyword, std::string* number,
                         std::string* title) {
  std::string_view rest = line.substr(keyword.size());
  size_t n = 0;
  while (n < rest.size() && rest[n] != ' ' && rest[n] != '.' && rest[n] != ':') ++n;
  *number = std::string(rest.substr(0, n));
  std::string_view t = rest.substr(n);
  while (!t.empty() && (t[0] == '.' || t[0] == ':' || t[0] == ' ' || t[0] == '-')) {
    t.remove_prefix(1);
  }
  *title = std::string(t);
}

class Builder {
 public:
  Builder(const Layout& layout, Document* doc) : layout_(layout), doc_(doc) {}
  void Run();

 private:
  std::string_view ParaText(size_t p) const {
    const LaidOutParagraph& lp = layout_.paragraphs[p];
    return std::string_view(doc_->text).substr(lp.begin, lp.end - lp.begin);
  }
  int Open(UnitKind kind, size_t p, std::string label, std::string number, std::string title,
           std::string anchor);
  void CloseFrom(int depth, size_t at);
  int OpenOf(UnitKind kind) const;
  std::string OpenNumber(UnitKind kind) const;
  bool Heading(size_t p);
  void Article(size_t p);
  void Numbered(size_t p);
  void Point(size_t p);
  void TakeCapsTitle(size_t p, int unit);

  const Layout& layout_;
  Document* doc_;
  std::vector<int> open_;  // stack of open unit indexes
  std::unordered_set<std::string> anchors_;
  std::unordered_map<std::string, int> next_suffix_;  // anchor -> next "-k" to try
  size_t next_para_ = 0;  // paragraphs before this are done
  // Pháp điển: the codification prefix of the document's own articles
  // ("8.4.LQ" in "Điều 8.4.LQ.8"), that of its first codified article;
  // empty when it has none.
  std::string own_prefix_;
  // The key an article's clauses and points are anchored by: its number,
  // or for an article of another act its code (Article()).
  std::unordered_map<int, std::string> article_keys_;
};

// The "44.13.LQ.10" of an article heading "Điều 44.13.LQ.10. Title" (or "5"
// of "Điều 5. Title"), and its title.
std::string_view ArticleCode(std::string_view line, std::string* title) {
  std::string_view rest = line.substr(std::string_view("Điều ").size());
  size_t sp = rest.find(' ');
  std::string_view code = rest.substr(0, sp);
  if (title) *title = sp == std::string_view::npos ? "" : std::string(Trim(rest.substr(sp)));
  while (!code.empty() && code.back() == '.') code.remove_suffix(1);
  return code;
}

// The act a Pháp điển source line names: "Nghị định 02/2013/NĐ-CP" for
// "(Điều 8 Nghị định số 02/2013/NĐ-CP, có hiệu lực …)"; empty when it is
// not so written.
std::string SourceLineAct(std::string_view line) {
  static constexpr std::string_view kHead = "(Điều ";
  if (!line.starts_with(kHead)) return "";
  size_t type = line.find(' ', kHead.size());
  size_t so = line.find(" số ", kHead.size());
  if (type == std::string_view::npos || so == std::string_view::npos || so <= type) return "";
  size_t num = so + std::string_view(" số ").size();
  size_t end = line.find_first_of(" ,)", num);
  if (end == std::string_view::npos || end == num) return "";
  return std::string(Trim(line.substr(type + 1, so - type - 1))) + " " +
         std::string(line.substr(num, end - num));
}

int Builder::Open(UnitKind kind, size_t p, std::string label, std::string number, std::string title,
                  std::string anchor) {
  size_t begin = layout_.paragraphs[p].begin;
  CloseFrom(Depth(kind), begin);
  if (!anchors_.insert(anchor).second) {
    // The next suffix to try per anchor: a text of many laws run together
    // (50 MB, thousands of "Điều 1") tried 2, 3, … for each, quadratic.
    std::string base = anchor;
    int& k = next_suffix_.try_emplace(base, 2).first->second;
    while (!anchors_.insert(anchor = base + "-" + std::to_string(k)).second) ++k;
    ++k;
    doc_->warnings.push_back("Neo trùng lặp \"" + base + "\": đổi thành \"" + anchor + "\"");
  }
  Unit unit;
  unit.kind = kind;
  unit.label = std::move(label);
  unit.number = std::move(number);
  unit.title = std::move(title);
  unit.anchor = std::move(anchor);
  unit.begin = begin;
  unit.end = doc_->text.size();
  unit.parent = open_.empty() ? -1 : open_.back();
  doc_->units.push_back(std::move(unit));
  open_.push_back(static_cast<int>(doc_->units.size()) - 1);
  return open_.back();
}

void Builder::CloseFrom(int depth, size_t at) {
  while (!open_.empty() && Depth(doc_->units[open_.back()].kind) >= depth) {
    // The unit ends before the '\n' that precedes the next paragraph.
    doc_->units[open_.back()].end = at > 0 ? at - 1 : 0;
    open_.pop_back();
  }
}

int Builder::OpenOf(UnitKind kind) const {
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (doc_->units[*it].kind == kind) return *it;
  }
  return -1;
}

std::string Builder::OpenNumber(UnitKind kind) const {
  int u = OpenOf(kind);
  if (u < 0) return "";
  if (auto key = article_keys_.find(u); key != article_keys_.end()) return key->second;
  return NumberKey(doc_->units[u].number);
}

// A caps line right after "Chương II" / "Mục 1" is that unit's title.
void Builder::TakeCapsTitle(size_t p, int unit) {
  if (!doc_->units[unit].title.empty() || p + 1 >= layout_.paragraphs.size()) return;
  if (layout_.paragraphs[p + 1].kind != LineKind::kCaps) return;
  doc_->units[unit].title = std::string(ParaText(p + 1));
  doc_->paragraphs[p + 1].heading = true;
  doc_->paragraphs[p + 1].unit = unit;
  next_para_ = p + 2;
}

void Builder::Article(size_t p) {
  std::string title;
  std::string_view code = ArticleCode(ParaText(p), &title);
  std::string number, act;
  // Pháp điển: the source line on the next line states the official number.
  if (p + 1 < layout_.paragraphs.size() &&
      layout_.paragraphs[p + 1].kind == LineKind::kSourceLine) {
    number = SourceLineArticle(ParaText(p + 1));
    act = SourceLineAct(ParaText(p + 1));
  }
  if (number.empty()) {
    size_t dot = code.rfind('.');
    number = std::string(dot == std::string_view::npos ? code : code.substr(dot + 1));
  }
  // Pháp điển "Điều 44.13.LQ.10": show the law's own "Điều 10", keep the code.
  bool codified = code.find('.') != std::string_view::npos && !number.empty();
  std::string label = "Điều " + (codified ? number : std::string(code));
  std::string key = Slug(number);
  // An article of another act in the same đề mục ("Điều 8.4.NĐ.1.8" in
  // Luật Hôn nhân và gia đình's) is anchored by its code and labelled with
  // its act, so that "dieu-8" is the document's own Điều 8 wherever the
  // other comes. S3, S4 (session 16): "điều 8 luật hôn nhân và gia đình"
  // showed and linked Nghị định 02/2013's Điều 8, labelled "Điều 8".
  if (codified && !own_prefix_.empty() && code.substr(0, code.rfind('.')) != own_prefix_) {
    key = Slug(code);
    if (!act.empty()) label += " " + act;
  }
  int u = Open(UnitKind::kArticle, p, label, number, title, "dieu-" + key);
  if (codified && u >= 0) doc_->units[u].code = std::string(code);
  if (u >= 0 && key != Slug(number)) article_keys_[u] = key;
}

void Builder::Numbered(size_t p) {
  std::string_view line = ParaText(p);
  size_t dot = line.find('.');
  std::string number(line.substr(0, dot));
  std::string title(Trim(line.substr(dot + 1)));
  std::string article = OpenNumber(UnitKind::kArticle);
  if (!article.empty()) {
    Open(UnitKind::kClause, p, number, number, "", "khoan-" + article + "-" + number);
    return;
  }
  std::string section = OpenNumber(UnitKind::kSection);
  int u = Open(UnitKind::kItem, p, number, number, title,
               "muc-" + (section.empty() ? "0" : section) + "-" + number);
  (void)u;
  doc_->paragraphs[p].heading = true;
}

void Builder::Point(size_t p) {
  std::string_view line = ParaText(p);
  std::string letter(line.substr(0, line.find(')')));
  std::string article = OpenNumber(UnitKind::kArticle);
  if (article.empty()) return;
  std::string clause = OpenNumber(UnitKind::kClause);
  std::string anchor = "diem-" + article + (clause.empty() ? "" : "-" + clause) + "-" +
                       (letter == "đ" ? "dd" : Slug(letter));
  Open(UnitKind::kPoint, p, letter, letter, "", anchor);
}

// Starts the unit a heading paragraph opens. Returns false for ordinary
// paragraphs.
bool Builder::Heading(size_t p) {
  std::string_view line = ParaText(p);
  std::string number, title;
  switch (layout_.paragraphs[p].kind) {
    case LineKind::kPart: {
      SplitKeywordHeading(line, "Phần ", &number, &title);
      std::string key = number == "thứ" ? "" : NumberKey(number);
      if (number == "thứ") {
        size_t sp = title.find(' ');
        int ord = OrdinalWord(title.substr(0, sp));
        key = ord > 0 ? std::to_string(ord) : Slug(title.substr(0, sp));
        number = "thứ " + title.substr(0, sp);
        title = sp == std::string::npos ? "" : title.substr(sp + 1);
      }
      TakeCapsTitle(p, Open(UnitKind::kPart, p, "Phần " + number, number, title, "phan-" + key));
      return true;
    }
    case LineKind::kChapter: {
      SplitKeywordHeading(line, "Chương ", &number, &title);
      int u = Open(UnitKind::kChapter, p, "Chương " + number, number, title,
                   "chuong-" + NumberKey(number));
      TakeCapsTitle(p, u);
      return true;
    }
    case LineKind::kLegalSection:
    case LineKind::kSubsection: {
      bool sub = layout_.paragraphs[p].kind == LineKind::kSubsection;
      std::string_view kw = sub ? "Tiểu mục " : "Mục ";
      SplitKeywordHeading(line, kw, &number, &title);
      int parent = OpenOf(sub ? UnitKind::kSection : UnitKind::kChapter);
      std::string prefix = parent < 0 ? "" : doc_->units[parent].anchor + "-";
      std::string anchor = prefix + (sub ? "tieu-muc-" : "muc-") + NumberKey(number);
      UnitKind kind = sub ? UnitKind::kSubsection : UnitKind::kSection;
      TakeCapsTitle(p, Open(kind, p, std::string(kw) + number, number, title, anchor));
      return true;
    }
    case LineKind::kRoman: {
      size_t dot = line.find('.');
      number = std::string(line.substr(0, dot));
      Open(UnitKind::kSection, p, number, number, std::string(Trim(line.substr(dot + 1))),
           "muc-" + NumberKey(number));
      return true;
    }
    case LineKind::kArticle:
      Article(p);
      return true;
    case LineKind::kRecipients:
      CloseFrom(0, layout_.paragraphs[p].begin);
      return false;
    default:
      return false;
  }
}

void Builder::Run() {
  doc_->paragraphs.clear();
  for (const LaidOutParagraph& lp : layout_.paragraphs) {
    doc_->paragraphs.push_back({lp.begin, lp.end, -1, false});
  }
  for (size_t p = 0; p < layout_.paragraphs.size() && own_prefix_.empty(); ++p) {
    if (layout_.paragraphs[p].kind != LineKind::kArticle) continue;
    std::string_view code = ArticleCode(ParaText(p), nullptr);
    if (size_t dot = code.rfind('.'); dot != std::string_view::npos) {
      own_prefix_ = std::string(code.substr(0, dot));
    }
  }
  for (size_t p = 0; p < layout_.paragraphs.size(); ++p) {
    if (p < next_para_) continue;  // already taken as a heading's title
    LineKind kind = layout_.paragraphs[p].kind;
    if (Heading(p)) {
      doc_->paragraphs[p].heading = true;
    } else if (kind == LineKind::kNumbered) {
      Numbered(p);
    } else if (kind == LineKind::kPoint) {
      Point(p);
    }
    doc_->paragraphs[p].unit = open_.empty() ? -1 : open_.back();
  }
  CloseFrom(0, doc_->text.size() + 1);
}

}  // namespace

std::string SourceLineArticle(std::string_view line) {
  static constexpr std::string_view kHead = "(Điều ";
  if (line.substr(0, kHead.size()) != kHead) return "";
  size_t i = kHead.size(), j = i;
  while (j < line.size() && IsDigit(line[j])) ++j;
  return std::string(line.substr(i, j - i));
}

void BuildStructure(const Layout& layout, Document* doc) { Builder(layout, doc).Run(); }

}  // namespace vanban::legal::internal
