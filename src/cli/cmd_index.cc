// `vanban index [--db DIR] [--rebuild] [--catalog FILE] [PATH...]`: indexes
// the corpus (default corpus/) into the Xapian database (default index/) in
// one atomic commit, with a progress bar on a terminal and a summary.
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "index/indexer.h"
#include "index/progress.h"

namespace vanban::cli {
namespace {

index::Cancellation g_cancel;
// Whether the database folder existed when the run began: what a cancelled
// run leaves is the old index, or nothing written.
volatile sig_atomic_t g_had_index = 0;
// A progress bar stands on stderr's last line: a message starts below it.
volatile sig_atomic_t g_bar_drawn = 0;

// Writes a string literal from a signal handler (write(2) is
// async-signal-safe; printf is not).
template <size_t N>
void SignalSafeWrite(const char (&message)[N]) {
  ssize_t unused = write(STDERR_FILENO, message, N - 1);
  (void)unused;
}

// A second signal ends the process at once; the old index still stays
// (nothing is swapped in before the commit; the temporary folder of a
// rebuild is removed by the next run).
void OnSecondInterrupt(int) {
  if (g_bar_drawn) SignalSafeWrite("\n");
  if (g_had_index) {
    SignalSafeWrite("Đã dừng ngay; chỉ mục cũ được giữ nguyên.\n");
  } else {
    SignalSafeWrite("Đã dừng ngay; chưa ghi gì vào chỉ mục.\n");
  }
  _exit(130);
}

// Ctrl-C (SIGINT) and SIGTERM (kill, systemd, a container stopping) cancel
// the run: the writer stops after the files being analysed, temporary
// folders are removed and the old index stays. Said at once: a large file
// can take a while to finish. Past the run's point of no return (its
// commit, or the swap of a rebuild) the run completes, and that is said
// instead (A1, QA 23: the old index was promised, the new one swapped in).
void OnInterrupt(int signal) {
  bool stopping = g_cancel.Request();
  // A new line only below a bar (A8, QA 21: a log began with an empty line).
  if (g_bar_drawn) {
    g_bar_drawn = 0;
    SignalSafeWrite("\n");
  }
  if (!stopping) {
    SignalSafeWrite(
        "Đã quá bước cuối, không dừng được nữa: chỉ mục mới được giữ, lần chạy sẽ hoàn tất.\n");
    return;
  }
  std::signal(signal, OnSecondInterrupt);
  if (g_had_index) {
    SignalSafeWrite(
        "Đang dừng sau các tệp đang xử lý; chỉ mục cũ được giữ nguyên "
        "(Ctrl-C lần nữa để dừng ngay).\n");
  } else {
    SignalSafeWrite(
        "Đang dừng sau các tệp đang xử lý; chưa ghi gì vào chỉ mục "
        "(Ctrl-C lần nữa để dừng ngay).\n");
  }
}

struct IndexCommandOptions {
  std::string db = "index";
  bool rebuild = false;
  std::string catalog;
  int threads = 0;
  int writers = 0;
  std::vector<std::string> paths;
  bool quiet = false;
};

std::string Mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", bytes / 1048576.0);
  return buf;
}

// `text` on one line: a control character in a file name (a newline,
// a tab) is written as its C escape ("\n", "\t", "\x1b"), so that one
// entry of the report is one line.
std::string OneLine(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7F) {
      out.push_back(ch);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

// Progress on stderr: a redrawn bar on a terminal, a line every few
// seconds otherwise.
class ProgressPrinter {
 public:
  ProgressPrinter() : tty_(isatty(STDERR_FILENO)) {}
  void operator()(const index::IndexProgress& p) {
    if (p.waiting) {
      // A large file: said once on a terminal, every few seconds in a log.
      if (tty_ && p.current == waiting_for_) return;
      waiting_for_ = p.current;
      // Below the bar when one is drawn (A8, QA 21: an empty line before).
      std::fprintf(stderr, "%sĐang xử lý %s (%d/%d tệp xong, %s giây)\n", drawn_ > 0 ? "\n" : "",
                   OneLine(p.current).c_str(), p.files_done, p.files_total,
                   std::to_string(static_cast<int>(p.seconds)).c_str());
      drawn_ = 0;
      g_bar_drawn = 0;
      return;
    }
    bool last = p.files_done == p.files_total;
    if (!last && p.seconds - shown_ < (tty_ ? 0.1 : 5.0)) return;
    shown_ = p.seconds;
    if (tty_) {
      // Fitted to the terminal's width, asked each time (it may be
      // resized); spaces cover what is left of a longer line before.
      int columns = TerminalWidth();
      std::string line = index::ProgressBarLine(p, columns);
      int width = index::TerminalColumns(line);
      line += std::string(std::max(std::min(drawn_, columns - 1) - width, 0), ' ');
      drawn_ = width;
      std::fprintf(stderr, "\r%s", line.c_str());
      g_bar_drawn = 1;
      if (last) {
        std::fputc('\n', stderr);
        drawn_ = 0;
        g_bar_drawn = 0;
      }
    } else {
      double rate = p.seconds > 0 ? p.bytes_done / 1048576.0 / p.seconds : 0;
      std::fprintf(stderr, "Đã xử lý %d/%d tệp (%s/%s MB, %.1f MB/s)\n", p.files_done,
                   p.files_total, Mb(p.bytes_done).c_str(), Mb(p.bytes_total).c_str(), rate);
    }
  }

 private:
  // The columns of stderr's terminal; 80 when it cannot be asked.
  static int TerminalWidth() {
    struct winsize size;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
  }

  bool tty_;
  int drawn_ = 0;  // columns of the bar line drawn last
  double shown_ = -1;
  std::string waiting_for_;  // the file a `waiting` line was printed for
};

// One line per file added or updated: what ingest found in it, so an admin
// sees at once a wrong encoding, a scanned PDF or a poor OCR page.
void PrintFileReports(const index::IndexSummary& s) {
  for (const auto& f : s.files) {
    std::string line =
        (f.updated ? "  ~ " : "  + ") + OneLine(f.path) + " [" + f.id + "] " + f.format;
    if (!f.encoding.empty()) line += ", " + f.encoding;
    if (f.pages > 0) line += ", " + std::to_string(f.pages) + " trang";
    line += ", " + std::to_string(f.characters) + " ký tự";
    if (f.ocr)
      line += ", OCR độ tin cậy " + std::to_string(static_cast<int>(f.ocr_confidence + 0.5)) + "%";
    std::printf("%s\n", line.c_str());
    for (const auto& w : f.warnings) std::printf("      cảnh báo: %s\n", w.c_str());
  }
}

// Skipped files and folders, each with its reason and whether its previous
// version stays in the index.
void PrintSkipped(const index::IndexSummary& s) {
  if (s.skipped.empty()) return;
  std::printf("Bỏ qua %zu tệp:\n", s.skipped.size());
  for (const auto& k : s.skipped) {
    std::string line = "  " + OneLine(k.path) + ": " + OneLine(k.reason);
    if (k.kept > 0 && k.folder) {
      line += "; vẫn giữ " + std::to_string(k.kept) + " văn bản đã lập chỉ mục trong thư mục này";
    } else if (k.kept > 0) {
      line += "; vẫn giữ bản đã lập chỉ mục trước đó";
    }
    std::printf("%s\n", line.c_str());
  }
  if (s.kept > 0) {
    std::printf(
        "%d văn bản có tệp bị bỏ qua vẫn ở trong chỉ mục theo bản trước: sửa tệp (hay quyền đọc) "
        "rồi chạy lại để cập nhật, hoặc xoá hẳn tệp để gỡ văn bản khỏi chỉ mục.\n",
        s.kept);
  }
}

void PrintSummary(const index::IndexSummary& s, const std::string& db) {
  std::printf("Xong trong %.1f giây: thêm %d, cập nhật %d, xoá %d, không đổi %d", s.seconds,
              s.added, s.updated, s.removed, s.unchanged);
  if (s.kept > 0) std::printf(", giữ bản cũ %d", s.kept);
  std::printf(", bản ghi danh mục (không có toàn văn) %d", s.catalog_records);
  if (s.catalog_records_added > 0) std::printf(" (mới thêm %d)", s.catalog_records_added);
  std::printf(".\n");
  // Only of files analysed: a run that analysed none said "0, 0" (I7).
  if (!s.files.empty()) {
    std::printf(
        "Dẫn chiếu tới văn bản khác trong các tệp vừa phân tích: đã xác định %d, chưa xác định "
        "%d; tự dẫn chiếu %d.\n",
        s.citations_resolved, s.citations_unresolved, s.citations_self);
  }
  if (!s.formats.empty()) {
    std::string line;
    for (const auto& [format, n] : s.formats) {
      line += (line.empty() ? "" : ", ") + format + " " + std::to_string(n);
    }
    std::printf("Định dạng: %s (%s MB).\n", line.c_str(), Mb(s.bytes).c_str());
  }
  if (!s.catalog_note.empty()) std::printf("Danh mục: %s.\n", s.catalog_note.c_str());
  for (const auto& w : s.warnings) std::printf("Cảnh báo: %s\n", OneLine(w).c_str());
  if (!s.removed_files.empty()) {
    std::printf(
        "Xoá khỏi chỉ mục %zu văn bản (tệp không còn, hoặc không còn trong các đường dẫn "
        "đã cho, trừ khi ghi lý do khác):\n",
        s.removed_files.size());
    for (const auto& f : s.removed_files) {
      std::string note = f.note.empty() ? "" : " (" + OneLine(f.note) + ")";
      std::printf("  - %s [%s]%s\n", OneLine(f.path).c_str(), f.id.c_str(), note.c_str());
    }
  }
  PrintSkipped(s);
  std::printf("Chỉ mục %s có %d văn bản.\n", db.c_str(), s.documents);
}

int RunIndex(const IndexCommandOptions& o) {
  index::IndexOptions options;
  for (const auto& p : o.paths) options.paths.emplace_back(p);
  if (options.paths.empty()) options.paths.emplace_back("corpus");
  options.catalog = o.catalog;
  options.rebuild = o.rebuild;
  options.threads = o.threads;
  options.writers = o.writers;
  ProgressPrinter printer;
  options.on_progress = [&printer](const index::IndexProgress& p) { printer(p); };
  options.cancel = &g_cancel;
  std::error_code ec;
  g_had_index = std::filesystem::exists(o.db, ec) ? 1 : 0;
  auto previous_int = std::signal(SIGINT, OnInterrupt);
  auto previous_term = std::signal(SIGTERM, OnInterrupt);
  // A signal the parent blocked (and that may be pending already) reaches
  // the handler as well.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
  auto result = index::IndexDatabase(o.db, options);
  std::signal(SIGINT, previous_int);
  std::signal(SIGTERM, previous_term);
  if (!result.ok()) {
    std::fprintf(stderr, "Lỗi: %s\n", result.status().message().c_str());
    return 1;
  }
  if (!o.quiet) PrintFileReports(*result);
  PrintSummary(*result, o.db);
  const auto& s = *result;
  bool nothing = s.added + s.updated + s.unchanged == 0 && !s.skipped.empty();
  if (s.documents == 0 || nothing) {
    // Every file failed: exit 1 even when their previous versions stay.
    std::string kept =
        s.kept > 0 ? " (chỉ mục vẫn giữ " + std::to_string(s.kept) + " văn bản theo bản trước)"
                   : "";
    std::fprintf(stderr, "Lỗi: không lập chỉ mục được %s nào%s.\n",
                 s.documents == 0 ? "văn bản" : "tệp", kept.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void AddIndexCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<IndexCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "index", "Lập chỉ mục các tệp văn bản (mặc định corpus/) / index documents");
  cmd->add_option("--db", o->db, "Thư mục chỉ mục / index folder (mặc định index)");
  cmd->add_flag("--rebuild", o->rebuild, "Lập lại từ đầu / rebuild from scratch");
  cmd->add_option("--catalog", o->catalog, "Tệp danh mục / catalog file (catalog.toml)");
  cmd->add_option("--threads", o->threads, "Số luồng phân tích / analysis threads (0: tự động)")
      ->transform(Decimal("--threads"))
      ->check(CLI::Range(0, 64));
  cmd->add_option("--writers", o->writers,
                  "Số luồng ghi khi lập mới chỉ mục (0: tự động, 1: một luồng, không gộp) / "
                  "shard writers for a fresh build")
      ->transform(Decimal("--writers"))
      ->check(CLI::Range(0, 64));
  cmd->add_flag("--quiet,-q", o->quiet,
                "Không in từng tệp, chỉ in tổng kết / summary only, no per-file lines");
  cmd->add_option("paths", o->paths, "Tệp hoặc thư mục / files or folders (mặc định corpus)");
  cmd->callback([o, exit_code] { *exit_code = RunIndex(*o); });
}

}  // namespace vanban::cli
