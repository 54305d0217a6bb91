// Small UTF-8 helpers shared by the ingest readers (internal header).
// Pure functions; thread-safe.
#ifndef VANBAN_INGEST_UTF8_UTIL_H_
#define VANBAN_INGEST_UTF8_UTIL_H_

#include <string>
#include <string_view>

namespace vanban::ingest {

inline void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes one code point at s[*i] and advances *i; invalid or truncated
// sequences yield U+FFFD and advance by one byte.
char32_t NextCodePoint(std::string_view s, size_t* i);

// Length of the longest prefix of `s` that is strict UTF-8 (no overlongs,
// no surrogates); equals s.size() when all of it is valid.
size_t ValidUtf8Prefix(std::string_view s);

// NFD of `utf8` as code points (ICU).
std::u32string Nfd(std::string_view utf8);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_UTF8_UTIL_H_
