// Stub files read by vanban before Xapian opens them (search/stub.h): the
// shards they name, and each mistake told in Vietnamese with its line.
#include "search/stub.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "search/searcher.h"
#include "support/shared_data.h"

namespace vanban::search {
namespace {
namespace fs = std::filesystem;

class StubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::ScratchDir("vanban-stub");
    // ReadStub looks for Xapian's marker file only.
    fs::create_directories(dir_ / "shard-1");
    std::ofstream(dir_ / "shard-1" / "iamglass");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& lines) {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << lines;
    return path.string();
  }

  fs::path dir_;
};

// X4 (QA 20) broke: two stubs naming each other crashed `vanban search` and
// `vanban serve` (Xapian recursed until the stack overflowed); a stub naming
// itself was said to name "an index that does not exist (Too many open
// files)".
TEST_F(StubTest, AStubNamingItselfIsRefusedNamingTheFiles) {
  std::string a = Write("loopa.stub", "auto loopb.stub\nauto shard-1\n");
  std::string b = Write("loopb.stub", "auto loopa.stub\n");
  auto loop = Searcher::Open(a);
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.status().message(),
            "tệp stub " + a + " nêu lại chính nó (" + a + " dòng 1 → " + b + " dòng 1 → " + a +
                "): một tệp stub không được nêu chính nó, trực tiếp hay qua tệp stub khác; hãy bỏ "
                "dòng đó");
  std::string self = Write("self.stub", "# itself:\nauto self.stub\nauto shard-1\n");
  auto itself = Searcher::Open(self);
  ASSERT_FALSE(itself.ok());
  EXPECT_EQ(itself.status().message(),
            "tệp stub " + self + " nêu lại chính nó (" + self + " dòng 2 → " + self +
                "): một tệp stub không được nêu chính nó, trực tiếp hay qua tệp stub khác; hãy bỏ "
                "dòng đó");
}

TEST_F(StubTest, StubsNestedTooDeepAreRefused) {
  Write("s5.stub", "auto shard-1\n");
  for (int i = 4; i >= 1; --i) {
    Write("s" + std::to_string(i) + ".stub", "auto s" + std::to_string(i + 1) + ".stub\n");
  }
  auto deep = ReadStub((dir_ / "s1.stub").string());
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(deep.status().message().find("lồng quá 4 tầng tệp stub"), std::string::npos)
      << deep.status().message();
  // Four levels are read: the shard is the last one's.
  auto four = ReadStub((dir_ / "s2.stub").string());
  ASSERT_TRUE(four.ok()) << four.status().message();
  ASSERT_EQ(four->shards.size(), 1u);
  EXPECT_EQ(fs::path(four->shards[0].path), dir_ / "shard-1");
  EXPECT_EQ(four->files.size(), 4u);
}

// A nested stub's relative paths are relative to its own folder, as Xapian
// reads them; a stub folder (XAPIANDB) is a stub too.
TEST_F(StubTest, NestedStubsJoinTheirShardsInOrder) {
  fs::create_directories(dir_ / "sub" / "shard-2");
  std::ofstream(dir_ / "sub" / "shard-2" / "iamglass");
  Write("sub/inner.stub", "glass shard-2\nremote [::1]:33333\n");
  Write("folder/XAPIANDB", "remote :xapian-progsrv /srv/shard-4\n");
  std::string all = Write(
      "all.stub",
      "# shards\n\nauto shard-1\nauto sub/inner.stub\nremote 10.0.0.2:33333   # xapian-tcpsrv\n"
      "auto folder\n");
  auto stub = ReadStub(all);
  ASSERT_TRUE(stub.ok()) << stub.status().message();
  ASSERT_EQ(stub->shards.size(), 5u);
  EXPECT_EQ(fs::path(stub->shards[0].path), dir_ / "shard-1");
  EXPECT_EQ(stub->shards[0].where, all + ", dòng 3");
  EXPECT_EQ(fs::path(stub->shards[1].path), dir_ / "sub" / "shard-2");
  EXPECT_EQ(stub->shards[2].kind, StubShard::Kind::kRemoteTcp);
  EXPECT_EQ(stub->shards[2].host, "::1");
  EXPECT_EQ(stub->shards[3].host, "10.0.0.2");
  EXPECT_EQ(stub->shards[3].port, 33333u);
  EXPECT_EQ(stub->shards[4].kind, StubShard::Kind::kRemoteProgram);
  EXPECT_EQ(stub->shards[4].program, "xapian-progsrv");
  EXPECT_EQ(stub->shards[4].args, "/srv/shard-4");
  EXPECT_EQ(StubFileOf((dir_ / "folder").string()), (dir_ / "folder" / "XAPIANDB").string());
  EXPECT_EQ(StubFileOf((dir_ / "shard-1").string()), "");
}

