// `vanban search`, `show`, `cited-by`, `missing`: queries over the index.
// --json prints the stable contract of search/json.h (README, "JSON").
// Exit codes: 0 found, 1 nothing found / not found / database error,
// 2 usage error.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/json_output.h"
#include "index/builder.h"
#include "legal/document.h"
#include "legal/numbering.h"
#include "search/json.h"
#include "search/searcher.h"
#include "server/html.h"

namespace vanban::cli {
namespace {

struct SearchCommandOptions {
  std::string db = "index";
  bool json = false;
  int limit = 10;
  int offset = 0;
  std::string type, issuer, year, sort = "relevance";
  std::vector<std::string> words;
  std::vector<std::string> excluded;  // --exclude, and "-word" (main.cc)
  bool no_text = false;
};

// The words as one query, read as the HTTP API reads its parameters (NFC,
// each control character a space): J4 (QA 21), the JSON's "query" kept
// them as typed.
std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) {
    // main.cc puts a space before a quoted query that starts with "-".
    size_t b = w.find_first_not_of(' ');
    if (b != std::string::npos) s += (s.empty() ? "" : " ") + w.substr(b);
  }
  return server::CleanInput(s);
}

// `s` as typed in a shell: in double quotes unless it is one plain word.
std::string ShellQuoted(const std::string& s) {
  bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '.' ||
           c == '_' || static_cast<unsigned char>(c) >= 0x80;
  });
  if (plain) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + '"';
}

// Snippet HTML to terminal text: <mark> as bold on a terminal, entities
// decoded.
std::string SnippetToTerminal(const std::string& html, bool tty) {
  std::string out;
  for (size_t i = 0; i < html.size();) {
    auto take = [&](const char* s, const char* r) {
      size_t n = std::char_traits<char>::length(s);
      if (html.compare(i, n, s) != 0) return false;
      out += r;
      i += n;
      return true;
    };
    if (take("<mark>", tty ? "\033[1m" : "[") || take("</mark>", tty ? "\033[0m" : "]") ||
        take("&amp;", "&") || take("&lt;", "<") || take("&gt;", ">") || take("&quot;", "\"") ||
        take("&#39;", "'")) {
      continue;
    }
    out.push_back(html[i++]);
  }
  return out;
}

StatusOr<std::unique_ptr<search::Searcher>> OpenOrReport(const std::string& db) {
  auto s = search::Searcher::Open(db);
  if (!s.ok()) std::fprintf(stderr, "Lỗi: %s\n", s.status().message().c_str());
  return s;
}

// `file_label`: the file's name of a document with no type, number or
// title (index::FileLabel), shown as such.
std::string Heading(const std::string& type, const std::string& number, const std::string& title,
                    const std::string& file_label = "") {
  // "Luật Thanh tra", not "Luật — Luật Thanh tra" (legal::HeadingOf).
  legal::HeadingName name = legal::HeadingOf(type, number, title);
  std::string h = name.name;
  if (!name.title.empty()) h += (h.empty() ? "" : " — ") + name.title;
  if (h.empty() && !file_label.empty()) return "Tệp “" + file_label + "”";
  return h.empty() ? "(không rõ)" : h;
}

