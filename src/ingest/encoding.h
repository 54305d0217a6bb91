// Detects the character encoding of a plain-text Vietnamese file and
// converts it to UTF-8. Detection is statistical: every plausible decoding
// of the bytes is scored for how Vietnamese its words look (see
// vietnamese_score.h); the file name plays no part. Thread-safe.
#ifndef VANBAN_INGEST_ENCODING_H_
#define VANBAN_INGEST_ENCODING_H_

#include <string>
#include <string_view>
#include <vector>

namespace vanban::ingest {

// Encoding names used in Extracted::encoding.
inline constexpr std::string_view kUtf8 = "utf-8";
inline constexpr std::string_view kUtf16Le = "utf-16le";
inline constexpr std::string_view kUtf16Be = "utf-16be";
inline constexpr std::string_view kCp1258 = "cp1258";
inline constexpr std::string_view kTcvn3 = "tcvn3";
inline constexpr std::string_view kVni = "vni";
inline constexpr std::string_view kViqr = "viqr";

struct EncodingGuess {
  std::string encoding;    // one of the names above; empty when binary
  bool binary = false;     // NUL bytes or many control bytes: not text
  bool bom = false;        // a byte-order mark was found (and is dropped)
  bool uncertain = false;  // no decoding looked clearly Vietnamese
  double score = 0;        // VietnameseScore::Value() of the chosen decoding
  double runner_up = 0;    // score of the next best candidate
};

// Guesses the encoding of `bytes` (the whole file or a large prefix).
EncodingGuess DetectEncoding(std::string_view bytes);

// Converts `bytes` in `encoding` to UTF-8 (not yet NFC; may hold combining
// marks). A BOM is dropped; undecodable bytes become U+FFFD.
std::string DecodeToUtf8(std::string_view bytes, std::string_view encoding);

// UTF-8 -> `encoding` bytes, for fixtures ("cp1258", "tcvn3" via iconv;
// "vni", "viqr" via legacy_encodings.h; "utf-16le"/"utf-16be" with BOM).
// Unrepresentable characters become '?'.
std::string EncodeFromUtf8(std::string_view utf8, std::string_view encoding);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_ENCODING_H_
