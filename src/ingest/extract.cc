// ExtractFile: picks the reader by content sniffing (then by extension),
// enforces the size limit, and finishes every reader's text the same way
// (NFC, LF line ends, no control characters, at most one blank line).
#include "ingest/extract.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

#include "base/os_error.h"
#include "ingest/encoding.h"
#include "ingest/ocr.h"
#include "ingest/readers.h"
#include "ingest/text_layout.h"
#include "ingest/utf8_util.h"
#include "text/analyzer.h"

namespace vanban::ingest {
namespace {

enum class Kind { kText, kHtml, kMarkdown, kPdf, kZip, kImage, kOldWord, kRtf, kUnknown };

std::string Extension(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

Kind KindByExtension(const std::string& ext) {
  if (ext == ".txt" || ext == ".text" || ext.empty()) return Kind::kText;
  if (ext == ".htm" || ext == ".html" || ext == ".xhtml") return Kind::kHtml;
  if (ext == ".md" || ext == ".markdown") return Kind::kMarkdown;
  if (ext == ".pdf") return Kind::kPdf;
  if (ext == ".docx") return Kind::kZip;
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff" ||
      ext == ".bmp" || ext == ".gif" || ext == ".webp" || ext == ".pnm") {
    return Kind::kImage;
  }
  if (ext == ".doc") return Kind::kOldWord;
  if (ext == ".rtf") return Kind::kRtf;
  return Kind::kUnknown;
}

// Content first: a PDF renamed .txt is still a PDF.
Kind KindByContent(std::string_view b) {
  std::string_view head = b.substr(0, 1024);
  if (head.find("%PDF-") != std::string_view::npos) return Kind::kPdf;
  if (b.starts_with("PK\x03\x04")) return Kind::kZip;
  if (b.starts_with("\x89PNG") || b.starts_with("\xFF\xD8\xFF") || b.starts_with("II*") ||
      b.starts_with(std::string_view("MM\0*", 4)) || b.starts_with("GIF8") ||
      (b.starts_with("RIFF") && b.substr(8, 4) == "WEBP")) {
    return Kind::kImage;
  }
  if (b.starts_with("\xD0\xCF\x11\xE0")) return Kind::kOldWord;
  if (b.starts_with("{\\rtf")) return Kind::kRtf;
  return Kind::kUnknown;
}

bool LooksLikeHtml(std::string_view b) {
  std::string head(b.substr(0, 512));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return head.find("<!doctype html") != std::string::npos ||
         head.find("<html") != std::string::npos;
}

Status ReadByKind(Kind kind, std::string_view bytes, const ExtractOptions& options,
                  Extracted* out) {
  switch (kind) {
    case Kind::kPdf:
      return ReadPdf(bytes, options, out);
    case Kind::kZip:
      return ReadDocx(bytes, options, out);
    case Kind::kHtml:
      return ReadHtml(bytes, out);
    case Kind::kMarkdown:
      return ReadMarkdown(bytes, out);
    case Kind::kImage:
      return ReadImage(bytes, options, out);
    case Kind::kText:
      return ReadPlainText(bytes, out);
    case Kind::kOldWord:
      return Status::Unsupported("tệp Word cũ (.doc) chưa được hỗ trợ; hãy lưu lại thành .docx");
    case Kind::kRtf:
      return Status::Unsupported("định dạng RTF chưa được hỗ trợ; hãy lưu lại thành .docx");
    case Kind::kUnknown:
      break;
  }
  return Status::Unsupported(
      "không phải định dạng vanban đọc được (txt, docx, pdf, html, md, ảnh)");
}

// Decides the reader. A known binary extension whose content does not
// match (random bytes named .pdf) is a corrupt file of that format.
StatusOr<Kind> ChooseKind(std::string_view bytes, const std::string& name) {
  Kind by_content = KindByContent(bytes);
  Kind by_ext = KindByExtension(Extension(name));
  if (by_content != Kind::kUnknown) return by_content;
  if (by_ext == Kind::kPdf)
    return Status::Corruption("có đuôi .pdf nhưng không phải tệp PDF (thiếu phần đầu %PDF)");
  if (by_ext == Kind::kZip)
    return Status::Corruption("có đuôi .docx nhưng không phải tệp DOCX (không phải tệp nén ZIP)");
  if (by_ext == Kind::kImage)
    return Status::Corruption("có đuôi ảnh nhưng không phải tệp ảnh đọc được");
  if (by_ext == Kind::kText && LooksLikeHtml(bytes)) return Kind::kHtml;
  if (by_ext != Kind::kUnknown && by_ext != Kind::kText) return by_ext;
  if (by_ext == Kind::kText && !Extension(name).empty()) return Kind::kText;
  // Unknown content: binary is skipped; text is read only from files
  // without an extension (a .toml or .json is not a document).
  EncodingGuess guess = DetectEncoding(bytes.substr(0, 64 * 1024));
  if (guess.binary) return Status::Unsupported("tệp nhị phân, không phải văn bản");
  std::string ext = Extension(name);
  if (!ext.empty()) {
    return Status::Unsupported("định dạng " + ext +
                               " không được hỗ trợ (chỉ đọc txt, docx, pdf, html, md và ảnh)");
  }
  return LooksLikeHtml(bytes) ? Kind::kHtml : Kind::kText;
}

// LF line ends, no controls, no spaces at line starts or ends, at most one
// blank line, no leading/trailing blank lines.
std::string Tidy(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int newlines = 0;
  bool line_start = true;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    if (c == '\r') c = '\n';
    if (c == '\n') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      ++newlines;
      line_start = true;
      continue;
    }
    if (static_cast<uint8_t>(c) < 0x20 && c != '\t') c = ' ';
    if (line_start && (c == ' ' || c == '\t')) continue;
    if (newlines > 0 && !out.empty()) out.append(std::min(newlines, 2), '\n');
    newlines = 0;
    line_start = false;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

std::string Megabytes(uint64_t bytes) {
  std::ostringstream s;
  s.precision(bytes < 10 * 1024 * 1024 ? 2 : 0);
  s << std::fixed << bytes / (1024.0 * 1024.0) << " MB";
  return s.str();
}

// Reads `fd` to its end into *bytes, or stops once *bytes holds more than
// `max_bytes`: st_size is 0 for a pipe or a /proc file, so the size check
// before reading cannot bound them. Returns 0 or the errno of a failed read.
int ReadAtMost(int fd, uint64_t max_bytes, std::string* bytes) {
  char buf[1 << 16];
  while (bytes->size() <= max_bytes) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      bytes->append(buf, static_cast<size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      return errno;
    }
  }
  return 0;
}

// A device or socket has no end a size limit could wait for (/dev/zero,
// /dev/urandom) or waits for a person (/dev/tty): refused, as `vanban index`
// refuses anything but files and folders. A pipe is read (`<(…)`, bounded).
bool IsDevice(std::filesystem::file_type type) {
  using std::filesystem::file_type;
  return type == file_type::character || type == file_type::block || type == file_type::socket;
}

// Why a file with nothing to read is skipped, by its format.
std::string NoTextReason(Kind kind) {
  switch (kind) {
    case Kind::kText:
    case Kind::kMarkdown:
      return "tệp không có chữ nào (chỉ có khoảng trắng)";
    case Kind::kZip:
      return "tệp DOCX không có chữ nào (văn bản trống)";
    case Kind::kHtml:
      return "tệp HTML không có chữ nào để đọc (chỉ có mã, trình đơn hay khoảng trắng)";
    case Kind::kPdf:
      return "tệp PDF không có chữ nào trích được";
    default:
      return "tệp không có chữ nào trích được";
  }
}

constexpr std::string_view kOverLimit = " vượt giới hạn ";

}  // namespace

