// In-process tests of every route: a real index of corpus/ (built in a
// temporary folder with the indexer), the server on bind_to_any_port +
// listen_after_bind on a thread, and httplib's client.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <latch>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "index/indexer.h"
#include "server/searcher_pool.h"
#include "server/server.h"
#include "server/server_internal.h"
#include "support/shared_data.h"

namespace vanban::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path TempDir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("vanban-server-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

Status IndexInto(const fs::path& db, const std::vector<fs::path>& paths) {
  index::IndexOptions options;
  options.paths = paths;
  options.threads = 2;
  auto summary = index::IndexDatabase(db.string(), options);
  return summary.ok() ? Status::Ok() : summary.status();
}

// The request log as the server writes it: httplib logs a request after its
// response is sent, from a server thread, so reads lock and wait.
class LogSink : public std::ostream {
 public:
  LogSink() : std::ostream(&buf_) {}
  // The log once it contains `needle` (or what there is after 5 s).
  std::string WaitFor(const std::string& needle) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    for (;;) {
      std::string text = buf_.Snapshot();
      if (text.find(needle) != std::string::npos || std::chrono::steady_clock::now() > deadline) {
        return text;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

 private:
  class Buf : public std::stringbuf {
   public:
    std::string Snapshot() {
      std::lock_guard<std::recursive_mutex> lock(mu_);
      return str();
    }

   protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
      std::lock_guard<std::recursive_mutex> lock(mu_);
      return std::stringbuf::xsputn(s, n);
    }
    int_type overflow(int_type c) override {
      std::lock_guard<std::recursive_mutex> lock(mu_);
      return std::stringbuf::overflow(c);
    }

   private:
    std::recursive_mutex mu_;  // xsputn calls overflow
  };
  Buf buf_;
};

class RoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The catalog's "shared:" text paths are relative to the repository;
    // the copied corpus finds them through VANBAN_SHARED_DIR.
    if (!vanban::testing::SharedDir().empty()) {
      setenv("VANBAN_SHARED_DIR", vanban::testing::SharedDir().c_str(), 1);
    }
    root_ = new fs::path(TempDir("routes"));
    fs::path corpus = *root_ / "corpus";
    fs::create_directories(corpus);
    // The repository's corpus (the plan and its catalog), copied so that
    // the reindex test can add to it.
    fs::copy(vanban::testing::SourceDir() / "corpus", corpus, fs::copy_options::recursive);
    Status s = IndexInto(*root_ / "index", {corpus});
    ASSERT_TRUE(s.ok()) << s.ToString();
    ServerOptions options;
    options.db_dir = (*root_ / "index").string();
    options.web_dir = vanban::testing::SourceDir() / "web";
    options.threads = 4;
    log_ = new LogSink;
    options.log = log_;
    auto server = Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = server->release();
    auto port = server_->BindToAnyPort("127.0.0.1");
    ASSERT_TRUE(port.ok());
    port_ = *port;
    thread_ = new std::thread([] { server_->Run(); });
  }

  static void TearDownTestSuite() {
    if (server_) server_->Stop();
    if (thread_) thread_->join();
    delete thread_;
    delete server_;
    delete log_;
    if (root_) fs::remove_all(*root_);
    delete root_;
  }

  httplib::Result Get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60);
    return client.Get(path);
  }

  // The plan's id, from the search API.
  std::string PlanId() {
    auto res = Get(
        "/api/"
        "search?q=d%C3%A2n%20v%E1%BA%ADn%20ch%C3%ADnh%20quy%E1%BB%81n%20Ng%E1%BB%8Dc%20K%E1%BB%B3");
    EXPECT_TRUE(res && res->status == 200);
    if (!res || res->status != 200) return "";
    auto body = json::parse(res->body);
    if (body["results"].empty()) return "";
    return body["results"][0]["id"];
  }

  static fs::path* root_;
  static Server* server_;
  static std::thread* thread_;
  static LogSink* log_;
  static int port_;
};

fs::path* RoutesTest::root_ = nullptr;
Server* RoutesTest::server_ = nullptr;
std::thread* RoutesTest::thread_ = nullptr;
LogSink* RoutesTest::log_ = nullptr;
int RoutesTest::port_ = 0;

// Regressions: httplib's default SO_REUSEPORT let a second server share a
// busy port; without TCP_NODELAY each keep-alive response waited ~40 ms for
// the client's delayed ACK (bench/server).
TEST(ListenSocketTest, NoReusePortAndNoDelay) {
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  ConfigureListenSocket(sock);
  int value = 0;
  socklen_t len = sizeof value;
  ASSERT_EQ(getsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &value, &len), 0);
  EXPECT_NE(value, 0);
  len = sizeof value;
  ASSERT_EQ(getsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &value, &len), 0);
  EXPECT_EQ(value, 0);
  len = sizeof value;
  ASSERT_EQ(getsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &value, &len), 0);
  EXPECT_NE(value, 0);
  close(sock);
}

// The backlog of this process's socket listening on `port` (TCP_INFO of a
// listening socket reports its maximum accept queue in tcpi_sacked), or -1.
int ListenBacklogOf(int port) {
  for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
    int fd = 0;
    try {
      fd = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    int listening = 0;
    socklen_t len = sizeof listening;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening) continue;
    sockaddr_in addr{};
    len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0 ||
        addr.sin_family != AF_INET || ntohs(addr.sin_port) != port) {
      continue;
    }
    tcp_info info{};
    len = sizeof info;
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0) return -1;
    return static_cast<int>(info.tcpi_sacked);
  }
  return -1;
}

// Regression: Debian's httplib listens with a backlog of 5; under load
// (wrk, 64 connections) the kernel dropped SYNs and clients waited 1-7 s
// for their retries (p99 1.7-5.3 s).
TEST_F(RoutesTest, ListenBacklogIsWide) {
  int somaxconn = 4096;
  std::ifstream("/proc/sys/net/core/somaxconn") >> somaxconn;
  EXPECT_EQ(ListenBacklogOf(port_), std::min(kListenBacklog, somaxconn));
}

// Regression: a Stop() that came before httplib's listen loop started was
// lost, and joining the server thread hung (seen on BusyPortIsAnError).
TEST(ServerStopTest, StopRightAfterStartingNeverHangs) {
  fs::path root = TempDir("stop");
  fs::create_directories(root / "corpus");
  std::ofstream(root / "corpus" / "a.txt") << "Kế hoạch này triển khai công tác dân vận.\n";
  ASSERT_TRUE(IndexInto(root / "index", {root / "corpus"}).ok());
  for (int i = 0; i < 20; ++i) {
    ServerOptions options;
    options.db_dir = (root / "index").string();
    options.web_dir = vanban::testing::SourceDir() / "web";
    auto server = Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    ASSERT_TRUE((*server)->BindToAnyPort("127.0.0.1").ok());
    std::thread run([&] { (*server)->Run(); });
    (*server)->Stop();
    run.join();  // hangs without the fix
  }
  fs::remove_all(root);
}

TEST_F(RoutesTest, HomePage) {
  auto res = Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(res->body.find("action=\"/tim-kiem\""), std::string::npos);
  EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
}

TEST_F(RoutesTest, SearchWithoutDiacriticsFindsThePlanFirst) {
  // With only catalog records beside it (no ../shared texts) the plan's long
  // text ranks below the short catalog titles; the users' case has the texts.
  VANBAN_REQUIRE_SHARED();
  auto res = Get("/tim-kiem?q=dan+van");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  std::string id = PlanId();
  ASSERT_FALSE(id.empty());
  size_t first_hit = res->body.find("<li class=\"hit\">");
  ASSERT_NE(first_hit, std::string::npos);
  size_t link = res->body.find("href=\"/van-ban/", first_hit);
  const std::string expected = "href=\"/van-ban/" + id + "\"";
  EXPECT_EQ(res->body.compare(link, expected.size(), expected), 0) << res->body.substr(link, 120);
  EXPECT_NE(res->body.find("Có phải bạn muốn tìm"), std::string::npos);
}

// Regression: a sentence citing several articles of the law ("khoản 4
// Điều 23; …; khoản 4 Điều 33 …") was kept under the first one only: the
// law's page lost the others, and nothing linked to the articles cited.
TEST_F(RoutesTest, CitingSentenceLinksEveryArticleItCites) {
  VANBAN_REQUIRE_SHARED();
  auto page = Get("/van-ban/luat-10-2022-qh15");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<span class=\"cited-parts\">Dẫn chiếu đến: <a href=\"#khoan-23-4\">"
                            "khoản 4 Điều 23</a>, <a href=\"#khoan-33-4\">khoản 4 Điều 33</a>"),
            std::string::npos);
  auto api = Get("/api/documents/luat-10-2022-qh15/cited-by");
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  std::set<std::string> cited;
  for (const auto& c : json::parse(api->body)) {
    if (c["id"] != "nghi-dinh-59-2023-nd-cp") continue;
    for (const auto& a : c["target_anchors"]) cited.insert(a.get<std::string>());
  }
  // Every article and clause of the law that Nghị định 59/2023 cites.
  EXPECT_EQ(cited.size(), 24u);
  EXPECT_EQ(cited.count("khoan-33-4"), 1u);
  EXPECT_EQ(cited.count("dieu-42"), 1u);
}

// T2 (trainer) broke: the contents list of Luật 10/2022 left out its 9
// "Tiểu mục" headings; Điều 30-45 and 56-81 sat straight under their Mục.
TEST_F(RoutesTest, ContentsListShowsEverySubsectionAboveItsArticles) {
  VANBAN_REQUIRE_SHARED();
  auto page = Get("/van-ban/luat-10-2022-qh15");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  size_t begin = page->body.find("<ol class=\"toc\">");
  ASSERT_NE(begin, std::string::npos);
  std::string toc = page->body.substr(begin, page->body.find("</ol>", begin) - begin);
  size_t subsections = 0;
  for (size_t at = toc.find("-tieu-muc-"); at != std::string::npos;
       at = toc.find("-tieu-muc-", at + 1)) {
    ++subsections;
  }
  EXPECT_EQ(subsections, 9u) << toc;
  EXPECT_NE(toc.find("<li class=\"toc-d2\"><a href=\"#chuong-2-muc-4-tieu-muc-1\">Tiểu mục 1. "
                     "NỘI DUNG, HÌNH THỨC KIỂM TRA, GIÁM SÁT</a></li>\n"
                     "<li class=\"toc-d3\"><a href=\"#dieu-30\">Điều 30."),
            std::string::npos)
      << toc;
  EXPECT_NE(toc.find("<li class=\"toc-d2\"><a href=\"#chuong-4-muc-1-tieu-muc-4\">Tiểu mục 4."),
            std::string::npos);
  EXPECT_NE(toc.find("<li class=\"toc-d3\"><a href=\"#dieu-81\">"), std::string::npos);
  // An article outside any Tiểu mục stays one level up.
  EXPECT_NE(toc.find("<li class=\"toc-d2\"><a href=\"#dieu-29\">"), std::string::npos);
}

