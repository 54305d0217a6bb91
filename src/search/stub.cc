#include "search/stub.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <utility>
#include <vector>

#include "base/os_error.h"

namespace vanban::search {

namespace {

namespace fs = std::filesystem;

constexpr const char* kLineForms =
    "mỗi dòng là auto THƯ-MỤC-CHỈ-MỤC hoặc remote MÁY:CỔNG; ghi chú ở dòng riêng, bắt đầu "
    "bằng #";

// Xapian's own test for a single-file glass database (check_if_single_file_db).
bool IsSingleFileDatabase(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[14];
  return in.read(magic, sizeof(magic)) && std::memcmp(magic, "\x0f\x0dXapian Glass", 14) == 0;
}

std::string_view Trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1);
}

// `word` for a message, when it is short and printable ASCII; else empty:
// a file that is no stub (a PDF given as --db) is not echoed.
std::string Shown(std::string_view word) {
  if (word.empty() || word.size() > 40) return "";
  for (char c : word) {
    if (c <= ' ' || c > '~') return "";
  }
  return std::string(word);
}

class StubReader {
 public:
  Status Read(const std::string& file);
  Stub Take() { return std::move(out_); }

 private:
  Status ReadLine(const std::string& file, int line_no, const std::string& line);
  Status Local(const std::string& file, int line_no, const std::string& type,
               const std::string& value);
  Status Remote(const std::string& where, const std::string& value);
  // The stubs being read, then `last`: "a.stub dòng 2 → b.stub dòng 1 → a.stub".
  std::string Chain(const std::string& last) const;

  // A stub file being read (outermost first), and the line being read.
  struct Reading {
    dev_t dev;
    ino_t ino;
    std::string file;
    int line = 0;
  };
  std::vector<Reading> reading_;
  Stub out_;
};

std::string StubReader::Chain(const std::string& last) const {
  std::string chain;
  for (const Reading& r : reading_) chain += r.file + " dòng " + std::to_string(r.line) + " → ";
  return chain + last;
}

Status StubReader::Read(const std::string& file) {
  struct stat st;
  if (stat(file.c_str(), &st) != 0) {
    return Status::IoError("không đọc được tệp stub " + file + ": " + ErrnoText(errno));
  }
  for (const Reading& r : reading_) {
    if (r.dev == st.st_dev && r.ino == st.st_ino) {
      return Status::InvalidArgument("tệp stub " + r.file + " nêu lại chính nó (" + Chain(file) +
                                     "): một tệp stub không được nêu chính nó, trực tiếp hay qua "
                                     "tệp stub khác; hãy bỏ dòng đó");
    }
  }
  if (reading_.size() >= static_cast<size_t>(kMaxStubDepth)) {
    return Status::InvalidArgument("tệp stub " + reading_.front().file + " lồng quá " +
                                   std::to_string(kMaxStubDepth) + " tầng tệp stub (" +
                                   Chain(file) +
                                   "); hãy nêu thẳng các thư mục chỉ mục trong ít tầng hơn");
  }
  std::ifstream in(file);
  if (!in) return Status::IoError("không đọc được tệp stub " + file + ": " + ErrnoText(errno));
  out_.files.push_back(file);
  reading_.push_back({st.st_dev, st.st_ino, file});
  std::string line;
  while (std::getline(in, line)) {
    int line_no = ++reading_.back().line;
    if (line.empty() || line[0] == '#') continue;
    if (Status s = ReadLine(file, line_no, line); !s.ok()) return s;
  }
  reading_.pop_back();
  return Status::Ok();
}

Status StubReader::ReadLine(const std::string& file, int line_no, const std::string& line) {
  // As Xapian splits it: the type up to the first space, the value after it.
  size_t space = std::min(line.find(' '), line.size());
  std::string type = line.substr(0, space);
  std::string value = space < line.size() ? line.substr(space + 1) : "";
  std::string where = file + ", dòng " + std::to_string(line_no);
  if (type.empty()) {
    return Status::InvalidArgument("tệp stub " + where + ": dòng bắt đầu bằng khoảng trắng; " +
                                   kLineForms);
  }
  if (type == "auto" || type == "glass") return Local(file, line_no, type, value);
  if (type == "remote") return Remote(where, value);
  if (type == "tcp") {
    // The form of some old Xapian documentation.
    return Status::InvalidArgument("tệp stub " + where +
                                   ": dạng “tcp MÁY CỔNG” không dùng được với Xapian 1.4; hãy "
                                   "viết remote MÁY:CỔNG");
  }
  std::string shown = Shown(type);
  return Status::InvalidArgument("tệp stub " + where + ": không hiểu dòng này" +
                                 (shown.empty() ? "" : " (bắt đầu bằng “" + shown + "”)") + "; " +
                                 kLineForms);
}

