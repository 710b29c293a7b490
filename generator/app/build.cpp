#include "build.h"

#include <chrono>
#include <functional>
#include <memory>

#include "base/messages.h"
#include "base/parallel.h"
#include "booklet/booklet.h"
#include "config/config.h"
#include "content/content.h"
#include "content/file_gate.h"
#include "history/timeline.h"
#include "history_stage.h"
#include "output/feed.h"
#include "output/output.h"
#include "output/redirects.h"
#include "output/search_index.h"
#include "output/sitemap.h"
#include "output_claims.h"
#include "pdf_stage.h"
#include "site/site.h"
#include "template/template.h"
#include "view/history_view.h"
#include "view/search_view.h"
#include "view/view.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kSettings = "handbook.toml";

// A build with AddressSanitizer frees the site even when the process ends right after, so that
// LeakSanitizer reports a real leak and nothing else. Elsewhere the site is left for the system
// to reclaim: freeing it costs about 0.07 s of a 10,000-page build (BuildOptions::free_site).
#if defined(HANDBOOK_SANITIZE) || defined(__SANITIZE_ADDRESS__)
constexpr bool kAlwaysFree = true;
#else
constexpr bool kAlwaysFree = false;
#endif

class Stopwatch {
 public:
  explicit Stopwatch(BuildResult& r) : result_(r) {}
  void lap(std::string name) {
    auto now = Clock::now();
    result_.stages.push_back({std::move(name), std::chrono::duration<double>(now - last_).count()});
    last_ = now;
  }
  double total() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  BuildResult& result_;
  Clock::time_point start_ = Clock::now(), last_ = start_;
};

const ProfileSpec* pick_profile(const SiteConfig& config, const std::string& name,
                                Diagnostics& diags) {
  if (const ProfileSpec* p = config.profile(name)) return p;
  std::vector<std::string> names;
  for (auto& p : config.profiles)
    names.push_back(p.name);
  std::string list;
  for (auto& n : names)
    list += (list.empty() ? "'" : ", '") + n + "'";
  diags.error(display_path(config, "handbook.toml"), 0, 0,
              msg("build_unknown_profile",
                  {{"name", name}, {"hint", did_you_mean(name, names)}, {"list", list}}),
              "");
  return nullptr;
}

void check_templates(const SiteConfig& config, const TemplateSet& templates, Diagnostics& diags) {
  std::vector<std::string> needed = {"home", "list", "term", "taxonomy", "404"};
  for (auto& c : config.collections)
    needed.push_back(c.template_name);
  for (auto& name : needed)
    if (!templates.has(name))
      diags.error(display_path(config, "templates/" + name + ".mustache"), 0, 0,
                  msg("template_not_found",
                      {{"name", name}, {"hint", did_you_mean(name, templates.names())}}),
                  "");
}

std::string template_for(const Page& p) {
  if (p.is_home()) return "home";
  if (p.is_index) return "list";
  return p.collection ? p.collection->template_name : "page";
}

struct Job {
  std::string path;
  std::string template_name;
  int page = -1;  // a content page
  const Term* term = nullptr;
  const TaxonomySpec* taxonomy = nullptr;
  bool matrix = false;
  const char* time_page = nullptr;  // kChangesPage, kVersionsPage or kReviewPage
  bool search = false;              // the search results page
};

std::vector<Job> plan(const Site& site, const TemplateSet& templates) {
  std::vector<Job> jobs;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    const Page& p = site.pages[i];
    jobs.push_back({page_href(site, static_cast<int>(i)), template_for(p), static_cast<int>(i)});
  }
  for (auto& t : site.terms)
    jobs.push_back({t.url(), "term", -1, &t});
  for (auto& tax : site.config->taxonomies)
    jobs.push_back({tax.name + "/index.html", "taxonomy", -1, nullptr, &tax});
  if (!site.config->diagrams.matrix_field.empty())
    jobs.push_back({matrix_url(site), "matrix", -1, nullptr, nullptr, true});
  if (const Timeline* t = site.timeline.get()) {
    if (t->changes_page)
      jobs.push_back({kChangesPage, "changes", -1, nullptr, nullptr, false, kChangesPage});
    if (t->versions_page)
      jobs.push_back({kVersionsPage, "versions", -1, nullptr, nullptr, false, kVersionsPage});
    if (t->review_page)
      jobs.push_back({kReviewPage, "review", -1, nullptr, nullptr, false, kReviewPage});
  }
  if (templates.has(kSearchTemplate)) {
    Job search{kSearchPage, kSearchTemplate};
    search.search = true;
    jobs.push_back(std::move(search));
  }
  jobs.push_back({"404.html", "404"});
  return jobs;
}

