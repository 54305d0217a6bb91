// Xapian stub database files ("auto DIR" and "remote HOST:PORT" lines
// joining shards), read by vanban before anything is opened: Xapian follows
// a stub naming itself, or two naming each other, until the stack or the
// file descriptors run out, and tells a bad line in English only.
// Stateless and thread-safe.
#ifndef VANBAN_SEARCH_STUB_H_
#define VANBAN_SEARCH_STUB_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace vanban::search {

// One database a stub names.
struct StubShard {
  enum class Kind {
    kLocal,          // `auto DIR` or `glass DIR`: a database on this machine
    kRemoteTcp,      // `remote HOST:PORT`: served by xapian-tcpsrv
    kRemoteProgram,  // `remote :PROGRAM ARGS`: served by a program (xapian-progsrv)
  };
  Kind kind = Kind::kLocal;
  std::string path;     // kLocal: the database, resolved against its stub's folder
  std::string host;     // kRemoteTcp
  unsigned port = 0;    // kRemoteTcp
  std::string program;  // kRemoteProgram
  std::string args;     // kRemoteProgram
  std::string where;    // the line naming it, for messages: "all.stub, dòng 3"
};

struct Stub {
  std::vector<StubShard> shards;   // in the order Xapian joins them (docid order)
  std::vector<std::string> files;  // the stub files read: the first, then those it names
};

// Stub files naming stub files may nest this deep (the first is level 1).
inline constexpr int kMaxStubDepth = 4;

// The stub file `path` stands for: `path` itself when it is a regular file
// that is not a single-file database, `path`/XAPIANDB for a stub folder;
// empty for a database (or nothing).
std::string StubFileOf(const std::string& path);

// Reads the stub file `path` as Xapian 1.4 reads it: one "TYPE VALUE" a
// line, VALUE being the rest of the line after one space; empty lines and
// lines starting with # are skipped; relative paths are relative to the
// stub's folder; an `auto` line naming a stub file (or folder) joins that
// stub's databases. Errors say, in Vietnamese, which file and line is
// wrong and why: InvalidArgument for a line vanban cannot read, a stub
// naming itself (directly or through others) or stubs nested deeper than
// kMaxStubDepth, a folder that is no index; NotFound for a database that is
// not there; IoError for a stub that cannot be read. A stub naming nothing
// gives no shards and no error.
StatusOr<Stub> ReadStub(const std::string& path);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_STUB_H_
