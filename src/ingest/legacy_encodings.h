// Converters for the legacy Vietnamese encodings iconv does not know:
// VNI-Windows (8-bit, base letter + diacritic bytes) and VIQR (RFC 1456,
// ASCII with mark characters). Written from the published VNI character
// chart and RFC 1456. Pure functions; thread-safe.
#ifndef VANBAN_INGEST_LEGACY_ENCODINGS_H_
#define VANBAN_INGEST_LEGACY_ENCODINGS_H_

#include <string>
#include <string_view>

namespace vanban::ingest {

// VNI-Windows bytes -> UTF-8 (base letters followed by combining marks where
// VNI writes them so; callers NFC-normalise). Bytes that are not part of the
// VNI chart are read as Windows-1252.
std::string VniToUtf8(std::string_view vni);

// UTF-8 (any normalisation form) -> VNI-Windows bytes. Characters VNI cannot
// represent become '?'. Used to generate test and benchmark fixtures.
std::string Utf8ToVni(std::string_view utf8);

// VIQR -> UTF-8. Follows RFC 1456 ("\" escapes a mark character). When the
// text contains no escapes (most real files and GNU recode's output), a
// word-final '.' or '?' after a vowel before a line end or a capital letter
// is ambiguous ("tri." = "trị" or "tri" + full stop); it is resolved from
// how the same word pair and word occur unambiguously elsewhere in the text.
std::string ViqrToUtf8(std::string_view viqr);

// UTF-8 -> VIQR, escaping with "\" every mark character that would
// otherwise be read as a mark (so ViqrToUtf8 restores the text exactly).
std::string Utf8ToViqr(std::string_view utf8);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_LEGACY_ENCODINGS_H_
