// Tesseract glue: page images in, positioned text lines and mean word
// confidence out. Lines carry their boxes so that text_layout.h can rebuild
// paragraphs exactly as for a PDF text layer.
#include "ingest/ocr.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#if VANBAN_OCR
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>
#endif

namespace vanban::ingest {

#if VANBAN_OCR

namespace {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};

StatusOr<std::unique_ptr<tesseract::TessBaseAPI>> NewEngine() {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(nullptr, "vie", tesseract::OEM_LSTM_ONLY) != 0) {
    return Status::IoError("không nạp được mô hình OCR tiếng Việt (tesseract-ocr-vie)");
  }
  api->SetPageSegMode(tesseract::PSM_AUTO);
  api->SetVariable("debug_file", "/dev/null");  // "Detected N diacritics" etc.
  return api;
}

// Lines and mean word confidence after Recognize().
OcrResult Collect(tesseract::TessBaseAPI& api) {
  OcrResult result;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return result;
  double conf_sum = 0;
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
    if (!text) continue;
    std::string line(text.get());
    while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    int x0, y0, x1, y1;
    it->BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1);
    result.page.lines.push_back({line, double(x0), double(y0), double(x1), double(y1)});
  } while (it->Next(tesseract::RIL_TEXTLINE));
  std::unique_ptr<tesseract::ResultIterator> words(api.GetIterator());
  if (words) {
    do {
      float c = words->Confidence(tesseract::RIL_WORD);
      if (c < 0) continue;
      conf_sum += c;
      ++result.words;
    } while (words->Next(tesseract::RIL_WORD));
  }
  result.confidence = result.words ? conf_sum / result.words : 0;
  return result;
}

}  // namespace

bool OcrAvailable() { return true; }

StatusOr<OcrResult> OcrGray(const uint8_t* pixels, int width, int height, int stride, int dpi) {
  auto api = NewEngine();
  if (!api.ok()) return api.status();
  (*api)->SetImage(pixels, width, height, 1, stride);
  (*api)->SetSourceResolution(dpi);
  if ((*api)->Recognize(nullptr) != 0) return Status::Internal("OCR thất bại");
  OcrResult result = Collect(**api);
  result.page.height = height;
  (*api)->End();
  return result;
}

namespace {

// Whether a PNG's chunks are whole (length within the file, a type of four
// letters) up to IEND. libpng prints its own English message on stderr for
// a broken one ("libpng error: …: invalid chunk type", with raw bytes), so
// such a file is refused before it is decoded.
bool PngChunksWhole(std::string_view bytes) {
  constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
  if (!bytes.starts_with(kSignature)) return true;  // not a PNG: not ours to check
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  for (size_t at = kSignature.size(); at + 12 <= bytes.size();) {
    uint32_t length = 0;
    for (int i = 0; i < 4; ++i) length = (length << 8) | static_cast<unsigned char>(bytes[at + i]);
    std::string_view type = bytes.substr(at + 4, 4);
    if (!std::all_of(type.begin(), type.end(), letter)) return false;
    if (length > bytes.size() - at - 12) return false;
    if (type == "IEND") return true;
    at += 12 + static_cast<size_t>(length);
  }
  return false;  // ends before IEND
}

}  // namespace

StatusOr<OcrResult> OcrImageFile(std::string_view bytes) {
  if (!PngChunksWhole(bytes)) {
    return Status::Corruption("ảnh PNG hỏng (cấu trúc khối dữ liệu sai hoặc tệp bị cắt ngắn)");
  }
  // Leptonica reports unreadable images on stderr; the caller gets a Status.
  static const bool quiet = [] {
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)quiet;
  std::unique_ptr<Pix, PixDeleter> pix(
      pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
  if (!pix) return Status::Corruption("ảnh hỏng hoặc định dạng ảnh không đọc được");
  auto api = NewEngine();
  if (!api.ok()) return api.status();
  (*api)->SetImage(pix.get());
  if (pixGetXRes(pix.get()) < 70) (*api)->SetSourceResolution(300);
  if ((*api)->Recognize(nullptr) != 0) return Status::Internal("OCR thất bại");
  OcrResult result = Collect(**api);
  (*api)->End();
  return result;
}

#else  // !VANBAN_OCR

bool OcrAvailable() { return false; }

StatusOr<OcrResult> OcrGray(const uint8_t*, int, int, int, int) {
  return Status::Unsupported("bản vanban này được biên dịch không có OCR (VANBAN_OCR=OFF)");
}

StatusOr<OcrResult> OcrImageFile(std::string_view) {
  return Status::Unsupported("bản vanban này được biên dịch không có OCR (VANBAN_OCR=OFF)");
}

#endif

}  // namespace vanban::ingest
