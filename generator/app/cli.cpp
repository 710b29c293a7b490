#include "cli.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>

#include "base/diagnostics.h"
#include "base/messages.h"
#include "booklet/pdf.h"
#include "build.h"
#include "config/toml_mistakes.h"
#include "diff_command.h"
#include "history/dates.h"
#include "mv_command.h"
#include "output/output_target.h"
#include "scaffold.h"
#include "serve/serve.h"
#include "source/git_source.h"

namespace hb {

namespace {

struct Args {
  std::string command;
  BuildOptions build;
  std::string rev;
  DiffOptions diff;
  std::string format = "text";
  bool stats = false;
  bool force = false;
  bool pdf = false;
  bool no_pdf = false;
  std::string pdf_variant;
  ServeOptions serve;
  bool serve_option = false;  // --port or --bind given
};

struct UsageError {
  std::string message;
};

const std::vector<std::string>& commands() {
  static const std::vector<std::string> names = {"build", "check", "booklet", "diff",
                                                 "new",   "mv",    "serve"};
  return names;
}

void check_booklet_options(Args& a) {
  if (a.command != "booklet") {
    if (a.pdf || !a.pdf_variant.empty()) throw UsageError{msg("cli_pdf_only_booklet")};
    return;
  }
  const auto& variants = pdf_variants();
  if (!a.pdf_variant.empty() &&
      std::find(variants.begin(), variants.end(), a.pdf_variant) == variants.end())
    throw UsageError{msg("cli_pdf_variant", {{"value", a.pdf_variant},
                                             {"hint", did_you_mean(a.pdf_variant, variants)}})};
  a.pdf = a.pdf || !a.pdf_variant.empty();
  a.build.booklet = a.build.out.empty()
                        ? a.build.site / "_site" / ("booklet-" + a.build.profile + ".html")
                        : a.build.out;
  a.build.out.clear();
}

int parse_port(const std::string& value) {
  try {
    size_t used = 0;
    int port = std::stoi(value, &used);
    if (used == value.size() && port >= 0 && port <= 65535) return port;
  } catch (...) {
  }
  throw UsageError{msg("cli_port", {{"value", value}})};
}

// A revision's name as one part of a path: "origin/main" -> "origin-main".
std::string file_name_of(const std::string& rev) {
  std::string out;
  for (char c : rev)
    out +=
        std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' ? c : '-';
  return out.empty() || out[0] == '.' ? "-" + out : out;
}

Args check_diff_options(Args& a) {
  if (a.diff.base.empty()) throw UsageError{msg("cli_diff_base")};
  if (a.format != "text" && a.format != "markdown" && a.format != "json")
    throw UsageError{msg("cli_diff_format", {{"value", a.format}})};
  if (!a.rev.empty()) throw UsageError{msg("cli_diff_rev")};
  if (a.force || a.pdf || a.no_pdf || !a.pdf_variant.empty() || !a.build.out.empty())
    throw UsageError{msg("cli_diff_out")};
  a.diff.site = a.build.site;
  a.diff.format = a.format;
  a.diff.threads = a.build.threads;
  return a;
}

// `handbook <command> <positional...> [--option value ...]`: the positional arguments and the
// value of each option given, each option one of `options`.
struct CommandLine {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
};

CommandLine parse_command_line(const std::vector<std::string>& args,
                               const std::vector<std::string>& options) {
  CommandLine c;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& opt = args[i];
    if (!opt.starts_with("--")) {
      c.positional.push_back(opt);
      continue;
    }
    if (std::find(options.begin(), options.end(), opt) == options.end())
      throw UsageError{
          msg("cli_unknown_option_for",
              {{"option", opt}, {"command", args[0]}, {"hint", did_you_mean(opt, options)}})};
    if (i + 1 >= args.size()) throw UsageError{msg("cli_option_value", {{"option", opt}})};
    c.options[opt] = args[++i];
  }
  return c;
}

// handbook new <collection> <id> [--title "..."] [--site DIR]
NewPageRequest parse_new(const std::vector<std::string>& args) {
  CommandLine c = parse_command_line(args, {"--site", "--title"});
  NewPageRequest r;
  if (c.options.count("--site")) r.site = c.options["--site"];
  if (c.positional.size() < 2) throw UsageError{msg("cli_new_usage")};
  if (c.positional.size() > 2) throw UsageError{msg("cli_new_extra", {{"word", c.positional[2]}})};
  if (c.options.count("--title") && c.options["--title"].empty())
    throw UsageError{msg("cli_title_empty")};
  r.title = c.options["--title"];
  r.collection = c.positional[0];
  r.id = c.positional[1];
  return r;
}

// handbook mv <collection> <old-id> <new-id> [--site DIR]
MovePageRequest parse_mv(const std::vector<std::string>& args) {
  CommandLine c = parse_command_line(args, {"--site"});
  MovePageRequest r;
  if (c.options.count("--site")) r.site = c.options["--site"];
  if (c.positional.size() < 3) throw UsageError{msg("mv_usage_missing")};
  if (c.positional.size() > 3) throw UsageError{msg("mv_usage_extra", {{"word", c.positional[3]}})};
  r.collection = c.positional[0];
  r.old_id = c.positional[1];
  r.new_id = c.positional[2];
  return r;
}

Args parse(const std::vector<std::string>& args) {
  Args a;
  if (args.empty()) throw UsageError{msg("cli_no_command")};
  a.command = args[0];
  if (std::find(commands().begin(), commands().end(), a.command) == commands().end())
    throw UsageError{msg("cli_unknown_command",
                         {{"command", a.command}, {"hint", did_you_mean(a.command, commands())}})};
  const std::vector<std::string> options = {
      "--site", "--profile", "--out",   "--format", "--jobs", "--stats",           "--pdf-variant",
      "--pdf",  "--force",   "--rev",   "--base",   "--head", "--fail-on-overdue", "--today",
      "--port", "--bind",    "--no-pdf"};
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& opt = args[i];
    if (opt == "--stats") {
      a.stats = true;
      continue;
    }
    if (opt == "--pdf") {
      a.pdf = true;
      continue;
    }
    if (opt == "--no-pdf") {
      a.no_pdf = true;
      continue;
    }
    if (opt == "--force") {
      a.force = true;
      continue;
    }
    if (opt == "--fail-on-overdue") {
      a.build.fail_on_overdue = true;
      continue;
    }
    if (std::find(options.begin(), options.end(), opt) == options.end())
      throw UsageError{
          msg("cli_unknown_option", {{"option", opt}, {"hint", did_you_mean(opt, options)}})};
    if (i + 1 >= args.size()) throw UsageError{msg("cli_option_value", {{"option", opt}})};
    const std::string& value = args[++i];
    if (opt == "--site")
      a.build.site = value;
    else if (opt == "--profile")
      a.build.profile = value;
    else if (opt == "--out")
      a.build.out = value;
    else if (opt == "--format")
      a.format = value;
    else if (opt == "--pdf-variant")
      a.pdf_variant = value;
    else if (opt == "--rev")
      a.rev = value;
    else if (opt == "--base")
      a.diff.base = value;
    else if (opt == "--head")
      a.diff.head = value;
    else if (opt == "--today")
      a.build.today = value;
    else if (opt == "--bind") {
      a.serve.bind = value;
      a.serve_option = true;
    } else if (opt == "--port") {
      a.serve.port = parse_port(value);
      a.serve_option = true;
    } else if (opt == "--jobs") {
      try {
        a.build.threads = static_cast<unsigned>(std::stoul(value));
      } catch (...) {
        throw UsageError{msg("cli_jobs", {{"value", value}})};
      }
    }
  }
  if (a.command == "diff") return check_diff_options(a);
  if (!a.diff.base.empty() || !a.diff.head.empty()) throw UsageError{msg("cli_base_only_diff")};
  if (a.format != "text" && a.format != "github")
    throw UsageError{msg("cli_format", {{"value", a.format}})};
  if (a.command == "check" && !a.build.out.empty()) throw UsageError{msg("cli_check_out")};
  if (a.force && a.command != "build") throw UsageError{msg("cli_force_only_build")};
  if (a.no_pdf && a.command != "build") throw UsageError{msg("cli_no_pdf_only_build")};
  a.build.pdf = a.command == "build" && !a.no_pdf;
  if (a.serve_option && a.command != "serve") throw UsageError{msg("cli_port_only_serve")};
  if (a.command == "serve" && !a.build.out.empty()) throw UsageError{msg("cli_serve_out")};
  if (a.command == "serve" && !a.rev.empty()) throw UsageError{msg("cli_serve_rev")};
  if ((a.build.fail_on_overdue || !a.build.today.empty()) && a.command != "check")
    throw UsageError{msg("cli_today_only_check")};
  int64_t day = 0;
  if (!a.build.today.empty() && !day_number(a.build.today, day))
    throw UsageError{msg("cli_today", {{"value", a.build.today}})};
  a.build.write = a.command != "check";
  check_booklet_options(a);
  if (a.command == "build" && a.build.out.empty())
    a.build.out = a.rev.empty()
                      ? a.build.site / "_site" / a.build.profile
                      : a.build.site / "_site" / ("rev-" + file_name_of(a.rev)) / a.build.profile;
  a.build.output.replace_foreign = a.force;
  return a;
}

