// Renamed source: the site on disk as it will be after `handbook mv`, with some content files
// replaced by new texts, one of them under a new name and the old name gone. The rename is
// checked through it before anything is written.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "source/site_source.h"

namespace hb {

class RenamedSource : public SiteSource {
 public:
  // `texts`: the content files (relative to content/) whose text changes, the new one included;
  // `removed`: the old name, which is gone.
  RenamedSource(std::shared_ptr<const SiteSource> base, const std::filesystem::path& content,
                std::map<std::string, std::string> texts, std::string removed);

  Found find(std::string_view folder, std::string_view rel,
             const std::string& shown) const override;
  bool read(const std::filesystem::path& real, std::string& out) const override;
  std::vector<std::string> files(std::string_view folder) const override;
  bool has_folder(std::string_view folder) const override { return base_->has_folder(folder); }
  bool on_disk() const override { return base_->on_disk(); }

 private:
  std::shared_ptr<const SiteSource> base_;
  std::filesystem::path content_;
  std::map<std::string, std::string> texts_;  // by path relative to content/
  std::string removed_;
};

}  // namespace hb