int RunSearch(const SearchCommandOptions& o) {
  for (const auto& w : o.excluded) {
    if (w.find_first_not_of(" \t\"") == std::string::npos) {
      std::fprintf(stderr, "Lỗi: --exclude cần một từ để loại trừ (giá trị đang trống).\n");
      return 2;
    }
  }
  auto searcher = OpenOrReport(o.db);
  if (!searcher.ok()) return 1;
  search::SearchRequest req;
  req.query = Join(o.words);
  for (const auto& w : o.excluded) {
    // -"chính quyền" arrives quoted already.
    bool quoted = w.size() >= 2 && w.front() == '"' && w.back() == '"';
    bool spaced = !quoted && w.find(' ') != std::string::npos;
    req.query += (req.query.empty() ? "-" : " -") + (spaced ? "\"" + w + "\"" : w);
  }
  req.type = o.type;
  req.issuer = o.issuer;
  req.year = o.year;
  req.limit = o.limit;
  req.offset = o.offset;
  req.sort = o.sort == "date" ? search::SearchRequest::Sort::kDate
                              : search::SearchRequest::Sort::kRelevance;
  auto resp = (*searcher)->Search(req);
  if (!resp.ok()) {
    std::fprintf(stderr, "Lỗi: %s\n", resp.status().message().c_str());
    return 1;
  }
  // Nothing to search ("", "-", "..."): a usage error, not "no document".
  int nothing = resp->nothing_to_search ? 2 : 1;
  if (o.json) {
    PrintJson(search::ToJson(*resp));
    return resp->results.empty() && resp->total == 0 ? nothing : 0;
  }
  if (resp->nothing_to_search) {
    std::fprintf(stderr, "Lỗi: %s\n", resp->notice.c_str());
    return 2;
  }
  bool tty = isatty(STDOUT_FILENO);
  if (!resp->notice.empty()) std::printf("Lưu ý: %s\n", resp->notice.c_str());
  // What was searched: the query, or the filters given alone.
  std::string what = "cho \"" + req.query + "\"";
  if (req.query.empty()) {
    std::string filters;
    auto add = [&filters](const char* label, const std::string& v) {
      if (!v.empty()) filters += (filters.empty() ? "" : ", ") + std::string(label) + v;
    };
    add("loại ", req.type);
    add("cơ quan ban hành ", req.issuer);
    add("năm ", req.year);
    what = "với bộ lọc " + filters;
  }
  // `total` is exact below the facet depth (README), an estimate above.
  if (resp->total == 0) {
    std::printf("Không tìm thấy văn bản nào %s.\n", what.c_str());
  } else {
    std::printf("%s%d kết quả %s.\n", resp->total < 200 ? "" : "Khoảng ", resp->total,
                what.c_str());
  }
  if (resp->results.empty() && resp->total > 0) {
    std::printf("--offset %d đã qua kết quả cuối cùng; hãy dùng --offset nhỏ hơn %d.\n", req.offset,
                resp->total);
  }
  if (!resp->suggestion.empty()) {
    std::printf("Có phải bạn muốn tìm: %s\n", resp->suggestion.c_str());
  }
  int n = req.offset;
  for (const auto& h : resp->results) {
    std::printf("\n%d. %s  [%s]\n", ++n, Heading(h.type, h.number, h.title, h.file_label).c_str(),
                h.id.c_str());
    std::string info = h.issuer;
    if (!h.date.empty()) info += (info.empty() ? "" : ", ") + h.date;
    if (!h.has_text) info += (info.empty() ? "" : " · ") + std::string("chưa có toàn văn");
    if (!info.empty()) std::printf("   %s\n", info.c_str());
    std::string where = h.article.empty() ? "" : h.article + ": ";
    std::printf("   %s%s\n", where.c_str(), SnippetToTerminal(h.snippet, tty).c_str());
  }
  return resp->total == 0 ? 1 : 0;
}

// Where a citation leads, for a reader: the id and the article
// ("luat-02-2011-qh13#dieu-8"), or why it leads nowhere.
std::string CitationTarget(const legal::Citation& c) {
  std::string anchor = c.anchor.empty() ? "" : "#" + c.anchor;
  // The reason when there is one ("Danh mục không có văn bản số …").
  auto why = [&c](const char* otherwise) {
    return "(" + (c.reason.empty() ? std::string(otherwise) : c.reason) + ")";
  };
  switch (c.status) {
    case legal::CitationStatus::kResolved:
      return c.resolved_id + anchor;
    case legal::CitationStatus::kSelf:
      return "(chính văn bản này)" + (anchor.empty() ? "" : " " + anchor);
    case legal::CitationStatus::kNotInCatalog:
      return why("không có trong danh mục");
    case legal::CitationStatus::kAmbiguous:
      return why("chưa rõ là văn bản nào");
    case legal::CitationStatus::kUnresolved:
      break;
  }
  return why("chưa xác định");
}

