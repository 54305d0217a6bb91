// Status and StatusOr<T>: the result of an operation that can fail, carried
// across module boundaries (after LevelDB's status.h and absl::StatusOr).
// A Status is a value type; it is thread-compatible.
#ifndef VANBAN_BASE_STATUS_H_
#define VANBAN_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace vanban {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad input from a user or a file
    kIoError,          // the file system or the database failed
    kCorruption,       // the data is malformed (zip, pdf, index)
    kUnsupported,      // a format or feature vanban does not handle
    kAmbiguous,        // more than one answer and no way to choose
    kInternal,
    kUnavailable,  // a remote database failed or did not answer in time; may work later
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Ambiguous(std::string msg) { return Status(Code::kAmbiguous, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }
  static Status Unavailable(std::string msg) { return Status(Code::kUnavailable, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  // The message a person can act on (Vietnamese for user-facing errors).
  const std::string& message() const { return message_; }
  // "NotFound: message", for logs and tests.
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-OK Status. Accessing value() on an error is a
// programming error (it throws std::bad_variant_access).
template <typename T>
class StatusOr {
 public:
  StatusOr(const T& value) : v_(value) {}                 // NOLINT: implicit by design
  StatusOr(T&& value) : v_(std::move(value)) {}           // NOLINT
  StatusOr(Status status) : v_(std::move(status)) {}      // NOLINT; must not be OK

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace vanban

#endif  // VANBAN_BASE_STATUS_H_
