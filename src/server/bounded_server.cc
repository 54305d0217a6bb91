#include "server/bounded_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vanban::server {

namespace {

// The library's defaults (CPPHTTPLIB_*_SECOND), which vanban keeps.
constexpr std::chrono::milliseconds kReadTimeout{CPPHTTPLIB_READ_TIMEOUT_SECOND * 1000};
constexpr std::chrono::milliseconds kWriteTimeout{CPPHTTPLIB_WRITE_TIMEOUT_SECOND * 1000};
constexpr std::chrono::milliseconds kKeepAliveTimeout{CPPHTTPLIB_KEEPALIVE_TIMEOUT_SECOND * 1000};

// poll() for `events` on `sock`: > 0 ready, 0 timed out, < 0 error.
int Poll(socket_t sock, short events, std::chrono::milliseconds timeout) {
  pollfd fd{sock, events, 0};
  for (;;) {
    int n = ::poll(&fd, 1, static_cast<int>(timeout.count()));
    if (n >= 0 || errno != EINTR) return n;
  }
}

// "ip", port of a socket address (getpeername/getsockname), as httplib
// gives them to Request::remote_addr and local_addr.
void IpAndPort(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port) {
  char host[NI_MAXHOST] = "";
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, nullptr, 0,
                  NI_NUMERICHOST) == 0) {
    ip = host;
  }
  if (addr.ss_family == AF_INET) {
    port = ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port);
  } else if (addr.ss_family == AF_INET6) {
    port = ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
  }
}

// Whether `req` says a body follows its headers.
bool AnnouncesBody(const httplib::Request& req) {
  return req.has_header("Transfer-Encoding") ||
         (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
}

}  // namespace

void BoundedSocketStream::StartRequest() {
  request_bytes_ = 0;
  in_first_line_ = true;
  limit_reached_ = false;
}

size_t BoundedSocketStream::Allowance() const {
  // One byte past the line's limit, so that the library sees a line too
  // long and answers 414 itself.
  size_t limit = in_first_line_ ? kMaxRequestLineBytes + 1 : kMaxRequestBytes;
  return request_bytes_ < limit ? limit - request_bytes_ : 0;
}

bool BoundedSocketStream::WaitForRequest(std::chrono::milliseconds timeout,
                                         const std::function<bool()>& stopping) {
  if (begin_ < end_) return true;  // a pipelined request
  constexpr std::chrono::milliseconds kSlice{50};
  for (auto waited = std::chrono::milliseconds::zero(); waited < timeout; waited += kSlice) {
    if (stopping()) return false;
    int n = Poll(sock_, POLLIN, std::min(kSlice, timeout - waited));
    if (n != 0) return n > 0;
  }
  return false;
}

bool BoundedSocketStream::is_readable() const {
  return begin_ < end_ || Poll(sock_, POLLIN, kReadTimeout) > 0;
}

bool BoundedSocketStream::is_writable() const {
  if (Poll(sock_, POLLOUT, kWriteTimeout) <= 0) return false;
  // As the library's is_socket_alive(): a socket that reads as ended is a
  // client gone.
  if (Poll(sock_, POLLIN, std::chrono::milliseconds::zero()) == 0) return true;
  char byte;
  return ::recv(sock_, &byte, 1, MSG_PEEK) > 0;
}

ssize_t BoundedSocketStream::read(char* ptr, size_t size) {
  size_t allowed = Allowance();
  if (allowed == 0) {
    limit_reached_ = true;
    return 0;
  }
  if (begin_ == end_) {
    if (!is_readable()) return -1;
    ssize_t n;
    do {
      n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    begin_ = 0;
    end_ = static_cast<size_t>(n);
  }
  size_t n = std::min(std::min(size, allowed), end_ - begin_);
  const char* from = buffer_.data() + begin_;
  if (in_first_line_ && std::memchr(from, '\n', n) != nullptr) in_first_line_ = false;
  std::memcpy(ptr, from, n);
  begin_ += n;
  request_bytes_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t BoundedSocketStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  ssize_t n;
  do {
    n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void BoundedSocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    IpAndPort(addr, len, ip, port);
  }
}

void BoundedSocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    IpAndPort(addr, len, ip, port);
  }
}

BoundedServer::BoundedServer(size_t max_requests) : max_requests_(max_requests) {
  // The library writes these into its Keep-Alive header.
  set_keep_alive_max_count(max_requests);
  set_keep_alive_timeout(CPPHTTPLIB_KEEPALIVE_TIMEOUT_SECOND);
  set_payload_max_length(kMaxPayloadBytes);
}

// The library's loop (detail::process_server_socket), with one stream for
// the connection instead of one per request, so that a pipelined request
// read ahead into its buffer is not lost.
bool BoundedServer::process_and_close_socket(socket_t sock) {
  BoundedSocketStream stream(sock);
  auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
  bool ok = false;
  for (size_t left = max_requests_; left > 0; --left) {
    if (!stream.WaitForRequest(kKeepAliveTimeout, stopping)) break;
    stream.StartRequest();
    bool client_closes = false;
    bool unread_body = false;
    ok = process_request(stream, /*close_connection=*/left == 1, client_closes,
                         [&unread_body](httplib::Request& req) {
                           if (!AnnouncesBody(req)) return;
                           unread_body = true;
                           // The library then answers "Connection: close".
                           req.headers.erase("Connection");
                           req.set_header("Connection", "close");
                         });
    if (!ok || client_closes || unread_body || stream.limit_reached()) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace vanban::server
