// DOCX reader: unzips word/document.xml (libzip) and walks it (pugixml).
// Paragraphs and headings become paragraphs, table rows become one line
// with cells separated by " | ", footnotes and endnotes are appended after
// the body and referenced as [n]. Tracked deletions (w:del, w:delText),
// field instructions (w:instrText), and the fallback copy of alternate
// content are dropped; tracked insertions (w:ins) are kept. Automatic
// paragraph numbers (word/numbering.xml) are written before the paragraph.
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/readers.h"

namespace vanban::ingest {
namespace {

// pugixml drops text that is only white space by default, and Word and
// pandoc write the space between two runs as a run of its own
// (<w:t xml:space="preserve"> </w:t>): "huyện" and "Tứ Kỳ" were glued
// (A1, QA 21). Only such a node alone in its element is kept, so the
// indentation between elements of a pretty-printed part stays out.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// libzip's messages (zip_error_strerror) in the words users read, in
// `vanban extract` and in the skip reasons of `vanban index` alike.
constexpr std::pair<std::string_view, std::string_view> kZipMessages[] = {
    {"Not a zip archive", "không có cấu trúc tệp nén ZIP"},
    {"Zip archive inconsistent", "cấu trúc tệp nén không nhất quán"},
    {"Premature end of file", "tệp bị cụt"},
    {"CRC error", "sai mã kiểm tra CRC"},
    {"Read error", "lỗi đọc"},
    {"Seek error", "lỗi định vị khi đọc"},
    {"Malloc failure", "không đủ bộ nhớ"},
    {"Compression method not supported", "kiểu nén không được hỗ trợ"},
    {"Encryption method not supported", "kiểu mã hoá không được hỗ trợ"},
    {"No password provided", "tệp có mật khẩu"},
    {"Wrong password provided", "tệp có mật khẩu"},
};

// "Not a zip archive" -> "không có cấu trúc tệp nén ZIP"; an English detail
// after a known message is kept as "chi tiết: …", an unknown message as a
// whole.
std::string ZipErrorText(std::string_view english) {
  for (const auto& [message, vietnamese] : kZipMessages) {
    if (english.substr(0, message.size()) != message) continue;
    std::string_view rest = english.substr(message.size());
    while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ')) rest.remove_prefix(1);
    std::string out(vietnamese);
    if (!rest.empty()) out += "; chi tiết: " + std::string(rest);
    return out;
  }
  return "chi tiết từ libzip: " + std::string(english);
}

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Reads one member in chunks, at most *budget bytes, and takes what it read
// from *budget: the size a member declares may be forged (a 1 KB file said
// 4 GB and got them allocated), and a small member may inflate to hundreds
// of MB. NotFound when absent; OverLimit past the budget.
StatusOr<std::string> ReadMember(zip_t* zip, const char* name, uint64_t max_bytes,
                                 uint64_t* budget) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name, 0, &st) != 0) return Status::NotFound(name);
  std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen(zip, name, 0));
  if (!f) return Status::Corruption(std::string("không mở được phần ") + name + " trong tệp nén");
  constexpr size_t kChunk = 1 << 16;
  std::string data;
  zip_int64_t n = 0;
  do {
    if (data.size() > *budget) return OverLimit("nội dung giải nén", max_bytes);
    size_t used = data.size();
    data.resize(used + kChunk);
    n = zip_fread(f.get(), data.data() + used, kChunk);
    data.resize(used + static_cast<size_t>(std::max<zip_int64_t>(n, 0)));
  } while (n > 0);
  if (data.size() > *budget) return OverLimit("nội dung giải nén", max_bytes);
  bool size_differs = (st.valid & ZIP_STAT_SIZE) && st.size != data.size();
  if (n < 0 || size_differs) {
    return Status::Corruption(std::string("phần ") + name + " trong tệp nén bị hỏng");
  }
  *budget -= data.size();
  return data;
}

