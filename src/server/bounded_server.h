// httplib's server with a bound on how much one request may make it read.
// Debian's libcpp-httplib (0.11.4) reads a request line or a header line up
// to its "\n" into a growing buffer and compares it with its 8 KB limit only
// then: one endless line held ~1.4 × its length in memory (W2, QA 22). A
// BoundedSocketStream belongs to the one pool thread serving its connection.
#ifndef VANBAN_SERVER_BOUNDED_SERVER_H_
#define VANBAN_SERVER_BOUNDED_SERVER_H_

#include <httplib.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace vanban::server {

// The library's request-line limit, "\r\n" included (compiled into
// libcpp-httplib.so: defining the macro for our sources changes nothing).
inline constexpr size_t kMaxRequestLineBytes = CPPHTTPLIB_REQUEST_URI_MAX_LENGTH;
// The body a request may send (`set_payload_max_length`); no route reads one.
inline constexpr size_t kMaxPayloadBytes = 64 * 1024;
// All a request may send: its line, its headers and any body.
inline constexpr size_t kMaxRequestBytes = 32 * 1024 + kMaxPayloadBytes;

// A connection's socket as an httplib::Stream (what the library's own
// SocketStream does: 5 s read and write timeouts, a 4 KB read buffer) that
// hands the library at most kMaxRequestLineBytes + 1 bytes of a request's
// first line and kMaxRequestBytes of a request. Past that a read returns 0,
// end of input, as if the client had stopped there: the library answers 414
// to the cut line, 400 to cut headers, and the connection is closed.
class BoundedSocketStream : public httplib::Stream {
 public:
  explicit BoundedSocketStream(socket_t sock) : sock_(sock) {}

  // Starts a request: its line and its size are counted from here.
  void StartRequest();
  // Whether a read of this request was refused for a limit.
  bool limit_reached() const { return limit_reached_; }
  // Waits for a next request's first byte: false after `timeout`, when the
  // client closed or `stopping()` says so (asked every 50 ms).
  bool WaitForRequest(std::chrono::milliseconds timeout, const std::function<bool()>& stopping);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  // Bytes the current request may still read.
  size_t Allowance() const;

  socket_t sock_;
  std::array<char, 4096> buffer_{};
  size_t begin_ = 0;  // buffer_[begin_, end_) is received, not yet read
  size_t end_ = 0;
  size_t request_bytes_ = 0;  // read by the current request
  bool in_first_line_ = true;
  bool limit_reached_ = false;
};

// httplib::Server serving each connection through a BoundedSocketStream:
// the library's own request parsing (`process_request`, protected for
// servers that bring their own stream, as its SSLServer does) behind a
// bounded stream. A connection is also closed after a request that
// announced a body (Content-Length, Transfer-Encoding): no route reads one,
// and the library would parse it as the next request.
class BoundedServer : public httplib::Server {
 public:
  // At most `max_requests` requests per connection (keep-alive).
  explicit BoundedServer(size_t max_requests);

 private:
  bool process_and_close_socket(socket_t sock) override;

  size_t max_requests_;
};

}  // namespace vanban::server

#endif  // VANBAN_SERVER_BOUNDED_SERVER_H_
