// How every `--json` command of the `vanban` executable prints its answer.
// Header-only; no state.
#ifndef VANBAN_CLI_JSON_OUTPUT_H_
#define VANBAN_CLI_JSON_OUTPUT_H_

#include <iostream>
#include <nlohmann/json.hpp>

namespace vanban::cli {

// Writes `j` to stdout, indented by 2, and a newline. Bytes that are not
// UTF-8 (a file name in Latin-1, a catalog path) become U+FFFD instead of
// nlohmann's type_error 316, which would abort the process. `Json` is
// nlohmann::json or nlohmann::ordered_json.
template <class Json>
void PrintJson(const Json& j) {
  std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace vanban::cli

#endif  // VANBAN_CLI_JSON_OUTPUT_H_