StatusOr<ZipPtr> OpenZip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) return Status::Internal("libzip: không tạo được nguồn dữ liệu");
  zip_t* zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip) {
    zip_source_free(src);
    std::string why = ZipErrorText(zip_error_strerror(&error));
    zip_error_fini(&error);
    return Status::Corruption("tệp DOCX hỏng hoặc không phải tệp nén ZIP (" + why + ")");
  }
  zip_error_fini(&error);
  return ZipPtr(zip);
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Automatic paragraph numbers (word/numbering.xml, and the numbering a
// paragraph style carries in word/styles.xml): the label Word shows before
// a numbered paragraph, which in a legal text is the clause or point number
// ("1.", "a)"). As in Word, the counters belong to the list definition
// (w:abstractNum), so lists sharing one definition continue each other's
// numbers; a list that overrides a level's start (w:startOverride, Word's
// "Restart at") restarts it where the list first appears. A number at one
// level restarts the levels below it, unless a level says otherwise
// (w:lvlRestart); a legal-style level (w:isLgl) shows every number in
// decimal. Not handled: picture bullets. Counters are 64-bit and a label
// is at most kMaxLabel bytes (R2, R3, QA 22: labels were a memory bomb and
// an int counter overflowed); what labels add to the text, together, is
// counted (label_bytes) for the walker to bound.
class Numbering {
 public:
  void Load(const std::string& numbering_xml, const std::string& styles_xml) {
    pugi::xml_document numbering, styles;
    if (numbering.load_buffer(numbering_xml.data(), numbering_xml.size())) {
      LoadNumbering(numbering.document_element());
    }
    if (styles.load_buffer(styles_xml.data(), styles_xml.size())) {
      LoadStyles(styles.document_element());
    }
  }

  // The label of paragraph `p` and a space ("2. "), the counters advanced;
  // empty when `p` is not numbered.
  std::string Next(const pugi::xml_node& p) {
    auto [num_id, ilvl] = NumberOf(p);
    auto num = nums_.find(num_id);
    if (num == nums_.end() || ilvl < 0 || ilvl >= kLevels) return {};
    auto abstract = abstracts_.find(num->second.abstract);
    if (abstract == abstracts_.end()) return {};
    const Levels& levels = abstract->second;
    std::array<int64_t, kLevels>& count =
        counters_.try_emplace(num->second.abstract, Unset()).first->second;
    if (started_.insert(num_id).second) {
      for (const auto& [overridden, unused] : num->second.start_override) {
        if (overridden >= 0 && overridden < kLevels) count[overridden] = kUnset;
      }
    }
    auto start = [&](int level) {
      auto o = num->second.start_override.find(level);
      return o != num->second.start_override.end() ? o->second : levels[level].start;
    };
    count[ilvl] = count[ilvl] == kUnset ? start(ilvl) : count[ilvl] + 1;
    for (int below = ilvl + 1; below < kLevels; ++below) {
      // w:lvlRestart is one-based: restart after a number at that level or
      // above; 0 never restarts.
      int restart = levels[below].restart;
      if (restart == kUnset || (restart > 0 && ilvl < restart)) count[below] = kUnset;
    }
    const Level& level = levels[ilvl];
    if (level.format == "bullet") return "- ";
    std::string label;
    for (size_t i = 0; i < level.text.size() && label.size() < kMaxLabel; ++i) {
      char c = level.text[i];
      if (c == '%' && i + 1 < level.text.size() && level.text[i + 1] >= '1' &&
          level.text[i + 1] <= '9') {
        int k = level.text[++i] - '1';
        int64_t n = count[k] == kUnset ? start(k) : count[k];
        label += Format(n, level.legal ? "decimal" : levels[k].format);
      } else {
        label += c;
      }
    }
    if (!label.empty()) label += ' ';
    label_bytes_ += label.size();
    return label;
  }

  // The bytes of all labels Next returned.
  uint64_t label_bytes() const { return label_bytes_; }

 private:
  static constexpr int kLevels = 9;
  static constexpr int kUnset = -1;
  // Word's labels are a few characters ("Chương %1", "%1.%2."); a w:lvlText
  // is cut past this.
  static constexpr size_t kMaxLabel = 256;
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;
    std::string style;  // a paragraph style bound to this level (w:pStyle)
    int restart = kUnset;  // w:lvlRestart; unset: after any level above
    bool legal = false;    // w:isLgl
  };
  using Levels = std::array<Level, kLevels>;
  struct Num {
    std::string abstract;
    std::map<int, int> start_override;
  };

  static std::array<int64_t, kLevels> Unset() {
    std::array<int64_t, kLevels> a;
    a.fill(kUnset);
    return a;
  }

  static int IntOf(const pugi::xml_node& n, int fallback) {
    pugi::xml_attribute v = n.attribute("w:val");
    return v ? v.as_int(fallback) : fallback;
  }

  // A start (w:start, w:startOverride); a negative one is ignored as
  // HTML's reader ignores one (Word's own are 0 or more): no label is
  // negative.
  static int StartOf(const pugi::xml_node& n) {
    int start = IntOf(n, 1);
    return start < 0 ? 1 : start;
  }

  // Other formats (Word's ordinal, cardinalText, decimalEnclosedCircle…)
  // are written as digits.
  static std::string Format(int64_t n, const std::string& format) {
    if (format == "none") return {};
    NumberStyle style = format == "lowerLetter"   ? NumberStyle::kLowerLetter
                        : format == "upperLetter" ? NumberStyle::kUpperLetter
                        : format == "lowerRoman"  ? NumberStyle::kLowerRoman
                        : format == "upperRoman"  ? NumberStyle::kUpperRoman
                        : format == "decimalZero" ? NumberStyle::kDecimalZero
                                                  : NumberStyle::kDecimal;
    return ListNumber(n, style);
  }

  void LoadNumbering(const pugi::xml_node& root) {
    for (const pugi::xml_node& a : root.children("w:abstractNum")) {
      Levels& levels = abstracts_[a.attribute("w:abstractNumId").value()];
      for (const pugi::xml_node& lvl : a.children("w:lvl")) {
        int i = lvl.attribute("w:ilvl").as_int(-1);
        if (i < 0 || i >= kLevels) continue;
        levels[i].start = StartOf(lvl.child("w:start"));
        if (pugi::xml_node f = lvl.child("w:numFmt"))
          levels[i].format = f.attribute("w:val").value();
        levels[i].text = lvl.child("w:lvlText").attribute("w:val").value();
        levels[i].style = lvl.child("w:pStyle").attribute("w:val").value();
        if (pugi::xml_node r = lvl.child("w:lvlRestart")) levels[i].restart = IntOf(r, kUnset);
        if (pugi::xml_node l = lvl.child("w:isLgl")) {
          std::string_view v = l.attribute("w:val").value();
          levels[i].legal = v.empty() || v == "1" || v == "true" || v == "on";
        }
      }
    }
    for (const pugi::xml_node& n : root.children("w:num")) {
      Num& num = nums_[n.attribute("w:numId").value()];
      num.abstract = n.child("w:abstractNumId").attribute("w:val").value();
      for (const pugi::xml_node& o : n.children("w:lvlOverride")) {
        if (pugi::xml_node s = o.child("w:startOverride")) {
          num.start_override[o.attribute("w:ilvl").as_int()] = StartOf(s);
        }
      }
    }
  }

  void LoadStyles(const pugi::xml_node& root) {
    for (const pugi::xml_node& s : root.children("w:style")) {
      std::string id = s.attribute("w:styleId").value();
      if (pugi::xml_node based = s.child("w:basedOn"))
        based_on_[id] = based.attribute("w:val").value();
      pugi::xml_node num_pr = s.child("w:pPr").child("w:numPr");
      if (!num_pr) continue;
      pugi::xml_node ilvl = num_pr.child("w:ilvl");
      style_numbers_[id] = {num_pr.child("w:numId").attribute("w:val").value(),
                            ilvl ? IntOf(ilvl, 0) : kUnset};
    }
  }

  // The list and level of paragraph `p`: its own w:numPr, else its style's
  // (or a style it is based on). numId 0 means "not numbered".
  std::pair<std::string, int> NumberOf(const pugi::xml_node& p) {
    pugi::xml_node ppr = p.child("w:pPr");
    pugi::xml_node num_pr = ppr.child("w:numPr");
    std::string style = ppr.child("w:pStyle").attribute("w:val").value();
    std::string num_id;
    int ilvl = kUnset;
    if (num_pr) {
      num_id = num_pr.child("w:numId").attribute("w:val").value();
      if (pugi::xml_node l = num_pr.child("w:ilvl")) ilvl = IntOf(l, 0);
    }
    for (int hops = 0; num_id.empty() && !style.empty() && hops < 16; ++hops) {
      if (auto s = style_numbers_.find(style); s != style_numbers_.end()) {
        num_id = s->second.first;
        if (ilvl == kUnset) ilvl = s->second.second;
        break;
      }
      auto b = based_on_.find(style);
      style = b == based_on_.end() ? std::string() : b->second;
    }
    if (num_id.empty() || num_id == "0") return {"", kUnset};
    if (ilvl == kUnset)
      ilvl = LevelOfStyle(num_id, ppr.child("w:pStyle").attribute("w:val").value());
    return {num_id, ilvl};
  }

  // The level a style is bound to in the list's definition (w:lvl/w:pStyle),
  // else 0.
  int LevelOfStyle(const std::string& num_id, const std::string& style) {
    auto num = nums_.find(num_id);
    if (num == nums_.end() || style.empty()) return 0;
    auto abstract = abstracts_.find(num->second.abstract);
    if (abstract == abstracts_.end()) return 0;
    for (int i = 0; i < kLevels; ++i) {
      if (abstract->second[i].style == style) return i;
    }
    return 0;
  }

  std::map<std::string, Levels> abstracts_;
  std::map<std::string, Num> nums_;
  std::map<std::string, std::pair<std::string, int>> style_numbers_;  // style -> (numId, ilvl)
  std::map<std::string, std::string> based_on_;
  std::map<std::string, std::array<int64_t, kLevels>> counters_;  // abstractNumId -> per level
  std::set<std::string> started_;                                 // numIds seen
  uint64_t label_bytes_ = 0;
};