Status OverLimit(const std::string& what, uint64_t max_bytes) {
  return Status::Unsupported(what + std::string(kOverLimit) + Megabytes(max_bytes));
}

bool IsOverLimit(const Status& status) {
  return status.code() == Status::Code::kUnsupported &&
         status.message().find(kOverLimit) != std::string::npos;
}

Status ReadPlainText(std::string_view bytes, Extracted* out) {
  EncodingGuess guess = DetectEncoding(bytes);
  if (guess.binary) return Status::Unsupported("tệp nhị phân, không phải văn bản");
  out->text = DecodeToUtf8(bytes, guess.encoding);
  if (guess.encoding == kUtf8 && ValidUtf8Prefix(bytes) != bytes.size()) {
    out->warnings.push_back("Có byte không hợp lệ UTF-8, đã thay bằng U+FFFD");
  }
  out->format = "txt";
  out->encoding = guess.encoding;
  if (guess.uncertain && guess.encoding != kUtf8) {
    out->warnings.push_back("Không chắc chắn về bảng mã; đã đọc theo " + guess.encoding);
  }
  return Status::Ok();
}

Status ReadImage(std::string_view bytes, const ExtractOptions& options, Extracted* out) {
  if (!OcrAvailable())
    return Status::Unsupported("tệp ảnh cần OCR nhưng bản vanban này không có OCR");
  if (!options.ocr) return Status::Unsupported("tệp ảnh cần OCR nhưng OCR đang tắt");
  StatusOr<OcrResult> r = OcrImageFile(bytes);
  if (!r.ok()) return r.status();
  std::vector<PageText> pages{std::move(r->page)};
  out->text = JoinLines(pages);
  out->format = "image-ocr";
  out->pages = 1;
  out->ocr = true;
  out->ocr_confidence = r->confidence;
  out->warnings.push_back("Độ tin cậy OCR " +
                          std::to_string(static_cast<int>(r->confidence + 0.5)) + "%");
  if (out->text.empty()) return Status::Unsupported("OCR không nhận ra chữ nào trong ảnh");
  return Status::Ok();
}