// T9 (trainer) broke: cited-by pointed into the plan at its section
// "#muc-2", while the citation of Luật 10/2022 is in item II.3, which the
// plan's page names "Mục II.3" (#muc-2-3). The anchor is the unit the web
// label names; for a law, still the article.
TEST_F(RoutesTest, CitedByPointsWhereThePageSaysTheCitationIs) {
  VANBAN_REQUIRE_SHARED();
  std::string plan = PlanId();
  auto api = Get("/api/documents/luat-10-2022-qh15/cited-by");
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  json from_plan, from_decree;
  for (const auto& c : json::parse(api->body)) {
    if (c["id"] == plan && from_plan.is_null()) from_plan = c;
    if (c["id"] == "nghi-dinh-59-2023-nd-cp" && from_decree.is_null()) from_decree = c;
  }
  ASSERT_FALSE(from_plan.is_null()) << api->body;
  EXPECT_EQ(from_plan["anchor"], "muc-2-3");
  ASSERT_FALSE(from_decree.is_null());
  EXPECT_EQ(from_decree["anchor"].get<std::string>().rfind("dieu-", 0), 0u) << from_decree;
  auto page = Get("/van-ban/" + plan);
  ASSERT_TRUE(page);
  std::string place = "href=\"#c-" + std::to_string(from_plan["begin"].get<size_t>()) + "\"";
  size_t at = page->body.find(place);
  ASSERT_NE(at, std::string::npos);
  size_t text = page->body.find('>', at) + 1;
  EXPECT_EQ(page->body.substr(text, page->body.find("</a>", at) - text), "Mục II.3");
}

// Regression: the places of the citations were "lần 1" before the plan's
// first section, and "Điều 1 Điều 1 Điều 1 …" for several in one article.
// W16 (session 14) broke: a repeated place, shown "(2)", was named "Điều 1,
// lần 2" (its visible text not in its name), and no place said whose
// citation it was.
TEST_F(RoutesTest, PlacesOfTheCitationsAreNamedOnce) {
  auto plan = Get("/van-ban/" + PlanId());
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->status, 200);
  EXPECT_NE(plan->body.find("aria-label=\"Phần mở đầu (Kế hoạch 47/KH-UBND)\">Phần mở đầu</a>"),
            std::string::npos);
  EXPECT_EQ(plan->body.find(">lần 1</a>"), std::string::npos);
  VANBAN_REQUIRE_SHARED();
  auto decree = Get("/van-ban/nghi-dinh-59-2023-nd-cp");
  ASSERT_TRUE(decree);
  ASSERT_EQ(decree->status, 200);
  EXPECT_NE(decree->body.find("title=\"khoản 4 Điều 23\" aria-label=\"Điều 1 (Luật "
                              "10/2022/QH15, lần 1)\">Điều 1</a>"),
            std::string::npos);
  EXPECT_NE(decree->body.find("title=\"khoản 4 Điều 33\" aria-label=\"Điều 1 (2) (Luật "
                              "10/2022/QH15, lần 2)\">(2)</a>"),
            std::string::npos);
  EXPECT_EQ(decree->body.find("10/2022/QH15, lần 2)\">Điều 1</a>"), std::string::npos);
}

// Regression: the study pack left out the citations it could not link, so a
// class never heard of the Luật tố tụng hành chính that Luật Khiếu nại
// cites 13 times.
TEST_F(RoutesTest, StudyPackListsUnresolvedCitations) {
  VANBAN_REQUIRE_SHARED();
  auto print = Get("/van-ban/luat-02-2011-qh13/in");
  ASSERT_TRUE(print);
  ASSERT_EQ(print->status, 200);
  EXPECT_NE(print->body.find("Dẫn chiếu chưa liên kết được"), std::string::npos);
  EXPECT_NE(print->body.find("<strong>Luật tố tụng hành chính</strong>"), std::string::npos);
  EXPECT_NE(print->body.find("(13 lần: Điều 7 (8 lần), Điều 12, Điều 33, Điều 42, Điều 44, Điều "
                             "57)"),
            std::string::npos);
}

// T1 (session 13) broke: the study pack printed the first 3 sentences that
// cite a document and said nothing of the rest: Nghị định 59 cites Luật
// 10/2022 29 times, in Điều 1 to Điều 26, but the pack stopped at Điều 3.
TEST_F(RoutesTest, StudyPackQuotesEverySentenceThatCitesADocument) {
  VANBAN_REQUIRE_SHARED();
  auto print = Get("/van-ban/nghi-dinh-59-2023-nd-cp/in");
  ASSERT_TRUE(print);
  ASSERT_EQ(print->status, 200);
  const std::string& html = print->body;
  size_t entry = html.find("<h2><a href=\"/van-ban/luat-10-2022-qh15\">");
  ASSERT_NE(entry, std::string::npos);
  size_t begin = html.rfind("<article", entry);
  std::string law = html.substr(begin, html.find("</article>", entry) - begin);
  EXPECT_NE(law.find("Được dẫn chiếu 29 lần trong 22 câu"), std::string::npos) << law;
  size_t quotes = 0;
  for (size_t at = law.find("class=\"citing-sentence\""); at != std::string::npos;
       at = law.find("class=\"citing-sentence\"", at + 1)) {
    ++quotes;
  }
  EXPECT_EQ(quotes, 22u);
  EXPECT_NE(law.find("<span class=\"where\">Điều 26"), std::string::npos);
}

// The <a …> tag of the first citation link whose href starts with `href`,
// or "".
std::string LinkTag(const std::string& html, const std::string& href) {
  for (size_t at = html.find("href=\"" + href); at != std::string::npos;
       at = html.find("href=\"" + href, at + 1)) {
    size_t open = html.rfind("<a ", at);
    std::string tag = html.substr(open, html.find('>', at) + 1 - open);
    if (tag.rfind("<a class=\"cite", 0) == 0) return tag;
  }
  return "";
}

// F5 (session 15) broke: "Luật tố cáo" in Luật 42/2013 (2013), which the
// catalog's Luật Tố cáo of 2018 cannot be, linked to a search for "Luật tố
// cáo" whose first hit is that 2018 law. It links to the missing-texts list,
// which says which law it is not.
TEST_F(RoutesTest, ANameRuledOutLinksToTheMissingListNotASearch) {
  VANBAN_REQUIRE_SHARED();
  auto page = Get("/van-ban/luat-42-2013-qh13");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  std::string link = LinkTag(page->body, "/thieu-toan-van");
  EXPECT_NE(link.find("cite-unresolved"), std::string::npos) << link;
  EXPECT_NE(link.find("Luật 25/2018/QH14 ban hành ngày 12/06/2018, sau văn bản dẫn chiếu"),
            std::string::npos)
      << link;
  EXPECT_EQ(page->body.find("href=\"/tim-kiem?q=Lu%E1%BA%ADt%20t%E1%BB%91%20c%C3%A1o\""),
            std::string::npos);
}

// N4 (session 16): a loose name two documents fit ("chỉ thị dân vận") was
// said to be no document's. The 404 names both; one it fits opens.
TEST_F(RoutesTest, ALooseNameSeveralDocumentsFitNamesThem) {
  VANBAN_REQUIRE_SHARED();
  auto page = Get("/van-ban/ch%E1%BB%89%20th%E1%BB%8B%20d%C3%A2n%20v%E1%BA%ADn");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
  EXPECT_NE(page->body.find("khớp 2 văn bản"), std::string::npos);
  EXPECT_NE(page->body.find("Chỉ thị 33/CT-TTg (mã chi-thi-33-ct-ttg-2021)"), std::string::npos);
  EXPECT_NE(page->body.find("Chỉ thị 28-CT/TU"), std::string::npos);
  auto one = Get("/van-ban/lu%E1%BA%ADt%20d%C3%A2n%20ch%E1%BB%A7%20c%C6%A1%20s%E1%BB%9F");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 302);
  EXPECT_EQ(one->get_header_value("Location"), "/van-ban/luat-10-2022-qh15");
}

// T1 broke: "Chương V của Luật Khiếu nại số 02/2011/QH13" (the repeal
// clause of Luật 42/2013) and the law's own "Chương V của Luật này" were
// linked to #chuong-5 with nothing said, though the law's chapter labels
// run I, II, III, V: the link may land on another chapter than meant.
TEST_F(RoutesTest, LinksAfterABreakInChapterNumbersAreMarked) {
  VANBAN_REQUIRE_SHARED();
  for (const char* path : {"/van-ban/luat-42-2013-qh13", "/van-ban/luat-42-2013-qh13/in"}) {
    auto page = Get(path);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    // T1 (session 15): Pháp điển's Chương V of the law is not the chapter
    // meant (its Chương VI, TIẾP CÔNG DÂN, is): the link goes to the note
    // on the numbering, not to Chương V.
    EXPECT_EQ(LinkTag(page->body, "/van-ban/luat-02-2011-qh13#chuong-5"), "") << path;
    std::string link = LinkTag(page->body, "/van-ban/luat-02-2011-qh13#danh-so");
    EXPECT_NE(link.find("class=\"cite cite-uncertain\""), std::string::npos) << path << link;
    EXPECT_NE(link.find("title=\"Đánh số chương của văn bản được dẫn chiếu không liên tục (sau "
                        "Chương III là Chương V)"),
              std::string::npos)
        << link;
    // Links to articles are made by the articles' own numbers: no doubt.
    EXPECT_EQ(LinkTag(page->body, "/van-ban/luat-02-2011-qh13#dieu-").find("uncertain"),
              std::string::npos);
  }
  auto law = Get("/van-ban/luat-02-2011-qh13");
  ASSERT_TRUE(law);
  ASSERT_EQ(law->status, 200);
  EXPECT_NE(
      law->body.find("<p class=\"numbering-note\" id=\"danh-so\" role=\"note\" "
                     "tabindex=\"-1\"><strong>Đánh số không liên tục:</strong> sau Chương III "
                     "là Chương V."),
      std::string::npos);
  EXPECT_NE(law->body.find("<p class=\"numbering-note\" id=\"danh-so\""), std::string::npos);
  EXPECT_EQ(LinkTag(law->body, "#chuong-5"), "");
  std::string self = LinkTag(law->body, "#danh-so");
  EXPECT_NE(self.find("class=\"cite cite-self cite-uncertain\""), std::string::npos) << self;
  EXPECT_NE(self.find("Đánh số chương của văn bản này không liên tục"), std::string::npos);
  auto other = Get("/van-ban/luat-10-2022-qh15");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->body.find("numbering-note"), std::string::npos);
  EXPECT_EQ(other->body.find("cite-uncertain"), std::string::npos);
}

// X2 (QA 22): the repeal of Luật Khiếu nại's Điều 59–62 by Luật 42/2013
// and the amendment of Luật Tố cáo's Điều 19 by Luật 59/2020 were only grey
// links inside the text; the page now lists the Pháp điển's notes, each
// with its article and what happened to it.
TEST_F(RoutesTest, ThePagesListTheCodifiersNotesOfRepealAndAmendment) {
  VANBAN_REQUIRE_SHARED();
  auto law = Get("/van-ban/luat-02-2011-qh13");
  ASSERT_TRUE(law);
  ASSERT_EQ(law->status, 200);
  size_t list = law->body.find("<h3>Ghi chú của Pháp điển: sửa đổi, bãi bỏ</h3>");
  ASSERT_NE(list, std::string::npos);
  std::string notes = law->body.substr(list, law->body.find("</ul>", list) - list);
  for (const char* article : {"Điều 59", "Điều 60", "Điều 61", "Điều 62"}) {
    EXPECT_NE(notes.find(std::string(article) +
                         "</a>: bị bãi bỏ bởi <a class=\"cite cite-note\" "
                         "href=\"/van-ban/luat-42-2013-qh13#dieu-35\">Điều 35 Luật số "
                         "42/2013/QH13</a>"),
              std::string::npos)
        << article << "\n"
        << notes;
  }
  auto denunciations = Get("/van-ban/luat-25-2018-qh14");
  ASSERT_TRUE(denunciations);
  EXPECT_NE(denunciations->body.find(
                "Điều 19</a>: có nội dung được sửa đổi bởi <a class=\"cite cite-note\" "
                "href=\"/tim-kiem?q=59%2F2020%2FQH14\">Điều 217 Luật số 59/2020/QH14</a>"),
            std::string::npos);
  // A text without such notes has no such list.
  auto plan = Get("/van-ban/luat-10-2022-qh15");
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->body.find("Ghi chú của Pháp điển: sửa đổi"), std::string::npos);
}