class DocxWalker {
 public:
  // `numbering` (may be null: no automatic numbers) must outlive the walker;
  // the labels it writes stop past `max_label_bytes` (over_limit).
  explicit DocxWalker(Numbering* numbering = nullptr, uint64_t max_label_bytes = UINT64_MAX)
      : numbering_(numbering), max_label_bytes_(max_label_bytes) {}

  // Appends the text of block-level children of `parent` (body, cell,
  // footnote, content control) as paragraphs.
  void Blocks(const pugi::xml_node& parent, int depth = 0) {
    if (depth > kMaxMarkupDepth) {
      too_deep_ = true;  // R5 (QA 22): the cut was silent
      return;
    }
    for (const pugi::xml_node& n : parent.children()) {
      if (over_limit_) return;
      std::string_view name = LocalName(n);
      if (name == "p") {
        AddParagraph(Label(n) + Inline(n));
        TextBoxes(depth);
      } else if (name == "tbl") {
        Table(n);
        TextBoxes(depth);
      } else if (name == "sdt" || name == "sdtContent" || name == "customXml" || name == "ins" ||
                 name == "smartTag") {
        Blocks(n, depth + 1);
      }
    }
  }

  // Text of one paragraph's runs.
  std::string Inline(const pugi::xml_node& node) {
    std::string text;
    InlineInto(node, text, 0);
    return text;
  }