void PrintDocument(const search::StoredDocument& d, const std::vector<search::CitedBy>& cited_by,
                   const std::vector<std::string>& doubts, bool with_text) {
  const auto& m = d.doc.meta;
  std::printf("%s\n",
              Heading(m.type, m.number, m.title, index::FileLabel(m, d.source_path)).c_str());
  // Labels padded to one column by code points (printf pads bytes).
  auto line = [](const std::string& label, const std::string& v) {
    size_t width = 0;
    for (char c : label) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    std::printf("  %s%s %s\n", label.c_str(), std::string(width < 17 ? 17 - width : 0, ' ').c_str(),
                v.empty() ? "(không rõ)" : v.c_str());
  };
  line("Mã:", d.doc.id);
  line("Cơ quan ban hành:", m.issuer);
  line("Ngày ban hành:", m.date);
  if (!m.effective_date.empty()) line("Hiệu lực từ:", m.effective_date);
  line("Người ký:", m.signer);
  line("Tệp nguồn:", d.source_path.empty() ? "(chưa có toàn văn)" : d.source_path);
  if (!d.same_number.empty()) {
    std::printf("\nVăn bản khác cùng số %s (%zu):\n", m.number.c_str(), d.same_number.size());
    for (const auto& o : d.same_number) {
      std::string where = o.issuer;
      if (!o.date.empty()) where += (where.empty() ? "" : ", ") + o.date;
      std::printf("  - %s: %s%s\n", o.id.c_str(),
                  Heading(o.type, o.number, o.title, o.file_label).c_str(),
                  where.empty() ? "" : (" (" + where + ")").c_str());
    }
  }
  // The Pháp điển's notes ("bị bãi bỏ bởi Điều 35 Luật số …") are listed
  // after the document's own citations, and not counted with them.
  size_t notes = std::count_if(d.doc.citations.begin(), d.doc.citations.end(),
                               [](const legal::Citation& c) { return c.source_note; });
  // A link that may land elsewhere than the part meant is marked "(!)" with
  // why, as `cited-by` and the pages do (F7, session 15: `show` gave it as
  // sure).
  auto print_citation = [&](size_t i) {
    const legal::Citation& c = d.doc.citations[i];
    const std::string& doubt = i < doubts.size() ? doubts[i] : std::string();
    std::printf("  - %s -> %s%s\n", c.raw.c_str(), CitationTarget(c).c_str(),
                doubt.empty() ? "" : " (!)");
    if (!doubt.empty()) std::printf("      Lưu ý: %s.\n", doubt.c_str());
  };
  std::printf("\nVăn bản này dẫn chiếu (%zu):\n", d.doc.citations.size() - notes);
  for (size_t i = 0; i < d.doc.citations.size(); ++i) {
    if (!d.doc.citations[i].source_note) print_citation(i);
  }
  if (notes > 0) std::printf("\nGhi chú của Pháp điển (%zu):\n", notes);
  for (size_t i = 0; i < d.doc.citations.size(); ++i) {
    if (d.doc.citations[i].source_note) print_citation(i);
  }
  std::printf("\nĐược dẫn chiếu bởi (%zu):\n", cited_by.size());
  for (const auto& c : cited_by) {
    std::printf("  - %s%s: %s\n", c.citing_id.c_str(),
                c.anchor.empty() ? "" : ("#" + c.anchor).c_str(), c.sentence.c_str());
  }
  if (with_text && d.has_text) std::printf("\n%s\n", d.doc.text.c_str());
}

int RunShow(const SearchCommandOptions& o) {
  auto searcher = OpenOrReport(o.db);
  if (!searcher.ok()) return 1;
  std::string key = Join(o.words);
  auto doc = (*searcher)->Get(key);
  if (!doc.ok()) {
    std::fprintf(stderr, "Lỗi: %s\n", doc.status().message().c_str());
    // A number or name the index has only as a citation: where it is cited.
    if (!doc.status().IsNotFound()) return 1;
    if (auto several = (*searcher)->LooseMatches(key); several.ok() && !several->empty()) {
      std::fprintf(stderr, "Tên này khớp %zu văn bản; hãy ghi số hiệu hoặc mã:\n", several->size());
      for (const auto& h : *several) {
        std::fprintf(stderr, "  - %s: %s\n", h.id.c_str(),
                     Heading(h.type, h.number, h.title, h.file_label).c_str());
      }
      return 1;
    }
    auto citing = (*searcher)->GetCitedBy(key);
    if (citing.ok()) {
      std::set<std::string> ids;
      std::string names;
      for (const auto& c : *citing) {
        if (!ids.insert(c.citing_id).second) continue;
        names += (names.empty() ? "" : ", ") +
                 legal::ShortName(c.citing_type, c.citing_number, c.citing_title, c.citing_id);
      }
      std::fprintf(stderr,
                   "Văn bản này chưa có trong chỉ mục, nhưng được dẫn chiếu trong: %s "
                   "(xem: vanban cited-by %s).\n",
                   names.c_str(), ShellQuoted(key).c_str());
    }
    return 1;
  }
  auto cited_by = (*searcher)->GetCitedBy(doc->doc.id);
  std::vector<search::CitedBy> cb = cited_by.ok() ? *cited_by : std::vector<search::CitedBy>{};
  if (o.json) {
    nlohmann::json j = search::ToJson(*doc, !o.no_text);
    search::AddLinkDoubts((*searcher)->LinkDoubts(doc->doc), &j["citations"]);
    j["cited_by"] = nlohmann::json::array();
    for (const auto& c : cb) j["cited_by"].push_back(search::ToJson(c));
    PrintJson(j);
  } else {
    PrintDocument(*doc, cb, (*searcher)->LinkDoubts(doc->doc), !o.no_text);
  }
  return 0;
}