StatusOr<Extracted> ExtractBytes(std::string_view bytes, const std::string& name,
                                 const ExtractOptions& options) {
  auto fail = [&name](const Status& s) -> Status {
    // Past the size limit, a file is skipped as ExtractFile skips one.
    if (IsOverLimit(s))
      return Status::Unsupported("Bỏ qua tệp " + Quoted(name) + ": " + s.message());
    std::string msg = "Không trích được văn bản từ tệp " + Quoted(name) + ": " + s.message();
    switch (s.code()) {
      case Status::Code::kCorruption:
        return Status::Corruption(msg);
      case Status::Code::kUnsupported:
        return Status::Unsupported(msg);
      case Status::Code::kIoError:
        return Status::IoError(msg);
      default:
        return Status::Internal(msg);
    }
  };
  // A2 (session 15): text past the limit (a docx that inflates, a legacy
  // encoding that grows in UTF-8) must not reach the index, where one oversized
  // document failed the whole run.
  auto text_over_limit = [&options](const std::string& text) {
    return text.size() > options.max_bytes
               ? OverLimit("văn bản trích ra lớn " + Megabytes(text.size()) + ",",
                           options.max_bytes)
               : Status::Ok();
  };
  if (bytes.size() > options.max_bytes) {
    return fail(OverLimit("tệp lớn " + Megabytes(bytes.size()) + ",", options.max_bytes));
  }
  if (bytes.empty()) return fail(Status::Unsupported("tệp rỗng"));
  StatusOr<Kind> kind = ChooseKind(bytes, name);
  if (!kind.ok()) return fail(kind.status());
  Extracted out;
  Status s = ReadByKind(*kind, bytes, options, &out);
  if (s.ok()) s = text_over_limit(out.text);
  if (!s.ok()) return fail(s);
  std::vector<std::string> normalize_warnings;
  out.text = text::Normalize(Tidy(out.text), &normalize_warnings);
  if (Status st = text_over_limit(out.text); !st.ok()) return fail(st);
  if (!normalize_warnings.empty()) {
    out.warnings.push_back("Có " + std::to_string(normalize_warnings.size()) +
                           " chỗ byte UTF-8 hỏng, đã thay bằng U+FFFD");
  }
  // S8 (session 14): a text file of blank lines was indexed as an empty
  // document; A5 (session 15): so were a docx with empty paragraphs and an
  // html page of scripts, replacing the version indexed before.
  if (out.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return fail(Status::Unsupported(NoTextReason(*kind)));
  }
  out.bytes = bytes.size();
  out.characters = text::CodePoints(out.text);
  return out;
}

