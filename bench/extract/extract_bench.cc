// bench_extract: extraction throughput per format. Fixtures are generated
// from the plan and the legal texts in ../shared (never stored in the
// repository): the same text as UTF-8, UTF-16, CP1258, TCVN3, VNI and VIQR
// plain text, DOCX (libzip), HTML, PDF (pango-view + pdfunite) and a
// scanned PDF (image only, OCR); Markdown is the real large corpus.
// Prints a Markdown table: format, files, MB, pages, seconds, MB/s, pages/s.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "ingest/encoding.h"
#include "ingest/extract.h"
#include "ingest/fixtures.h"
#include "ingest/ocr.h"

namespace fs = std::filesystem;
using namespace vanban::ingest;
using vanban::StatusOr;

namespace {

constexpr int kReps = 3;

struct Row {
  std::string format;
  int files = 0;
  double bytes = 0;
  double text_bytes = 0;  // extracted UTF-8 text
  int pages = 0;
  double seconds = 0;
};

std::string Read(const fs::path& p) { return fixtures::ReadBytes(p).value(); }

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) out.push_back(line);
    pos = end + 1;
  }
  return out;
}

// Extracts every file `reps` times; returns the timing row.
Row Measure(const std::string& format, const std::vector<fs::path>& files, int reps) {
  Row row{format};
  std::vector<std::pair<std::string, std::string>> data;
  for (const auto& f : files) data.emplace_back(f.string(), Read(f));
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r) {
    for (const auto& [name, bytes] : data) {
      StatusOr<Extracted> e = ExtractBytes(bytes, name);
      if (!e.ok()) {
        std::cerr << e.status().message() << "\n";
        continue;
      }
      row.bytes += bytes.size();
      row.text_bytes += e->text.size();
      row.pages += e->pages;
      ++row.files;
    }
  }
  row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return row;
}

// Runs a peer tool on `file` `reps` times (whole process, output to
// /dev/null) and returns the timing row; -1 seconds when the tool fails.
Row MeasurePeer(const std::string& label, const std::string& command, const fs::path& file,
                int reps) {
  Row row{label};
  double size = static_cast<double>(fs::file_size(file));
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r) {
    std::string cmd = command + " '" + file.string() + "' > /dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) {
      row.seconds = -1;
      return row;
    }
    row.bytes += size;
    ++row.files;
  }
  row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return row;
}

void Print(const std::vector<Row>& rows) {
  std::printf("| format | files | input MB | text MB | pages | seconds | input MB/s | pages/s |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const Row& r : rows) {
    if (r.seconds < 0) {
      std::printf("| %s | failed | | | | | | |\n", r.format.c_str());
      continue;
    }
    double mb = r.bytes / (1024.0 * 1024.0);
    char pages_per_s[32] = "-";
    if (r.pages) std::snprintf(pages_per_s, sizeof(pages_per_s), "%.1f", r.pages / r.seconds);
    char text_mb[32] = "-";
    if (r.text_bytes > 0) std::snprintf(text_mb, sizeof(text_mb), "%.1f", r.text_bytes / 1048576.0);
    std::printf("| %s | %d | %.1f | %s | %d | %.2f | %.1f | %s |\n", r.format.c_str(), r.files, mb,
                text_mb, r.pages, r.seconds, mb / r.seconds, pages_per_s);
  }
}

int PrintFile(const fs::path& file) {
  StatusOr<Extracted> e = ExtractFile(file);
  if (!e.ok()) {
    std::cerr << e.status().message() << "\n";
    return 1;
  }
  std::cerr << "format=" << e->format << " encoding=" << e->encoding << " pages=" << e->pages
            << " ocr=" << e->ocr << " confidence=" << e->ocr_confidence << "\n";
  for (const auto& w : e->warnings) std::cerr << "warning: " << w << "\n";
  std::cout << e->text << "\n";
  return 0;
}

// PDF of `paragraphs`, about 40 paragraphs per page (pango-view renders one
// page per call; pdfunite joins them).
fs::path MakePdf(const fs::path& dir, const std::string& name,
                 const std::vector<std::string>& paragraphs) {
  std::vector<fs::path> pages;
  for (size_t i = 0; i < paragraphs.size(); i += 12) {
    std::string text = "Văn bản pháp luật – bản in thử\n\n";
    for (size_t k = i; k < std::min(paragraphs.size(), i + 12); ++k) text += paragraphs[k] + "\n\n";
    text += "- " + std::to_string(pages.size() + 1) + " -";
    fs::path page = dir / (name + "-" + std::to_string(pages.size()) + ".pdf");
    if (!fixtures::RenderWithPango(text, page).ok()) break;
    pages.push_back(page);
  }
  fs::path pdf = dir / (name + ".pdf");
  (void)fixtures::JoinPdfs(pages, pdf);
  for (const auto& p : pages) fs::remove(p);
  return pdf;
}