// The in-page anchors `html` links to (href="#x") that no element of it has
// as its id.
std::vector<std::string> DeadInPageLinks(const std::string& html) {
  std::set<std::string> ids;
  for (size_t at = html.find(" id=\""); at != std::string::npos; at = html.find(" id=\"", at + 1)) {
    size_t start = at + 5;
    ids.insert(html.substr(start, html.find('"', start) - start));
  }
  std::vector<std::string> dead;
  for (size_t at = html.find("href=\"#"); at != std::string::npos;
       at = html.find("href=\"#", at + 1)) {
    size_t start = at + 7;
    std::string anchor = html.substr(start, html.find('"', start) - start);
    if (!ids.count(anchor)) dead.push_back(anchor);
  }
  return dead;
}

// W1 (session 16) broke: the study pack of Luật 02/2011/QH13 linked "Chương
// V của Luật này" to #danh-so, but printed its note on the numbering without
// that id, so the links went nowhere. Every in-page link of every document's
// page and study pack has its target on that page.
TEST_F(RoutesTest, EveryInPageLinkHasItsTargetOnThePage) {
  VANBAN_REQUIRE_SHARED();
  auto catalog = Get("/api/catalog");
  ASSERT_TRUE(catalog);
  ASSERT_EQ(catalog->status, 200);
  int with_note_links = 0;
  for (const auto& row : json::parse(catalog->body)) {
    if (!row["has_text"].get<bool>()) continue;
    std::string id = row["id"];
    for (const std::string& path : {"/van-ban/" + id, "/van-ban/" + id + "/in"}) {
      auto page = Get(path);
      ASSERT_TRUE(page) << path;
      ASSERT_EQ(page->status, 200) << path;
      if (page->body.find("href=\"#danh-so\"") != std::string::npos) ++with_note_links;
      std::vector<std::string> dead = DeadInPageLinks(page->body);
      EXPECT_TRUE(dead.empty()) << path << ": #" << (dead.empty() ? "" : dead.front()) << " and "
                                << (dead.empty() ? 0 : dead.size() - 1) << " more";
    }
  }
  // Luật 02/2011/QH13's page and its study pack.
  EXPECT_GE(with_note_links, 2);
}

// W3 (session 16) broke: in the plan's printed study pack "Nơi nhận:" was
// split across pages and "CHỦ TỊCH / Nguyễn Xuân Thoảng" was alone on a
// nearly empty page. The closing block is marked, and print keeps it whole.
TEST_F(RoutesTest, ThePlansClosingBlockIsKeptTogetherInPrint) {
  std::string id = PlanId();
  ASSERT_FALSE(id.empty());
  auto page = Get("/van-ban/" + id + "/in");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string& html = page->body;
  size_t closing =
      html.find("<div class=\"closing\">\n<div class=\"recipients\">\n<p>Nơi nhận:</p>");
  ASSERT_NE(closing, std::string::npos);
  size_t signature = html.find(
      "<div class=\"signature\">\n<p>CHỦ TỊCH</p>\n<p>Nguyễn Xuân Thoảng</p>\n</div>\n</div>",
      closing);
  ASSERT_NE(signature, std::string::npos);
  std::string recipients = html.substr(closing, signature - closing);
  EXPECT_NE(recipients.find("<p>- Ban Dân vận Huyện uỷ;</p>"), std::string::npos);
  EXPECT_NE(recipients.find("<p>- Lưu: VP.</p>\n</div>"), std::string::npos) << recipients;
  auto css = Get("/static/print.css");
  ASSERT_TRUE(css);
  EXPECT_NE(css->body.find(".closing { break-inside: avoid;"), std::string::npos);
}

// W6 (session 16) broke: "Nơi nhận: 9 nơi" counted the filing note "Lưu:
// VP" as a recipient; the plan has 8, and the note is shown apart.
TEST_F(RoutesTest, TheFilingNoteIsNotCountedAsARecipient) {
  std::string id = PlanId();
  ASSERT_FALSE(id.empty());
  auto page = Get("/van-ban/" + id);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<dt>Nơi nhận</dt><dd><details class=\"screen-only\"><summary>8 nơi"),
            std::string::npos);
  EXPECT_NE(page->body.find("<dt>Lưu</dt><dd>VP</dd>"), std::string::npos);
  EXPECT_EQ(page->body.find("<li>Lưu: VP</li>"), std::string::npos);
  auto print = Get("/van-ban/" + id + "/in");
  ASSERT_TRUE(print);
  EXPECT_NE(print->body.find("<th>Lưu</th><td>VP</td>"), std::string::npos);
  EXPECT_EQ(print->body.find("Lưu: VP<br>"), std::string::npos);
  auto api = Get("/api/documents/" + id + "?text=0");
  ASSERT_TRUE(api);
  json doc = json::parse(api->body);
  EXPECT_EQ(doc["recipients"].size(), 8u);
  EXPECT_EQ(doc["filing"], "VP");
}

// T10 (trainer) broke: the "!" of a link by a chapter's number after a
// break in the chapters was in the text only: Luật 42/2013's "Chương V của
// Luật Khiếu nại số 02/2011/QH13" was a plain "Dẫn chiếu đến: Chương V" in
// the law's cited-by list, and unmarked in the study pack's sentences.
TEST_F(RoutesTest, DoubtfulLinksAreMarkedWhereverTheCitationIsShown) {
  VANBAN_REQUIRE_SHARED();
  const std::string doubt =
      "title=\"Đánh số chương của văn bản được dẫn chiếu không liên tục (sau Chương III là "
      "Chương V)";
  auto law = Get("/van-ban/luat-02-2011-qh13");
  ASSERT_TRUE(law);
  ASSERT_EQ(law->status, 200);
  size_t link = law->body.find("href=\"#danh-so\">Chương V</a>");
  ASSERT_NE(link, std::string::npos);
  std::string tag =
      law->body.substr(law->body.rfind("<a", link), link - law->body.rfind("<a", link));
  EXPECT_NE(tag.find("class=\"cite-uncertain\" " + doubt), std::string::npos) << tag;
  auto print = Get("/van-ban/luat-42-2013-qh13/in");
  ASSERT_TRUE(print);
  ASSERT_EQ(print->status, 200);
  const std::string& html = print->body;
  size_t entry = html.find("<h2><a href=\"/van-ban/luat-02-2011-qh13\">");
  ASSERT_NE(entry, std::string::npos);
  std::string pack = html.substr(entry, html.find("</article>", entry) - entry);
  size_t mark = pack.find("<mark class=\"cite-uncertain\" " + doubt);
  ASSERT_NE(mark, std::string::npos) << pack;
  EXPECT_NE(pack.find("Chương V của Luật Khiếu nại số 02/2011/QH13</mark>", mark),
            std::string::npos);
  // Only that one: the others link by article numbers.
  EXPECT_EQ(pack.find("cite-uncertain", pack.find("</mark>", mark)), std::string::npos);
  // V13 (session 14) broke: the JSON gave that link as sure, so read
  // without the page it said the kỷ luật chapter was repealed.
  for (const char* path :
       {"/api/documents/luat-42-2013-qh13?text=0", "/api/documents/luat-42-2013-qh13/citations"}) {
    auto api = Get(path);
    ASSERT_TRUE(api);
    ASSERT_EQ(api->status, 200);
    int doubtful = 0;
    json body = json::parse(api->body);
    for (const json& c : body["citations"]) {
      ASSERT_TRUE(c.contains("doubt")) << path;
      if (c["doubt"].is_null()) continue;
      ++doubtful;
      EXPECT_EQ(c["raw"], "Chương V của Luật Khiếu nại số 02/2011/QH13") << path;
      EXPECT_NE(c["doubt"].get<std::string>().find("sau Chương III là Chương V"),
                std::string::npos);
    }
    EXPECT_EQ(doubtful, 1) << path;
  }
}

// T6 broke: cited-by quotes were marked only where they held the number as
// normalised: not "23- QĐ/TW" in the plan, nor any citation by name (the
// 28 sentences of Nghị định 59 and 61 on Luật 10/2022's page).
TEST_F(RoutesTest, EveryCitedByQuoteMarksItsCitation) {
  VANBAN_REQUIRE_SHARED();
  for (const char* id : {"quyet-dinh-23-qd-tw-2021", "chi-thi-35-ct-tw-2014", "luat-10-2022-qh15",
                         "luat-02-2011-qh13"}) {
    auto page = Get(std::string("/van-ban/") + id);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const std::string& html = page->body;
    int quotes = 0, marked = 0;
    const std::string open = "<blockquote class=\"citing-sentence\">";
    for (size_t p = html.find(open); p != std::string::npos; p = html.find(open, p + 1)) {
      ++quotes;
      size_t end = html.find("</blockquote>", p);
      marked += html.substr(p, end - p).find("<mark>") != std::string::npos;
    }
    EXPECT_GT(quotes, 0) << id;
    EXPECT_EQ(marked, quotes) << id;
  }
  auto qd = Get("/van-ban/quyet-dinh-23-qd-tw-2021");
  EXPECT_NE(qd->body.find("<mark>Quyết định số 23- QĐ/TW"), std::string::npos);
}

// T7 broke: Nghị định 59/2023's graph showed Luật 10/2022 ×29 (its
// citations) and the law's graph showed the decree ×22 (citing sentences).
TEST_F(RoutesTest, OneLinkHasOneCountInBothGraphs) {
  VANBAN_REQUIRE_SHARED();
  auto count = [&](const std::string& graph_of, const std::string& from, const std::string& to) {
    auto res = Get("/api/graph/" + graph_of);
    EXPECT_TRUE(res && res->status == 200);
    if (!res || res->status != 200) return -1;
    json graph = json::parse(res->body);
    for (const auto& e : graph["edges"]) {
      if (e["from"] == from && e["to"] == to) return e["count"].get<int>();
    }
    return -1;
  };
  for (const char* decree : {"nghi-dinh-59-2023-nd-cp", "nghi-dinh-61-2023-nd-cp"}) {
    int cited = count(decree, decree, "luat-10-2022-qh15");
    EXPECT_GT(cited, 1) << decree;
    EXPECT_EQ(count("luat-10-2022-qh15", decree, "luat-10-2022-qh15"), cited) << decree;
  }
  auto page = Get("/do-thi/luat-10-2022-qh15");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("×n: số lần dẫn chiếu, đếm như nhau ở hai chiều"), std::string::npos);
}

