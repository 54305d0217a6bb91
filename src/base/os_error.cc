#include "base/os_error.h"

#include <cerrno>
#include <cstring>

namespace vanban {

std::string ErrnoText(int err, bool writing) {
  switch (err) {
    case EACCES:
    case EPERM:
      return writing ? "không có quyền ghi" : "không có quyền đọc";
    case ENOENT:
      return "không tồn tại";
    case ENOTDIR:
      return "một phần của đường dẫn không phải thư mục";
    case EISDIR:
      return "là thư mục, không phải tệp";
    case ELOOP:
      return "vòng lặp liên kết tượng trưng";
    case ENAMETOOLONG:
      return "đường dẫn quá dài";
    case EROFS:
      return "hệ thống tệp chỉ cho đọc";
    case ENOSPC:
      return "hết chỗ trống trên đĩa";
    case EDQUOT:
      return "vượt hạn mức dung lượng đĩa";
    case EIO:
      return "lỗi vào/ra của thiết bị lưu trữ";
    case EMFILE:
    case ENFILE:
      return "quá nhiều tệp đang mở";
    case ENOMEM:
      return "không đủ bộ nhớ";
    case EBUSY:
    case ETXTBSY:
      return "đang được dùng";
    case EEXIST:
      return "đã tồn tại";
    case ENOTEMPTY:
      return "thư mục không rỗng";
    case EXDEV:
      return "nằm trên hệ thống tệp khác";
    case ESTALE:
      return "tệp trên ổ mạng không còn hợp lệ";
    default:
      return "lỗi hệ thống " + std::to_string(err) + " (" + std::strerror(err) + ")";
  }
}

std::string ErrorText(const std::error_code& ec, bool writing) {
  if (ec.category() == std::generic_category() || ec.category() == std::system_category()) {
    return ErrnoText(ec.value(), writing);
  }
  return ec.message();
}

}  // namespace vanban
