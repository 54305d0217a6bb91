// The format readers behind ExtractFile (internal header). Each reader gets
// the file's bytes, fills `out` with raw UTF-8 text (paragraphs separated by
// blank lines; ExtractFile normalises to NFC afterwards) and format details,
// or returns an error whose message says in Vietnamese what is wrong with
// the content (ExtractFile adds the file name). Thread-safe.
#ifndef VANBAN_INGEST_READERS_H_
#define VANBAN_INGEST_READERS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/extract.h"

namespace vanban::ingest {

Status ReadPlainText(std::string_view bytes, Extracted* out);
Status ReadDocx(std::string_view bytes, const ExtractOptions& options, Extracted* out);
Status ReadPdf(std::string_view bytes, const ExtractOptions& options, Extracted* out);
Status ReadHtml(std::string_view bytes, Extracted* out);
Status ReadMarkdown(std::string_view bytes, Extracted* out);
Status ReadImage(std::string_view bytes, const ExtractOptions& options, Extracted* out);

// What a reader returns when what the file unpacks to, or the text it
// gives, grows past options.max_bytes (`what` says which, in Vietnamese:
// "nội dung giải nén"): ExtractBytes reports it as a skip, as it does a file
// over the limit ("Bỏ qua tệp "…": nội dung giải nén vượt giới hạn 100 MB").
Status OverLimit(const std::string& what, uint64_t max_bytes);
bool IsOverLimit(const Status& status);

// A list number as a Roman numeral, for the readers of numbered lists
// (docx, html): "IV" for 4, "iv" when !upper; `n` in 1..3999.
std::string RomanNumeral(int n, bool upper);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_READERS_H_
