// Operating-system errors in the words users read: "không có quyền đọc" for
// EACCES, "không tồn tại" for ENOENT, so that no English strerror text
// reaches a message on its own. Pure functions; thread-safe.
#ifndef VANBAN_BASE_OS_ERROR_H_
#define VANBAN_BASE_OS_ERROR_H_

#include <string>
#include <system_error>

namespace vanban {

// Vietnamese reason for errno `err`; `writing` picks "ghi" over "đọc" for
// permission errors. Values without a wording of their own give "lỗi hệ
// thống N (strerror)".
std::string ErrnoText(int err, bool writing = false);
std::string ErrorText(const std::error_code& ec, bool writing = false);

}  // namespace vanban

#endif  // VANBAN_BASE_OS_ERROR_H_