  std::string& text() { return text_; }
  // Whether markup nested deeper than kMaxMarkupDepth was left out.
  bool too_deep() const { return too_deep_; }
  // Whether the labels grew past max_label_bytes: the walk stopped.
  bool over_limit() const { return over_limit_; }

 private:
  void InlineInto(const pugi::xml_node& node, std::string& out, int depth) {
    if (depth > kMaxMarkupDepth) {
      too_deep_ = true;
      return;
    }
    for (const pugi::xml_node& n : node.children()) {
      std::string_view name = LocalName(n);
      if (name == "t") {
        out += n.text().get();
      } else if (name == "tab") {
        out += '\t';
      } else if (name == "br" || name == "cr") {
        out += '\n';
      } else if (name == "noBreakHyphen") {
        out += "\u2011";
      } else if (name == "footnoteReference" || name == "endnoteReference") {
        out += '[';
        out += n.attribute("w:id").value();
        out += ']';
      } else if (name == "txbxContent") {
        // A text box (DrawingML wps:txbx or VML v:textbox) holds paragraphs
        // of its own: they follow the anchoring paragraph (TextBoxes).
        text_boxes_.push_back(n);
      } else if (name == "del" || name == "delText" || name == "instrText" || name == "Fallback" ||
                 name == "rPr" || name == "pPr" || name == "moveFrom") {
        // Deleted text, field codes; and the VML copy Word writes of a
        // DrawingML text box in mc:AlternateContent, so a box comes once.
        continue;
      } else {
        InlineInto(n, out, depth + 1);
      }
    }
  }