std::filesystem::path pdf_path(const Args& a) {
  return std::filesystem::path(a.build.booklet).replace_extension(".pdf");
}

// Why the command must not write where it would (see output_target.h), or nothing.
std::optional<std::string> refuse_target(const Args& a) {
  if (a.command == "build") return refuse_output_folder(a.build.site, a.build.out, a.force);
  if (a.command != "booklet") return std::nullopt;
  if (auto refusal = refuse_booklet_file(a.build.site, a.build.booklet)) return refusal;
  if (a.pdf) return refuse_booklet_file(a.build.site, pdf_path(a), "PDF");
  return std::nullopt;
}

void print_diagnostics(const Diagnostics& diags, const std::string& format, std::ostream& err) {
  auto all = diags.sorted();
  for (auto& d : all)
    err << (format == "github" ? format_github(d) : format_text(d));
  size_t errors = 0, warnings = 0;
  for (auto& d : all)
    (d.severity == Severity::Error ? errors : warnings)++;
  if (format == "text" && (errors || warnings)) {
    err << msg(errors == 1 ? "count_errors_one" : "count_errors_many",
               {{"n", std::to_string(errors)}});
    if (warnings)
      err << ", "
          << msg(warnings == 1 ? "count_warnings_one" : "count_warnings_many",
                 {{"n", std::to_string(warnings)}});
    err << "\n";
  }
  if (size_t more = diags.omitted())
    err << msg(more == 1 ? "count_omitted_one" : "count_omitted_many",
               {{"n", std::to_string(more)},
                {"per_file", std::to_string(kMaxProblemsPerFile)},
                {"all", std::to_string(kMaxProblems)}})
        << "\n";
}

