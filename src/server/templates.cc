#include "server/templates.h"

#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>

namespace vanban::server {

void Set(TemplateData& d, const std::string& key, const std::string& value) {
  if (value.empty()) {
    d.set(key, false);
  } else {
    d.set(key, value);
  }
}
void Set(TemplateData& d, const std::string& key, const char* value) {
  Set(d, key, std::string(value ? value : ""));
}
void Set(TemplateData& d, const std::string& key, bool value) { d.set(key, value); }
void Set(TemplateData& d, const std::string& key, const TemplateData& value) { d.set(key, value); }

StatusOr<Templates> Templates::Load(const std::filesystem::path& dir) {
  Templates out;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    return Status::IoError("Không đọc được thư mục mẫu giao diện " + dir.string() + ": " +
                           ec.message());
  }
  for (const auto& entry : it) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) return Status::IoError("Không đọc được " + entry.path().string());
    kainjow::mustache::mustache parsed(buffer.str());
    if (!parsed.is_valid()) {
      return Status::Corruption("Mẫu giao diện lỗi " + entry.path().string() + ": " +
                                parsed.error_message());
    }
    out.sources_[entry.path().stem().string()] = buffer.str();
  }
  if (!out.Has("layout")) {
    return Status::NotFound("Thiếu mẫu layout.mustache trong " + dir.string());
  }
  return out;
}

std::string Templates::Render(const std::string& name, const TemplateData& data) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) return "<p>Thiếu mẫu " + name + "</p>";
  // A fresh parse per render: kainjow's render() is not const, and parsing
  // a few kilobytes costs microseconds.
  kainjow::mustache::mustache tmpl(it->second);
  return tmpl.render(data);
}

std::string Templates::RenderPage(const std::string& name, const TemplateData& data,
                                  const PageMeta& meta) const {
  kainjow::mustache::data layout;
  Set(layout, "title", meta.title);
  Set(layout, "content", Render(name, data));
  Set(layout, "body_class", meta.body_class);
  Set(layout, "query", meta.query);
  Set(layout, "search_home", meta.search_home);
  Set(layout, "skip_to", meta.skip_to.empty() ? "noi-dung" : meta.skip_to);
  return Render("layout", layout);
}

}  // namespace vanban::server