  // A row of cells, each a list of paragraphs.
  using Row = std::vector<std::vector<std::string>>;

  // One line per row, cells joined by " | ", a cell's paragraphs by spaces.
  // A layout table (one row of at most 3 cells, a cell of several
  // paragraphs: the two-column header "QUỐC HỘI / Luật số: … | CỘNG HÒA … /
  // Hà Nội, ngày …", or the signature block) gives a line per paragraph
  // instead, as the page shows them side by side ("Luật số: 25/2018/QH14 |
  // Độc lập - Tự do - Hạnh phúc"): run together, the issuer, the number and
  // the place were lost. A table of more rows is data, whatever its cells.
  void Table(const pugi::xml_node& tbl) {
    std::vector<Row> rows;
    bool stacked = false;
    for (const pugi::xml_node& tr : tbl.children()) {
      if (LocalName(tr) != "tr") continue;
      Row& row = rows.emplace_back();
      for (const pugi::xml_node& tc : tr.children()) {
        if (LocalName(tc) != "tc") continue;
        auto& cell = row.emplace_back();
        for (const pugi::xml_node& p : tc.children()) {
          if (LocalName(p) != "p") continue;
          std::string t = Label(p) + Inline(p);
          if (t.find_first_not_of(" \t") != std::string::npos) cell.push_back(std::move(t));
        }
        stacked = stacked || cell.size() > 1;
      }
    }
    bool layout = stacked && rows.size() == 1 && rows.front().size() <= 3;
    for (const Row& row : rows) {
      size_t lines = 1;
      if (layout) {
        for (const auto& cell : row) lines = std::max(lines, cell.size());
      }
      for (size_t i = 0; i < lines; ++i) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c) {
          if (c > 0) line += " | ";
          if (!layout) {
            for (const std::string& t : row[c]) line += (&t == &row[c].front() ? "" : " ") + t;
          } else if (i < row[c].size()) {
            line += row[c][i];
          }
        }
        AddParagraph(line);
      }
    }
  }

  // The paragraphs of the text boxes met in the last paragraph or table.
  void TextBoxes(int depth) {
    std::vector<pugi::xml_node> boxes;
    boxes.swap(text_boxes_);
    for (const pugi::xml_node& box : boxes) Blocks(box, depth + 1);
  }

  // R2 (QA 22): labels are the part of the text a docx can make larger
  // than its XML (one definition, a label per paragraph); the reader's
  // limit applied only after the whole text was built.
  std::string Label(const pugi::xml_node& p) {
    if (!numbering_ || over_limit_) return {};
    std::string label = numbering_->Next(p);
    over_limit_ = numbering_->label_bytes() > max_label_bytes_;
    return label;
  }

  void AddParagraph(const std::string& p) {
    if (p.find_first_not_of(" \t|") == std::string::npos) return;
    if (!text_.empty()) text_ += "\n\n";
    text_ += p;
  }

  Numbering* numbering_;
  uint64_t max_label_bytes_;
  bool over_limit_ = false;
  bool too_deep_ = false;
  std::string text_;
  std::vector<pugi::xml_node> text_boxes_;  // met inline, not yet written
};

// Footnotes or endnotes part: "[id] text" paragraphs (separators skipped);
// *too_deep set when a note nests deeper than kMaxMarkupDepth.
std::string Notes(const std::string& xml, bool* too_deep) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), kParseOptions)) return {};
  std::string out;
  for (const pugi::xml_node& note : doc.document_element().children()) {
    std::string_view type = note.attribute("w:type").value();
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") {
      continue;
    }
    DocxWalker walker;
    walker.Blocks(note);
    *too_deep = *too_deep || walker.too_deep();
    if (walker.text().empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += '[';
    out += note.attribute("w:id").value();
    out += "] ";
    out += walker.text();
  }
  return out;
}