std::string seconds(double s) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

void print_stats(const BuildResult& r, std::ostream& out) {
  for (auto& s : r.stages) {
    char buf[80];
    snprintf(buf, sizeof buf, "  %-10s %8.1f ms\n", s.name.c_str(), s.seconds * 1000);
    out << buf;
  }
  out << "  templates compiled: " << r.templates_compiled << "\n";
}

// Turns the booklet into a PDF beside it; false (with the reason on `err`) if that fails.
bool make_pdf(const Args& a, const BuildResult& built, std::ostream& out, std::ostream& err) {
  PdfJob job{a.build.booklet, pdf_path(a), a.pdf_variant, built.booklet_files};
  job.progress = [&out](const std::string& line) { out << "handbook: " << line << std::endl; };
  out << "handbook: " << msg("cli_pdf_writing") << std::endl;
  PdfResult r = write_pdf(job);
  for (auto& note : r.notes)
    err << "handbook: " << note << "\n";
  if (!r.ok) {
    err << "handbook: " << r.error << "\n";
    return false;
  }
  out << "handbook: "
      << msg("cli_pdf_wrote", {{"n", std::to_string(r.pages)},
                               {"path", job.pdf.generic_string()},
                               {"seconds", seconds(r.seconds)}})
      << "\n";
  return true;
}

int run_new(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  NewPageRequest request;
  try {
    request = parse_new(args);
  } catch (const UsageError& e) {
    err << "handbook: " << e.message << "\n" << msg("cli_see_help") << "\n";
    return 2;
  }
  Diagnostics diags;
  NewPageResult r = write_new_page(request, diags);
  print_diagnostics(diags, "text", err);
  if (r.status == 2) err << "handbook: " << r.message << "\n";
  if (r.status != 0) return r.status;
  out << "handbook: " << msg("cli_new_wrote", {{"file", r.written}}) << "\n";
  return 0;
}

