// vanban's web server: the search and browsing pages, the JSON API and the
// static files of web/, over a vanban index (see README, "Web" and "JSON").
// Create() then Bind*() then Run() (blocks) on one thread; Stop() from any
// other thread (e.g. a signal-waiting thread) makes Run() return.
#ifndef VANBAN_SERVER_SERVER_H_
#define VANBAN_SERVER_SERVER_H_

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/searcher_pool.h"

namespace vanban::server {

struct ServerOptions {
  std::string db_dir = "index";
  std::filesystem::path web_dir;  // empty: DefaultWebDir()
  int threads = 32;               // HTTP worker threads, and the most Searchers open
  std::ostream* log = nullptr;    // one line per request; null: no log
  // After a remote shard failed, requests get a 503 at once for this long,
  // then one tries again (SearcherPool).
  std::chrono::milliseconds retry_after = SearcherPool::kRetryAfter;
};

// $VANBAN_WEB_DIR, else ./web when it has templates, else the source tree's web/.
std::filesystem::path DefaultWebDir();

class Server {
 public:
  // Opens the index at options.db_dir (errors name it) and loads the
  // templates from web_dir/templates. A remote shard unavailable then
  // (Status::Unavailable) is told in the log, and the server starts.
  static StatusOr<std::unique_ptr<Server>> Create(const ServerOptions& options);
  // Same, with Searchers made by `factory` (tests: an in-memory index).
  static StatusOr<std::unique_ptr<Server>> Create(const ServerOptions& options,
                                                  SearcherPool::Factory factory);
  ~Server();

  // Binds to `host`:`port`. Errors name the address.
  Status Bind(const std::string& host, int port);
  // Binds to a free port on `host`; returns it, or an error.
  StatusOr<int> BindToAnyPort(const std::string& host);
  // Serves until Stop(). Returns false when the listener failed.
  bool Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::server

#endif  // VANBAN_SERVER_SERVER_H_
