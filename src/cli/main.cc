// vanban: the command-line entry point. Parses arguments and calls the
// libraries; no logic of its own.
#include <xapian.h>

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "index/schema.h"

namespace {

// CLI11's own help words in Vietnamese. Called before the subcommands are
// added: they copy the formatter and option defaults of their parent.
void LocalizeHelp(CLI::App* app) {
  auto formatter = app->get_formatter();
  formatter->label("Usage", "Cách dùng");
  formatter->label("OPTIONS", "TÙY-CHỌN");
  formatter->label("SUBCOMMAND", "LỆNH");
  formatter->label("SUBCOMMANDS", "LỆNH");
  formatter->label("Positionals", "Tham số");
  formatter->label("REQUIRED", "BẮT BUỘC");
  formatter->label("Needs", "Cần");
  formatter->label("Excludes", "Không dùng cùng");
  formatter->label("Env", "Biến môi trường");
  app->option_defaults()->group("Tùy chọn");
  app->set_help_flag("-h,--help", "In hướng dẫn này rồi thoát");
}

std::string After(const std::string& s, const std::string& marker) {
  size_t p = s.find(marker);
  return p == std::string::npos ? std::string() : s.substr(p + marker.size());
}

std::string Before(const std::string& s, const std::string& marker) {
  size_t p = s.find(marker);
  return p == std::string::npos ? std::string() : s.substr(0, p);
}

}  // namespace

namespace vanban::cli {

// A Vietnamese message for a CLI11 parse error (CLI11 2.1 wording).
// `first_arg` is the first command-line argument (or empty): a word that is
// not a command is reported as such.
std::string DescribeParseError(const CLI::ParseError& e, const std::string& first_arg) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.find("subcommand") != std::string::npos) {
      if (!first_arg.empty() && first_arg[0] != '-') {
        return "không có lệnh \"" + first_arg + "\" (các lệnh: vanban --help)";
      }
      return "cần một lệnh, ví dụ: vanban search dân vận (các lệnh: vanban --help)";
    }
    std::string name = Before(what, " is required");
    // The positionals' names as their help gives them, said in Vietnamese
    // (Q18, session 17: "thiếu tham số bắt buộc: query").
    if (name == "query") name = "từ cần tìm (query)";
    if (name == "id") name = "mã hoặc số hiệu văn bản (id)";
    return name.empty() ? "thiếu tham số bắt buộc (" + what + ")"
                        : "thiếu tham số bắt buộc: " + name;
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "không hiểu tham số: " + After(what, ": ");
  if (dynamic_cast<const CLI::ValidationError*>(&e) ||
      dynamic_cast<const CLI::ConversionError*>(&e)) {
    std::string name = Before(what, ": ");
    // vanban's own validators say it in Vietnamese already.
    if (std::string own = After(what, ": "); own.rfind("giá trị \"", 0) == 0) return own;
    std::string value = After(what, "Value ");
    if (!value.empty() && value.find(" not in range ") != std::string::npos) {
      std::string range = After(value, " not in range ");
      return "giá trị \"" + Before(value, " not in range ") + "\" của " + name +
             " phải trong khoảng " + Before(range, " to ") + "–" + After(range, " to ");
    }
    std::string member = After(what, ": ");
    if (!name.empty() && member.find(" not in {") != std::string::npos) {
      return "giá trị \"" + Before(member, " not in {") + "\" của " + name +
             " phải là một trong {" + After(member, " not in {");
    }
    if (std::string conv = After(what, "Could not convert: "); !conv.empty()) {
      return "giá trị \"" + After(conv, " = ") + "\" của " + Before(conv, " = ") + " không hợp lệ";
    }
    return "giá trị không hợp lệ (" + what + ")";
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    std::string name = Before(what, ": ");
    // Given twice (Q9, session 17: "--type Luật --type \"Chỉ thị\"" was
    // said to lack a value).
    if (!name.empty() && what.find(": At Most ") != std::string::npos) {
      std::string field = name.substr(name.find_first_not_of('-'));
      // Only a filter has a query field for "either value" (S3, J6, QA 21:
      // "--limit" was told to write "limit:A limit:B", which is words).
      if (field != "type" && field != "issuer" && field != "year") {
        return name + " chỉ nhận một giá trị";
      }
      return name +
             " chỉ nhận một giá trị; để tìm theo một trong nhiều giá trị, ghi trong câu tìm: " +
             field + ":A " + field + ":B";
    }
    return name.empty() ? "số giá trị không đúng (" + what + ")" : "thiếu giá trị cho " + name;
  }
  return "tham số không hợp lệ (" + what + ")";
}

