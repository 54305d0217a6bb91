#include "base/os_error.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace vanban {
namespace {

// Fault 6 broke: "Không đọc được tệp" gave no reason, and English strerror
// text ("Permission denied") reached users.
TEST(OsErrorTest, CommonErrorsAreVietnamese) {
  struct Case {
    int err;
    bool writing;
    const char* text;
  };
  const Case cases[] = {
      {EACCES, false, "không có quyền đọc"},
      {EACCES, true, "không có quyền ghi"},
      {EPERM, true, "không có quyền ghi"},
      {ENOENT, false, "không tồn tại"},
      {EISDIR, false, "là thư mục, không phải tệp"},
      {ENOSPC, true, "hết chỗ trống trên đĩa"},
      {EROFS, true, "hệ thống tệp chỉ cho đọc"},
      {EIO, false, "lỗi vào/ra của thiết bị lưu trữ"},
  };
  for (const Case& c : cases) EXPECT_EQ(ErrnoText(c.err, c.writing), c.text) << c.err;
  EXPECT_EQ(ErrorText(std::make_error_code(std::errc::permission_denied)), "không có quyền đọc");
  // Others keep the number and the system's words after a Vietnamese lead.
  EXPECT_EQ(ErrnoText(EPROTO).rfind("lỗi hệ thống " + std::to_string(EPROTO) + " (", 0), 0u);
}

}  // namespace
}  // namespace vanban
