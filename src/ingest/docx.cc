// DOCX reader: unzips word/document.xml (libzip) and walks it (pugixml).
// Paragraphs and headings become paragraphs, table rows become one line
// with cells separated by " | ", footnotes and endnotes are appended after
// the body and referenced as [n]. Tracked deletions (w:del, w:delText),
// field instructions (w:instrText), and the fallback copy of alternate
// content are dropped; tracked insertions (w:ins) are kept.
#include <zip.h>

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/readers.h"

namespace vanban::ingest {
namespace {

// Deeper markup is ignored: hostile files must not exhaust the stack.
constexpr int kMaxDepth = 400;

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

// Reads one member; NotFound when absent.
StatusOr<std::string> ReadMember(zip_t* zip, const char* name) {
  zip_stat_t st;
  if (zip_stat(zip, name, 0, &st) != 0) return Status::NotFound(name);
  zip_file_t* f = zip_fopen(zip, name, 0);
  if (!f) return Status::Corruption(std::string("không mở được phần ") + name + " trong tệp nén");
  std::string data(st.size, '\0');
  zip_int64_t n = st.size ? zip_fread(f, data.data(), st.size) : 0;
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    return Status::Corruption(std::string("phần ") + name + " trong tệp nén bị hỏng");
  }
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

class DocxWalker {
 public:
  // Appends the text of block-level children of `parent` (body, cell,
  // footnote, content control) as paragraphs.
  void Blocks(const pugi::xml_node& parent, int depth = 0) {
    if (depth > kMaxDepth) return;
    for (const pugi::xml_node& n : parent.children()) {
      std::string_view name = LocalName(n);
      if (name == "p") {
        AddParagraph(Inline(n));
      } else if (name == "tbl") {
        Table(n);
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

 private:
  void InlineInto(const pugi::xml_node& node, std::string& out, int depth) {
    if (depth > kMaxDepth) return;
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
      } else if (name == "del" || name == "delText" || name == "instrText" || name == "Fallback" ||
                 name == "rPr" || name == "pPr" || name == "moveFrom" || name == "txbxContent") {
        continue;  // deleted text, field codes, duplicated alternate content
      } else {
        InlineInto(n, out, depth + 1);
      }
    }
  }

  void Table(const pugi::xml_node& tbl) {
    for (const pugi::xml_node& tr : tbl.children()) {
      if (LocalName(tr) != "tr") continue;
      std::string row;
      for (const pugi::xml_node& tc : tr.children()) {
        if (LocalName(tc) != "tc") continue;
        std::string cell;
        for (const pugi::xml_node& p : tc.children()) {
          if (LocalName(p) != "p") continue;
          std::string t = Inline(p);
          if (t.empty()) continue;
          if (!cell.empty()) cell += ' ';
          cell += t;
        }
        if (!row.empty()) row += " | ";
        row += cell;
      }
      AddParagraph(row);
    }
  }

  void AddParagraph(const std::string& p) {
    if (p.find_first_not_of(" \t|") == std::string::npos) return;
    if (!text_.empty()) text_ += "\n\n";
    text_ += p;
  }

  std::string text_;
};

// Footnotes or endnotes part: "[id] text" paragraphs (separators skipped).
std::string Notes(const std::string& xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return {};
  std::string out;
  for (const pugi::xml_node& note : doc.document_element().children()) {
    std::string_view type = note.attribute("w:type").value();
    if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") {
      continue;
    }
    DocxWalker walker;
    walker.Blocks(note);
    if (walker.text().empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += '[';
    out += note.attribute("w:id").value();
    out += "] ";
    out += walker.text();
  }
  return out;
}

}  // namespace

Status ReadDocx(std::string_view bytes, Extracted* out) {
  StatusOr<ZipPtr> zip = OpenZip(bytes);
  if (!zip.ok()) return zip.status();
  StatusOr<std::string> xml = ReadMember(zip->get(), "word/document.xml");
  if (!xml.ok()) {
    if (xml.status().IsNotFound()) {
      return Status::Corruption("tệp nén không có word/document.xml (không phải DOCX)");
    }
    return xml.status();
  }
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml->data(), xml->size());
  if (!parsed) {
    return Status::Corruption(std::string("word/document.xml hỏng: ") + parsed.description());
  }
  pugi::xml_node body = doc.document_element().child("w:body");
  if (!body) return Status::Corruption("word/document.xml không có phần thân (w:body)");
  DocxWalker walker;
  walker.Blocks(body);
  out->text = std::move(walker.text());
  for (const char* part : {"word/footnotes.xml", "word/endnotes.xml"}) {
    StatusOr<std::string> notes_xml = ReadMember(zip->get(), part);
    if (!notes_xml.ok()) continue;
    std::string notes = Notes(*notes_xml);
    if (notes.empty()) continue;
    out->text += "\n\n" + notes;
  }
  out->format = "docx";
  return Status::Ok();
}

}  // namespace vanban::ingest