// T3 broke: the Pháp điển's notes counted as citations by the law they
// annotate: Luật Khiếu nại (2011) cited Luật Tiếp công dân (2013) ×4 in both
// graphs ("bị bãi bỏ bởi Điều 35 Luật số 42/2013/QH13"), and /thieu-toan-van
// said that Luật Tố cáo (2018) cites Luật 59/2020/QH14. The notes stay
// links in the text, labelled as notes.
TEST_F(RoutesTest, PhapDienNotesAreNotCitationsOfTheLaw) {
  VANBAN_REQUIRE_SHARED();
  auto roles_of = [&](const std::string& center, const std::string& id) {
    std::set<std::string> roles;
    auto graph = Get("/api/graph/" + center);
    EXPECT_TRUE(graph && graph->status == 200) << center;
    if (!graph || graph->status != 200) return roles;
    json nodes = json::parse(graph->body)["nodes"];
    for (const auto& n : nodes) {
      if (n["id"] == id) roles.insert(n["role"].get<std::string>());
    }
    return roles;
  };
  EXPECT_EQ(roles_of("luat-42-2013-qh13", "luat-02-2011-qh13"), std::set<std::string>{"cited"});
  EXPECT_EQ(roles_of("luat-02-2011-qh13", "luat-42-2013-qh13"), std::set<std::string>{"citing"});
  auto law = Get("/van-ban/luat-02-2011-qh13");
  ASSERT_TRUE(law);
  ASSERT_EQ(law->status, 200);
  EXPECT_NE(law->body.find("<a class=\"cite cite-note\" id=\"c-"), std::string::npos);
  EXPECT_NE(law->body.find("href=\"/van-ban/luat-42-2013-qh13#dieu-35\" title=\"Ghi chú của "
                           "Pháp điển — Mở văn bản được dẫn chiếu\">Điều 35 Luật số "
                           "42/2013/QH13</a>"),
            std::string::npos);
  auto missing = Get("/thieu-toan-van");
  ASSERT_TRUE(missing);
  ASSERT_EQ(missing->status, 200);
  EXPECT_EQ(missing->body.find("59/2020/QH14"), std::string::npos);
}

TEST_F(RoutesTest, SortFacetsAndPaging) {
  auto by_date = Get("/tim-kiem?q=lu%E1%BA%ADt&sort=date");
  ASSERT_TRUE(by_date);
  EXPECT_EQ(by_date->status, 200);
  EXPECT_NE(by_date->body.find("<strong>Mới nhất</strong>"), std::string::npos);
  // The type facet links filter the results; the filtered page shows only that type.
  auto all = Get("/tim-kiem?q=lu%E1%BA%ADt");
  ASSERT_TRUE(all);
  EXPECT_NE(all->body.find("href=\"/tim-kiem?q=lu%E1%BA%ADt&amp;type=Lu%E1%BA%ADt\""),
            std::string::npos);
  auto laws = Get("/tim-kiem?q=lu%E1%BA%ADt&type=Lu%E1%BA%ADt");
  ASSERT_TRUE(laws);
  EXPECT_EQ(laws->status, 200);
  EXPECT_EQ(laws->body.find("<span class=\"badge t-chi-thi\">"), std::string::npos);
  EXPECT_NE(laws->body.find("<span class=\"badge t-luat\">"), std::string::npos);
  auto api = Get("/api/search?q=lu%E1%BA%ADt&limit=2&page=2");
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  EXPECT_LE(json::parse(api->body)["results"].size(), 2u);
}

TEST_F(RoutesTest, QueryIsEscaped) {
  auto res = Get("/tim-kiem?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body.find("<script>alert"), std::string::npos);
  EXPECT_NE(res->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST_F(RoutesTest, BadSearchParametersAre400) {
  for (const char* path :
       {"/tim-kiem?q=x&page=0", "/tim-kiem?q=x&sort=abc", "/tim-kiem?q=x&year=20x1",
        "/api/search?q=x&limit=1000", "/api/search", "/api/search?q=x&page=-1"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path;
    if (std::string(path).rfind("/api/", 0) == 0) {
      auto body = json::parse(res->body);
      EXPECT_TRUE(body["error"].is_string()) << path;
    } else {
      EXPECT_NE(res->body.find("(tham số "), std::string::npos) << path;
    }
  }
  // W4 (session 16): the page names the parameter in Vietnamese and says
  // what it takes; the API says the same.
  for (const char* path : {"/tim-kiem?q=x&year=abc", "/api/search?q=x&year=abc"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path;
    std::string message = std::string(path).rfind("/api/", 0) == 0
                              ? json::parse(res->body)["error"].get<std::string>()
                              : res->body;
    EXPECT_NE(message.find("Năm (tham số year) không hợp lệ"), std::string::npos) << message;
    EXPECT_NE(message.find("cần năm bốn chữ số, ví dụ 2021"), std::string::npos) << message;
    EXPECT_EQ(message.find("Tham số year"), std::string::npos) << message;
  }
}

// snippets=0: the same hits without snippet or article; a bad value is a
// 400 naming the parameter.
TEST_F(RoutesTest, ApiSearchWithoutSnippets) {
  auto with = Get("/api/search?q=d%C3%A2n%20v%E1%BA%ADn");
  auto without = Get("/api/search?q=d%C3%A2n%20v%E1%BA%ADn&snippets=0");
  ASSERT_TRUE(with && without);
  ASSERT_EQ(with->status, 200);
  ASSERT_EQ(without->status, 200);
  auto a = json::parse(with->body)["results"];
  auto b = json::parse(without->body)["results"];
  ASSERT_FALSE(a.empty());
  ASSERT_EQ(a.size(), b.size());
  bool some_article = false;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(b[i]["id"], a[i]["id"]);
    EXPECT_EQ(b[i]["title"], a[i]["title"]);
    EXPECT_EQ(b[i]["score"], a[i]["score"]);
    EXPECT_NE(a[i]["snippet"], "");
    EXPECT_EQ(b[i]["snippet"], "");
    EXPECT_TRUE(b[i]["article"].is_null());
    some_article |= a[i]["article"].is_string();
  }
  EXPECT_TRUE(some_article);
  auto same = Get("/api/search?q=d%C3%A2n%20v%E1%BA%ADn&snippets=true");
  ASSERT_TRUE(same);
  EXPECT_EQ(same->body, with->body);
  for (const char* bad : {"2", "no", ""}) {
    auto res = Get(std::string("/api/search?q=x&snippets=") + bad);
    ASSERT_TRUE(res) << bad;
    EXPECT_EQ(res->status, 400) << bad;
    auto body = json::parse(res->body);
    ASSERT_TRUE(body["error"].is_string()) << bad;
    EXPECT_NE(body["error"].get<std::string>().find("Đoạn trích (tham số snippets) không hợp lệ"),
              std::string::npos)
        << body["error"];
  }
}

TEST_F(RoutesTest, LongQueryIsCappedNotFailed) {
  std::string q;
  while (q.size() < 3000) q += "d%C3%A2n%20v%E1%BA%ADn%20";
  auto page = Get("/tim-kiem?q=" + q);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("đã được cắt bớt"), std::string::npos);
  auto api = Get("/api/search?q=" + q);
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 400);
}

// Regression: the search box took 1000 characters, 1000 × "ệ" is a 9 KB
// URL, and httplib (compiled into Debian's libcpp-httplib with an 8 KB
// request line) answered a bare "Yêu cầu không hợp lệ (mã 414)". The box
// now takes 800 UTF-16 units (at most 9 URL bytes each); longer URLs get a
// 414 that says what to do.
TEST_F(RoutesTest, QueryAsLongAsTheSearchBoxTakes) {
  auto home = Get("/");
  ASSERT_TRUE(home);
  EXPECT_NE(home->body.find("maxlength=\"800\""), std::string::npos);
  EXPECT_EQ(home->body.find("maxlength=\"1000\""), std::string::npos);
  std::string q;
  for (int i = 0; i < 800; ++i) q += "%E1%BB%87";
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(60);
  auto page = client.Get("/tim-kiem?q=" + q + "&type=Lu%E1%BA%ADt&issuer=Qu%E1%BB%91c+h%E1%BB%99i");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Từ khóa dài quá 1000 byte nên đã được cắt bớt."), std::string::npos);
  std::string huge(10000, 'a');
  auto too_long = client.Get("/tim-kiem?q=" + huge);
  ASSERT_TRUE(too_long);
  EXPECT_EQ(too_long->status, 414);
  EXPECT_NE(too_long->body.find("hãy rút ngắn từ khóa"), std::string::npos);
}

// O8 (session 13) broke: the pages copied ill-formed UTF-8 and NUL bytes
// from the URL into their HTML (title, search box, 404 text), while the API
// made them U+FFFD.
TEST_F(RoutesTest, PagesAreValidUtf8WhateverTheUrlHolds) {
  auto valid = [](const std::string& body) {
    for (size_t i = 0; i < body.size();) {
      auto c = static_cast<unsigned char>(body[i]);
      if (c == 0) return false;
      size_t n = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
      if (n == 0 || i + n > body.size()) return false;
      for (size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(body[i + k]) & 0xC0) != 0x80) return false;
      }
      i += n;
    }
    return true;
  };
  for (const char* path :
       {"/tim-kiem?q=%FF%FEabc", "/tim-kiem?q=d%C3%A2n&type=%FF", "/van-ban/%FF%FEabc",
        "/van-ban/a%00b", "/do-thi/x%00%FF/y", "/khong-co-%FF%00", "/tim-kiem?q=a%00b%09c"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(valid(res->body)) << path;
  }
  auto page = Get("/tim-kiem?q=%FF%FEabc");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("value=\"\uFFFDabc\""), std::string::npos);
  auto api = Get("/api/search?q=%FF%FEabc");
  ASSERT_TRUE(api);
  EXPECT_NE(api->body.find("\"query\":\"\uFFFDabc\""), std::string::npos) << api->body;
}

// O9 (session 13) broke: /van-ban/33%2FCT-TTg found the document, but
// /api/documents/33%2FCT-TTg said "no such page", and the API's 404s for an
// unknown id were worded differently by route.
TEST_F(RoutesTest, ApiTakesANumberOrNameAsThePagesDo) {
  for (const char* key : {"33%2FCT-TTg", "ct%2033", "chi-thi-33-ct-ttg-2021"}) {
    auto doc = Get(std::string("/api/documents/") + key + "?text=0");
    ASSERT_TRUE(doc) << key;
    EXPECT_EQ(doc->status, 200) << key << doc->body;
    EXPECT_NE(doc->body.find("\"id\":\"chi-thi-33-ct-ttg-2021\""), std::string::npos) << key;
    auto cited_by = Get(std::string("/api/documents/") + key + "/cited-by");
    ASSERT_TRUE(cited_by) << key;
    EXPECT_EQ(cited_by->status, 200) << key;
    EXPECT_EQ(cited_by->body.rfind("[{\"anchor\":", 0), 0u) << key << cited_by->body;
    auto graph = Get(std::string("/api/graph/") + key);
    ASSERT_TRUE(graph) << key;
    EXPECT_EQ(graph->status, 200) << key;
  }
  const std::string none =
      "{\"error\":\"Không có văn bản nào có mã, số hiệu hay tên “nope” trong chỉ mục.\"}";
  for (const char* path : {"/api/documents/nope", "/api/graph/nope", "/api/documents/nope/cited-by",
                           "/api/documents/nope/citations"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body, none) << path;
  }
}