Value job_view(const Site& site, const Job& job, const std::shared_ptr<const Value>& common) {
  if (job.page >= 0) return page_view(site, job.page, common);
  if (job.term) return term_view(site, *job.term, common);
  if (job.taxonomy) return taxonomy_view(site, *job.taxonomy, common);
  if (job.matrix) return matrix_view(site, common);
  if (job.time_page == kChangesPage) return changes_view(site, common);
  if (job.time_page == kVersionsPage) return versions_view(site, common);
  if (job.time_page == kReviewPage) return review_view(site, common);
  if (job.search) return search_view(site, common);
  return not_found_view(site, common);
}

// The jobs that `choice` wants rendered; all when there is no choice.
std::vector<Job> chosen(const Site& site, std::vector<Job> jobs, RenderChoice* choice) {
  if (!choice) return jobs;
  std::vector<std::string> paths;
  paths.reserve(jobs.size());
  for (auto& job : jobs)
    paths.push_back(job.path);
  std::vector<char> wanted = choice->choose(site, paths);
  std::vector<Job> out;
  for (size_t k = 0; k < jobs.size(); ++k)
    if (wanted.at(k)) out.push_back(std::move(jobs[k]));
  return out;
}

// Renders every page and, on the same pool of threads, the site-wide files (`extras`: the
// booklet, the search index, ...). The extras are the largest jobs, so they start first. Kept
// out of line, so that profiles show the render stage as one function.
[[gnu::noinline]] void write_pages(const Site& site, const TemplateSet& templates,
                                   std::vector<Job> planned, const OutputSink& out,
                                   unsigned threads,
                                   const std::vector<std::function<void()>>& extras,
                                   BuildResult& result, RenderChoice* choice = nullptr) {
  auto common = common_view(site);
  std::vector<Job> jobs = chosen(site, std::move(planned), choice);
  parallel_for(
      extras.size() + jobs.size(), threads,
      [&](size_t k) {
        if (k < extras.size()) return extras[k]();
        const Job& job = jobs[k - extras.size()];
        templates.render(job.template_name, job_view(site, job, common),
                         [&](std::string_view html) { out.write(job.path, html); });
      },
      extras.size());
  result.pages_written = jobs.size();
}

bool booklet_in_site(const Site& site, const TemplateSet& templates) {
  return site.config->booklet.declared && templates.has(kBookletTemplate);
}

std::string writer_of(const Site& site, const Job& job) {
  if (job.term)
    return msg("claim_term_page", {{"term", job.term->name}, {"taxonomy", job.term->taxonomy}});
  if (job.taxonomy) return msg("claim_term_list", {{"taxonomy", job.taxonomy->name}});
  if (job.matrix) return msg("claim_matrix");
  if (job.time_page) return msg("claim_page", {{"path", job.time_page}});
  if (job.page >= 0)
    return msg("claim_page_from", {{"file", "content/" + site.pages[job.page].rel}});
  return msg("claim_page", {{"path", job.path}});
}

// The theme's fingerprint (Site::theme_version): FNV-1a over each file's name and content, as
// 10 hex digits.
std::string theme_version(const SiteSource& source, const std::vector<AdmittedFile>& theme) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view bytes) {
    for (unsigned char c : bytes) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  std::string text;
  for (auto& f : theme) {
    text.clear();
    source.read(f.real, text);
    mix(f.rel);
    mix(std::string_view("", 1));
    mix(text);
  }
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (int shift = 60; out.size() < 10; shift -= 4)
    out += kHex[(h >> shift) & 15];
  return out;
}

// The old address of each alias, claimed after the pages, so that an alias that is a page's id,
// or another page's alias, is reported where it is written.
void claim_redirects(const Site& site, OutputClaims& claims, Diagnostics& diags) {
  for (auto& r : redirects(site)) {
    const Page& p = site.pages[static_cast<size_t>(r.page)];
    const Alias& a = p.aliases[r.alias];
    // The alias's line is read again only for a collision.
    std::string line =
        claims.claimed(r.path) ? page_source_line(*site.config, p.rel, a.pos.line) : std::string();
    claims.claim(r.path,
                 {msg("alias_redirect", {{"id", a.id}, {"file", p.display_path}}),
                  msg("alias_redirect_fix", {{"id", a.id}}), p.display_path, a.pos.line, a.pos.col,
                  std::move(line)},
                 diags);
  }
}