StatusOr<Extracted> ExtractFile(const std::filesystem::path& path, const ExtractOptions& options) {
  const std::string name = path.string();
  auto unreadable = [&name](int err) {
    return Status::IoError("Không đọc được tệp " + Quoted(name) + ": " + ErrnoText(err));
  };
  std::error_code ec;
  std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (ec == std::errc::no_such_file_or_directory || (!ec && !std::filesystem::exists(st))) {
    return Status::NotFound("Không tìm thấy tệp " + Quoted(name));
  }
  if (ec) return unreadable(ec.value());  // e.g. a folder above it may not be entered
  if (std::filesystem::is_directory(st)) {
    return Status::InvalidArgument("\"" + name + "\" là thư mục, không phải tệp");
  }
  const std::string not_a_file =
      "Bỏ qua tệp " + Quoted(name) + ": không phải tệp thông thường mà là thiết bị hoặc socket";
  if (IsDevice(st.type())) return Status::Unsupported(not_a_file);
  // open/read rather than a stream: errno says why ("không có quyền đọc").
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return unreadable(errno);
  struct stat info;
  if (fstat(fd, &info) != 0) {
    int err = errno;
    close(fd);
    return unreadable(err);
  }
  if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode)) {  // replaced since the check above
    close(fd);
    return Status::Unsupported(not_a_file);
  }
  uint64_t size = static_cast<uint64_t>(info.st_size);
  if (size > options.max_bytes) {
    close(fd);
    return Status::Unsupported("Bỏ qua tệp " + Quoted(name) + ": tệp lớn " + Megabytes(size) +
                               ", vượt giới hạn " + Megabytes(options.max_bytes));
  }
  std::string bytes;
  bytes.reserve(size);
  int err = ReadAtMost(fd, options.max_bytes, &bytes);
  close(fd);
  if (err != 0) return unreadable(err);
  if (bytes.size() > options.max_bytes) {
    return Status::Unsupported("Bỏ qua tệp " + Quoted(name) + ": chưa hết tệp đã vượt giới hạn " +
                               Megabytes(options.max_bytes));
  }
  return ExtractBytes(bytes, name, options);
}

Status CheckSupported(const std::filesystem::path& path) {
  const std::string name = path.string();
  auto skip = [&name](const std::string& why) {
    return Status::Unsupported("Bỏ qua tệp " + Quoted(name) + ": " + why);
  };
  std::string ext = Extension(name);
  Kind kind = KindByExtension(ext);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("Không đọc được tệp " + Quoted(name));
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
  if (head.empty()) return skip("tệp rỗng");
  Kind by_content = KindByContent(head);
  if (by_content != Kind::kUnknown) kind = by_content;
  switch (kind) {
    case Kind::kOldWord:
      return skip("tệp Word cũ (.doc) chưa được hỗ trợ; hãy lưu lại thành .docx");
    case Kind::kRtf:
      return skip("định dạng RTF chưa được hỗ trợ; hãy lưu lại thành .docx");
    case Kind::kImage:
      return OcrAvailable() ? Status::Ok()
                            : skip("tệp ảnh cần OCR nhưng bản vanban này không có OCR");
    case Kind::kUnknown:
      if (DetectEncoding(head).binary) return skip("tệp nhị phân, không phải văn bản");
      return skip("định dạng " + ext +
                  " không được hỗ trợ (chỉ đọc txt, docx, pdf, html, md và ảnh)");
    case Kind::kText:
      // No extension: text only when it is not binary.
      if (ext.empty() && DetectEncoding(head).binary)
        return skip("tệp nhị phân, không phải văn bản");
      return Status::Ok();
    default:
      return Status::Ok();
  }
}

bool IsSupportedFile(const std::filesystem::path& path) { return CheckSupported(path).ok(); }

}  // namespace vanban::ingest
