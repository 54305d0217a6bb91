// vanban: the command-line entry point. Parses arguments and calls the
// libraries; no logic of its own.
#include <clocale>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C.UTF-8");
  CLI::App app{"vanban — tra cứu văn bản hành chính, pháp luật Việt Nam (ngoại tuyến)"};
  app.require_subcommand(1);
  int exit_code = 0;
  vanban::cli::AddAnalyzeCommand(app, &exit_code);
  vanban::cli::AddCitesCommand(app, &exit_code);
  vanban::cli::AddCatalogCommand(app, &exit_code);
  vanban::cli::AddExtractCommand(app, &exit_code);
  vanban::cli::AddIndexCommand(app, &exit_code);
  vanban::cli::AddSearchCommands(app, &exit_code);
  vanban::cli::AddServeCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help prints and exits 0; every other parse error is bad usage (2).
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return exit_code;
}
