// The page templates (web/templates/*.mustache), read once at start-up and
// rendered with kainjow-mustache. A page is rendered into "layout.mustache"
// as {{{content}}}. {{x}} escapes HTML; {{{x}}} is only used for HTML built
// by render*.cc, which escapes everything it takes from data.
// Immutable after Load(); Render() is thread-safe (it parses a fresh copy).
#ifndef VANBAN_SERVER_TEMPLATES_H_
#define VANBAN_SERVER_TEMPLATES_H_

#include <filesystem>
#include <map>
#include <string>

#include "base/status.h"

namespace kainjow::mustache {
template <typename StringType>
class basic_data;
}  // namespace kainjow::mustache

namespace vanban::server {

using TemplateData = kainjow::mustache::basic_data<std::string>;

// Setters for template data. kainjow treats "" as true in {{#x}} sections;
// the templates test strings that way, so an empty string is stored as false.
void Set(TemplateData& d, const std::string& key, const std::string& value);
void Set(TemplateData& d, const std::string& key, const char* value);
void Set(TemplateData& d, const std::string& key, bool value);
void Set(TemplateData& d, const std::string& key, const TemplateData& value);

class Templates {
 public:
  // Reads every *.mustache in `dir` and checks that each parses. Errors name
  // the file.
  static StatusOr<Templates> Load(const std::filesystem::path& dir);

  // Renders template `name` (without ".mustache") with `data`.
  std::string Render(const std::string& name, const TemplateData& data) const;
  // What the layout needs besides the page body.
  struct PageMeta {
    std::string title;         // <title>, plain text
    std::string body_class;    // "print" for the study view
    std::string query;         // pre-fills the header search box
    bool search_home = false;  // the home page shows its own big box
    std::string skip_to;       // the skip link's target id; empty: <main>
  };
  // Renders `name`, then wraps it in "layout" as {{{content}}}.
  std::string RenderPage(const std::string& name, const TemplateData& data,
                         const PageMeta& meta) const;

  bool Has(const std::string& name) const { return sources_.count(name) > 0; }

 private:
  std::map<std::string, std::string> sources_;
};

}  // namespace vanban::server

#endif  // VANBAN_SERVER_TEMPLATES_H_
