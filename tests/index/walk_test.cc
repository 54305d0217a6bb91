#include "index/walk.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace vanban::index {
namespace {

// A4 (QA 21): the fingerprint holds the inode's ctime; the fingerprints of
// indexes made before (without it) are read as ctime 0.
TEST(FingerprintTest, ParsesBothFormatsAndFormatsTheNewOne) {
  struct Case {
    std::string value;
    std::string parsed;  // Format() of the result, or "-" for nullopt
  };
  const Case cases[] = {
      {"19021:1765000000123456789:1765000000987654321:eb2ea08d6266b2da:442ee61f",
       "19021:1765000000123456789:1765000000987654321:eb2ea08d6266b2da:442ee61f"},
      {"19021:1765000000123456789:1765000000987654321:eb2ea08d6266b2da:",
       "19021:1765000000123456789:1765000000987654321:eb2ea08d6266b2da:"},
      // Before QA 21: size:mtime_ns:hash:cat.
      {"19021:1765000000123456789:eb2ea08d6266b2da:442ee61f",
       "19021:1765000000123456789:0:eb2ea08d6266b2da:442ee61f"},
      {"19021:1765000000123456789:eb2ea08d6266b2da:",
       "19021:1765000000123456789:0:eb2ea08d6266b2da:"},
      {"442ee61f", "-"},  // a catalog record's entry hash
      {"", "-"},
      {"x:1:2:h:", "-"},
      {"1:2:3:4:5:6", "-"},
  };
  for (const Case& c : cases) {
    std::optional<Fingerprint> f = Fingerprint::Parse(c.value);
    EXPECT_EQ(f ? f->Format() : "-", c.parsed) << c.value;
  }
}

TEST(FingerprintTest, AStoredFingerprintWithoutTheCtimeNeverMatchesAFile) {
  Fingerprint file{19021, 1765000000123456789, 1765000000987654321, "", "442ee61f"};
  auto old = Fingerprint::Parse("19021:1765000000123456789:eb2ea08d6266b2da:442ee61f");
  ASSERT_TRUE(old.has_value());
  EXPECT_FALSE(old->SameStat(file));
  auto stored =
      Fingerprint::Parse("19021:1765000000123456789:1765000000987654321:eb2ea08d6266b2da:442ee61f");
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->SameStat(file));
  file.ctime += 1;  // written again, the mtime set back
  EXPECT_FALSE(stored->SameStat(file));
  // The same content whatever the times.
  EXPECT_TRUE(old->SameContent(*stored));
  EXPECT_EQ(old->ContentKey(), "19021:eb2ea08d6266b2da");
}

}  // namespace
}  // namespace vanban::index
