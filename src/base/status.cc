#include "base/status.h"

namespace vanban {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kNotFound: name = "NotFound"; break;
    case Code::kInvalidArgument: name = "InvalidArgument"; break;
    case Code::kIoError: name = "IoError"; break;
    case Code::kCorruption: name = "Corruption"; break;
    case Code::kUnsupported: name = "Unsupported"; break;
    case Code::kAmbiguous: name = "Ambiguous"; break;
    case Code::kInternal: name = "Internal"; break;
    case Code::kUnavailable:
      name = "Unavailable";
      break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace vanban
