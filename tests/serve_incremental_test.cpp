// handbook serve builds an edition again reusing the pages of unchanged files: after any
// sequence of edits, what it serves must equal a full build byte for byte.
#include <doctest/doctest.h>

#include <random>

#include "app/build.h"
#include "serve/live_edition.h"
#include "support.h"
#include "view/history_view.h"

using namespace hb;
using namespace hb::test;

namespace {

using Files = std::map<std::string, std::string, std::less<>>;

struct FullBuild {
  bool ok = false;
  Files files;
  std::vector<std::string> problems;
};

Files contents(const ServedFiles& served) {
  Files out;
  for (auto& [path, pieces] : served)
    out.emplace(path, joined(pieces));
  return out;
}

// The paths whose content differs between `a` and `b`, or that only one has.
std::vector<std::string> differences(const Files& a, const Files& b) {
  std::vector<std::string> out;
  for (auto& [path, content] : a)
    if (auto it = b.find(path); it == b.end() || it->second != content) out.push_back(path);
  for (auto& entry : b)
    if (!a.count(entry.first)) out.push_back(entry.first);
  return out;
}

std::vector<std::string> texts(const std::vector<Diagnostic>& problems) {
  std::vector<std::string> out;
  for (auto& d : problems)
    out.push_back(format_text(d));
  return out;
}

FullBuild full_build(const fs::path& site, const std::string& profile) {
  MemoryOutput memory;
  BuildOptions options;
  options.site = site;
  options.profile = profile;
  options.memory = &memory;
  Diagnostics diags;
  BuildResult result;
  FullBuild b;
  b.ok = build(options, diags, result);
  b.files = memory.take();
  b.problems = texts(diags.sorted());
  return b;
}

// Random edits of a site, each undone later, so that the site keeps returning to a state that
// builds. Each edit names the files it touched, relative to the site.
class Editor {
 public:
  Editor(fs::path site, unsigned seed) : site_(std::move(site)), random_(seed) {}

  std::vector<std::string> step(std::string& what) {
    if (!undo_.empty() && pick(2) == 0) {
      auto [rel, text] = undo_.back();
      undo_.pop_back();
      what = "undo " + rel;
      return restore(rel, text);
    }
    std::vector<std::string> pages = page_files();
    std::string rel = pages[pick(pages.size())];
    std::string text = read_text(site_ / rel);
    switch (pick(15)) {
      case 0:
        what = "change the text of " + rel;
        write_file(site_ / rel, text + "\nEt nyt afsnit nummer " + std::to_string(pick(1000)) +
                                    " med ordet kloakering.\n");
        return {rel};
      case 1: {
        what = "change the title of " + rel;
        size_t at = text.find("\ntitle = \"");
        if (at == std::string::npos) return {};
        text.insert(at + 10, "Ny ");
        write_file(site_ / rel, text);
        return {rel};
      }
      case 2: {
        std::string added =
            rel.substr(0, rel.size() - 3) + "-kopi" + std::to_string(pick(1000)) + ".md";
        if (rel.ends_with("_index.md") || fs::exists(site_ / added)) return {};
        what = "add " + added;
        write_file(site_ / added, text);
        undo_.push_back({added, ""});
        return {added};
      }
      case 3: {
        if (rel.ends_with("_index.md")) return {};
        std::string renamed = rel.substr(0, rel.size() - 3) + "-flyttet.md";
        what = "rename " + rel + " to " + renamed;
        fs::rename(site_ / rel, site_ / renamed);
        undo_.push_back({renamed, ""});
        undo_.push_back({rel, text});
        return {rel, renamed};
      }
      case 4:
        what = "delete " + rel;
        fs::remove(site_ / rel);
        undo_.push_back({rel, text});
        return {rel};
      case 5:
        what = "break the front matter of " + rel;
        write_file(site_ / rel, "++\n" + text.substr(text.find('\n') + 1));
        undo_.push_back({rel, text});
        return {rel};
      case 6:
        what = "break a link in " + rel;
        write_file(site_ / rel, text + "\nSe [intet](findes-ikke.md).\n");
        undo_.push_back({rel, text});
        return {rel};
      case 7: {
        what = "make " + rel + " internal";
        if (text.find("\nvisibility") != std::string::npos || !text.starts_with("+++\n")) return {};
        write_file(site_ / rel, "+++\nvisibility = \"internal\"\n" + text.substr(4));
        undo_.push_back({rel, text});
        return {rel};
      }
      case 8: {
        what = "add a link to another page in " + rel;
        std::string other = pages[pick(pages.size())];
        write_file(site_ / rel,
                   text + "\nSe [den anden side](" + relative_link(rel, other) + ").\n");
        return {rel};
      }
      case 9:
        return replace_in(rel, text, "\nsummary = \"", "Kort sagt: ", "change the summary of ",
                          what);
      case 10:
        return replace_in(rel, text, "\nweight = ", "1", "change the weight of ", what);
      case 11:
        return replace_in(rel, text, "\nthemes = [", "\"tema " + std::to_string(pick(3)) + "\", ",
                          "add a theme to ", what);
      case 12: {
        what = "change a template";
        std::string page = read_text(site_ / "templates/page.mustache");
        write_file(site_ / "templates/page.mustache", page + "<!-- ændret -->\n");
        undo_.push_back({"templates/page.mustache", page});
        return {"templates/page.mustache"};
      }
      case 13: {
        what = "change the theme";
        fs::path css = first_css();
        std::string rel_css = fs::relative(css, site_).generic_string();
        std::string style = read_text(css);
        write_file(css, style + "/* ændret */\n");
        undo_.push_back({rel_css, style});
        return {rel_css};
      }
      default: {
        what = "change the settings' comment";
        std::string settings = read_text(site_ / "handbook.toml");
        write_file(site_ / "handbook.toml", settings + "# ændret\n");
        return {"handbook.toml"};
      }
    }
  }

