#include "server/server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <ostream>
#include <set>
#include <string_view>
#include <thread>

#include "server/bounded_server.h"
#include "server/html.h"
#include "server/server_internal.h"

namespace vanban::server {

namespace {

// Set by the pre-routing handler, read by the logger: httplib runs both on
// the worker thread that handles the request.
thread_local std::chrono::steady_clock::time_point request_start;
thread_local bool request_started = false;

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool IsApi(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

// `s` for one log line: control bytes (CR, LF, ESC, NUL) as "\xNN", so a
// request cannot forge log lines or send escapes to a terminal (W4).
std::string LogSafe(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (IsControlByte(c) || c == '\\') {
      char hex[8];
      std::snprintf(hex, sizeof(hex), "\\x%02X", c);
      out += hex;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// httplib parses a Range header for every request and answers it on any
// handler's response, several ranges as one multipart body built in memory
// ("bytes=0-,0-,…": N copies of a page). Generated pages and the API are
// sent whole (RFC 9110 lets a server ignore Range), with status 200; a
// static file may be asked for one range (W1, W7).
void DropRanges(const httplib::Request& req, httplib::Response& res) {
  bool static_file = req.path.rfind("/static/", 0) == 0;
  if (static_file && req.ranges.size() <= 1) return;
  // The request is httplib's own non-const object, passed on as const.
  auto& request = const_cast<httplib::Request&>(req);
  request.ranges.clear();
  request.headers.erase("Range");
  if (!static_file) res.set_header("Accept-Ranges", "none");
}

}  // namespace

int HttpStatus(const Status& status) {
  switch (status.code()) {
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kInvalidArgument:
      return 400;
    case Status::Code::kIoError:
    case Status::Code::kUnavailable:
      return 503;  // the index cannot be read now (SearcherPool::Acquire)
    default:
      return 500;
  }
}

std::string PublicMessage(const RouteContext& ctx, const Status& status) {
  int http = HttpStatus(status);
  if (http < 500) return status.message();
  if (ctx.log_error) ctx.log_error(status);
  constexpr const char* kLogged = " (chi tiết đã được ghi vào nhật ký của máy chủ).";
  if (http == 503) {
    return std::string(
               "Máy chủ hiện không đọc được chỉ mục. Hãy thử lại sau ít phút; nếu vẫn lỗi, "
               "hãy báo người quản trị") +
           kLogged;
  }
  return std::string("Máy chủ gặp lỗi khi xử lý yêu cầu này; hãy báo người quản trị") + kLogged;
}

StatusOr<search::SearchResponse> SearchOrRetry(search::Searcher& searcher,
                                               const search::SearchRequest& request) {
  auto response = searcher.Search(request);
  if (response.ok() || searcher.remote_failure() != search::Searcher::RemoteFailure::kNone) {
    return response;
  }
  (void)searcher.Reopen();
  return searcher.Search(request);
}

Status NoSuchDocument(const std::string& key) {
  return Status::NotFound("Không có văn bản nào có mã, số hiệu hay tên “" + key +
                          "” trong chỉ mục.");
}

void SendJsonError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  nlohmann::json body{{"error", message}};
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

std::filesystem::path DefaultWebDir() {
  if (const char* env = std::getenv("VANBAN_WEB_DIR"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::exists("web/templates/layout.mustache", ec)) return "web";
  return VANBAN_DEFAULT_WEB_DIR;
}

struct Server::Impl {
  Impl(SearcherPool::Factory factory, int threads, std::chrono::milliseconds retry_after,
       Renderer r)
      : pool(std::move(factory), threads, retry_after), renderer(std::move(r)) {}
  SearcherPool pool;
  Renderer renderer;
  // A keep-alive connection holds its pool thread; with more connections than
  // threads the others wait. Handing the thread over after 8 requests cut
  // wrk's p99 at 64 connections from 3.9 s (100 requests) to 0.5 s.
  BoundedServer http{8};
  std::ostream* log = nullptr;
  std::mutex log_mu;
  // Run()/Stop() handshake: httplib's stop() is a no-op until its listen
  // loop has started, so a Stop() that came too early would be lost.
  enum RunState { kNotStarted, kRunning, kFinished };
  std::atomic<int> run_state{kNotStarted};
  std::atomic<bool> stop_requested{false};
  socket_t listen_socket = INVALID_SOCKET;  // set when httplib creates it

  void Configure(const std::filesystem::path& web_dir, int threads);
  void Log(const httplib::Request& req, const httplib::Response& res);
  // One line "<time> <what>: <status's message>" in the log.
  void LogError(const char* what, const Status& status);
  void OnError(const httplib::Request& req, httplib::Response& res);
  // `status` with `message`: JSON under /api/, else the error page.
  void SendError(const httplib::Request& req, httplib::Response& res, int status,
                 const std::string& message);
};

void Server::Impl::SendError(const httplib::Request& req, httplib::Response& res, int status,
                             const std::string& message) {
  if (IsApi(req.path)) {
    SendJsonError(res, status, message);
  } else {
    res.status = status;
    res.set_content(renderer.ErrorPage(status, message), "text/html; charset=utf-8");
  }
}

void Server::Impl::Log(const httplib::Request& req, const httplib::Response& res) {
  if (log == nullptr) return;
  double ms = -1;
  if (request_started) {
    ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_start)
             .count();
    request_started = false;
  }
  char buf[64];
  std::snprintf(buf, sizeof(buf), " %d %.1f ms\n", res.status, ms);
  std::string line = UtcNow() + " " + LogSafe(req.method) + " " + LogSafe(req.path) + buf;
  std::lock_guard<std::mutex> lock(log_mu);
  *log << line << std::flush;
}

void Server::Impl::LogError(const char* what, const Status& status) {
  if (log == nullptr) return;
  std::string line = UtcNow() + " " + what + ": " + LogSafe(status.message()) + "\n";
  std::lock_guard<std::mutex> lock(log_mu);
  *log << line << std::flush;
}

void Server::Impl::OnError(const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty()) return;  // a handler already wrote its own error page
  // httplib answers 400 to a request line it refuses (a method it does not
  // know: "FOO", "get") before decoding the path: only `target` is set
  // (X8, QA 20: an API client got the HTML page, and no Allow header).
  const std::string& path = req.path.empty() ? req.target : req.path;
  static const std::set<std::string> kKnownMethods = {
      "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"};
  std::string message;
  if (res.status == 400 && !req.method.empty() && !kKnownMethods.count(req.method)) {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    message = "Không hỗ trợ phương thức " + CleanInput(req.method) + ": chỉ dùng GET hoặc HEAD";
  } else if (res.status == 404) {
    message = "Không có trang này: " + CleanInput(req.path);
  } else if (res.status == 414) {
    // httplib's limit on a request line (compiled into Debian's
    // libcpp-httplib); the search box's maxlength keeps its queries under it.
    // httplib answers before parsing the line: `req.path` is empty, so an
    // API request gets the page too (README, "HTTP API").
    message = "Địa chỉ yêu cầu dài quá " +
              std::to_string(CPPHTTPLIB_REQUEST_URI_MAX_LENGTH / 1024) +
              " KB nên không đọc được. Từ khóa tìm kiếm chỉ dùng " +
              std::to_string(search::SearchRequest::kMaxQueryBytes) +
              " byte đầu: hãy rút ngắn từ khóa rồi tìm lại.";
  } else {
    message = "Yêu cầu không hợp lệ (mã " + std::to_string(res.status) + ")";
  }
  if (IsApi(path)) {
    SendJsonError(res, res.status, message);
  } else {
    res.set_content(renderer.ErrorPage(res.status, message), "text/html; charset=utf-8");
  }
}

void ConfigureListenSocket(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const void*>(&yes), sizeof(yes));
}

void Server::Impl::Configure(const std::filesystem::path& web_dir, int threads) {
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // httplib writes headers and body separately; without TCP_NODELAY, Nagle
  // holds the body until the client's delayed ACK (~40 ms per keep-alive
  // response, measured in bench/server). Accepted sockets inherit it.
  http.set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, with which a
  // second `vanban serve` on a busy port would silently share it.
  http.set_socket_options([this](socket_t sock) {
    ConfigureListenSocket(sock);
    listen_socket = sock;
  });
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                             "base-uri 'none'; frame-ancestors 'none'"}});
  http.set_mount_point("/static", (web_dir / "static").string(),
                       {{"Cache-Control", "public, max-age=3600"}});
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    request_started = true;
    DropRanges(req, res);
    // A control byte in the path ("/static/app.js%00.html") names no page
    // or file; httplib would open "app.js" and label it text/html (W6).
    if (std::any_of(req.path.begin(), req.path.end(),
                    [](char c) { return IsControlByte(static_cast<unsigned char>(c)); })) {
      res.status = 404;
      return httplib::Server::HandlerResponse::Handled;
    }
    // Every page and API route is read-only. Answered before any body is
    // read: a POST without Content-Length got httplib's 400, others a 404
    // "no such page" for routes that exist.
    if (req.method == "GET" || req.method == "HEAD") {
      // httplib reads no body of a GET: it would have read this one as the
      // next request (an 800 MB body was answered 200, and held 1.25 GB).
      // BoundedServer closes the connection after the answer (W2, QA 22).
      auto length = req.get_header_value<uint64_t>("Content-Length");
      if (length <= kMaxPayloadBytes) return httplib::Server::HandlerResponse::Unhandled;
      SendError(req, res, 413,
                "Yêu cầu gửi kèm " + std::to_string(length) + " byte nội dung, quá giới hạn " +
                    std::to_string(kMaxPayloadBytes / 1024) +
                    " KB; các trang và API chỉ đọc địa chỉ yêu cầu, không đọc nội dung gửi kèm.");
      return httplib::Server::HandlerResponse::Handled;
    }
    res.set_header("Allow", "GET, HEAD");
    if (req.method == "OPTIONS") {
      res.status = 204;
      return httplib::Server::HandlerResponse::Handled;
    }
    SendError(req, res, 405, "Không hỗ trợ phương thức " + req.method + ": chỉ dùng GET hoặc HEAD");
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_logger(
      [this](const httplib::Request& req, const httplib::Response& res) { Log(req, res); });
  pool.set_error_log([this](const Status& s) { LogError("lỗi mở chỉ mục", s); });
  http.set_error_handler(
      [this](const httplib::Request& req, httplib::Response& res) { OnError(req, res); });
  http.set_exception_handler([this](const httplib::Request& req, httplib::Response& res,
                                    std::exception_ptr error) {
    // Nothing should throw past the handlers; if it does, answer 500
    // instead of dropping the connection, and log what it was (C12:
    // nothing was logged).
    std::string what = "(không rõ)";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    LogError("lỗi không lường trước", Status::Internal(req.method + " " + req.path + ": " + what));
    std::string message =
        "Máy chủ gặp lỗi khi xử lý yêu cầu này; hãy báo người quản trị (chi tiết đã được "
        "ghi vào nhật ký của máy chủ).";
    if (IsApi(req.path)) {
      SendJsonError(res, 500, message);
    } else {
      res.set_content(renderer.ErrorPage(500, message), "text/html; charset=utf-8");
    }
    res.status = 500;
  });
  RouteContext context{&pool, &renderer, [this](const Status& s) { LogError("lỗi", s); }};
  RegisterPages(http, context);
  RegisterApi(http, context);
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  std::string db = options.db_dir;
  return Create(options, [db]() { return search::Searcher::Open(db); });
}

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options,
                                                 SearcherPool::Factory factory) {
  std::filesystem::path web = options.web_dir.empty() ? DefaultWebDir() : options.web_dir;
  auto templates = Templates::Load(web / "templates");
  if (!templates.ok()) return templates.status();
  int threads = std::clamp(options.threads, 1, 1024);
  auto impl = std::make_unique<Impl>(std::move(factory), threads, options.retry_after,
                                     Renderer(std::move(templates).value()));
  impl->log = options.log;
  if (Status s = impl->pool.Warm(); !s.ok()) {
    // X7 (QA 20): a remote shard down at start-up kept the server down,
    // though at run time it answers 503 and recovers by itself: the
    // machine that boots first decided whether search came up.
    if (s.code() != Status::Code::kUnavailable) return s;
    impl->LogError("cảnh báo",
                   Status::Unavailable(s.message() +
                                       "; máy chủ vẫn chạy, trả lời 503 cho các trang cần chỉ mục "
                                       "cho đến khi máy chủ chỉ mục đó trả lời"));
  }
  impl->Configure(web, threads);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

void WidenListenBacklog(socket_t sock) {
  // Listening again only changes the backlog (Linux); on failure the
  // socket keeps httplib's, which still works.
  if (sock != INVALID_SOCKET) ::listen(sock, kListenBacklog);
}

Status Server::Bind(const std::string& host, int port) {
  if (!impl_->http.bind_to_port(host, port)) {
    return Status::IoError("Không mở được cổng " + host + ":" + std::to_string(port) +
                           " (cổng đang bận hoặc địa chỉ sai)");
  }
  WidenListenBacklog(impl_->listen_socket);
  return Status::Ok();
}

StatusOr<int> Server::BindToAnyPort(const std::string& host) {
  int port = impl_->http.bind_to_any_port(host);
  if (port < 0) return Status::IoError("Không mở được cổng nào trên " + host);
  WidenListenBacklog(impl_->listen_socket);
  return port;
}

bool Server::Run() {
  impl_->run_state = Impl::kRunning;
  bool ok = impl_->stop_requested ? true : impl_->http.listen_after_bind();
  impl_->run_state = Impl::kFinished;
  return ok;
}

void Server::Stop() {
  if (!impl_) return;
  impl_->stop_requested = true;
  // A Run() that started after the flag was set returns at once; one that
  // is entering httplib's loop is stopped as soon as the loop runs.
  bool stopped = false;
  while (impl_->run_state == Impl::kRunning) {
    if (!stopped && impl_->http.is_running()) {
      impl_->http.stop();  // once: httplib asserts its socket is still open
      stopped = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace vanban::server