// Every file the edition writes, claimed in turn: the site's own files, the theme, the pages
// made from templates alone, the content pages and last the attachments, so that a collision is
// reported at the file or link that an editor can rename.
void claim_outputs(const Site& site, const std::vector<Job>& jobs, bool booklet,
                   const std::vector<AdmittedFile>& theme, Diagnostics& diags) {
  const SiteConfig& config = *site.config;
  OutputClaims claims;
  auto generated = [&](std::string what) {
    return OutputWriter{std::move(what), msg("claim_rename_one"), display_path(config, kSettings)};
  };
  for (std::string name : {"sitemap.xml", "robots.txt", "search-index.js", "feed.xml"})
    claims.claim(name, generated(msg("claim_site_file", {{"file", name}})), diags);
  if (booklet) claims.claim("booklet.html", generated(msg("claim_booklet")), diags);
  // booklet.pdf also with --no-pdf: the address is the PDF's whether a build writes it or not.
  if (booklet) claims.claim(kBookletPdf, generated(msg("claim_booklet_pdf")), diags);
  for (auto& f : theme)
    claims.claim("theme/" + f.rel,
                 {msg("claim_theme_file", {{"file", "theme/" + f.rel}}), msg("claim_rename_one"),
                  display_path(config, "theme/" + f.rel)},
                 diags);
  for (auto& job : jobs)
    if (job.page < 0) claims.claim(job.path, generated(writer_of(site, job)), diags);
  for (auto& job : jobs)
    if (job.page >= 0 && site.pages[job.page].ok)  // a refused page is reported already
      claims.claim(
          job.path,
          {writer_of(site, job), msg("claim_rename_file"), site.pages[job.page].display_path},
          diags);
  claim_redirects(site, claims, diags);
  for (auto& a : site.assets) {
    const Page& p = site.pages[static_cast<size_t>(a.page)];
    const BodyLink& bl = p.body.links[a.link];
    claims.claim(
        a.rel,
        {msg("claim_attachment", {{"file", "content/" + a.rel}}), msg("claim_rename_attachment"),
         p.display_path, bl.line, bl.col, page_source_line(config, p.rel, bl.line),
         msg("claim_link_prefix", {{"url", bl.url}})},
        diags);
  }
}

// The files of the site as a whole: theme, assets, sitemap, robots.txt, search index and, when
// the site declares [booklet] and has its template, the booklet at {{root}}booklet.html. Every
// file copied has passed the file gate: `theme` and the site's attachments. With
// `keep_search_entries` (the pages come from a page cache) the search index is joined from the
// entries kept with the pages.
std::vector<std::function<void()>> extras(const Site& site, const TemplateSet& templates,
                                          const std::vector<AdmittedFile>& theme,
                                          const OutputSink& out, bool keep_search_entries) {
  std::vector<std::function<void()>> tasks;
  if (booklet_in_site(site, templates))
    tasks.push_back([&] {
      out.write("booklet.html", render_booklet(site, templates, BookletReader::Browser));
    });
  tasks.push_back([&, keep_search_entries] {
    if (keep_search_entries)
      out.write_pieces("search-index.js", search_index_pieces(site));
    else
      out.write_stream("search-index.js", [&](std::ostream& o) { write_search_index(site, o); });
  });
  tasks.push_back([&] {
    const SiteSource& source = *site.config->source;
    for (auto& file : theme)
      out.copy(source, file.real, "theme/" + file.rel);
    for (auto& asset : site.assets)
      out.copy(source, asset.real, asset.rel);
    out.write("sitemap.xml", sitemap_xml(site));
    out.write(kFeed, feed_xml(site));
    out.write("robots.txt", robots_txt(site));
    for (auto& r : redirects(site))
      out.write(r.path, redirect_html(site, r));
  });
  return tasks;
}

// `handbook booklet`: only the booklet, into its own file.
bool write_booklet_only(const Site& site, const TemplateSet& templates, const BuildOptions& options,
                        Diagnostics& diags, BuildResult& result) {
  result.out = options.booklet;
  try {
    booklet_files_on_disk(site, result);
    write_booklet(site, templates, options.booklet);
  } catch (const std::exception& e) {
    diags.error(result.out.generic_string(), 0, 0,
                msg("build_booklet_failed", {{"reason", e.what()}}), "");
    return false;
  }
  return true;
}