// X6 (QA 20) broke: a bad line was told in Xapian's English only ("Bad
// line"), a port that is not a number was read as 0 ("is xapian-tcpsrv
// running?"), a comment after an `auto` line became part of the folder's
// name ("names an index that does not exist"), and a folder that is no
// index was to be indexed.
TEST_F(StubTest, EachMistakeIsToldWithItsLine) {
  struct Case {
    std::string lines, message;  // the message after "tệp stub FILE"
  };
  const Case cases[] = {
      {"auto shard-1\nbogus line here\n",
       ", dòng 2: không hiểu dòng này (bắt đầu bằng “bogus”); mỗi dòng là auto "
       "THƯ-MỤC-CHỈ-MỤC hoặc remote MÁY:CỔNG; ghi chú ở dòng riêng, bắt đầu bằng #"},
      {"auto shard-1\ntcp 127.0.0.1 18122\n",
       ", dòng 2: dạng “tcp MÁY CỔNG” không dùng được với Xapian 1.4; hãy viết remote "
       "MÁY:CỔNG"},
      {"remote 127.0.0.1:notaport\n",
       ", dòng 1: cổng “notaport” không phải là số từ 1 đến 65535 (remote MÁY:CỔNG, ví dụ "
       "remote 10.0.0.2:33333)"},
      {"remote 127.0.0.1\n",
       ", dòng 1: thiếu cổng sau tên máy (remote MÁY:CỔNG, ví dụ remote 10.0.0.2:33333)"},
      {"remote 127.0.0.1:80 shard-2\n",
       ", dòng 1: thừa chữ sau 127.0.0.1:80; ghi chú ở dòng riêng, bắt đầu bằng #"},
      {"auto shard-1 # local shard\n",
       ", dòng 1: Xapian đọc cả phần sau “auto ” là tên thư mục, kể cả ghi chú “# local shard”; "
       "hãy đặt ghi chú ở một dòng riêng, bắt đầu bằng #"},
      {"auto shard-1 \n",
       ", dòng 1: có khoảng trắng ở cuối dòng, sau “shard-1”, mà Xapian đọc là một phần của tên "
       "thư mục; hãy xoá nó (tệp soạn trên Windows: hãy lưu với kiểu xuống dòng LF)"},
      {" auto shard-1\n",
       ", dòng 1: dòng bắt đầu bằng khoảng trắng; mỗi dòng là auto THƯ-MỤC-CHỈ-MỤC hoặc remote "
       "MÁY:CỔNG; ghi chú ở dòng riêng, bắt đầu bằng #"},
  };
  for (const Case& c : cases) {
    std::string stub = Write("bad.stub", c.lines);
    auto read = ReadStub(stub);
    ASSERT_FALSE(read.ok()) << c.lines;
    EXPECT_EQ(read.status().message(), "tệp stub " + stub + c.message) << c.lines;
    // `vanban search` and `vanban serve` say the same.
    auto opened = Searcher::Open(stub);
    ASSERT_FALSE(opened.ok()) << c.lines;
    EXPECT_EQ(opened.status().message(), read.status().message());
  }
  fs::create_directories(dir_ / "not-an-index");
  std::string stub = Write("etc.stub", "auto shard-1\nauto not-an-index\n");
  auto read = ReadStub(stub);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message(),
            "tệp stub " + stub + ", dòng 2: " + (dir_ / "not-an-index").string() +
                " không phải chỉ mục (không có tệp iamglass của Xapian); hãy nêu thư mục đã lập "
                "bằng vanban index --db THƯ-MỤC-CHỈ-MỤC");
  stub = Write("missing.stub", "auto shard-1\n\nauto shard-9\n");
  read = ReadStub(stub);
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(read.status().IsNotFound());
  EXPECT_EQ(read.status().message(),
            "tệp stub " + stub +
                " nêu một chỉ mục không có (dòng 3: " + (dir_ / "shard-9").string() +
                "): hãy lập chỉ mục đó bằng vanban index --db THƯ-MỤC-CHỈ-MỤC, hoặc sửa tệp stub");
}

}  // namespace
}  // namespace vanban::search
