// Fixture writers for tests/ingest and bench/extract (library
// vanban_ingest_fixtures, not linked into vanban): DOCX files written with
// libzip, PDFs and PNGs rendered by pango-view (Debian pango1.0-tools), and
// image-only PDFs. Not thread-safe where they run external tools in a
// shared directory; give each caller its own directory.
#ifndef VANBAN_INGEST_FIXTURES_H_
#define VANBAN_INGEST_FIXTURES_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace vanban::ingest::fixtures {

std::string XmlEscape(std::string_view s);

// A minimal word/document.xml with one w:p per paragraph (plain runs).
std::string DocxDocumentXml(const std::vector<std::string>& paragraphs);

// Wraps body XML (w:p, w:tbl ...) in a w:document element with the usual
// namespaces.
std::string DocxDocumentXmlFromBody(std::string_view body_xml);

// Writes a DOCX package: [Content_Types].xml, _rels, word/document.xml and,
// when non-empty, word/footnotes.xml; then `parts` (name, content), e.g.
// {"word/numbering.xml", …}.
Status WriteDocx(const std::filesystem::path& path, std::string_view document_xml,
                 std::string_view footnotes_xml = {},
                 const std::vector<std::pair<std::string, std::string>>& parts = {});

struct RenderOptions {
  std::string font = "DejaVu Sans 11";
  int width_points = 420;  // wrap width
  int dpi = 0;             // PNG only: 0 = pango-view's default
  bool justify = false;
};

// Renders UTF-8 `text` with pango-view to `out` (.pdf or .png by extension).
Status RenderWithPango(std::string_view text, const std::filesystem::path& out,
                       const RenderOptions& options = {});

// Joins single-page PDFs into one with pdfunite (poppler-utils).
Status JoinPdfs(const std::vector<std::filesystem::path>& pages, const std::filesystem::path& out);

// A one-page PDF whose only content is an 8-bit grayscale image (a "scan"):
// no text layer. `dpi` sets the page size.
std::string ImageOnlyPdf(const std::vector<uint8_t>& gray, int width, int height, int dpi);

// Reads a PNG (or any Leptonica format) to 8-bit gray; empty on failure.
// Needs VANBAN_OCR (Leptonica); returns empty without it.
std::vector<uint8_t> ReadGrayImage(const std::filesystem::path& path, int* width, int* height);

StatusOr<std::string> ReadBytes(const std::filesystem::path& path);
Status WriteBytes(const std::filesystem::path& path, std::string_view bytes);

// Unwraps hard-wrapped plain text: lines inside a blank-line-separated block
// are joined with spaces; blocks are separated by one blank line.
std::string Unwrap(std::string_view text);

}  // namespace vanban::ingest::fixtures

#endif  // VANBAN_INGEST_FIXTURES_H_