// `handbook serve`: the pages that the page cache lent go back to it when the build ends,
// however it ends.
struct PagesBack {
  PageCache* cache;
  Site& site;
  ~PagesBack() {
    if (cache) cache->give_back(site.pages, site.included);
  }
};

// The whole build; `build` turns what it throws into a diagnostic.
bool run_build(const BuildOptions& options, Diagnostics& diags, BuildResult& result) {
  Stopwatch clock(result);
  SiteConfig config = load_config(options.site, diags, options.source);
  const ProfileSpec* profile =
      diags.has_errors() ? nullptr : pick_profile(config, options.profile, diags);
  if (!profile) return false;
  clock.lap("config");
  size_t compiled_before = TemplateSet::compile_count();
  TemplateSet templates(MissingTemplate::Error);
  size_t errors_before = diags.error_count();
  templates.load_dir(*config.source, "templates", display_path(config, "templates"), diags);
  templates.check_references(diags);
  if (diags.error_count() == errors_before) check_templates(config, templates, diags);
  result.templates_compiled = TemplateSet::compile_count() - compiled_before;
  clock.lap("templates");
  bool dated = options.write && options.booklet.empty();
  HistoryReading history = dated ? start_reading_history(config) : HistoryReading{};
  LoadOptions load{profile->include_internal, options.threads, options.pages};
  std::vector<Page> pages = load_pages(config, load, diags);
  clock.lap("content");
  auto owned = std::make_unique<Site>(build_site(config, *profile, std::move(pages), diags));
  Site& site = *owned;
  if (!options.free_site && !kAlwaysFree) (void)owned.release();  // reclaimed with the process
  PagesBack pages_back{options.pages, site};
  clock.lap("site");
  if (!options.write) check_reviews(site, options.today, options.fail_on_overdue, diags);
  if (dated && !diags.has_errors()) {
    read_timeline(site, templates, options.threads, std::move(history), diags);
    clock.lap("history");
  }
  if (!options.booklet.empty() || templates.has(kBookletTemplate))
    check_booklet(site, templates, diags);
  std::vector<AdmittedFile> theme = FileGate(config).theme_files(diags);
  site.theme_version = theme_version(FileGate(config).source(), theme);
  bool pdf =
      options.pdf && !options.memory && options.booklet.empty() && booklet_in_site(site, templates);
  std::vector<Job> jobs = plan(site, templates);
  claim_outputs(site, jobs, booklet_in_site(site, templates), theme, diags);
  if (diags.has_errors() || !options.write) {
    result.seconds = clock.total();
    return !diags.has_errors();
  }
  if (!options.booklet.empty()) {
    bool ok = write_booklet_only(site, templates, options, diags, result);
    clock.lap("booklet");
    result.seconds = clock.total();
    return ok;
  }
  if (options.memory) {
    auto tasks = extras(site, templates, theme, *options.memory, options.pages != nullptr);
    if (!options.choice)
      for (auto& job : jobs)
        if (job.page >= 0) result.page_sources[job.path] = site.pages[job.page].rel;
    write_pages(site, templates, std::move(jobs), *options.memory, thread_count(options.threads),
                tasks, result, options.choice);
    result.files_written = result.pages_written + tasks.size();
    clock.lap("render");
    result.seconds = clock.total();
    return true;
  }
  result.out = options.out.empty() ? options.site / "_site" / profile->name : options.out;
  try {
    OutputDir out(result.out, options.output);
    if (pdf) {
      if (!publish_booklet_pdf(site, templates, out, options, diags, result)) return false;
      clock.lap("pdf");
    }
    auto tasks = extras(site, templates, theme, out, options.pages != nullptr);
    write_pages(site, templates, std::move(jobs), out, thread_count(options.threads), tasks,
                result);
    result.files_written = result.pages_written + tasks.size();
    clock.lap("render");
    out.commit(thread_count(options.threads));
    clock.lap("output");
  } catch (const std::exception& e) {
    diags.error(result.out.generic_string(), 0, 0, msg("build_failed", {{"reason", e.what()}}), "");
    return false;
  }
  result.seconds = clock.total();
  return true;
}

}  // namespace

bool build(const BuildOptions& options, Diagnostics& diags, BuildResult& result) {
  try {
    return run_build(options, diags, result);
  } catch (const std::exception& e) {
    diags.error(options.site.generic_string(), 0, 0, msg("build_failed", {{"reason", e.what()}}),
                "");
    return false;
  }
}

}  // namespace hb
