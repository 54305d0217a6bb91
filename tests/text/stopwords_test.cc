// The stopword list (src/text/stopwords.cc).
#include "text/stopwords.h"

#include <gtest/gtest.h>

namespace vanban::text {
namespace {

TEST(StopwordsTest, FunctionWordsOnly) {
  for (const char* w : {"và", "của", "các", "những", "là", "được", "để", "với", "này", "hoặc"}) {
    EXPECT_TRUE(IsStopword(w)) << w;
  }
  // Content words and legally meaningful words are not stopwords.
  for (const char* w :
       {"dân", "vận", "luật", "không", "phải", "điều", "ủy", "nơi", "do", "", "Và"}) {
    EXPECT_FALSE(IsStopword(w)) << w;
  }
}

}  // namespace
}  // namespace vanban::text
