// Shared by server.cc, server_pages.cc and server_api.cc: what a route
// handler needs, and the status mapping. Not part of the library's API.
#ifndef VANBAN_SERVER_SERVER_INTERNAL_H_
#define VANBAN_SERVER_SERVER_INTERNAL_H_

#include <httplib.h>

#include <functional>
#include <string>

#include "base/status.h"
#include "server/render.h"
#include "server/searcher_pool.h"

namespace vanban::server {

struct RouteContext {
  SearcherPool* pool;
  const Renderer* renderer;
  // The server's error log (may be empty): what a 5xx answer does not tell
  // the reader (paths, Xapian's English).
  std::function<void(const Status&)> log_error;
};

// HTTP status for a failed Status: 404 not found, 400 bad input, 503 the
// index cannot be read, 500 else.
int HttpStatus(const Status& status);

// What the reader is told of a failed `status`: its message, or for a
// server-side failure (5xx) a plain Vietnamese one, the detail going to the
// error log (S6, session 14: "NetworkError: write failed … (Broken pipe)"
// reached the public page).
std::string PublicMessage(const RouteContext& ctx, const Status& status);

// `searcher`'s answer to `request`; after a failure, once more after a
// reopen (a reindex may have moved the revision on), but not after a remote
// shard's failure: that would wait for its timeout twice more (X3, QA 20).
StatusOr<search::SearchResponse> SearchOrRetry(search::Searcher& searcher,
                                               const search::SearchRequest& request);

// Loads one document with everything its pages show. With `cited_texts`,
// also the stored cited documents (for the print view).
StatusOr<DocumentView> LoadDocumentView(search::Searcher& searcher, const std::string& id,
                                        bool cited_texts);
// The same for a document already read (`searcher.Get`).
StatusOr<DocumentView> LoadDocumentView(search::Searcher& searcher, search::StoredDocument stored,
                                        bool cited_texts);

void RegisterPages(httplib::Server& http, const RouteContext& context);
void RegisterApi(httplib::Server& http, const RouteContext& context);

// {"error": message} with `status`.
// Options for the listening socket (accepted sockets inherit them):
// SO_REUSEADDR without SO_REUSEPORT (a second server on a busy port must
// fail), and TCP_NODELAY (no Nagle delay before each response body).
void ConfigureListenSocket(socket_t sock);

// Debian's libcpp-httplib listens with a backlog of 5 (compiled in). Under
// load the accept thread falls behind, the kernel drops new connections'
// SYNs and clients retry after 1 s, 3 s, 7 s: wrk's p99 at 64 connections
// was 1.7-5.3 s. The server widens it right after binding.
inline constexpr int kListenBacklog = 1024;
void WidenListenBacklog(socket_t sock);

void SendJsonError(httplib::Response& res, int status, const std::string& message);

// The 404 of a page or API route for `key` (an id, number or name) that
// names no indexed document.
Status NoSuchDocument(const std::string& key);

}  // namespace vanban::server

#endif  // VANBAN_SERVER_SERVER_INTERNAL_H_
