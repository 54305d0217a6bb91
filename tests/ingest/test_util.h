// Helpers for the ingest tests: temporary directories, running converters
// (iconv, recode) on text, and the reference texts from ../shared.
#ifndef VANBAN_TESTS_INGEST_TEST_UTIL_H_
#define VANBAN_TESTS_INGEST_TEST_UTIL_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::ingest::testing {

// A fresh directory under the build tree, removed by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Pipes `input` through a shell command (e.g. "recode -f utf8..vni");
// nullopt when the command fails.
std::optional<std::string> Pipe(const std::string& command, std::string_view input);

// The plan and the six legal texts (../shared/corpus), NFC.
std::vector<std::filesystem::path> SharedCorpusTexts();
// Every Markdown file of ../shared/bench/large-corpus.
std::vector<std::filesystem::path> LargeCorpusFiles();

// Levenshtein distance over code points.
size_t EditDistance(std::u32string_view a, std::u32string_view b);
std::u32string CodePoints(std::string_view utf8);
// 1 - distance / length of `expected`, over code points.
double CharAccuracy(std::string_view expected, std::string_view actual);

// Collapses all whitespace runs to one space (for comparisons that must
// not depend on line layout).
std::string CollapseSpaces(std::string_view s);

}  // namespace vanban::ingest::testing

#endif  // VANBAN_TESTS_INGEST_TEST_UTIL_H_