// O6 (session 13) broke: a POST, DELETE or OPTIONS to a route that exists
// got 404 "Không có trang này" (400 for a POST without a body), and no
// Allow header: an API client was told /api/search does not exist.
TEST_F(RoutesTest, OtherMethodsThanGetAreNotAllowed) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(60);
  auto post = client.Post("/api/search", "q=dan", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  EXPECT_EQ(post->body, "{\"error\":\"Không hỗ trợ phương thức POST: chỉ dùng GET hoặc HEAD\"}");
  auto empty_post = client.Post("/api/search?q=dan");
  ASSERT_TRUE(empty_post);
  EXPECT_EQ(empty_post->status, 405);
  auto del = client.Delete("/van-ban/luat-25-2018-qh14");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(del->get_header_value("Allow"), "GET, HEAD");
  EXPECT_NE(del->body.find("Không hỗ trợ phương thức DELETE"), std::string::npos) << del->body;
  EXPECT_NE(del->get_header_value("Content-Type").find("text/html"), std::string::npos);
  auto options = client.Options("/api/documents/luat-25-2018-qh14");
  ASSERT_TRUE(options);
  EXPECT_EQ(options->status, 204);
  EXPECT_EQ(options->get_header_value("Allow"), "GET, HEAD");
  auto head = client.Head("/api/search?q=dan");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
}

// X10 (QA 20) broke: an id with a space after it was a 404 (one with a
// space before it was found).
TEST_F(RoutesTest, AnIdWithSpaceAroundItIsFound) {
  httplib::Client client("127.0.0.1", port_);
  for (const char* path :
       {"/van-ban/chi-thi-33-ct-ttg-2021%20", "/van-ban/%20chi-thi-33-ct-ttg-2021"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 302) << path;
    EXPECT_EQ(res->get_header_value("Location"), "/van-ban/chi-thi-33-ct-ttg-2021") << path;
  }
  auto api = client.Get("/api/documents/chi-thi-33-ct-ttg-2021%20?text=0");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200) << api->body;
  EXPECT_EQ(json::parse(api->body)["id"], "chi-thi-33-ct-ttg-2021");
}

// X9 (QA 20) broke: "year=2023&year=2021" searched 2023 alone, and
// "text=0&text=1" read the first; now a 400 naming the parameter.
TEST_F(RoutesTest, AParameterGivenTwiceIsA400) {
  auto search = Get("/api/search?q=dan+van&year=2023&year=2021");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 400);
  EXPECT_EQ(json::parse(search->body)["error"].get<std::string>().rfind(
                "Năm (tham số year) có nhiều giá trị (“2023”, “2021”)", 0),
            0u)
      << search->body;
  auto doc = Get("/api/documents/luat-25-2018-qh14?text=0&text=1");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 400);
  EXPECT_NE(doc->body.find("Toàn văn (tham số text) có nhiều giá trị"), std::string::npos)
      << doc->body;
  auto page = Get("/tim-kiem?q=dan+van&page=2&page=x");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 400);
}

// X8 (QA 20) broke: a method httplib does not know ("FOO", lowercase "get")
// got the HTML 400 page under /api/ too, without Allow: httplib refuses the
// request line before routing.
TEST_F(RoutesTest, UnknownMethodsAreNotAllowedEither) {
  for (const char* method : {"FOO", "get"}) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60);
    httplib::Request request;
    request.method = method;
    request.path = "/api/search?q=dan";
    auto api = client.send(request);
    ASSERT_TRUE(api) << method;
    EXPECT_EQ(api->status, 405) << method;
    EXPECT_EQ(api->get_header_value("Allow"), "GET, HEAD") << method;
    EXPECT_EQ(api->body, "{\"error\":\"Không hỗ trợ phương thức " + std::string(method) +
                             ": chỉ dùng GET hoặc HEAD\"}");
    httplib::Client pages("127.0.0.1", port_);
    request.path = "/tim-kiem?q=dan";
    auto page = pages.send(request);
    ASSERT_TRUE(page) << method;
    EXPECT_EQ(page->status, 405) << method;
    EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  }
}

// Broke: "q=+++" searched for "   ": "Hãy nhập từ cần tìm." and "Không tìm
// thấy … “   ”" together, under a blank title.
TEST_F(RoutesTest, WhiteSpaceQueryAsksForWords) {
  // "q=+++" as a browser sends it (httplib's client would send "+" as %2B).
  auto res = Get("/tim-kiem?q=%20%20%20");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("Hãy nhập số hiệu, tên hoặc từ cần tìm."), std::string::npos);
  EXPECT_EQ(res->body.find("Không tìm thấy"), std::string::npos);
  EXPECT_NE(res->body.find("<title>Tìm kiếm — vanban</title>"), std::string::npos);
}

// Broke: "-" and "..." showed the notice, the sort links and "Không tìm
// thấy văn bản nào cho “-”" together.
TEST_F(RoutesTest, QueryWithNothingToSearchAsksForWords) {
  for (std::string q : {"-", "...", "%22%22"}) {
    auto res = Get("/tim-kiem?q=" + q);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("Hãy nhập từ cần tìm."), std::string::npos) << q;
    EXPECT_EQ(res->body.find("Không tìm thấy"), std::string::npos) << q;
    EXPECT_EQ(res->body.find("Sắp xếp:"), std::string::npos) << q;
  }
  auto dash = Get("/tim-kiem?q=-");
  EXPECT_NE(dash->body.find("đứng riêng đã được bỏ qua"), std::string::npos);
}

// Broke: past the last page the search page said "Không tìm thấy", without
// the total, and "‹ Trang trước" led to another empty page.
TEST_F(RoutesTest, PageBeyondTheLastLinksToTheLast) {
  auto api = Get("/api/search?q=dan%20van&snippets=0");
  ASSERT_TRUE(api);
  int total = json::parse(api->body)["total"];
  ASSERT_GT(total, 0);
  int last = (total + 9) / 10;
  auto res = Get("/tim-kiem?q=dan%20van&page=" + std::to_string(last + 1));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("Trang " + std::to_string(last + 1) + " vượt quá trang cuối (trang " +
                           std::to_string(last) + ")."),
            std::string::npos);
  EXPECT_EQ(res->body.find("Không tìm thấy"), std::string::npos);
  std::string last_href =
      last > 1 ? "/tim-kiem?q=dan%20van&amp;page=" + std::to_string(last) : "/tim-kiem?q=dan%20van";
  // Broke: the API gave an empty page past the end with no word on why.
  auto api_past = Get("/api/search?q=dan%20van&snippets=0&page=" + std::to_string(last + 1));
  ASSERT_TRUE(api_past);
  json past = json::parse(api_past->body);
  EXPECT_TRUE(past["results"].empty());
  EXPECT_EQ(past.value("notice", ""), "Trang " + std::to_string(last + 1) +
                                          " vượt quá trang cuối (trang " + std::to_string(last) +
                                          ").");
  auto api_last = Get("/api/search?q=dan%20van&snippets=0&page=" + std::to_string(last));
  ASSERT_TRUE(api_last);
  EXPECT_FALSE(json::parse(api_last->body).contains("notice"));
  auto far = Get("/tim-kiem?q=dan%20van&page=1000");
  ASSERT_TRUE(far);
  EXPECT_NE(far->body.find("rel=\"prev\" href=\"" + last_href + "\""), std::string::npos);
}

// Broke: "/van-ban/ID/" was a 404, and so was "/van-ban/33%2FCT-TTg" (a
// number, which `vanban show` resolves).
TEST_F(RoutesTest, DocumentPathsRedirectToTheCanonicalOne) {
  const std::string ct33 = "chi-thi-33-ct-ttg-2021";
  struct Case {
    std::string path, location;
  } cases[] = {
      {"/van-ban/" + ct33 + "/", "/van-ban/" + ct33},
      {"/van-ban/" + ct33 + "//", "/van-ban/" + ct33},
      {"/van-ban/" + ct33 + "/in/", "/van-ban/" + ct33 + "/in"},
      {"/do-thi/" + ct33 + "/", "/do-thi/" + ct33},
      {"/van-ban/33%2FCT-TTg", "/van-ban/" + ct33},
      {"/van-ban/33%2FCT-TTg/", "/van-ban/" + ct33},
      {"/van-ban/33%2FCT-TTg/in", "/van-ban/" + ct33 + "/in"},
      {"/do-thi/33%2FCT-TTg", "/do-thi/" + ct33},
      {"/van-ban/", "/danh-muc"},
  };
  for (const Case& c : cases) {
    auto res = Get(c.path);
    ASSERT_TRUE(res) << c.path;
    EXPECT_EQ(res->status, 302) << c.path;
    EXPECT_EQ(res->get_header_value("Location"), c.location) << c.path;
  }
  // Nothing found: a 404 that offers a search for what was typed.
  auto none = Get("/van-ban/99%2FXX-YY/");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_NE(none->body.find("href=\"/tim-kiem?q=99%2FXX-YY\""), std::string::npos);
}

// O5 (second QA pass): when the exclusions took every document with all
// the words, the page's hint still said to try a shorter number. It says
// to drop the exclusions.
TEST_F(RoutesTest, AllExcludedSuggestsDroppingTheExclusions) {
  VANBAN_REQUIRE_SHARED();
  auto res = Get("/tim-kiem?q=d%C3%A2n%20ch%E1%BB%A7%20-huong");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("đều bị loại vì có “huong”"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("Gợi ý: bỏ các từ loại trừ"), std::string::npos);
  EXPECT_EQ(res->body.find("thử số hiệu ngắn hơn"), std::string::npos);
  auto none = Get("/tim-kiem?q=xyzqqq");
  ASSERT_TRUE(none);
  EXPECT_NE(none->body.find("thử số hiệu ngắn hơn"), std::string::npos);
  EXPECT_EQ(none->body.find("bỏ các từ loại trừ"), std::string::npos);
}

// O1 broke: "/van-ban/03%2F2011%2FQH13", a number no document has as its
// own, redirected to Luật 25/2018/QH14, which only cites it. It is a 404
// that names and links the places citing it.
TEST_F(RoutesTest, ANumberOnlyCitedIsA404ThatLinksWhereItIsCited) {
  VANBAN_REQUIRE_SHARED();
  auto res = Get("/van-ban/03%2F2011%2FQH13");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_NE(res->body.find("được dẫn chiếu ở:"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("<a href=\"/van-ban/luat-25-2018-qh14#dieu-66\">Luật 25/2018/QH14</a>"),
            std::string::npos)
      << res->body;
  EXPECT_NE(res->body.find("Luật Tố cáo số 03/2011/QH13 hết hiệu lực"), std::string::npos);
  // Nothing cites it: no list.
  auto none = Get("/van-ban/99%2F1999%2FQH99");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_EQ(none->body.find("được dẫn chiếu ở:"), std::string::npos);
  // The API says the same (QA 22): its cited-by lists the places, as
  // `vanban cited-by 03/2011/QH13` does (it was a 404), and the 404 of the
  // document carries them.
  auto cited_by = Get("/api/documents/03%2F2011%2FQH13/cited-by");
  ASSERT_TRUE(cited_by);
  EXPECT_EQ(cited_by->status, 200);
  auto list = nlohmann::json::parse(cited_by->body);
  ASSERT_TRUE(list.is_array());
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0]["id"], "luat-25-2018-qh14") << list[0];
  auto document = Get("/api/documents/03%2F2011%2FQH13");
  ASSERT_TRUE(document);
  EXPECT_EQ(document->status, 404);
  auto error = nlohmann::json::parse(document->body);
  EXPECT_EQ(error["error"],
            "Không có văn bản nào có mã, số hiệu hay tên “03/2011/QH13” trong chỉ mục.");
  EXPECT_EQ(error["cited_by"], list);
  for (const char* path :
       {"/api/documents/99%2F1999%2FQH99", "/api/documents/99%2F1999%2FQH99/cited-by"}) {
    auto unknown = Get(path);
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404) << path;
    EXPECT_FALSE(nlohmann::json::parse(unknown->body).contains("cited_by")) << path;
  }
}