int run_mv(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  MovePageRequest request;
  try {
    request = parse_mv(args);
  } catch (const UsageError& e) {
    err << "handbook: " << e.message << "\n" << msg("cli_see_help") << "\n";
    return 2;
  }
  Diagnostics diags;
  MovePageResult r = move_page(request, diags);
  print_diagnostics(diags, "text", err);
  if (r.status != 0) {
    err << "handbook: " << r.message << "\n";
    return r.status;
  }
  out << "handbook: " << msg("mv_renamed", {{"from", r.from}, {"to", r.to}}) << "\n";
  for (auto& file : r.rewritten)
    out << "handbook: " << msg("mv_rewrote", {{"file", file}}) << "\n";
  return 0;
}

// Sets the language of the messages from `--lang` or else the site's own, and returns the
// arguments without `--lang`; false when `--lang` names no language the messages are written in.
bool choose_language(std::vector<std::string>& args, std::ostream& err) {
  std::string lang, site = ".";
  for (size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == "--site") site = args[i + 1];
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--lang") continue;
    lang = i + 1 < args.size() ? args[i + 1] : "";
    args.erase(args.begin() + static_cast<long>(i),
               args.begin() + static_cast<long>(std::min(i + 2, args.size())));
    if (lang != "da" && lang != "en") {
      set_message_language(peek_site_language(site));
      err << "handbook: " << msg("cli_lang_value", {{"value", lang}}) << "\n"
          << msg("cli_see_help") << "\n";
      return false;
    }
    break;
  }
  set_message_language(lang.empty() ? peek_site_language(site) : lang);
  return true;
}

}  // namespace

int run_cli(const std::vector<std::string>& given, std::ostream& out, std::ostream& err,
            bool process_ends) {
  std::vector<std::string> args = given;
  // The language holds for this command only: the one before it again afterwards.
  struct Restore {
    std::string before{message_language()};
    ~Restore() { set_message_language(before); }
  } restore;
  if (!choose_language(args, err)) return 2;
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
    out << msg("cli_usage");
    return 0;
  }
  if (!args.empty() && args[0] == "--version") {
    out << "handbook " << HANDBOOK_VERSION << "\n";
    return 0;
  }
  if (!args.empty() && args[0] == "new") return run_new(args, out, err);
  if (!args.empty() && args[0] == "mv") return run_mv(args, out, err);
  Args a;
  try {
    a = parse(args);
  } catch (const UsageError& e) {
    err << "handbook: " << e.message << "\n" << msg("cli_see_help") << "\n";
    return 2;
  }
  if (a.command == "serve") {
    a.serve.site = a.build.site;
    a.serve.profile = a.build.profile;
    a.serve.threads = a.build.threads;
    a.serve.stats = a.stats;
    return run_serve(a.serve, out, err);
  }
  if (auto refusal = refuse_target(a)) {
    err << "handbook: " << *refusal << "\n";
    return 2;
  }
  if (a.command == "diff") return run_diff(a.diff, out, err);
  if (!a.rev.empty()) {
    GitRevision rev = git_source(a.build.site, a.rev);
    if (!rev.source) {
      err << "handbook: " << rev.error << "\n";
      return 2;
    }
    a.build.source = rev.source;
  }
  Diagnostics diags;
  BuildResult result;
  a.build.free_site = !process_ends;
  a.build.progress = [&out](const std::string& line) { out << "handbook: " << line << std::endl; };
  bool ok = build(a.build, diags, result);
  print_diagnostics(diags, a.format, err);
  if (a.stats) print_stats(result, out);
  if (!ok) return 1;
  if (a.command == "check") {
    size_t warnings = 0;
    for (auto& d : diags.sorted())
      warnings += d.severity == Severity::Warning;
    const char* id = warnings == 0   ? "cli_checked_clean"
                     : warnings == 1 ? "cli_checked_warning"
                                     : "cli_checked_warnings";
    out << "handbook: " << msg(id, {{"profile", a.build.profile}, {"n", std::to_string(warnings)}})
        << "\n";
  } else if (a.command == "booklet")
    out << "handbook: "
        << msg("cli_booklet_wrote", {{"profile", a.build.profile},
                                     {"path", result.out.generic_string()},
                                     {"seconds", seconds(result.seconds)}})
        << "\n";
  else
    out << "handbook: "
        << msg("cli_build_wrote", {{"n", std::to_string(result.pages_written)},
                                   {"path", result.out.generic_string()},
                                   {"seconds", seconds(result.seconds)}})
        << "\n";
  if (a.command == "booklet" && a.pdf && !make_pdf(a, result, out, err)) return 1;
  return 0;
}

}  // namespace hb
