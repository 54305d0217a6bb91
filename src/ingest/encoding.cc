// Encoding detection: BOMs first, then UTF-16 without BOM (NUL byte
// pattern), then binary sniffing, then scoring of each candidate decoding.
// CP1258 and TCVN3 are single-byte encodings; their byte tables are taken
// from glibc iconv (CP1258, TCVN5712-1) once, so decoding is a table lookup.
#include "ingest/encoding.h"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <string>

#include "ingest/legacy_encodings.h"
#include "ingest/utf8_util.h"
#include "ingest/vietnamese_score.h"

namespace vanban::ingest {
namespace {

constexpr size_t kSampleBytes = 64 * 1024;

using ByteTable = std::array<std::string, 256>;

// Byte -> UTF-8 table of a single-byte iconv charset.
ByteTable BuildTable(const char* charset) {
  ByteTable table;
  iconv_t cd = iconv_open("UTF-8", charset);
  for (int b = 0; b < 256; ++b) {
    char in = static_cast<char>(b);
    char out[16];
    char* in_ptr = &in;
    char* out_ptr = out;
    size_t in_left = 1, out_left = sizeof(out);
    bool ok = cd != reinterpret_cast<iconv_t>(-1) &&
              iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<size_t>(-1);
    // Flush any state (TCVN5712-1 buffers a base letter for composition).
    if (ok) ok = iconv(cd, nullptr, nullptr, &out_ptr, &out_left) != static_cast<size_t>(-1);
    table[b] = ok ? std::string(out, out_ptr - out) : std::string("\xEF\xBF\xBD");
    if (cd != reinterpret_cast<iconv_t>(-1)) iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  return table;
}

const ByteTable& Cp1258Table() {
  static const ByteTable table = BuildTable("CP1258");
  return table;
}

const ByteTable& Tcvn3Table() {
  static const ByteTable table = BuildTable("TCVN5712-1");
  return table;
}

std::string DecodeTable(std::string_view bytes, const ByteTable& table) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  for (char c : bytes) out += table[static_cast<uint8_t>(c)];
  return out;
}

std::string DecodeUtf8Lossy(std::string_view bytes) {
  if (ValidUtf8Prefix(bytes) == bytes.size()) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) AppendUtf8(out, NextCodePoint(bytes, &i));
  return out;
}

std::string DecodeUtf16(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](size_t i) -> char32_t {
    auto a = static_cast<uint8_t>(bytes[i]), b = static_cast<uint8_t>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
      char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo < 0xE000) {
        AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        i += 2;
        continue;
      }
    }
    AppendUtf8(out, (u >= 0xD800 && u < 0xE000) ? 0xFFFD : u);
  }
  if (bytes.size() % 2) AppendUtf8(out, 0xFFFD);
  return out;
}

// UTF-16 without BOM: ASCII-range characters leave NUL bytes on one parity.
std::string_view Utf16WithoutBom(std::string_view sample) {
  size_t n = std::min<size_t>(sample.size() & ~size_t{1}, 8192);
  if (n < 16) return {};
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += sample[i] == 0;
    odd += sample[i + 1] == 0;
  }
  size_t units = n / 2;
  if (odd * 5 > units && even * 50 < units) return kUtf16Le;
  if (even * 5 > units && odd * 50 < units) return kUtf16Be;
  return {};
}

bool LooksBinary(std::string_view sample) {
  size_t controls = 0;
  for (char ch : sample) {
    auto b = static_cast<uint8_t>(ch);
    if (b == 0) return true;
    // TCVN3 puts capital letters at 0x01..0x17, so controls alone only
    // mark a binary file when they are frequent.
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) ++controls;
  }
  return controls * 10 > sample.size();
}

std::string_view Sample(std::string_view bytes) {
  return bytes.substr(0, std::min(bytes.size(), kSampleBytes));
}

struct Candidate {
  std::string_view encoding;
  double score;
  int vietnamese;
};

Candidate Score(std::string_view sample, std::string_view encoding) {
  VietnameseScore s = ScoreVietnamese(DecodeToUtf8(sample, encoding));
  return {encoding, s.Value(), s.vietnamese};
}

