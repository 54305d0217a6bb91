// OCR of page images with Tesseract's Vietnamese model ("vie"), when built
// with VANBAN_OCR. Each call creates its own engine, so calls may run on
// several threads.
#ifndef VANBAN_INGEST_OCR_H_
#define VANBAN_INGEST_OCR_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/text_layout.h"

namespace vanban::ingest {

// True when this build can OCR (VANBAN_OCR).
bool OcrAvailable();

struct OcrResult {
  PageText page;          // text lines with their pixel boxes
  double confidence = 0;  // mean word confidence, 0..100
  int words = 0;
};

// OCRs an 8-bit grayscale image (`width` x `height`, `stride` bytes per row)
// scanned at `dpi`. Unsupported when built without OCR; IoError when the
// "vie" model cannot be loaded.
StatusOr<OcrResult> OcrGray(const uint8_t* pixels, int width, int height, int stride, int dpi);

// OCRs an encoded image file (PNG, JPEG, TIFF, BMP, ... via Leptonica).
StatusOr<OcrResult> OcrImageFile(std::string_view bytes);

}  // namespace vanban::ingest

#endif  // VANBAN_INGEST_OCR_H_
