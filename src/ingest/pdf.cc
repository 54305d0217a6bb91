// PDF reader: the text layer via poppler-cpp (words grouped into lines with
// their boxes, then text_layout.h), and OCR of pages without a text layer
// (page rendered with poppler's page_renderer at kOcrDpi).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ingest/ocr.h"
#include "ingest/readers.h"
#include "ingest/text_layout.h"

namespace vanban::ingest {
namespace {

constexpr int kOcrDpi = 300;
constexpr size_t kMinTextLayerChars = 16;  // fewer: treat the page as scanned

// Poppler prints syntax errors of broken files on stderr; the caller gets a
// Status instead.
void SilencePoppler() {
  static const bool done = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)done;
}

std::string Utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.data(), bytes.size());
}

// Groups poppler's words into lines: a word starts a new line when it does
// not overlap the current line vertically or moves back to the left.
PageText TextLayer(const poppler::page& page) {
  PageText out;
  // text_list() gives boxes on the page as shown, turned by its /Rotate.
  poppler::rectf box = page.page_rect();
  bool turned = page.orientation() == poppler::page::landscape ||
                page.orientation() == poppler::page::seascape;
  out.height = turned ? box.width() : box.height();
  TextLine* line = nullptr;
  bool space_after = false;
  for (const poppler::text_box& box : page.text_list()) {
    poppler::rectf r = box.bbox();
    std::string word = Utf8(box.text());
    if (word.empty()) continue;
    double mid = r.top() + r.height() / 2;
    // Same line: overlapping vertically and moving right; or exactly on the
    // line's baseline even if overprinted (a clipped glyph beside a footer).
    bool same = line && mid > line->y0 && mid < line->y1 &&
                (r.left() >= line->x1 - r.height() ||
                 std::abs(mid - (line->y0 + line->y1) / 2) < 0.2 * r.height());
    if (!same) {
      out.lines.push_back({word, r.left(), r.top(), r.right(), r.bottom()});
      line = &out.lines.back();
    } else {
      double gap = r.left() - line->x1;
      if (space_after || gap > r.height() * 0.15 || gap < -r.height() * 0.5) line->text += ' ';
      line->text += word;
      line->x1 = std::max(line->x1, r.right());
      line->y0 = std::min(line->y0, r.top());
      line->y1 = std::max(line->y1, r.bottom());
    }
    space_after = box.has_space_after();
  }
  return out;
}

size_t CharCount(const PageText& page) {
  size_t n = 0;
  for (const TextLine& l : page.lines) n += l.text.size();
  return n;
}

// Renders `page` and OCRs it; adds the confidence to *conf_sum.
StatusOr<OcrResult> OcrPage(const poppler::page& page) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  poppler::image img = renderer.render_page(&page, kOcrDpi, kOcrDpi);
  if (!img.is_valid()) return Status::Internal("không dựng được ảnh trang để OCR");
  return OcrGray(reinterpret_cast<const uint8_t*>(img.const_data()), img.width(), img.height(),
                 img.bytes_per_row(), kOcrDpi);
}

std::string Percent(double v) { return std::to_string(static_cast<int>(std::lround(v))) + "%"; }

struct OcrTally {
  int pages = 0;
  int words = 0;
  double weighted = 0;  // sum of confidence * words
};

// Fills `page_text` for page `i`, OCRing it when it has no text layer.
void ReadPage(const poppler::page& page, int i, const ExtractOptions& options, PageText* page_text,
              OcrTally* ocr, Extracted* out) {
  *page_text = TextLayer(page);
  if (CharCount(*page_text) >= kMinTextLayerChars) return;
  if (!options.ocr || !OcrAvailable()) {
    if (CharCount(*page_text) == 0) {
      out->warnings.push_back("Trang " + std::to_string(i + 1) +
                              " không có lớp chữ (ảnh quét) và OCR không được bật");
    }
    return;
  }
  StatusOr<OcrResult> r = OcrPage(page);
  if (!r.ok()) {
    out->warnings.push_back("Trang " + std::to_string(i + 1) + ": " + r.status().message());
    return;
  }
  if (r->page.lines.empty()) return;
  *page_text = std::move(r->page);
  ++ocr->pages;
  ocr->words += r->words;
  ocr->weighted += r->confidence * r->words;
}

}  // namespace

Status ReadPdf(std::string_view bytes, const ExtractOptions& options, Extracted* out) {
  SilencePoppler();
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) return Status::Unsupported("tệp PDF quá lớn");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::Corruption("tệp PDF hỏng hoặc không phải PDF (không đọc được cấu trúc)");
  if (doc->is_locked()) return Status::Unsupported("tệp PDF được bảo vệ bằng mật khẩu");
  out->pages = doc->pages();
  if (out->pages <= 0) return Status::Corruption("tệp PDF không có trang nào đọc được");
  std::vector<PageText> pages(out->pages);
  OcrTally ocr;
  uint64_t text_bytes = 0;
  for (int i = 0; i < out->pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      out->warnings.push_back("Trang " + std::to_string(i + 1) + " hỏng, bỏ qua");
      continue;
    }
    ReadPage(*page, i, options, &pages[i], &ocr, out);
    // Compressed page contents can draw far more text than the file holds:
    // stop at the limit rather than hold it all.
    text_bytes += CharCount(pages[i]);
    if (text_bytes > options.max_bytes) {
      return OverLimit("văn bản trích ra (trang " + std::to_string(i + 1) + "/" +
                           std::to_string(out->pages) + ") đã",
                       options.max_bytes);
    }
  }
  LayoutStats stats;
  DropHeadersAndFooters(pages, &stats);
  // Page numbers go without a word: every printed document has them.
  if (stats.headers_dropped > 0) {
    out->warnings.push_back("Bỏ " + std::to_string(stats.headers_dropped) +
                            " dòng tiêu đề, chân trang lặp lại ở đầu/cuối trang");
  }
  out->text = JoinLines(pages);
  out->format = "pdf";
  if (ocr.pages > 0) {
    out->format = ocr.pages == out->pages ? "pdf-ocr" : "pdf";
    out->ocr = true;
    out->ocr_confidence = ocr.words ? ocr.weighted / ocr.words : 0;
    out->warnings.push_back("OCR " + std::to_string(ocr.pages) + "/" + std::to_string(out->pages) +
                            " trang, độ tin cậy OCR " + Percent(out->ocr_confidence));
  }
  if (out->text.empty()) {
    if (!options.ocr || !OcrAvailable()) {
      return Status::Unsupported("tệp PDF là ảnh quét (không có lớp chữ) và OCR không được bật");
    }
    return Status::Unsupported("tệp PDF không có chữ nào trích được");
  }
  return Status::Ok();
}

}  // namespace vanban::ingest
