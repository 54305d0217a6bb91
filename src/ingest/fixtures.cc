// Fixture writers; see fixtures.h.
#include "ingest/fixtures.h"

#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#if VANBAN_OCR
#include <leptonica/allheaders.h>
#endif

namespace vanban::ingest::fixtures {
namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>)";

constexpr std::string_view kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>)";

constexpr std::string_view kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>)";

constexpr std::string_view kNamespaces =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006")";

Status AddMember(zip_t* zip, const char* name, std::string_view data) {
  // libzip copies nothing until zip_close, so the data must stay alive;
  // callers keep it in strings that outlive the close.
  zip_source_t* src = zip_source_buffer(zip, data.data(), data.size(), 0);
  if (!src || zip_file_add(zip, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
    if (src) zip_source_free(src);
    return Status::IoError(std::string("libzip: cannot add ") + name);
  }
  return Status::Ok();
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string DocxDocumentXmlFromBody(std::string_view body_xml) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") +
         "\n<w:document " + std::string(kNamespaces) + "><w:body>" + std::string(body_xml) +
         "</w:body></w:document>";
}

std::string DocxDocumentXml(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const std::string& p : paragraphs) {
    body += R"(<w:p><w:r><w:t xml:space="preserve">)" + XmlEscape(p) + "</w:t></w:r></w:p>";
  }
  return DocxDocumentXmlFromBody(body);
}

Status WriteDocx(const std::filesystem::path& path, std::string_view document_xml,
                 std::string_view footnotes_xml,
                 const std::vector<std::pair<std::string, std::string>>& parts) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!zip) return Status::IoError("libzip: cannot create " + path.string());
  Status s = AddMember(zip, "[Content_Types].xml", kContentTypes);
  if (s.ok()) s = AddMember(zip, "_rels/.rels", kRels);
  if (s.ok()) s = AddMember(zip, "word/_rels/document.xml.rels", kDocumentRels);
  if (s.ok()) s = AddMember(zip, "word/document.xml", document_xml);
  if (s.ok() && !footnotes_xml.empty()) s = AddMember(zip, "word/footnotes.xml", footnotes_xml);
  for (const auto& [name, content] : parts) {
    if (s.ok()) s = AddMember(zip, name.c_str(), content);
  }
  if (!s.ok()) {
    zip_discard(zip);
    return s;
  }
  if (zip_close(zip) != 0) {
    zip_discard(zip);
    return Status::IoError("libzip: cannot write " + path.string());
  }
  return Status::Ok();
}

Status RenderWithPango(std::string_view text, const std::filesystem::path& out,
                       const RenderOptions& options) {
  std::filesystem::path input = out;
  input += ".txt";
  if (Status s = WriteBytes(input, text); !s.ok()) return s;
  std::string cmd = "pango-view -q --font=" + ShellQuote(options.font) +
                    " --width=" + std::to_string(options.width_points) +
                    " --wrap=word --margin=36" + (options.justify ? " --justify" : "") +
                    (options.dpi ? " --dpi=" + std::to_string(options.dpi) : "") +
                    " --output=" + ShellQuote(out.string()) + " " + ShellQuote(input.string()) +
                    " >/dev/null 2>&1";
  int rc = std::system(cmd.c_str());
  std::error_code ec;
  std::filesystem::remove(input, ec);
  if (rc != 0 || !std::filesystem::exists(out)) return Status::IoError("pango-view failed: " + cmd);
  return Status::Ok();
}

Status JoinPdfs(const std::vector<std::filesystem::path>& pages, const std::filesystem::path& out) {
  std::string cmd = "pdfunite";
  for (const auto& p : pages) cmd += " " + ShellQuote(p.string());
  cmd += " " + ShellQuote(out.string()) + " >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return Status::IoError("pdfunite failed: " + cmd);
  return Status::Ok();
}

std::string ImageOnlyPdf(const std::vector<uint8_t>& gray, int width, int height, int dpi) {
  double w = width * 72.0 / dpi, h = height * 72.0 / dpi;
  std::ostringstream content;
  content << "q " << w << " 0 0 " << h << " 0 0 cm /Im0 Do Q";
  std::string page_content = content.str();
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(w) + " " + std::to_string(h) +
          "] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(page_content.size()) + " >>\nstream\n" + page_content +
          "\nendstream",
      "<< /Type /XObject /Subtype /Image /Width " + std::to_string(width) + " /Height " +
          std::to_string(height) + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " +
          std::to_string(gray.size()) + " >>\nstream\n" + std::string(gray.begin(), gray.end()) +
          "\nendstream",
  };
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof(line), "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::vector<uint8_t> ReadGrayImage(const std::filesystem::path& path, int* width, int* height) {
#if VANBAN_OCR
  Pix* pix = pixRead(path.c_str());
  if (!pix) return {};
  Pix* gray = pixConvertTo8(pix, 0);
  pixDestroy(&pix);
  if (!gray) return {};
  *width = pixGetWidth(gray);
  *height = pixGetHeight(gray);
  std::vector<uint8_t> out(static_cast<size_t>(*width) * *height);
  for (int y = 0; y < *height; ++y) {
    for (int x = 0; x < *width; ++x) {
      l_uint32 v = 0;
      pixGetPixel(gray, x, y, &v);
      out[static_cast<size_t>(y) * *width + x] = static_cast<uint8_t>(v);
    }
  }
  pixDestroy(&gray);
  return out;
#else
  (void)path, (void)width, (void)height;
  return {};
#endif
}

StatusOr<std::string> ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Status WriteBytes(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? Status::Ok() : Status::IoError("cannot write " + path.string());
}

std::string Unwrap(std::string_view text) {
  std::string out, para;
  auto flush = [&] {
    if (para.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += para;
    para.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) {
      flush();
    } else {
      if (!para.empty()) para += ' ';
      para += line;
    }
    pos = end + 1;
  }
  flush();
  return out;
}

}  // namespace vanban::ingest::fixtures
