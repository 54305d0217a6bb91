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

// How a numbered list writes its numbers: Word's w:numFmt, an <ol>'s type.
enum class NumberStyle {
  kDecimal,      // 1, 2, 3
  kDecimalZero,  // 01, 02, …, 09, 10
  kLowerLetter,  // a, b, c
  kUpperLetter,  // A, B, C
  kLowerRoman,   // i, ii, iii
  kUpperRoman,   // I, II, III
};

// Item `n` of a numbered list as the list writes it, without punctuation
// ("3", "03", "c", "C", "iii", "III"), for the readers of numbered lists
// (docx, html), so both label alike. Letters stop at z and Roman numerals
// at 3999: past them (Word writes "aa", "bb", a browser "aa", "ab"; no
// legal text numbers its points so far) the number is written in digits,
// which also bounds the label (R2, QA 22: Word's "aa…" style made a label
// of n / 26 letters, 77 MB for a list starting at 2000000000).
std::string ListNumber(int64_t n, NumberStyle style);

// Markup nested deeper than this many elements is not read (a warning
// says so, MarkupTooDeepWarning): hostile files must not exhaust the
// stack of the readers' recursive walks (docx, html).
inline constexpr int kMaxMarkupDepth = 400;

// "Bỏ qua phần nội dung lồng sâu quá 400 cấp": the warning of a reader
// that cut its walk at kMaxMarkupDepth.
std::string MarkupTooDeepWarning();

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_READERS_H_