TEST_F(RoutesTest, DocumentPageLinksEveryCitation) {
  std::string id = PlanId();
  ASSERT_FALSE(id.empty());
  auto res = Get("/van-ban/" + id);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  auto api = Get("/api/documents/" + id + "/citations");
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200);
  auto citations = json::parse(api->body)["citations"];
  EXPECT_GE(citations.size(), 15u);  // the plan cites some twenty documents
  const std::string& html = res->body;
  size_t text_begin = html.find("id=\"toan-van\"");
  size_t text_end = html.find("id=\"duoc-dan-chieu\"");
  ASSERT_NE(text_begin, std::string::npos);
  std::string text = html.substr(text_begin, text_end - text_begin);
  size_t links = 0;
  for (size_t p = text.find("<a class=\"cite"); p != std::string::npos;
       p = text.find("<a class=\"cite", p + 1)) {
    ++links;
  }
  EXPECT_EQ(links, citations.size());
  EXPECT_NE(html.find("Văn bản được dẫn chiếu"), std::string::npos);
  EXPECT_NE(html.find("Văn bản dẫn chiếu đến văn bản này"), std::string::npos);
  EXPECT_NE(html.find("id=\"muc-2\""), std::string::npos);
  EXPECT_NE(html.find("<svg class=\"graph\""), std::string::npos);
}

TEST_F(RoutesTest, CitedDocumentShowsThePlanUnderCitedBy) {
  auto res = Get("/api/search?q=33%2FCT-TTg");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  auto results = json::parse(res->body)["results"];
  ASSERT_FALSE(results.empty());
  std::string id = results[0]["id"];
  EXPECT_EQ(results[0]["number"], "33/CT-TTg");
  auto page = Get("/van-ban/" + id);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  size_t citing = page->body.find("id=\"dan-chieu-den\"");
  ASSERT_NE(citing, std::string::npos);
  EXPECT_NE(page->body.find("href=\"/van-ban/" + PlanId() + "#c-", citing), std::string::npos);
  auto cited_by = Get("/api/documents/" + id + "/cited-by");
  ASSERT_TRUE(cited_by);
  EXPECT_EQ(cited_by->status, 200);
  auto list = json::parse(cited_by->body);
  ASSERT_TRUE(list.is_array());
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0]["id"], PlanId());
  auto doc = json::parse(Get("/api/documents/" + id + "?text=0")->body);
  EXPECT_EQ(doc["cited_by"], list);  // the same as `vanban show --json`
  EXPECT_FALSE(doc.contains("text"));
}