Status StubReader::Local(const std::string& file, int line_no, const std::string& type,
                         const std::string& value) {
  std::string where = file + ", dòng " + std::to_string(line_no);
  if (Trim(value).empty()) {
    return Status::InvalidArgument("tệp stub " + where + ": thiếu thư mục chỉ mục sau “" + type +
                                   "”; " + kLineForms);
  }
  fs::path p(value);
  if (p.is_relative()) p = fs::path(file).parent_path() / p;
  std::string path = p.string();
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    // Xapian takes the whole rest of the line as the folder's name.
    if (size_t hash = value.find('#'); hash != std::string::npos) {
      return Status::InvalidArgument("tệp stub " + where + ": Xapian đọc cả phần sau “" + type +
                                     " ” là tên thư mục, kể cả ghi chú “" +
                                     std::string(Trim(value.substr(hash))) +
                                     "”; hãy đặt ghi chú ở một dòng riêng, bắt đầu bằng #");
    }
    if (std::string_view name = Trim(value);
        name.size() < value.size() && value.compare(0, name.size(), name) == 0) {
      return Status::InvalidArgument(
          "tệp stub " + where + ": có khoảng trắng ở cuối dòng, sau “" + std::string(name) +
          "”, mà Xapian đọc là một phần của tên thư mục; hãy xoá nó (tệp soạn trên Windows: hãy "
          "lưu với kiểu xuống dòng LF)");
    }
    return Status::NotFound("tệp stub " + file + " nêu một chỉ mục không có (dòng " +
                            std::to_string(line_no) + ": " + path +
                            "): hãy lập chỉ mục đó bằng vanban index --db THƯ-MỤC-CHỈ-MỤC, hoặc "
                            "sửa tệp stub");
  }
  if (type == "auto") {
    if (std::string nested = StubFileOf(path); !nested.empty()) return Read(nested);
  }
  bool database = S_ISDIR(st.st_mode) ? fs::exists(p / "iamglass")
                                      : S_ISREG(st.st_mode) && IsSingleFileDatabase(path);
  if (!database) {
    return Status::InvalidArgument("tệp stub " + where + ": " + path +
                                   " không phải chỉ mục (không có tệp iamglass của Xapian); hãy "
                                   "nêu thư mục đã lập bằng vanban index --db THƯ-MỤC-CHỈ-MỤC");
  }
  StubShard shard;
  shard.path = std::move(path);
  shard.where = where;
  out_.shards.push_back(std::move(shard));
  return Status::Ok();
}

Status StubReader::Remote(const std::string& where, const std::string& value) {
  constexpr const char* kForm = "remote MÁY:CỔNG, ví dụ remote 10.0.0.2:33333";
  StubShard shard;
  shard.where = where;
  if (!value.empty() && value[0] == ':') {
    // A program speaking Xapian's remote protocol on its standard streams.
    size_t space = std::min(value.find(' '), value.size());
    shard.kind = StubShard::Kind::kRemoteProgram;
    shard.program = value.substr(1, space - 1);
    shard.args = space < value.size() ? value.substr(space + 1) : "";
    if (shard.program.empty()) {
      return Status::InvalidArgument("tệp stub " + where +
                                     ": thiếu tên chương trình sau “remote :”");
    }
    out_.shards.push_back(std::move(shard));
    return Status::Ok();
  }
  size_t end = std::min(value.find_first_of(" \t\r"), value.size());
  std::string address = value.substr(0, end);
  // Xapian reads the port up to its first non-digit, so a comment after it
  // is ignored (README's example); anything else after it is a mistake.
  std::string_view rest = Trim(std::string_view(value).substr(end));
  if (address.empty()) {
    return Status::InvalidArgument("tệp stub " + where + ": thiếu MÁY:CỔNG sau “remote” (" + kForm +
                                   ")");
  }
  if (!rest.empty() && rest[0] != '#') {
    return Status::InvalidArgument("tệp stub " + where + ": thừa chữ sau " + address +
                                   "; ghi chú ở dòng riêng, bắt đầu bằng #");
  }
  size_t colon = address.rfind(':');
  bool bracketed = address.front() == '[' && address.back() == ']';  // IPv6 without a port
  if (colon == std::string::npos || bracketed) {
    return Status::InvalidArgument("tệp stub " + where + ": thiếu cổng sau tên máy (" + kForm +
                                   ")");
  }
  shard.kind = StubShard::Kind::kRemoteTcp;
  shard.host = address.substr(0, colon);
  if (shard.host.size() >= 2 && shard.host.front() == '[' && shard.host.back() == ']') {
    shard.host = shard.host.substr(1, shard.host.size() - 2);
  }
  std::string port = address.substr(colon + 1);
  bool digits = !port.empty() && port.size() <= 5 &&
                port.find_first_not_of("0123456789") == std::string::npos;
  shard.port = digits ? static_cast<unsigned>(std::stoul(port)) : 0;
  if (shard.port == 0 || shard.port > 65535) {
    std::string shown = Shown(port);
    return Status::InvalidArgument("tệp stub " + where + ": cổng" +
                                   (shown.empty() ? "" : " “" + shown + "”") +
                                   " không phải là số từ 1 đến 65535 (" + kForm + ")");
  }
  if (shard.host.empty()) {
    return Status::InvalidArgument("tệp stub " + where + ": thiếu tên máy trước cổng (" + kForm +
                                   ")");
  }
  out_.shards.push_back(std::move(shard));
  return Status::Ok();
}

}  // namespace

std::string StubFileOf(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return "";
  if (S_ISREG(st.st_mode)) return IsSingleFileDatabase(path) ? "" : path;
  fs::path dir(path);
  std::error_code ec;
  if (S_ISDIR(st.st_mode) && !fs::exists(dir / "iamglass", ec) &&
      fs::is_regular_file(dir / "XAPIANDB", ec)) {
    return (dir / "XAPIANDB").string();
  }
  return "";
}

StatusOr<Stub> ReadStub(const std::string& path) {
  StubReader reader;
  if (Status s = reader.Read(path); !s.ok()) return s;
  return reader.Take();
}

}  // namespace vanban::search