// ASCII-only or valid UTF-8 text may still be VIQR (RFC 1456 is ASCII).
EncodingGuess GuessValidUtf8(std::string_view sample) {
  EncodingGuess guess;
  guess.encoding = kUtf8;
  VietnameseScore as_utf8 = ScoreVietnamese(sample);
  guess.score = as_utf8.Value();
  // Text that already has Vietnamese letters is not VIQR (which is ASCII).
  if (as_utf8.vietnamese * 20 > as_utf8.words) return guess;
  VietnameseScore as_viqr = ScoreVietnamese(ViqrToUtf8(sample));
  guess.score = as_utf8.Value();
  guess.runner_up = as_viqr.Value();
  int gained = as_viqr.vietnamese - as_utf8.vietnamese;
  bool viqr = gained >= 3 && gained * 10 >= as_viqr.words &&
              as_viqr.invalid * 3 <= as_viqr.vietnamese && as_viqr.Value() > as_utf8.Value();
  if (viqr) {
    guess.encoding = kViqr;
    std::swap(guess.score, guess.runner_up);
  }
  return guess;
}

}  // namespace

EncodingGuess DetectEncoding(std::string_view bytes) {
  EncodingGuess guess;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    guess.encoding = kUtf8;
    guess.bom = true;
    return guess;
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    guess.encoding = bytes[0] == '\xFF' ? kUtf16Le : kUtf16Be;
    guess.bom = true;
    return guess;
  }
  std::string_view sample = Sample(bytes);
  if (std::string_view utf16 = Utf16WithoutBom(sample); !utf16.empty()) {
    guess.encoding = utf16;
    return guess;
  }
  if (LooksBinary(sample)) {
    guess.binary = true;
    return guess;
  }
  // A file whose bytes >= 0x80 all form valid UTF-8 sequences is UTF-8 (or
  // ASCII VIQR): legacy 8-bit text practically never does.
  if (ValidUtf8Prefix(bytes) == bytes.size()) return GuessValidUtf8(sample);
  Candidate best{kUtf8, -1e18, 0}, second = best;
  for (std::string_view enc : {kUtf8, kCp1258, kTcvn3, kVni}) {
    Candidate c = Score(sample, enc);
    if (c.score > best.score) {
      second = best;
      best = c;
    } else if (c.score > second.score) {
      second = c;
    }
  }
  guess.encoding = best.encoding;
  guess.score = best.score;
  guess.runner_up = second.score;
  guess.uncertain = best.vietnamese < 3 || best.score - second.score < 3;
  return guess;
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view encoding) {
  if (encoding == kUtf8) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    return DecodeUtf8Lossy(bytes);
  }
  if (encoding == kUtf16Le || encoding == kUtf16Be) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) bytes.remove_prefix(2);
    return DecodeUtf16(bytes, encoding == kUtf16Be);
  }
  if (encoding == kCp1258) return DecodeTable(bytes, Cp1258Table());
  if (encoding == kTcvn3) return DecodeTable(bytes, Tcvn3Table());
  if (encoding == kVni) return VniToUtf8(bytes);
  if (encoding == kViqr) return ViqrToUtf8(bytes);
  return DecodeUtf8Lossy(bytes);
}

namespace {

std::string IconvEncode(std::string_view utf8, const char* charset) {
  std::string out;
  iconv_t cd = iconv_open(charset, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return out;
  std::string buf(utf8);
  char* in = buf.data();
  size_t in_left = buf.size();
  std::string chunk(4096, '\0');
  while (in_left > 0) {
    char* o = chunk.data();
    size_t o_left = chunk.size();
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(chunk.data(), o - chunk.data());
    if (r == static_cast<size_t>(-1) && errno != E2BIG) {
      out += '?';  // unrepresentable: skip one code point
      size_t i = in - buf.data();
      NextCodePoint(buf, &i);
      in_left -= i - (in - buf.data());
      in = buf.data() + i;
    }
  }
  char* o = chunk.data();
  size_t o_left = chunk.size();
  iconv(cd, nullptr, nullptr, &o, &o_left);
  out.append(chunk.data(), o - chunk.data());
  iconv_close(cd);
  return out;
}

std::string EncodeUtf16(std::string_view utf8, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  auto put = [&](char16_t u) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  for (size_t i = 0; i < utf8.size();) {
    char32_t c = NextCodePoint(utf8, &i);
    if (c >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(c));
    }
  }
  return out;
}

}  // namespace

std::string EncodeFromUtf8(std::string_view utf8, std::string_view encoding) {
  if (encoding == kCp1258) return IconvEncode(utf8, "CP1258");
  if (encoding == kTcvn3) return IconvEncode(utf8, "TCVN5712-1");
  if (encoding == kVni) return Utf8ToVni(utf8);
  if (encoding == kViqr) return Utf8ToViqr(utf8);
  if (encoding == kUtf16Le || encoding == kUtf16Be) return EncodeUtf16(utf8, encoding == kUtf16Be);
  return std::string(utf8);
}

}  // namespace vanban::ingest
