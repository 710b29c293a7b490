#include "template.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

#include "template_build.h"
#include "template_nodes.h"
#include "template_output.h"
#include "template_render.h"

namespace hb {

namespace {

std::atomic<size_t> compiled_templates{0};

struct TemplateFile {
  std::filesystem::path relative;
  std::string name;  // relative path without the extension, with '/' separators
};

// Every `*.mustache` below `dir`, sorted by name.
std::vector<TemplateFile> find_template_files(const std::filesystem::path& dir,
                                              std::error_code& error) {
  std::vector<TemplateFile> files;
  namespace fs = std::filesystem;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code type_error;
    if (!it->is_regular_file(type_error) || it->path().extension() != ".mustache") continue;
    fs::path relative = it->path().lexically_relative(dir);
    std::string name = (relative.parent_path() / relative.stem()).generic_string();
    files.push_back({relative, std::move(name)});
  }
  std::sort(files.begin(), files.end(),
            [](const TemplateFile& a, const TemplateFile& b) { return a.name < b.name; });
  return files;
}

bool read_file(const std::filesystem::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = std::move(buffer).str();
  return !in.bad();
}

// Calls `visit` for each partial and parent tag in `nodes` (const or not), at any depth.
template <class NodeList, class Visit>
void for_each_include(NodeList& nodes, const Visit& visit) {
  for (auto& node : nodes) {
    if (auto* section = std::get_if<SectionNode>(&node.v)) {
      for_each_include(section->children, visit);
    } else if (auto* block = std::get_if<BlockNode>(&node.v)) {
      for_each_include(block->children, visit);
    } else if (auto* include = std::get_if<IncludeNode>(&node.v)) {
      visit(*include);
      for (auto& argument : include->blocks)
        for_each_include(argument.children, visit);
    }
  }
}

}  // namespace

TemplateSet::TemplateSet(MissingTemplate missing) : missing_(missing) {}
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

bool TemplateSet::add(std::string name, std::string source, std::string path, Diagnostics& diags) {
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
  link_includes();
  return true;
}

void TemplateSet::link_includes() {
  for (auto& entry : templates_)
    for_each_include(entry.second->nodes, [&](IncludeNode& include) {
      include.target = include.dynamic ? nullptr : find_template(templates_, include.name);
    });
}

bool TemplateSet::load_dir(const std::filesystem::path& dir, Diagnostics& diags) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    diags.error(dir.string(), 0, 0, "template folder not found", "");
    return false;
  }
  auto files = find_template_files(dir, error);
  if (error) {
    diags.error(dir.string(), 0, 0, "cannot read the template folder: " + error.message(), "");
    return false;
  }
  bool ok = true;
  for (const TemplateFile& file : files) {
    std::filesystem::path path = dir / file.relative;
    std::string source;
    if (!read_file(path, source)) {
      diags.error(path.string(), 0, 0, "cannot read the template", "");
      ok = false;
      continue;
    }
    ok = add(file.name, std::move(source), path.string(), diags) && ok;
  }
  return ok;
}

bool TemplateSet::check_references(Diagnostics& diags) const {
  if (missing_ != MissingTemplate::Error) return true;
  std::vector<std::string> known = names();
  bool ok = true;
  for (const auto& entry : templates_) {
    const auto& compiled = entry.second;  // a name a lambda can capture (clang before 16)
    for_each_include(compiled->nodes, [&](const IncludeNode& include) {
      if (include.dynamic || has(include.name)) return;
      diags.error_at(
          compiled->path, compiled->source, include.line, include.col,
          "template '" + include.name + "' not found" + did_you_mean(include.name, known));
      ok = false;
    });
  }
  return ok;
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
  render_template(named(name), templates_, missing_, data, out);
}

void TemplateSet::render(std::string_view name, const Value& data,
                         const std::function<void(std::string_view)>& use) const {
  render_template(named(name), templates_, missing_, data, use);
}

const CompiledTemplate& TemplateSet::named(std::string_view name) const {
  const CompiledTemplate* compiled = find_template(templates_, name);
  if (!compiled)
    throw TemplateError("template '" + std::string(name) + "' not found" +
                        did_you_mean(name, names()));
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
