#include "diff_command.h"

#include <algorithm>
#include <memory>
#include <set>

#include "build.h"
#include "config/config.h"
#include "diff/diff_report.h"
#include "source/git_source.h"

namespace hb {

namespace {

// One revision of the site: where it is read from and each edition as built.
struct Revision {
  std::shared_ptr<const SiteSource> source;
  std::vector<std::string> profiles;  // the public ones first
  std::map<std::string, bool> is_public;
  std::map<std::string, EditionFiles> editions;
  std::map<std::string, std::map<std::string, std::string>> page_sources;
  std::vector<Diagnostic> warnings, errors;
};

void read_profiles(const DiffOptions& options, Revision& rev) {
  Diagnostics diags;
  SiteConfig config = load_config(options.site, diags, rev.source);
  for (auto& d : diags.sorted())
    if (d.severity == Severity::Error) rev.errors.push_back(d);
  for (auto& p : config.profiles) {
    rev.profiles.push_back(p.name);
    rev.is_public[p.name] = !p.include_internal;
  }
  std::stable_partition(rev.profiles.begin(), rev.profiles.end(),
                        [&](const std::string& name) { return rev.is_public[name]; });
}

void build_editions(const DiffOptions& options, Revision& rev) {
  read_profiles(options, rev);
  if (!rev.errors.empty()) return;
  std::set<std::string> seen;
  for (auto& profile : rev.profiles) {
    MemoryOutput memory;
    BuildOptions build_options;
    build_options.site = options.site;
    build_options.profile = profile;
    build_options.threads = options.threads;
    build_options.source = rev.source;
    build_options.memory = &memory;
    Diagnostics diags;
    BuildResult result;
    build(build_options, diags, result);
    for (auto& d : diags.sorted()) {
      std::string key = d.path + ":" + std::to_string(d.line) + ":" + d.message;
      if (!seen.insert(key).second) continue;  // both editions report most problems
      (d.severity == Severity::Error ? rev.errors : rev.warnings).push_back(d);
    }
    rev.editions[profile] = memory.take();
    rev.page_sources[profile] = std::move(result.page_sources);
  }
}

// The content file's bytes in a revision, or nullopt when it has none.
std::optional<std::string> content_file(const SiteSource& source, const std::string& rel) {
  std::string text;
  Found file = source.find("content", rel, "content/" + rel);
  if (!file || !source.read(file.real, text)) return std::nullopt;
  return text;
}

// Warnings of the head that the base did not have, compared without their line (an edit above
// a known warning moves it).
std::vector<Diagnostic> new_warnings(const Revision& base, const Revision& head) {
  std::set<std::string> known;
  for (auto& d : base.warnings)
    known.insert(d.path + "\n" + d.message);
  std::vector<Diagnostic> out;
  for (auto& d : head.warnings)
    if (!known.count(d.path + "\n" + d.message)) out.push_back(d);
  return out;
}

std::string short_id(const std::string& commit) {
  return commit.substr(0, 10);
}

}  // namespace

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  GitRevision base_rev = git_source(options.site, options.base);
  if (!base_rev.source) {
    err << "handbook: " << base_rev.error << "\n";
    return 2;
  }
  GitRevision head_rev;
  if (!options.head.empty()) {
    head_rev = git_source(options.site, options.head);
    if (!head_rev.source) {
      err << "handbook: " << head_rev.error << "\n";
      return 2;
    }
  }
  Revision base, head;
  base.source = base_rev.source;
  head.source = head_rev.source ? head_rev.source : disk_source(options.site);
  build_editions(options, base);
  build_editions(options, head);

  DiffReport report;
  report.base = options.base + " (" + short_id(base_rev.commit) + ")";
  report.head = options.head.empty() ? "" : options.head + " (" + short_id(head_rev.commit) + ")";
  report.base_commit = base_rev.commit;
  report.head_commit = head_rev.commit;
  report.head_errors = head.errors;
  report.head_has_errors = !head.errors.empty();
  report.base_has_errors = !base.errors.empty();
  if (!report.head_has_errors) {
    static const EditionFiles kNone;
    const EditionFiles* base_internal = nullptr;
    for (auto& name : base.profiles)
      if (!base.is_public[name]) base_internal = &base.editions[name];
    for (auto& name : head.profiles) {
      auto before = base.editions.find(name);
      const auto& head_sources = head.page_sources[name];
      const auto& base_sources = base.page_sources[name];
      EditionInputs in;
      in.edition = name;
      in.is_public = head.is_public[name];
      in.base = before == base.editions.end() ? &kNone : &before->second;
      in.head = &head.editions[name];
      in.base_internal = in.is_public ? base_internal : nullptr;
      in.source_changed = [&](const std::string& path) {
        auto now = head_sources.find(path);
        if (now == head_sources.end()) return false;
        auto then = base_sources.find(path);
        if (then == base_sources.end() || then->second != now->second) return true;
        return content_file(*base.source, then->second) != content_file(*head.source, now->second);
      };
      report.editions.push_back(diff_edition(in));
    }
    report.new_warnings = new_warnings(base, head);
  }
  if (options.format == "json")
    out << format_diff_json(report);
  else if (options.format == "markdown")
    out << format_diff_markdown(report);
  else
    out << format_diff_text(report);
  return report.head_has_errors ? 1 : 0;
}

}  // namespace hb
