// Subcommands of the `vanban` executable. Each Add*Command registers its
// options and a callback on `app`; the callback sets *exit_code.
// Exit codes: 0 success, 1 failure (not found, nothing indexed, db error),
// 2 bad usage (CLI11 reports it).
#ifndef VANBAN_CLI_COMMANDS_H_
#define VANBAN_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace vanban::cli {

void AddAnalyzeCommand(CLI::App& app, int* exit_code);   // cmd_analyze.cc (text)
void AddCitesCommand(CLI::App& app, int* exit_code);     // cmd_legal.cc: cites
void AddCatalogCommand(CLI::App& app, int* exit_code);   // cmd_legal.cc: catalog
void AddExtractCommand(CLI::App& app, int* exit_code);   // cmd_extract.cc (ingest)
void AddIndexCommand(CLI::App& app, int* exit_code);     // cmd_index.cc
void AddSearchCommands(CLI::App& app, int* exit_code);   // cmd_search.cc: search, show, cited-by, missing
void AddServeCommand(CLI::App& app, int* exit_code);     // cmd_serve.cc

// For a whole-number option: the value written in decimal digits, leading
// zeros dropped ("010" is 10), else refused naming `flag`. CLI11 alone
// reads "010" as octal 8 and "0x10" as 16, where /api/search reads 10.
CLI::Validator Decimal(const std::string& flag);

}  // namespace vanban::cli

#endif  // VANBAN_CLI_COMMANDS_H_