int RunCitedBy(const SearchCommandOptions& o) {
  auto searcher = OpenOrReport(o.db);
  if (!searcher.ok()) return 1;
  auto cited_by = (*searcher)->GetCitedBy(Join(o.words));
  if (!cited_by.ok()) {
    std::fprintf(stderr, "Lỗi: %s\n", cited_by.status().message().c_str());
    return 1;
  }
  if (o.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& c : *cited_by) j.push_back(search::ToJson(c));
    PrintJson(j);
    return 0;
  }
  // The cited document's own structure says which links may land on
  // another chapter or section than the one meant ("(!)", as on its page).
  auto target = (*searcher)->Get(Join(o.words));
  if (cited_by->empty()) {
    // Q18 (session 17): "Được dẫn chiếu bởi 0 chỗ:" and nothing after it.
    std::string name = target.ok() ? Heading(target->doc.meta.type, target->doc.meta.number,
                                             target->doc.meta.title)
                                   : Join(o.words);
    std::printf("Chưa có văn bản nào trong chỉ mục dẫn chiếu đến %s.\n", name.c_str());
    return 0;
  }
  std::printf("Được dẫn chiếu bởi %zu chỗ:\n", cited_by->size());
  std::vector<std::string> doubts;  // printed once each, after the list
  for (const auto& c : *cited_by) {
    std::printf("\n%s [%s]%s\n  %s\n", Heading(c.citing_type, c.citing_number, c.citing_title).c_str(),
                c.citing_id.c_str(), c.anchor.empty() ? "" : (" #" + c.anchor).c_str(),
                c.sentence.c_str());
    std::string parts;
    for (const auto& a : c.target_anchors) {
      parts += (parts.empty() ? "#" : ", #") + a;
      std::string doubt =
          target.ok() ? legal::UncertainLinkNote(target->doc, a, /*self=*/false) : "";
      if (doubt.empty()) continue;
      parts += " (!)";
      if (std::find(doubts.begin(), doubts.end(), "#" + a + ": " + doubt) == doubts.end()) {
        doubts.push_back("#" + a + ": " + doubt);
      }
    }
    if (!parts.empty()) std::printf("  → dẫn chiếu đến %s\n", parts.c_str());
  }
  if (!doubts.empty())
    std::printf("\n(!) Liên kết có thể dẫn đến chỗ khác với chỗ được nhắc đến:\n");
  for (const std::string& d : doubts) std::printf("  %s.\n", d.c_str());
  return 0;
}

int RunMissing(const SearchCommandOptions& o) {
  auto searcher = OpenOrReport(o.db);
  if (!searcher.ok()) return 1;
  auto rows = (*searcher)->Missing();
  if (!rows.ok()) {
    std::fprintf(stderr, "Lỗi: %s\n", rows.status().message().c_str());
    return 1;
  }
  if (o.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& r : *rows) j.push_back(search::ToJson(r));
    PrintJson(j);
    return 0;
  }
  std::printf("%zu văn bản được dẫn chiếu nhưng chưa có toàn văn:\n", rows->size());
  for (const auto& r : *rows) {
    std::string where;
    for (const auto& c : r.cited_in) where += (where.empty() ? "" : ", ") + c;
    // T7 (session 15): "Luật tố cáo" in a law of 2013 was "not in the
    // catalog", which has a Luật Tố cáo, of 2018: a later namesake.
    std::string label = !r.id.empty()         ? " [" + r.id + "]"
                        : r.ruled_out.empty() ? " (không có trong danh mục)"
                                              : " (khác văn bản cùng tên trong danh mục)";
    std::printf("\n%s%s\n", Heading(r.type, r.number, r.title).c_str(), label.c_str());
    // T6 (session 15): the name a citing text gives a number.
    if (!r.cited_as.empty() && r.cited_as != r.title) {
      std::printf("  tên trong văn bản dẫn chiếu: %s\n", r.cited_as.c_str());
    }
    if (std::string note = search::RuledOutNote(r); !note.empty()) {
      std::printf("  %s\n", note.c_str());
    }
    std::printf("  được dẫn chiếu bởi %d văn bản: %s\n", r.cited_count,
                where.empty() ? "-" : where.c_str());
  }
  return 0;
}

