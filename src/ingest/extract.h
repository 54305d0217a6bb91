// Reads a file officials have (txt in any Vietnamese encoding, docx, pdf,
// scanned pdf/images via OCR, html, markdown) and returns clean NFC text for
// the legal parser. Thread-safe: ExtractFile may run on several threads.
#ifndef VANBAN_INGEST_EXTRACT_H_
#define VANBAN_INGEST_EXTRACT_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace vanban::ingest {

struct ExtractOptions {
  // Larger files are skipped, and so are files that unpack (a docx) or
  // whose text grows (a PDF's compressed pages, a TCVN3 file) past it.
  uint64_t max_bytes = 100ull * 1024 * 1024;
  bool ocr = true;                            // OCR pages with no text layer
};

struct Extracted {
  std::string text;           // NFC UTF-8, paragraphs separated by blank lines
  std::string format;         // "txt", "docx", "pdf", "pdf-ocr", "image-ocr", "html", "md"
  std::string encoding;       // "utf-8", "utf-16le", "utf-16be", "cp1258", "tcvn3", "vni",
                              // "viqr" (txt, html, md); "utf-8" for docx; empty for pdf/images
  int pages = 0;              // PDFs: page count; others 0
  bool ocr = false;           // some text came from OCR
  double ocr_confidence = 0;  // mean word confidence 0..100 when ocr
  std::vector<std::string> warnings;  // Vietnamese, e.g. "Độ tin cậy OCR 61%"
  uint64_t bytes = 0;                 // size of the input
  uint64_t characters = 0;            // code points in `text`
};

// Extracts `path`. Errors (unreadable, unsupported or binary, corrupt,
// too large) name the file and the reason, in Vietnamese:
//   NotFound / IoError: the file cannot be read;
//   Unsupported: unknown or binary format, too large (the message then
//     starts "Bỏ qua tệp "…": "), no text at all, scanned without OCR;
//   Corruption: a damaged docx/pdf/image.
StatusOr<Extracted> ExtractFile(const std::filesystem::path& path,
                                const ExtractOptions& options = {});

// Same for bytes already in memory; `name` is used for the format guess by
// extension (content sniffing comes first) and in error messages.
StatusOr<Extracted> ExtractBytes(std::string_view bytes, const std::string& name,
                                 const ExtractOptions& options = {});

// True when ExtractFile would try this file (by extension and content sniff).
bool IsSupportedFile(const std::filesystem::path& path);

// Ok when ExtractFile would try this file; otherwise Unsupported with the
// reason in Vietnamese, naming the file ("Bỏ qua tệp "a.doc": tệp Word cũ
// (.doc) chưa được hỗ trợ; …"), or IoError when it cannot be read. For
// `vanban index` to list skipped files with their reason.
Status CheckSupported(const std::filesystem::path& path);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_EXTRACT_H_