// Plain text in every encoding, DOCX and HTML of the same text, each
// followed by the peer tools that do the same conversion.
std::vector<Row> MeasureTextFormats(const fs::path& work, const std::string& all,
                                    const std::vector<std::string>& paragraphs) {
  std::vector<Row> rows;
  // Plain text in every encoding (the same ~1 MB text).
  for (std::string_view enc : {kUtf8, kUtf16Le, kCp1258, kTcvn3, kVni, kViqr}) {
    fs::path p = work / ("texts-" + std::string(enc) + ".txt");
    (void)fixtures::WriteBytes(p, EncodeFromUtf8(all, enc));
    rows.push_back(Measure("txt " + std::string(enc), {p}, kReps));
    if (enc == kTcvn3) {
      rows.push_back(
          MeasurePeer("  peer: iconv -f TCVN5712-1", "iconv -f TCVN5712-1 -t UTF-8", p, kReps));
    }
    if (enc == kVni) {
      rows.push_back(MeasurePeer("  peer: recode vni..utf8", "recode -f vni..utf8 <", p, kReps));
    }
  }
  // DOCX and HTML of the same paragraphs.
  fs::path docx = work / "texts.docx";
  (void)fixtures::WriteDocx(docx, fixtures::DocxDocumentXml(paragraphs));
  rows.push_back(Measure("docx", {docx}, kReps));
  rows.push_back(MeasurePeer("  peer: pandoc -t plain", "pandoc -t plain", docx, kReps));
  std::string html =
      "<html><head><script>var x=1;</script></head><body><nav>Trang chủ</nav><div "
      "id=\"toanvancontent\">";
  for (const auto& p : paragraphs) html += "<p>" + fixtures::XmlEscape(p) + "</p>\n";
  html += "</div><footer>Liên hệ</footer></body></html>";
  fs::path html_path = work / "texts.html";
  (void)fixtures::WriteBytes(html_path, html);
  rows.push_back(Measure("html", {html_path}, kReps));
  rows.push_back(
      MeasurePeer("  peer: pandoc -t plain", "pandoc -f html -t plain", html_path, kReps));
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = fs::path(VANBAN_SOURCE_DIR) / ".." / "shared";
  if (const char* env = std::getenv("VANBAN_SHARED_DIR")) shared = env;
  fs::path work = fs::temp_directory_path() / "vanban-bench-extract";
  bool ocr = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--file" && i + 1 < argc) return PrintFile(argv[++i]);
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    if (a == "--work" && i + 1 < argc) work = argv[++i];
    if (a == "--no-ocr") ocr = false;
  }
  if (!fs::exists(shared / "corpus" / "texts")) {
    std::cerr << "bench_extract: không thấy thư mục dữ liệu " << shared
              << " (đặt VANBAN_SHARED_DIR)\n";
    return 1;
  }
  fs::create_directories(work);
  std::string all;
  for (const auto& e : fs::directory_iterator(shared / "corpus" / "texts")) {
    if (e.path().extension() == ".txt") all += Read(e.path()) + "\n";
  }
  all += Read(shared / "corpus" / "plan" / "ke-hoach-dan-van-chinh-quyen-2023-xa-ngoc-ky.txt");
  std::vector<std::string> paragraphs = Paragraphs(all);

  std::vector<Row> rows = MeasureTextFormats(work, all, paragraphs);
  // PDF text layer.
  std::cerr << "bench_extract: rendering PDF fixtures with pango-view...\n";
  fs::path pdf = MakePdf(work, "texts", paragraphs);
  rows.push_back(Measure("pdf (text layer)", {pdf}, kReps));
  Row pdftotext = MeasurePeer("  peer: pdftotext", "pdftotext -q", pdf, kReps);
  pdftotext.pages = rows.back().pages;
  rows.push_back(pdftotext);
  // Markdown: the real large corpus, once.
  std::vector<fs::path> md;
  fs::path large = shared / "bench" / "large-corpus" / "phapdien-md";
  if (fs::exists(large)) {
    for (const auto& e : fs::recursive_directory_iterator(large)) {
      if (e.path().extension() == ".md") md.push_back(e.path());
    }
    rows.push_back(Measure("md (large corpus)", md, 1));
  }
  // Scanned PDF: a page image of 40 paragraphs at 300 dpi, OCR.
  if (ocr && OcrAvailable()) {
    std::string page_text;
    for (size_t i = 0; i < 8 && i < paragraphs.size(); ++i)
      page_text += paragraphs[i + 20] + "\n\n";
    fs::path png = work / "scan.png";
    fixtures::RenderOptions options;
    options.dpi = 300;
    options.font = "DejaVu Serif 11";
    if (fixtures::RenderWithPango(page_text, png, options).ok()) {
      int w = 0, h = 0;
      std::vector<uint8_t> gray = fixtures::ReadGrayImage(png, &w, &h);
      fs::path scan = work / "scan.pdf";
      (void)fixtures::WriteBytes(scan, fixtures::ImageOnlyPdf(gray, w, h, 300));
      rows.push_back(Measure("pdf (scanned, OCR)", {scan}, 2));
    }
  }
  Print(rows);
  fs::remove_all(work);
  return 0;
}