CLI::App* AddCommon(CLI::App& app, const char* name, const char* help,
                    std::shared_ptr<SearchCommandOptions> o) {
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->add_option("--db", o->db,
                  "Thư mục chỉ mục, hoặc tệp stub Xapian ghép nhiều phân đoạn / index folder or "
                  "Xapian stub file (mặc định index)");
  cmd->add_flag("--json", o->json, "In JSON (định dạng ổn định) / print JSON");
  return cmd;
}

}  // namespace

void AddSearchCommands(CLI::App& app, int* exit_code) {
  auto so = std::make_shared<SearchCommandOptions>();
  CLI::App* s = AddCommon(app, "search", "Tìm văn bản / search documents", so);
  s->add_option("--limit", so->limit, "Số kết quả / results (1-100)")
      ->transform(Decimal("--limit"))
      ->check(CLI::Range(1, 100));
  s->add_option("--offset", so->offset, "Bỏ qua N kết quả đầu / skip N")
      ->transform(Decimal("--offset"))
      ->check(CLI::Range(0, 100000));
  s->add_option("--type", so->type, "Lọc theo loại văn bản / type filter (\"Luật\")");
  s->add_option("--issuer", so->issuer, "Lọc theo cơ quan ban hành / issuer filter");
  s->add_option("--year", so->year, "Lọc theo năm / year filter (2021)")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            return search::SearchRequest::IsYear(v)
                       ? std::string()
                       : "giá trị \"" + v + "\" của --year phải là năm bốn chữ số, ví dụ 2021";
          },
          "NĂM"));
  s->add_option("--sort", so->sort, "relevance (mặc định) hoặc date")
      ->check(CLI::IsMember({"relevance", "date"}));
  // One word (or "phrase") per --exclude: the words after it are the query.
  s->add_option("--exclude", so->excluded,
                "Loại trừ văn bản có từ này (như -từ trong câu tìm) / exclude a word")
      ->allow_extra_args(false);
  s->add_option("query", so->words, "Từ cần tìm / query");
  s->callback([so, exit_code] {
    // Words, only words to exclude ("vanban search -chính"), or only a
    // filter ("--type Luật": every law, as /api/search?type=Luật gives).
    bool filter = !so->type.empty() || !so->issuer.empty() || !so->year.empty();
    if (so->words.empty() && so->excluded.empty() && !filter) throw CLI::RequiredError("query");
    *exit_code = RunSearch(*so);
  });

  auto sh = std::make_shared<SearchCommandOptions>();
  CLI::App* show = AddCommon(app, "show", "Xem một văn bản (mã hoặc số hiệu) / show a document", sh);
  show->add_flag("--no-text", sh->no_text, "Không in toàn văn / without the text");
  show->add_option("id", sh->words, "Mã hoặc số hiệu / id or number")->required();
  show->callback([sh, exit_code] { *exit_code = RunShow(*sh); });

  auto cb = std::make_shared<SearchCommandOptions>();
  CLI::App* cited = AddCommon(app, "cited-by", "Văn bản nào dẫn chiếu văn bản này / cited by", cb);
  cited->add_option("id", cb->words, "Mã hoặc số hiệu / id or number")->required();
  cited->callback([cb, exit_code] { *exit_code = RunCitedBy(*cb); });

  auto mo = std::make_shared<SearchCommandOptions>();
  CLI::App* missing = AddCommon(
      app, "missing", "Văn bản được dẫn chiếu nhưng chưa có toàn văn / cited, no full text", mo);
  missing->callback([mo, exit_code] { *exit_code = RunMissing(*mo); });
}

}  // namespace vanban::cli
