#include "base/status.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban {
namespace {

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = Status::NotFound("không tìm thấy văn bản 'x'");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_EQ(s.ToString(), "NotFound: không tìm thấy văn bản 'x'");
}

TEST(StatusTest, StatusOrHoldsValueOrError) {
  StatusOr<std::string> v = std::string("10/2022/QH15");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, "10/2022/QH15");
  StatusOr<int> e = Status::InvalidArgument("tham số --limit phải là số dương");
  EXPECT_FALSE(e.ok());
  EXPECT_TRUE(e.status().IsInvalidArgument());
}

}  // namespace
}  // namespace vanban