 private:
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }

  std::vector<std::string> page_files() {
    std::vector<std::string> out;
    for (auto& e : fs::recursive_directory_iterator(site_ / "content"))
      if (e.path().extension() == ".md")
        out.push_back(fs::relative(e.path(), site_).generic_string());
    std::sort(out.begin(), out.end());
    return out;
  }

  // Inserts `added` after the first `after` in the page `rel`, whose text is `text`; nothing when
  // the page has no such line.
  std::vector<std::string> replace_in(const std::string& rel, std::string text,
                                      const std::string& after, const std::string& added,
                                      const std::string& verb, std::string& what) {
    size_t at = text.find(after);
    if (at == std::string::npos) return {};
    what = verb + rel;
    text.insert(at + after.size(), added);
    write_file(site_ / rel, text);
    return {rel};
  }

  fs::path first_css() {
    std::vector<fs::path> found;
    for (auto& e : fs::recursive_directory_iterator(site_ / "theme"))
      if (e.path().extension() == ".css") found.push_back(e.path());
    std::sort(found.begin(), found.end());
    return found.at(0);
  }

  static std::string relative_link(const std::string& from, const std::string& to) {
    return fs::path(to).lexically_relative(fs::path(from).parent_path()).generic_string();
  }

  // Puts back a file as it was: "" when it did not exist.
  std::vector<std::string> restore(const std::string& rel, const std::string& text) {
    if (text.empty())
      fs::remove(site_ / rel);
    else
      write_file(site_ / rel, text);
    return {rel};
  }

  fs::path site_;
  std::mt19937 random_;
  std::vector<std::pair<std::string, std::string>> undo_;
};

}  // namespace

TEST_CASE("serve: after each of a random sequence of edits both editions equal a full build") {
  TempDir tmp;
  fs::path site = tmp / "site";
  copy_bundled_site(site);
  LiveEdition editions[] = {{site, "public", 0}, {site, "internal", 0}};
  for (auto& e : editions)
    REQUIRE(e.rebuild({}).ok);
  Editor editor(site, 20261206);
  size_t failed = 0, passed = 0;
  for (int step = 0; step < 150; ++step) {
    std::string what;
    std::vector<std::string> changed = editor.step(what);
    CAPTURE(step);
    CAPTURE(what);
    for (auto& live : editions) {
      CAPTURE(live.profile());
      RebuildReport report = live.rebuild(changed);
      FullBuild full = full_build(site, live.profile());
      EditionState state = live.state();
      REQUIRE(report.ok == full.ok);
      CHECK(texts(state.problems) == full.problems);
      if (full.ok) {
        REQUIRE(state.files);
        CHECK(differences(contents(*state.files), full.files) == std::vector<std::string>{});
      }
      (full.ok ? passed : failed)++;
    }
  }
  // The sequence must try both outcomes.
  CHECK(failed > 10);
  CHECK(passed > 10);
}

TEST_CASE("serve: a change of a page's text renders that page, a new title also what shows it") {
  TempDir tmp;
  fs::path site = tmp / "site";
  copy_bundled_site(site);
  LiveEdition live(site, "public", 0);
  RebuildReport first = live.rebuild({});
  REQUIRE(first.ok);
  const std::string rel = "content/roles/bestyrelsen.md";
  std::string text = read_text(site / rel);
  write_file(site / rel, text + "\nEt nyt afsnit.\n");
  RebuildReport body = live.rebuild({rel});
  REQUIRE(body.ok);
  // The page, and the pages made from git's history, which are always rendered.
  size_t time_pages = 0;
  for (const char* page : {kChangesPage, kVersionsPage, kReviewPage})
    time_pages += live.state().files->count(page);
  CHECK(body.pages_rendered == 1 + time_pages);
  size_t at = text.find("\ntitle = \"");
  REQUIRE(at != std::string::npos);
  write_file(site / rel, text.insert(at + 10, "Ny "));
  RebuildReport title = live.rebuild({rel});
  REQUIRE(title.ok);
  CHECK(title.pages_rendered > 1);
  CHECK(title.pages_rendered < first.pages_rendered);
  CHECK(differences(contents(*live.state().files), full_build(site, "public").files) ==
        std::vector<std::string>{});
  write_file(site / "templates/page.mustache",
             read_text(site / "templates/page.mustache") + "<!-- ændret -->\n");
  CHECK(live.rebuild({"templates/page.mustache"}).pages_rendered == first.pages_rendered);
}