TEST_F(RoutesTest, UnknownAndMalformedIdsAre404) {
  for (const char* path :
       {"/van-ban/khong-co-van-ban-nay", "/van-ban/..%2f..%2fetc%2fpasswd", "/van-ban/%2e%2e",
        "/van-ban/ABC", "/do-thi/khong-co", "/van-ban/khong-co/in", "/static/../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/src/server/server.cc", "/khong-co-trang-nay"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
  for (const char* path :
       {"/api/documents/khong-co", "/api/documents/..%2fx", "/api/documents/khong-co/citations",
        "/api/documents/khong-co/cited-by", "/api/graph/khong-co", "/api/khong-co"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_TRUE(json::parse(res->body)["error"].is_string()) << path;
  }
}

TEST_F(RoutesTest, StaticFilesComeFromWeb) {
  auto css = Get("/static/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css");
  auto js = Get("/static/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
}

TEST_F(RoutesTest, GraphPrintCatalogAndMissingPages) {
  std::string id = PlanId();
  for (const std::string& path : {"/do-thi/" + id, "/van-ban/" + id + "/in",
                                  std::string("/danh-muc"), std::string("/thieu-toan-van")}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
  }
  auto print = Get("/van-ban/" + id + "/in");
  // T4 (session 15): a catalog record follows the one before on the page.
  EXPECT_NE(print->body.find("class=\"print-doc cited-doc print-record\""), std::string::npos);
  // N2 (verification pass): the study pack's quotes marked nothing, so a
  // class could not see which document of a long list a quote is about.
  // The citation is marked, in whatever words the plan uses.
  EXPECT_NE(print->body.find("<mark>Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính "
                             "phủ</mark>"),
            std::string::npos);
  EXPECT_NE(print->body.find("<mark>Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của "
                             "Đảng</mark>"),
            std::string::npos);
  auto catalog = Get("/danh-muc");
  EXPECT_NE(catalog->body.find("href=\"/van-ban/" + id + "\""), std::string::npos);
}

// T6, T7 (session 15) on the real pages: "Quyết định 629/QĐ-UBND" as its
// own trích yếu; "Luật 09/1998/QH10" for the "Luật Khiếu nại, tố cáo số
// 09/1998/QH10" the laws cite; "Luật tố cáo" (Luật 42/2013) "Chưa có trong
// danh mục" with a link to a search finding Luật 25/2018/QH14 first.
TEST_F(RoutesTest, CatalogNamesOnlyWhatTheSourcesGive) {
  auto catalog = Get("/danh-muc");
  ASSERT_TRUE(catalog);
  size_t qd = catalog->body.find("<a href=\"/van-ban/quyet-dinh-629-qd-ubnd-2022-tinh\">");
  ASSERT_NE(qd, std::string::npos) << catalog->body;
  std::string row = catalog->body.substr(qd, catalog->body.find("</tr>", qd) - qd);
  EXPECT_NE(row.find(">629/QĐ-UBND</a>"), std::string::npos) << row;
  EXPECT_NE(row.find("<span class=\"unknown\">Chưa rõ</span>"), std::string::npos) << row;
  EXPECT_EQ(catalog->body.find(">Quyết định 629/QĐ-UBND<"), std::string::npos);
  VANBAN_REQUIRE_SHARED();
  auto missing = Get("/thieu-toan-van");
  ASSERT_TRUE(missing);
  const std::string& html = missing->body;
  EXPECT_NE(html.find("<a href=\"/tim-kiem?q=09%2F1998%2FQH10\">Luật Khiếu nại, tố cáo</a>"),
            std::string::npos);
  EXPECT_EQ(html.find("Luật 09/1998/QH10"), std::string::npos);
  size_t to_cao = html.find("\">Luật tố cáo</a>");
  ASSERT_NE(to_cao, std::string::npos) << html;
  std::string href = html.substr(0, to_cao);
  href = href.substr(href.rfind("href=\"") + 6);
  EXPECT_TRUE(href.starts_with("/van-ban/luat-42-2013-qh13#c-")) << href;
  std::string rest = html.substr(to_cao, html.find("</td>", to_cao) - to_cao);
  EXPECT_NE(rest.find("Khác văn bản cùng tên trong danh mục"), std::string::npos) << rest;
  EXPECT_NE(rest.find("Danh mục có Luật 25/2018/QH14 cùng tên nhưng ban hành ngày 12/06/2018"),
            std::string::npos)
      << rest;
  // The place linked to is the citation.
  auto law = Get(href.substr(0, href.find('#')));
  ASSERT_TRUE(law);
  EXPECT_NE(law->body.find("id=\"" + href.substr(href.find('#') + 1) + "\""), std::string::npos);
}

TEST_F(RoutesTest, JsonApi) {
  std::string id = PlanId();
  auto doc = Get("/api/documents/" + id);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 200);
  EXPECT_EQ(doc->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(json::parse(doc->body)["id"], id);
  auto graph = Get("/api/graph/" + id);
  ASSERT_TRUE(graph);
  EXPECT_EQ(graph->status, 200);
  auto g = json::parse(graph->body);
  EXPECT_EQ(g["nodes"][0]["id"], id);
  EXPECT_GE(g["nodes"].size(), 10u);
  auto catalog = Get("/api/catalog");
  ASSERT_TRUE(catalog);
  EXPECT_EQ(catalog->status, 200);
  EXPECT_TRUE(json::parse(catalog->body).is_array());
  auto missing = Get("/api/catalog?missing=1");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 200);
  auto bad = Get("/api/catalog?missing=maybe");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

// Regression: with httplib's default SO_REUSEPORT a second server bound to a
// busy port silently shared it.
TEST_F(RoutesTest, BusyPortIsAnError) {
  ServerOptions options;
  options.db_dir = (*root_ / "index").string();
  options.web_dir = vanban::testing::SourceDir() / "web";
  auto second = Server::Create(options);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  Status s = (*second)->Bind("127.0.0.1", port_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("127.0.0.1:" + std::to_string(port_)), std::string::npos);
}

TEST_F(RoutesTest, OneLogLinePerRequest) {
  // Regression: reading the log right after the response raced with
  // httplib, which logs after sending (the test failed 2 runs in 5).
  Get("/danh-muc");
  std::string log = log_->WaitFor(" GET /danh-muc 200 ");
  EXPECT_NE(log.find(" GET /danh-muc 200 "), std::string::npos) << log;
  EXPECT_NE(log.find(" ms\n"), std::string::npos);
}

// W1 (session 14) broke: httplib answered a Range header on every response,
// several ranges as one multipart body built in memory: "bytes=0-,0-,…"
// (200 times) made a 52 MB answer of the 259 KB page. W7: one range on a
// page or the API got 200 with part of the body (truncated JSON).
TEST_F(RoutesTest, PagesAndApiAreSentWholeWhateverRangeIsAsked) {
  std::string many = "bytes=0-";
  for (int i = 0; i < 199; ++i) many += ",0-";
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(60);
  auto whole = client.Get("/danh-muc");
  ASSERT_TRUE(whole);
  ASSERT_EQ(whole->status, 200);
  for (const char* path : {"/danh-muc", "/api/catalog"}) {
    for (const std::string& range : {many, std::string("bytes=0-99")}) {
      auto res = client.Get(path, {{"Range", range}});
      ASSERT_TRUE(res) << path;
      EXPECT_EQ(res->status, 200) << path << " " << range.substr(0, 12);
      EXPECT_FALSE(res->has_header("Content-Range")) << path;
      EXPECT_EQ(res->get_header_value("Accept-Ranges"), "none") << path;
      if (std::string(path) == "/danh-muc") {
        EXPECT_EQ(res->body, whole->body);
      } else {
        EXPECT_TRUE(json::parse(res->body).is_array());
      }
    }
  }
  // A static file answers one range, and several with the whole file.
  auto css = client.Get("/static/style.css");
  ASSERT_TRUE(css);
  auto part = client.Get("/static/style.css", {{"Range", "bytes=0-99"}});
  ASSERT_TRUE(part);
  EXPECT_EQ(part->status, 206);
  EXPECT_EQ(part->body, css->body.substr(0, 100));
  auto several = client.Get("/static/style.css", {{"Range", many}});
  ASSERT_TRUE(several);
  EXPECT_EQ(several->status, 200);
  EXPECT_EQ(several->body, css->body);
}

// W6 (session 14) broke: "/static/app.js%00.html" served app.js as
// text/html (httplib took the type from the whole name and opened the file
// by the name before the NUL). W4: the request log wrote the decoded path
// raw, so "%0D%0A" forged a log line and "%1B[31m" reached the terminal.
TEST_F(RoutesTest, ControlBytesInThePathFindNothingAndAreEscapedInTheLog) {
  auto nul = Get("/static/app.js%00.html");
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->status, 404);
  EXPECT_EQ(nul->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(nul->body.find("addEventListener"), std::string::npos);
  auto forged = Get("/x%0D%0A2026-12-07T00:00:00Z%20GET%20/quan-tri%20200");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 404);
  Get("/tim-kiem%1B%5B31mDO");
  // Each request is logged after its answer is sent: under load an earlier
  // one's line can come after a later one's. Wait for all three.
  log_->WaitFor(".html 404 ");
  log_->WaitFor("/quan-tri 200 404 ");
  std::string log = log_->WaitFor("DO 404");
  EXPECT_NE(log.find(" GET /static/app.js\\x00.html 404 "), std::string::npos) << log;
  EXPECT_NE(log.find(" GET /x\\x0D\\x0A2026-12-07T00:00:00Z GET /quan-tri 200 404 "),
            std::string::npos)
      << log;
  EXPECT_NE(log.find(" GET /tim-kiem\\x1B[31mDO 404 "), std::string::npos) << log;
  EXPECT_EQ(log.find('\x1b'), std::string::npos);
  EXPECT_EQ(log.find(std::string(1, '\0')), std::string::npos);
  for (size_t p = log.find('\n'); p != std::string::npos; p = log.find('\n', p + 1)) {
    if (p + 1 < log.size()) {
      EXPECT_EQ(log.compare(p + 1, 3, "202"), 0) << log.substr(p + 1, 40);
    }
  }
}

// W8 (session 14) broke: /api/documents/ID gave the server's absolute
// source path, which the page keeps to the file name.
TEST_F(RoutesTest, ApiGivesTheSourceFileNameOnly) {
  std::string id = PlanId();
  auto doc = Get("/api/documents/" + id + "?text=0");
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->status, 200);
  std::string source = json::parse(doc->body)["source"];
  EXPECT_EQ(source.find('/'), std::string::npos) << source;
  EXPECT_EQ(source.substr(source.size() - 4), ".txt") << source;
  EXPECT_NE(doc->body.find(root_->string()), 0u);
  EXPECT_EQ(doc->body.find(root_->string()), std::string::npos);
}

// W5 (session 14) broke: with the index folder deleted under a running
// server, each request got 200 or a 404 "Không tìm thấy" naming the
// server's index path, as it fell on a searcher already open or on a new
// one failing to open. A request now waits for a searcher open, which
// answers from its revision; the failed open goes to the log.
TEST(SearcherPoolTest, WhenTheIndexFolderGoesTheSearchersOpenAnswer) {
  fs::path root = TempDir("gone");
  fs::copy(vanban::testing::SourceDir() / "corpus", root / "corpus", fs::copy_options::recursive);
  ASSERT_TRUE(IndexInto(root / "index", {root / "corpus"}).ok());
  std::string db = (root / "index").string();
  SearcherPool pool([db] { return search::Searcher::Open(db); }, 4);
  std::vector<std::string> logged;
  std::mutex mu;
  pool.set_error_log([&](const Status& s) {
    std::lock_guard<std::mutex> lock(mu);
    logged.push_back(s.message());
  });
  auto first = pool.Acquire();
  ASSERT_TRUE(first.ok());
  fs::remove_all(root / "index");
  std::optional<StatusOr<SearcherPool::Lease>> second;
  std::thread waiting([&] { second.emplace(pool.Acquire()); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  { auto release = std::move(first).value(); }  // the first request ends
  waiting.join();
  ASSERT_TRUE(second->ok()) << second->status().ToString();
  auto catalog = (**second)->Catalog();
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  EXPECT_FALSE(catalog->empty());
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0],
            "chưa có chỉ mục ở " + db + "; hãy chạy: vanban index --db " + db + " THƯ-MỤC-VĂN-BẢN");
  // At start-up, the failure is told in full to whoever starts the server.
  ServerOptions options;
  options.web_dir = vanban::testing::SourceDir() / "web";
  auto none = Server::Create(options, []() -> StatusOr<std::unique_ptr<search::Searcher>> {
    return Status::NotFound("chưa có chỉ mục ở /srv/chi-muc; hãy chạy: vanban index");
  });
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("/srv/chi-muc"), std::string::npos);
  fs::remove_all(root);
}

// S2 (session 14) broke: after the server of a remote shard restarted,
// every request of `vanban serve` failed (500) until it was restarted: the
// pooled searchers kept their dead connection.
TEST(SearcherPoolTest, ARemoteShardsServerRestartingIsReconnected) {
  if (!fs::exists("/usr/bin/xapian-tcpsrv")) {
    GTEST_SKIP() << "xapian-tcpsrv is absent (Debian package xapian-tools)";
  }
  fs::path root = TempDir("remote");
  fs::copy(vanban::testing::SourceDir() / "corpus", root / "corpus", fs::copy_options::recursive);
  ASSERT_TRUE(IndexInto(root / "index", {root / "corpus"}).ok());
  int port = vanban::testing::FreePort();
  std::string stub = (root / "remote.stub").string();
  std::ofstream(stub) << "remote 127.0.0.1:" << port << "\n";
  int server = vanban::testing::StartXapianTcpsrv((root / "index").string(), port);
  SearcherPool pool([stub] { return search::Searcher::Open(stub); }, 2);
  search::SearchRequest request;
  request.query = "dân vận";
  auto search = [&]() -> bool {
    auto lease = pool.Acquire();
    return lease.ok() && (*lease)->Search(request).ok();
  };
  bool before = false;
  for (int i = 0; i < 100 && !before; ++i) {  // wait for it to listen
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    before = search();
  }
  vanban::testing::StopXapianTcpsrv(server);
  server = vanban::testing::StartXapianTcpsrv((root / "index").string(), port);
  bool after = false;
  for (int i = 0; i < 100 && !after; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    after = search();
  }
  bool again = search();
  vanban::testing::StopXapianTcpsrv(server);
  fs::remove_all(root);
  EXPECT_TRUE(before);
  EXPECT_TRUE(after);
  EXPECT_TRUE(again);
}

// X3 (QA 20) broke: behind a stalled remote shard (its server stopped by
// SIGSTOP) a request waited for several remote timeouts in turn (the
// reopen, a new searcher's two connections, the search), and the others
// queued for the searchers it held: the 6th of 6 answered after 250 s. Now
// the request meeting the stall fails after one timeout without opening
// another searcher, the requests after it fail at once, and once the shard
// answers again so does the pool.
TEST(SearcherPoolTest, AStalledRemoteShardFailsOneRequestAfterItsTimeoutAndTheOthersAtOnce) {
  if (!fs::exists("/usr/bin/xapian-tcpsrv")) {
    GTEST_SKIP() << "xapian-tcpsrv is absent (Debian package xapian-tools)";
  }
  fs::path root = TempDir("stalled");
  fs::copy(vanban::testing::SourceDir() / "corpus", root / "corpus", fs::copy_options::recursive);
  ASSERT_TRUE(IndexInto(root / "index", {root / "corpus"}).ok());
  int port = vanban::testing::FreePort();
  std::string stub = (root / "remote.stub").string();
  std::ofstream(stub) << "remote 127.0.0.1:" << port << "\n";
  int server = vanban::testing::StartXapianTcpsrv((root / "index").string(), port);
  search::OpenOptions options;
  options.remote_timeout = std::chrono::milliseconds(500);
  std::atomic<int> opens{0};
  SearcherPool pool(
      [&] {
        ++opens;
        return search::Searcher::Open(stub, options);
      },
      3, std::chrono::seconds(3));
  search::SearchRequest request;
  request.query = "dân vận";
  auto search = [&]() -> Status {
    auto lease = pool.Acquire();
    if (!lease.ok()) return lease.status();
    auto found = (*lease)->Search(request);
    return found.ok() ? Status::Ok() : found.status();
  };
  bool up = false;
  for (int i = 0; i < 100 && !up; ++i) {  // wait for it to listen
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    up = search().ok();
  }
  int opened = opens;
  kill(-server, SIGSTOP);  // the server and the process serving the connection
  Status first = search();
  std::atomic<int> refused{0};
  std::vector<std::thread> requests;
  for (int i = 0; i < 6; ++i) {
    requests.emplace_back([&] {
      if (search().code() == Status::Code::kUnavailable) ++refused;
    });
  }
  for (auto& t : requests) t.join();
  int opened_while_stalled = opens - opened;
  kill(-server, SIGCONT);
  bool again = false;
  for (int i = 0; i < 200 && !again; ++i) {  // after retry_after, one request tries again
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    again = search().ok();
  }
  vanban::testing::StopXapianTcpsrv(server);
  fs::remove_all(root);
  ASSERT_TRUE(up);
  EXPECT_EQ(first.code(), Status::Code::kUnavailable) << first.ToString();
  EXPECT_EQ(HttpStatus(first), 503);
  EXPECT_EQ(refused, 6);
  EXPECT_EQ(opened_while_stalled, 0);
  EXPECT_TRUE(again);
}

// X3 (QA 20) broke: a search that failed on a stalled remote shard was
// tried again after a reopen, on the same searcher: three remote timeouts
// for one request. It fails after one.
TEST(SearcherPoolTest, ASearchMeetingAStalledRemoteShardIsNotTriedAgain) {
  if (!fs::exists("/usr/bin/xapian-tcpsrv")) {
    GTEST_SKIP() << "xapian-tcpsrv is absent (Debian package xapian-tools)";
  }
  fs::path root = TempDir("stalled-search");
  fs::copy(vanban::testing::SourceDir() / "corpus", root / "corpus", fs::copy_options::recursive);
  ASSERT_TRUE(IndexInto(root / "index", {root / "corpus"}).ok());
  int port = vanban::testing::FreePort();
  std::string stub = (root / "remote.stub").string();
  std::ofstream(stub) << "remote 127.0.0.1:" << port << "\n";
  int server = vanban::testing::StartXapianTcpsrv((root / "index").string(), port);
  search::OpenOptions options;
  options.remote_timeout = std::chrono::seconds(1);
  StatusOr<std::unique_ptr<search::Searcher>> searcher = Status::Internal("not opened");
  for (int i = 0; i < 100 && !searcher.ok(); ++i) {  // wait for it to listen
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    searcher = search::Searcher::Open(stub, options);
  }
  search::SearchRequest request;
  request.query = "dân vận";
  bool before = searcher.ok() && SearchOrRetry(**searcher, request).ok();
  kill(-server, SIGSTOP);
  auto start = std::chrono::steady_clock::now();
  Status stalled = before ? SearchOrRetry(**searcher, request).status() : Status::Ok();
  auto waited = std::chrono::steady_clock::now() - start;
  kill(-server, SIGCONT);
  vanban::testing::StopXapianTcpsrv(server);
  fs::remove_all(root);
  ASSERT_TRUE(before);
  EXPECT_EQ(stalled.code(), Status::Code::kUnavailable) << stalled.ToString();
  // One remote timeout, not three (the search, the reopen, the search again).
  EXPECT_LT(waited, 2 * options.remote_timeout);
}

// X3: while a remote shard is unavailable, requests fail at once instead of
// each opening a searcher (and waiting for its timeout) or queueing for the
// slots of those opening; after `retry_after`, one tries again.
TEST(SearcherPoolTest, RequestsFailAtOnceWhileARemoteShardIsUnavailable) {
  std::atomic<int> opens{0};
  std::atomic<bool> up{false};
  auto factory = [&]() -> StatusOr<std::unique_ptr<search::Searcher>> {
    ++opens;
    if (up) {
      return std::make_unique<search::Searcher>(
          Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the remote timeout
    return Status::Unavailable("máy chủ chỉ mục (remote) nêu trong all.stub, dòng 2 không trả lời");
  };
  SearcherPool pool(factory, 2, std::chrono::hours(1));
  std::atomic<int> refused{0};
  std::vector<std::thread> requests;
  for (int i = 0; i < 6; ++i) {
    requests.emplace_back([&] {
      auto lease = pool.Acquire();
      if (!lease.ok() && lease.status().code() == Status::Code::kUnavailable) ++refused;
    });
  }
  for (auto& t : requests) t.join();
  EXPECT_EQ(refused, 6);
  EXPECT_LE(opens, 2);  // those that came together, one a slot
  int opened = opens;
  up = true;
  auto later = pool.Acquire();
  EXPECT_FALSE(later.ok());
  EXPECT_EQ(opens, opened);
  EXPECT_EQ(HttpStatus(later.status()), 503);
  EXPECT_NE(later.status().message().find("không đọc được chỉ mục"), std::string::npos);
  // With no wait, the next request tries again, and the pool is back.
  SearcherPool retrying(factory, 2, std::chrono::milliseconds(0));
  up = false;
  EXPECT_FALSE(retrying.Acquire().ok());
  up = true;
  EXPECT_TRUE(retrying.Acquire().ok());
  EXPECT_TRUE(retrying.Acquire().ok());
}

// X7 (QA 20) broke: `vanban serve` refused to start while a remote shard
// was down, though at run time it answers 503 and recovers by itself: the
// machine that booted first decided whether search came up.
TEST(SearcherPoolTest, TheServerStartsWhileARemoteShardIsDownAndAnswersOnceItIsUp) {
  std::atomic<bool> up{false};
  ServerOptions options;
  options.web_dir = vanban::testing::SourceDir() / "web";
  options.threads = 2;
  options.retry_after = std::chrono::milliseconds(0);
  LogSink log;
  options.log = &log;
  auto server = Server::Create(options, [&up]() -> StatusOr<std::unique_ptr<search::Searcher>> {
    if (!up) {
      return Status::Unavailable(
          "không kết nối được máy chủ chỉ mục (remote) nêu trong all.stub, dòng 2");
    }
    return std::make_unique<search::Searcher>(
        Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
  });
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  EXPECT_NE(
      log.WaitFor("cảnh báo")
          .find(" cảnh báo: không kết nối được máy chủ chỉ mục (remote) nêu trong all.stub, dòng "
                "2; máy chủ vẫn chạy, trả lời 503"),
      std::string::npos);
  auto port = (*server)->BindToAnyPort("127.0.0.1");
  ASSERT_TRUE(port.ok());
  std::thread serving([&] { (*server)->Run(); });
  httplib::Client client("127.0.0.1", *port);
  auto down = client.Get("/api/search?q=luat");
  up = true;
  auto back = client.Get("/api/search?q=luat");
  (*server)->Stop();
  serving.join();
  ASSERT_TRUE(down && back);
  EXPECT_EQ(down->status, 503);
  EXPECT_TRUE(json::parse(down->body).contains("error")) << down->body;
  EXPECT_EQ(back->status, 200) << back->body;
}

// C12 (code review) broke: an exception past a handler was answered 500
// but nothing was logged, though README says the detail goes to the log.
// The pool keeps working after it (its slot, and its turn to try again,
// are given back).
TEST(SearcherPoolTest, AnExceptionPastAHandlerIsLoggedAndThePoolGoesOn) {
  std::atomic<int> calls{0};
  ServerOptions options;
  options.web_dir = vanban::testing::SourceDir() / "web";
  options.threads = 2;
  options.retry_after = std::chrono::milliseconds(0);
  LogSink log;
  options.log = &log;
  auto server = Server::Create(options, [&calls]() -> StatusOr<std::unique_ptr<search::Searcher>> {
    switch (calls++) {
      case 0:
        return Status::Unavailable("không kết nối được máy chủ chỉ mục (remote)");
      case 1:
        throw std::runtime_error("hỏng bộ nhớ");
      default:
        return std::make_unique<search::Searcher>(
            Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY));
    }
  });
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  auto port = (*server)->BindToAnyPort("127.0.0.1");
  ASSERT_TRUE(port.ok());
  std::thread serving([&] { (*server)->Run(); });
  httplib::Client client("127.0.0.1", *port);
  auto failed = client.Get("/api/search?q=luat");
  auto after = client.Get("/api/search?q=luat");
  (*server)->Stop();
  serving.join();
  ASSERT_TRUE(failed && after);
  EXPECT_EQ(failed->status, 500);
  EXPECT_EQ(json::parse(failed->body)["error"],
            "Máy chủ gặp lỗi khi xử lý yêu cầu này; hãy báo người quản trị (chi tiết đã được ghi "
            "vào nhật ký của máy chủ).");
  EXPECT_NE(
      log.WaitFor("hỏng bộ nhớ").find(" lỗi không lường trước: GET /api/search: hỏng bộ nhớ\n"),
      std::string::npos);
  EXPECT_EQ(after->status, 200) << after->body;
}

// S6 (session 14) broke: a remote shard's failure reached the public page
// and the API as Xapian's English ("Lỗi khi đọc chỉ mục: lỗi khi tìm
// kiếm: NetworkError: write failed … (Broken pipe)"). The reader is told
// in Vietnamese; the detail goes to the server's log.
TEST(PublicMessageTest, ServerFailuresAreToldPlainlyAndLoggedInFull) {
  std::vector<std::string> logged;
  RouteContext ctx{nullptr, nullptr, [&](const Status& s) { logged.push_back(s.message()); }};
  Status network = Status::IoError(
      "lỗi khi tìm kiếm: NetworkError: write failed (context: remote:tcp(127.0.0.1:8104)) "
      "(Broken pipe)");
  std::string told = PublicMessage(ctx, network);
  EXPECT_EQ(HttpStatus(network), 503);
  EXPECT_EQ(told.find("NetworkError"), std::string::npos) << told;
  EXPECT_EQ(told.find("127.0.0.1"), std::string::npos) << told;
  EXPECT_EQ(told.rfind("Máy chủ hiện không đọc được chỉ mục.", 0), 0u) << told;
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0], network.message());
  std::string internal = PublicMessage(ctx, Status::Internal("std::bad_alloc"));
  EXPECT_EQ(internal.find("bad_alloc"), std::string::npos);
  EXPECT_EQ(internal.rfind("Máy chủ gặp lỗi khi xử lý yêu cầu này", 0), 0u) << internal;
  // Not found and bad input are the reader's to know, as they are.
  Status missing = NoSuchDocument("99/CT-TTg");
  EXPECT_EQ(PublicMessage(ctx, missing), missing.message());
  EXPECT_EQ(logged.size(), 2u);
}

// W5: a pool with no searcher whose open fails tells the reader that the
// index cannot be read now (503), and the log why, with the path.
TEST(SearcherPoolTest, AFailedOpenIsA503ForTheReaderAndInFullInTheLog) {
  SearcherPool pool(
      []() -> StatusOr<std::unique_ptr<search::Searcher>> {
        return Status::NotFound("chưa có chỉ mục ở /srv/chi-muc; hãy chạy: vanban index");
      },
      2);
  std::string logged;
  pool.set_error_log([&](const Status& s) { logged = s.message(); });
  auto lease = pool.Acquire();
  ASSERT_FALSE(lease.ok());
  EXPECT_EQ(HttpStatus(lease.status()), 503);
  EXPECT_EQ(lease.status().message().find("/srv"), std::string::npos);
  EXPECT_NE(lease.status().message().find("không đọc được chỉ mục"), std::string::npos);
  EXPECT_EQ(logged, "chưa có chỉ mục ở /srv/chi-muc; hãy chạy: vanban index");
}

// C11 (session 15) broke: two requests opening the first searchers at once
// that both failed: the first to fail waited for an open searcher that the
// second was still opening, and when that failed too it waited for good.
TEST(SearcherPoolTest, OpensFailingTogetherBothAnswer) {
  // Leaked when a request waits for good, so that its thread can be left.
  struct Shared {
    std::atomic<int> calls{0};
    std::latch both_opening{2};
    std::atomic<int> answered{0}, failed{0};
    std::unique_ptr<SearcherPool> pool;
  };
  auto* shared = new Shared;
  shared->pool = std::make_unique<SearcherPool>(
      [shared]() -> StatusOr<std::unique_ptr<search::Searcher>> {
        int n = shared->calls++;
        if (n < 2) {
          shared->both_opening.arrive_and_wait();
          // The second fails after the first is waiting.
          if (n == 1) std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        return Status::NotFound("chưa có chỉ mục ở /srv/chi-muc");
      },
      4);
  std::vector<std::thread> requests;
  for (int i = 0; i < 2; ++i) {
    requests.emplace_back([shared] {
      if (!shared->pool->Acquire().ok()) ++shared->failed;
      ++shared->answered;
    });
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (shared->answered < 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (shared->answered < 2) {
    for (auto& t : requests) t.detach();
    FAIL() << "a request waits for good";
  }
  for (auto& t : requests) t.join();
  EXPECT_EQ(shared->failed, 2);
  delete shared;
}

// A reindex while searches run: no search fails, and what the reindex added
// (the law texts of ../shared, absent at first) is seen without a restart.
TEST(ReindexTest, PickedUpWithoutRestartAndSearchesNeverFail) {
  VANBAN_REQUIRE_SHARED();
  const fs::path shared = vanban::testing::SharedDir();  // before the env changes
  fs::path root = TempDir("reindex");
  fs::create_directories(root / "no-shared");
  fs::copy(vanban::testing::SourceDir() / "corpus", root / "corpus", fs::copy_options::recursive);
  setenv("VANBAN_SHARED_DIR", (root / "no-shared").c_str(), 1);
  ASSERT_TRUE(IndexInto(root / "index", {root / "corpus"}).ok());
  ServerOptions options;
  options.db_dir = (root / "index").string();
  options.web_dir = vanban::testing::SourceDir() / "web";
  options.threads = 2;
  auto server = Server::Create(options);
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  auto port = (*server)->BindToAnyPort("127.0.0.1");
  ASSERT_TRUE(port.ok());
  std::thread serving([&] { (*server)->Run(); });
  auto law_has_text = [&]() -> int {  // -1: request failed
    httplib::Client client("127.0.0.1", *port);
    auto res = client.Get("/api/search?q=25%2F2018%2FQH14");
    if (!res || res->status != 200) return -1;
    auto results = json::parse(res->body)["results"];
    if (results.empty() || results[0]["number"] != "25/2018/QH14") return -1;
    return results[0]["has_text"].get<bool>() ? 1 : 0;
  };
  EXPECT_EQ(law_has_text(), 0);
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, searches{0};
  std::thread searching([&] {
    while (!done) {
      if (law_has_text() < 0) ++failures;
      ++searches;
    }
  });
  setenv("VANBAN_SHARED_DIR", shared.c_str(), 1);
  Status s = IndexInto(root / "index", {root / "corpus"});
  done = true;
  searching.join();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(failures, 0) << "of " << searches << " searches during the reindex";
  EXPECT_GT(searches, 0);
  EXPECT_EQ(law_has_text(), 1);
  (*server)->Stop();
  serving.join();
  fs::remove_all(root);
}

}  // namespace
}  // namespace vanban::server
