// Encoding detection and conversion: samples of every encoding generated
// from the plan, the six legal texts and snippets of the large corpus must
// be detected and come back identical after normalisation; every real
// UTF-8 text in ../shared must be detected as UTF-8.
#include "ingest/encoding.h"

#include <gtest/gtest.h>

#include <map>

#include "ingest/extract.h"
#include "ingest/fixtures.h"
#include "ingest/test_util.h"
#include "ingest/vietnamese_score.h"
#include "support/shared_data.h"
#include "text/analyzer.h"

namespace vanban::ingest {
namespace {

using testing::Pipe;

std::string Read(const std::filesystem::path& p) { return fixtures::ReadBytes(p).value(); }

// The text a legacy encoding can carry: characters it cannot represent are
// replaced by '?', as EncodeFromUtf8 does.
std::string Representable(const std::string& nfc, std::string_view encoding) {
  std::map<std::u32string, bool> cache;
  std::string out;
  std::u32string cps = testing::CodePoints(nfc);
  for (size_t i = 0, pos = 0; i < cps.size(); ++i) {
    size_t len = 1;
    auto b = static_cast<unsigned char>(nfc[pos]);
    len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    std::string ch = nfc.substr(pos, len);
    pos += len;
    if (b < 0x80) {
      out += ch;
      continue;
    }
    std::u32string key(1, cps[i]);
    auto it = cache.find(key);
    if (it == cache.end()) {
      std::string enc = EncodeFromUtf8(ch, encoding);
      it = cache.emplace(key, !(enc == "?")).first;
    }
    out += it->second ? ch : "?";
  }
  return out;
}

// Body of a Markdown file from the large corpus (first ~20 KB of lines).
std::string Snippet(const std::filesystem::path& md) {
  std::string s = text::Normalize(Read(md));
  size_t body = s.find("## VĂN BẢN");
  s = s.substr(body == std::string::npos ? 0 : body, 20000);
  return s.substr(0, s.rfind('\n') + 1);
}

std::vector<std::pair<std::string, std::string>> Samples() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : testing::SharedCorpusTexts()) {
    out.emplace_back(p.filename().string(), text::Normalize(Read(p)));
  }
  std::vector<std::filesystem::path> md = testing::LargeCorpusFiles();
  for (size_t i = 0; i < md.size(); i += 40) {
    if (md[i].filename() == "README.md") ++i;  // English
    out.emplace_back(md[i].filename().string(), Snippet(md[i]));
  }
  return out;
}

void ExpectRoundTrip(const std::string& name, const std::string& source, const std::string& bytes,
                     std::string_view encoding) {
  EncodingGuess guess = DetectEncoding(bytes);
  EXPECT_EQ(guess.encoding, encoding)
      << name << " score " << guess.score << " runner-up " << guess.runner_up;
  StatusOr<Extracted> got = ExtractBytes(bytes, name + ".txt");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  StatusOr<Extracted> want = ExtractBytes(source, name + ".txt");
  ASSERT_TRUE(want.ok());
  EXPECT_EQ(got->encoding, encoding);
  if (got->text != want->text) {
    size_t i = 0;
    while (i < got->text.size() && i < want->text.size() && got->text[i] == want->text[i]) ++i;
    size_t from = i < 60 ? 0 : i - 60;
    ADD_FAILURE() << name << " in " << encoding << " differs at byte " << i
                  << ":\n got: " << got->text.substr(from, 120)
                  << "\nwant: " << want->text.substr(from, 120);
  }
}

TEST(EncodingTest, EveryEncodingOfSharedTextsRoundTrips) {
  VANBAN_REQUIRE_SHARED();
  for (const auto& [name, source] : Samples()) {
    for (std::string_view enc : {kUtf16Le, kUtf16Be, kCp1258, kTcvn3, kVni, kViqr}) {
      std::string expected =
          enc == kUtf16Le || enc == kUtf16Be ? source : Representable(source, enc);
      ExpectRoundTrip(name, expected, EncodeFromUtf8(expected, enc), enc);
    }
    ExpectRoundTrip(name, source, "\xEF\xBB\xBF" + source, kUtf8);
  }
}

