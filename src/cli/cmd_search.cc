// Placeholder until this layer lands; replaced by the layer's command.
#include "cli/commands.h"

namespace vanban::cli {
void AddSearchCommands(CLI::App& app, int* exit_code) {}
}  // namespace vanban::cli
