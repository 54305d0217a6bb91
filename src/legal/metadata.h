// Internal to vanban_legal: document metadata from the text itself — the
// header (type, "Số:", place and date, issuer, title), the signature block
// and "Nơi nhận:", the "… này có hiệu lực từ ngày" clause, and Pháp điển
// source lines when there is no header. Nothing is guessed: a fact not in
// the text stays empty. Thread-safe.
#ifndef VANBAN_LEGAL_METADATA_H_
#define VANBAN_LEGAL_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "legal/document.h"
#include "legal/layout.h"

namespace vanban::legal::internal {

// Reads metadata from the laid-out text (whose text is `text`).
Metadata ExtractMetadata(const Layout& layout, std::string_view text,
                         std::vector<std::string>* warnings);

// What a Pháp điển source line says of the document it comes from:
// "(Điều 1 Luật số 10/2022/QH15 Luật thực hiện dân chủ ở cơ sở ngày
// 10/11/2022 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/07/2023)".
// Fields not stated stay empty; type and number are empty if the line is
// not one, the number alone for an act listed "số Không số" (no number).
Metadata ParseSourceLine(std::string_view line);

// Fills every empty field of *into from `from` (recipients when empty).
void MergeMissing(const Metadata& from, Metadata* into);

}  // namespace vanban::legal::internal

#endif  // VANBAN_LEGAL_METADATA_H_
