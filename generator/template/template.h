// Mustache templates (spec v1.4 with inheritance and dynamic names; no lambdas).
// A TemplateSet compiles each template once; rendering never re-reads or re-parses a template.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/value.h"
#include "source/site_source.h"

namespace hb {

// Raised while rendering, when a dynamic partial or parent names a template that is not there
// (only with MissingTemplate::Error).
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class MissingTemplate {
  Empty,  // the spec's behaviour: a missing partial renders nothing
  Error,  // a site build's behaviour: a missing partial or parent is an error
};

// Limits that keep hostile templates from exhausting the stack or taking quadratic time.
// Sections, inverted sections, blocks and parents nest at most this deep in one template (a
// compile error beyond).
inline constexpr size_t kMaxTemplateNesting = 100;
// While rendering, sections, blocks, partials and parents nest at most this deep, counted across
// the templates that include each other (a TemplateError beyond).
inline constexpr size_t kMaxRenderNesting = 1000;

// A render's budget. Steps are the sections, blocks, partials and parents entered, each item of
// a list counting once; bytes are the text written. A few lines of template that repeat sections
// inside each other over lists could otherwise take exponential time and memory; beyond either
// limit the render stops with a TemplateError. A page of a 10,000-page site takes well under a
// tenth of either.
struct RenderLimits {
  size_t steps = 20'000'000;
  size_t bytes = size_t{1} << 30;  // 1 GiB
};

struct CompiledTemplate;  // the parsed form, private to the engine

class TemplateSet {
 public:
  explicit TemplateSet(MissingTemplate missing = MissingTemplate::Error);
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  // Compiles `source` under `name`. Syntax errors (unclosed or mismatched sections, bad
  // delimiter changes, ...) go to `diags` as `path:line:col` with the line; returns false then.
  bool add(std::string name, std::string source, std::string path, Diagnostics& diags);
  // Compiles every `*.mustache` below `dir`; a template's name is its path relative to `dir`
  // without the extension (`page`, `partials/nav`).
  bool load_dir(const std::filesystem::path& dir, Diagnostics& diags);
  // The same for the site folder `folder` of `source` ("templates"); `dir` names it in messages.
  bool load_dir(const SiteSource& source, std::string_view folder, const std::filesystem::path& dir,
                Diagnostics& diags);
  // With MissingTemplate::Error: reports each static partial `{{>x}}` or parent `{{<x}}` that
  // names no template, at its tag, with the close names ("did you mean 'case-facts'?"), and each
  // template that includes itself, directly or through others, naming the chain. `check` and
  // `build` both run it, so a template set that passes it renders without endless inclusion
  // (dynamic names aside: those are only known while rendering).
  bool check_references(Diagnostics& diags) const;

  bool has(std::string_view name) const;
  std::vector<std::string> names() const;  // sorted

  // Renders template `name` with `data` as the root context, appending to `out`.
  // Throws TemplateError for an unknown `name` or a missing dynamic partial in Error mode.
  void render(std::string_view name, const Value& data, std::string& out) const;
  std::string render(std::string_view name, const Value& data) const;
  // The same, passing the text to `use` instead of appending it: the text lives in a buffer of
  // the calling thread, valid until `use` returns.
  void render(std::string_view name, const Value& data,
              const std::function<void(std::string_view)>& use) const;

  // Replaces the default budget of each render (see RenderLimits).
  void set_limits(RenderLimits limits) { limits_ = limits; }

  // How many templates this process has compiled (each `add` that succeeded counts once).
  static size_t compile_count();

 private:
  // The template `name`; throws TemplateError when there is none.
  const CompiledTemplate& named(std::string_view name) const;
  // Compiles `source` and keeps it under `name`, without linking (see `add`).
  bool store(std::string name, std::string source, std::string path, Diagnostics& diags);
  // Points each static partial and parent tag at the template it names (null when none does).
  void link_includes();

  MissingTemplate missing_;
  RenderLimits limits_;
  std::vector<std::pair<std::string, std::unique_ptr<CompiledTemplate>>> templates_;  // sorted
};

}  // namespace hb
