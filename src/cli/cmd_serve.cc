// `vanban serve`: the web UI and JSON API over an index.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "cli/commands.h"

#ifdef VANBAN_HAVE_SERVER
#include "server/server.h"

namespace vanban::cli {

namespace {

struct ServeOptions {
  std::string db = "index";
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 32;
  std::string web;
};

// Blocks SIGINT/SIGTERM (and SIGUSR1, used to wake the waiter) in this
// thread and every thread it starts, so that only the waiter receives them.
sigset_t BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

int Serve(const ServeOptions& o) {
  server::ServerOptions options;
  options.db_dir = o.db;
  options.web_dir = o.web;
  options.threads = o.threads;
  options.log = &std::cerr;
  sigset_t signals = BlockStopSignals();
  auto server = server::Server::Create(options);
  if (!server.ok()) {
    std::cerr << "vanban serve: " << server.status().message() << "\n";
    return 1;
  }
  if (Status s = (*server)->Bind(o.host, o.port); !s.ok()) {
    std::cerr << "vanban serve: " << s.message() << "\n";
    return 1;
  }
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (sig != SIGUSR1) std::cerr << "vanban serve: nhận tín hiệu dừng, đang tắt máy chủ…\n";
    (*server)->Stop();
  });
  std::cout << "vanban: đang phục vụ tại http://" << o.host << ":" << o.port
            << "/  (chỉ mục: " << o.db << "; Ctrl+C để dừng)" << std::endl;
  bool ok = (*server)->Run();
  pthread_kill(waiter.native_handle(), SIGUSR1);  // wakes the waiter if no signal came
  waiter.join();
  std::cout << "vanban: đã dừng máy chủ." << std::endl;
  return ok ? 0 : 1;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Chạy máy chủ web tra cứu (Serve the web UI and JSON API over an index)");
  cmd->add_option("--db", options->db,
                  "Thư mục chỉ mục, hoặc tệp stub Xapian ghép nhiều phân đoạn / index folder or "
                  "Xapian stub file (mặc định index)");
  cmd->add_option("--host", options->host,
                  "Địa chỉ lắng nghe; mặc định chỉ máy này (listen address, loopback by default)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "Cổng (port)")
      ->transform(Decimal("--port"))
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Số luồng xử lý yêu cầu (worker threads)")
      ->transform(Decimal("--threads"))
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--web", options->web,
                  "Thư mục giao diện web/ (templates, static); mặc định tự tìm");
  cmd->callback([options, exit_code] { *exit_code = Serve(*options); });
}

}  // namespace vanban::cli

#else  // vanban_server is not built (its dependencies are missing)

namespace vanban::cli {
void AddServeCommand(CLI::App& app, int* exit_code) {
  app.add_subcommand("serve", "Máy chủ web (chưa được biên dịch trong bản này)")
      ->callback([exit_code] {
        std::cerr << "vanban serve: bản này được biên dịch không có máy chủ web.\n";
        *exit_code = 1;
      });
}
}  // namespace vanban::cli

#endif  // VANBAN_HAVE_SERVER
