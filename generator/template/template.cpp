#include "template.h"

#include <algorithm>
#include <atomic>

#include "base/messages.h"
#include "template_build.h"
#include "template_cycles.h"
#include "template_nodes.h"
#include "template_output.h"
#include "template_render.h"

namespace hb {

namespace {

std::atomic<size_t> compiled_templates{0};

constexpr std::string_view kExtension = ".mustache";

}  // namespace

TemplateSet::TemplateSet(MissingTemplate missing) : missing_(missing) {}
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

bool TemplateSet::add(std::string name, std::string source, std::string path, Diagnostics& diags) {
  if (!store(std::move(name), std::move(source), std::move(path), diags)) return false;
  link_includes();
  return true;
}

bool TemplateSet::store(std::string name, std::string source, std::string path,
                        Diagnostics& diags) {
  auto compiled = compile_template(name, std::move(source), std::move(path), diags);
  if (!compiled) return false;
  ++compiled_templates;
  auto it =
      std::lower_bound(templates_.begin(), templates_.end(), name,
                       [](const auto& entry, const std::string& n) { return entry.first < n; });
  if (it != templates_.end() && it->first == name) {
    it->second = std::move(compiled);
  } else {
    templates_.emplace(it, std::move(name), std::move(compiled));
  }
  return true;
}

void TemplateSet::link_includes() {
  for (auto& entry : templates_)
    for_each_include(entry.second->nodes, [&](IncludeNode& include) {
      include.target = include.dynamic ? nullptr : find_template(templates_, include.name);
    });
}

bool TemplateSet::load_dir(const std::filesystem::path& dir, Diagnostics& diags) {
  return load_dir(*disk_source(dir), "", dir, diags);
}

bool TemplateSet::load_dir(const SiteSource& source, std::string_view folder,
                           const std::filesystem::path& dir, Diagnostics& diags) {
  if (!source.has_folder(folder)) {
    diags.error(dir.string(), 0, 0, msg("template_folder_missing"), "");
    return false;
  }
  bool ok = true;
  for (const std::string& rel : source.files(folder)) {  // sorted by name
    if (!rel.ends_with(kExtension)) continue;
    std::string path = (dir / rel).string();
    Found file = source.find(folder, rel, path);
    if (file.outside) {
      diags.error(path, 0, 0, msg("template_outside"), "");
      ok = false;
      continue;
    }
    std::string text;
    if (!file || !source.read(file.real, text)) {
      diags.error(path, 0, 0, file ? msg("template_unreadable") : file.refusal, "");
      ok = false;
      continue;
    }
    std::string name = rel.substr(0, rel.size() - kExtension.size());
    ok = store(std::move(name), std::move(text), std::move(path), diags) && ok;
  }
  link_includes();  // once for all: linking after each template would take quadratic time
  return ok;
}

bool TemplateSet::check_references(Diagnostics& diags) const {
  if (missing_ != MissingTemplate::Error) return true;
  std::vector<std::string> known = names();
  bool ok = true;
  for (const auto& entry : templates_) {
    const CompiledTemplate* compiled = entry.second.get();  // clang 14 captures no bindings
    for_each_include(compiled->nodes, [&](const IncludeNode& include) {
      if (include.dynamic || has(include.name)) return;
      diags.error_at(compiled->path, compiled->source, include.line, include.col,
                     msg("template_not_found",
                         {{"name", include.name}, {"hint", did_you_mean(include.name, known)}}));
      ok = false;
    });
  }
  return check_include_cycles(templates_, diags) && ok;
}

bool TemplateSet::has(std::string_view name) const {
  return find_template(templates_, name) != nullptr;
}

std::vector<std::string> TemplateSet::names() const {
  std::vector<std::string> out;
  out.reserve(templates_.size());
  for (const auto& entry : templates_)
    out.push_back(entry.first);
  return out;
}

void TemplateSet::render(std::string_view name, const Value& data, std::string& out) const {
  render_template(named(name), templates_, {missing_, limits_}, data, out);
}

void TemplateSet::render(std::string_view name, const Value& data,
                         const std::function<void(std::string_view)>& use) const {
  render_template(named(name), templates_, {missing_, limits_}, data, use);
}

const CompiledTemplate& TemplateSet::named(std::string_view name) const {
  const CompiledTemplate* compiled = find_template(templates_, name);
  if (!compiled)
    throw TemplateError(msg("template_not_found",
                            {{"name", std::string(name)}, {"hint", did_you_mean(name, names())}}));
  return *compiled;
}

std::string TemplateSet::render(std::string_view name, const Value& data) const {
  std::string out;
  render(name, data, out);
  return out;
}

size_t TemplateSet::compile_count() {
  return compiled_templates.load();
}

}  // namespace hb