CLI::Validator Decimal(const std::string& flag) {
  return CLI::Validator(
      [flag](std::string& v) -> std::string {
        bool digits = !v.empty() &&
                      std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) return "giá trị \"" + v + "\" của " + flag + " phải là số nguyên, ví dụ 10";
        v.erase(0, std::min(v.find_first_not_of('0'), v.size() - 1));
        return std::string();
      },
      "");
}

// `vanban search dân vận -chính`: "-chính" excludes a word (README), but
// CLI11 takes it for an option: it becomes "--exclude=chính" (the query's
// meaning does not depend on where an exclusion stands). Values of options
// are left alone. After "--" every argument is a query word, and a query's
// "-word" excludes it: so "dân vận -- -chính" excludes "chính" too (CLI11
// refused "-chính" there once words had come before "--").
std::vector<std::string> ExclusionsAsOptions(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  if (argc < 2 || args[1] != "search") return args;
  static const std::set<std::string> kValued = {"--db",     "--limit", "--offset", "--type",
                                                "--issuer", "--year",  "--sort"};
  bool words_only = false;
  for (size_t i = 2; i < args.size(); ++i) {
    std::string& a = args[i];
    if (a == "--" && !words_only) {
      words_only = true;
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i--));
      continue;
    }
    // An argument with a space is a whole query quoted by the shell
    // ("-type:Luật dân vận"), not one word to exclude: the query parser
    // reads its "-" (F4, session 15: it became one phrase excluded, and all
    // documents were listed). A leading space keeps CLI11 from taking it for
    // an option.
    bool query = a.find_first_of(" \t") != std::string::npos;
    if (words_only) {
      if (a.size() > 1 && a[0] == '-') a = query ? " " + a : "--exclude=" + a.substr(1);
      continue;
    }
    if (kValued.count(a)) {
      ++i;
    } else if (a.size() > 1 && a[0] == '-' && a[1] != '-' && a != "-h") {
      a = query ? " " + a : "--exclude=" + a.substr(1);
    }
  }
  return args;
}

}  // namespace vanban::cli

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C.UTF-8");
  CLI::App app{"vanban — tra cứu văn bản hành chính, pháp luật Việt Nam (ngoại tuyến)"};
  LocalizeHelp(&app);
  // S9 (session 14): `vanban --version` said "cần một lệnh". The index's
  // schema and analysis versions say whether an index needs rebuilding.
  app.set_version_flag("--version",
                       std::string("vanban ") + VANBAN_VERSION + " (lược đồ chỉ mục " +
                           std::to_string(vanban::index::schema::kSchemaVersion) + ", phân tích " +
                           std::to_string(vanban::index::schema::kAnalysisVersion) + "; Xapian " +
                           Xapian::version_string() + ")",
                       "In phiên bản rồi thoát / print the version");
  app.require_subcommand(1);
  int exit_code = 0;
  vanban::cli::AddAnalyzeCommand(app, &exit_code);
  vanban::cli::AddCitesCommand(app, &exit_code);
  vanban::cli::AddCatalogCommand(app, &exit_code);
  vanban::cli::AddExtractCommand(app, &exit_code);
  vanban::cli::AddIndexCommand(app, &exit_code);
  vanban::cli::AddSearchCommands(app, &exit_code);
  vanban::cli::AddServeCommand(app, &exit_code);
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->group("Lệnh");
    if (CLI::Option* help = sub->get_help_ptr()) help->group("Tùy chọn");
  }
  std::vector<std::string> args = vanban::cli::ExclusionsAsOptions(argc, argv);
  std::vector<char*> arg_ptrs;
  for (auto& a : args) arg_ptrs.push_back(a.data());
  try {
    app.parse(static_cast<int>(arg_ptrs.size()), arg_ptrs.data());
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help
  } catch (const CLI::ParseError& e) {
    // Every other parse error is bad usage (exit 2).
    std::fprintf(stderr, "Lỗi: %s\nXem hướng dẫn: vanban --help\n",
                 vanban::cli::DescribeParseError(e, argc > 1 ? argv[1] : "").c_str());
    return 2;
  }
  return exit_code;
}
