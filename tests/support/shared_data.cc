#include "support/shared_data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace vanban::testing {

std::filesystem::path SourceDir() { return VANBAN_SOURCE_DIR; }

std::filesystem::path SharedDir() {
  std::filesystem::path dir;
  if (const char* env = std::getenv("VANBAN_SHARED_DIR"); env && *env) {
    dir = env;
  } else {
    dir = SourceDir() / ".." / "shared";
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(dir / "corpus", ec)) return {};
  return std::filesystem::weakly_canonical(dir, ec);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace vanban::testing