// pugixml's parse errors in Vietnamese (its own texts are English).
std::string XmlErrorText(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_out_of_memory:
      return "không đủ bộ nhớ";
    case pugi::status_unrecognized_tag:
    case pugi::status_bad_start_element:
      return "thẻ không đọc được";
    case pugi::status_bad_pi:
    case pugi::status_bad_comment:
    case pugi::status_bad_cdata:
    case pugi::status_bad_doctype:
      return "khai báo, chú thích hay CDATA hỏng";
    case pugi::status_bad_pcdata:
      return "nội dung chữ hỏng";
    case pugi::status_bad_attribute:
      return "thuộc tính hỏng";
    case pugi::status_bad_end_element:
      return "thẻ đóng hỏng";
    case pugi::status_end_element_mismatch:
      return "thẻ mở và thẻ đóng không khớp";
    case pugi::status_no_document_element:
      return "không có phần tử gốc";
    default:
      return "lỗi cú pháp XML";
  }
}

}  // namespace

Status ReadDocx(std::string_view bytes, const ExtractOptions& options, Extracted* out) {
  StatusOr<ZipPtr> zip = OpenZip(bytes);
  if (!zip.ok()) return zip.status();
  // What every part read unpacks to, together, is bounded as a file is.
  uint64_t budget = options.max_bytes;
  auto read = [&](const char* name) {
    return ReadMember(zip->get(), name, options.max_bytes, &budget);
  };
  StatusOr<std::string> xml = read("word/document.xml");
  if (!xml.ok()) {
    if (xml.status().IsNotFound()) {
      return Status::Corruption("tệp nén không có word/document.xml (không phải DOCX)");
    }
    return xml.status();
  }
  pugi::xml_document doc;  // parsed in place: a second copy of a large part is not made
  pugi::xml_parse_result parsed = doc.load_buffer_inplace(xml->data(), xml->size(), kParseOptions);
  if (!parsed) {
    return Status::Corruption("tệp DOCX hỏng: word/document.xml không phải XML hợp lệ (" +
                              XmlErrorText(parsed.status) + ", tại byte " +
                              std::to_string(parsed.offset) + ")");
  }
  pugi::xml_node body = doc.document_element().child("w:body");
  if (!body) return Status::Corruption("word/document.xml không có phần thân (w:body)");
  Numbering numbering;
  StatusOr<std::string> numbering_xml = read("word/numbering.xml");
  if (IsOverLimit(numbering_xml.status())) return numbering_xml.status();
  if (numbering_xml.ok()) {
    StatusOr<std::string> styles_xml = read("word/styles.xml");
    if (IsOverLimit(styles_xml.status())) return styles_xml.status();
    numbering.Load(*numbering_xml, styles_xml.ok() ? *styles_xml : std::string());
  }
  DocxWalker walker(&numbering, options.max_bytes);
  walker.Blocks(body);
  if (walker.over_limit()) return OverLimit("văn bản trích ra", options.max_bytes);
  out->text = std::move(walker.text());
  bool too_deep = walker.too_deep();
  for (const char* part : {"word/footnotes.xml", "word/endnotes.xml"}) {
    StatusOr<std::string> notes_xml = read(part);
    if (IsOverLimit(notes_xml.status())) return notes_xml.status();
    if (!notes_xml.ok()) continue;
    std::string notes = Notes(*notes_xml, &too_deep);
    if (notes.empty()) continue;
    out->text += "\n\n" + notes;
  }
  out->format = "docx";
  if (too_deep) {
    // R5 (QA 22): a document whose text is all below the cut is not empty.
    if (out->text.find_first_not_of(" \t\r\n|") == std::string::npos) {
      return Status::Unsupported("chữ trong tệp DOCX nằm ở phần lồng sâu quá " +
                                 std::to_string(kMaxMarkupDepth) + " cấp, không đọc được");
    }
    out->warnings.push_back(MarkupTooDeepWarning());
  }
  return Status::Ok();
}

}  // namespace vanban::ingest
