// Live edition: one edition of a site built in memory and built again when its files change.
// The pages of content files that did not change are reused (content/page_cache.h), and only
// the outputs that can change are rendered again (render_choice.h); the others are kept from the
// last good build. The files served equal a full build's byte for byte.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/page_cache.h"
#include "output/output_sink.h"
#include "render_choice.h"

namespace hb {

// The files of an edition by path, each as its pieces (output/output_sink.h): one for most
// files; the search index's entries of pages that did not change are shared with the build
// before, as is every file that a rebuild did not render again.
using ServedFiles = std::map<std::string, TextPieces, std::less<>>;

struct EditionState {
  std::shared_ptr<const ServedFiles> files;  // the last good build; null before the first
  std::vector<Diagnostic> problems;          // of the last build; no errors: it is served
  bool failed = false;                       // the last build had errors
  uint64_t generation = 0;                   // counts builds that changed what is served
};

struct RebuildReport {
  bool ok = false;
  bool changed = false;       // what is served changed (files or problems)
  size_t files_changed = 0;   // files added, changed or removed
  bool full = false;          // every page was read again
  size_t pages_rendered = 0;  // pages made from templates that were rendered
  std::vector<StageTime> stages;
  double seconds = 0;
};

class LiveEdition {
 public:
  LiveEdition(std::filesystem::path site, std::string profile, unsigned threads = 0);

  // Builds the edition again. `changed` holds the site's files that changed since the last
  // build, relative to the site folder ("content/roles/x.md", "handbook.toml"); the first
  // build reads everything.
  RebuildReport rebuild(const std::vector<std::string>& changed);

  // A copy of the state, to serve from without holding a lock.
  EditionState state() const;
  const std::string& profile() const { return profile_; }

 private:
  std::filesystem::path site_;
  std::string profile_;
  unsigned threads_;
  // The files of the last good build, kept: they are read only by the builder's thread.
  ServedFiles merged(MemoryOutput& memory) const;

  PageCache pages_;
  ServeRenderChoice choice_{pages_};
  std::shared_ptr<const ServedFiles> last_good_;
  bool built_ = false;
  mutable std::mutex mutex_;
  EditionState state_;
};

}  // namespace hb