// Samples made by other tools than ours: iconv for TCVN3/CP1258, recode for
// VNI; VIQR from recode is unescaped, so only near-equality is possible
// ("bị" before a capital letter reads as "bi" + full stop).
TEST(EncodingTest, SamplesFromIconvAndRecodeAreDetected) {
  VANBAN_REQUIRE_SHARED();
  std::filesystem::path plan = testing::SharedCorpusTexts().front();
  std::string source = text::Normalize(Read(plan));
  struct Tool {
    std::string_view encoding;
    std::string command;
  } tools[] = {{kTcvn3, "iconv -c -f UTF-8 -t TCVN5712-1"},
               {kCp1258, "iconv -c -f UTF-8 -t CP1258"},
               {kVni, "recode -f utf8..vni"},
               {kViqr, "recode -f utf8..viqr"}};
  for (const Tool& t : tools) {
    std::optional<std::string> bytes = Pipe(t.command, source);
    if (!bytes) GTEST_SKIP() << t.command << " failed";
    EXPECT_EQ(DetectEncoding(*bytes).encoding, t.encoding) << t.command;
    StatusOr<Extracted> got = ExtractBytes(*bytes, "plan");
    ASSERT_TRUE(got.ok());
    double accuracy = testing::CharAccuracy(ExtractBytes(source, "plan").value().text, got->text);
    EXPECT_GT(accuracy, t.encoding == kViqr ? 0.995 : 0.99) << t.command;
  }
}

TEST(EncodingTest, NoFalsePositiveOnRealUtf8Texts) {
  VANBAN_REQUIRE_SHARED();
  std::vector<std::filesystem::path> files = testing::SharedCorpusTexts();
  std::vector<std::filesystem::path> md = testing::LargeCorpusFiles();
  files.insert(files.end(), md.begin(), md.end());
  ASSERT_GE(files.size(), 7u);
  for (const auto& f : files) {
    EXPECT_EQ(DetectEncoding(Read(f)).encoding, kUtf8) << f;
  }
}

TEST(EncodingTest, AsciiEnglishIsNotViqr) {
  std::string english =
      "It's a test. Are you sure? We'll see... The file (a copy) was sent to you.\n"
      "Do you agree? Yes. No. Maybe? I'd say so.\n";
  EXPECT_EQ(DetectEncoding(english).encoding, kUtf8);
}

TEST(EncodingTest, BinaryIsRecognised) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) % 256);
  EXPECT_TRUE(DetectEncoding(bytes).binary);
}

TEST(EncodingTest, Utf16WithoutBomIsDetected) {
  std::string le = EncodeFromUtf8("Ủy ban nhân dân xã Ngọc Kỳ, huyện Tứ Kỳ", kUtf16Le).substr(2);
  EXPECT_EQ(DetectEncoding(le).encoding, kUtf16Le);
}

TEST(EncodingTest, BrokenUtf8StaysUtf8WithReplacement) {
  // One stray byte in a UTF-8 text must not flip it to a legacy encoding.
  std::string text =
      "Kế hoạch triển khai thực hiện công tác dân vận chính quyền năm 2023 "
      "trên địa bàn xã Ngọc Kỳ \xFF và huyện Tứ Kỳ.";
  EXPECT_EQ(DetectEncoding(text).encoding, kUtf8);
  StatusOr<Extracted> got = ExtractBytes(text, "x.txt");
  ASSERT_TRUE(got.ok());
  EXPECT_NE(got->text.find("\uFFFD"), std::string::npos);
  EXPECT_FALSE(got->warnings.empty());
}

TEST(VietnameseScoreTest, Syllables) {
  for (const char* ok :
       {"Nguyễn", "quyết", "giữ", "thuở", "khuya", "nghiêng", "Đảng", "ĐƯỜNG", "ạ"}) {
    EXPECT_TRUE(IsVietnameseSyllable(ok)) << ok;
  }
  for (const char* bad : {"vieät", "vi\u00D6t", "nhµ", "cáà", "hoc\u0300", "ñi", "xyz\u0301"}) {
    EXPECT_FALSE(IsVietnameseSyllable(bad)) << bad;
  }
}

}  // namespace
}  // namespace vanban::ingest
