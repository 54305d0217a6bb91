// A test fixture for indexing tests: a scratch folder with an empty
// corpus/ into which tests write copies of real texts (never committed).
#ifndef VANBAN_TESTS_INDEX_SCRATCH_CORPUS_H_
#define VANBAN_TESTS_INDEX_SCRATCH_CORPUS_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/shared_data.h"

namespace vanban::index {

class ScratchCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
    dir_ = testing::ScratchDir(std::string("vanban-") + (suite ? suite->name() : "index"));
    std::filesystem::create_directories(Corpus());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path Corpus() const { return dir_ / "corpus"; }
  void Write(const std::string& name, const std::string& content) const {
    std::ofstream(Corpus() / name, std::ios::binary) << content;
  }
  std::string Plan() const { return testing::PlanText(); }

  std::filesystem::path dir_;
};

}  // namespace vanban::index

#endif  // VANBAN_TESTS_INDEX_SCRATCH_CORPUS_H_
