#include "renamed_source.h"

#include <algorithm>

#include "base/messages.h"

namespace hb {

RenamedSource::RenamedSource(std::shared_ptr<const SiteSource> base,
                             const std::filesystem::path& content,
                             std::map<std::string, std::string> texts, std::string removed)
    : base_(std::move(base)),
      content_(content),
      texts_(std::move(texts)),
      removed_(std::move(removed)) {}

Found RenamedSource::find(std::string_view folder, std::string_view rel,
                          const std::string& shown) const {
  if (folder == "content" && rel == removed_)
    return Found{{}, msg("mv_file_gone", {{"file", shown}})};
  if (folder == "content" && texts_.count(std::string(rel))) return Found{content_ / rel, ""};
  return base_->find(folder, rel, shown);
}

bool RenamedSource::read(const std::filesystem::path& real, std::string& out) const {
  std::string rel = real.lexically_relative(content_).generic_string();
  if (auto it = texts_.find(rel); it != texts_.end() && !rel.starts_with("..")) {
    out = it->second;
    return true;
  }
  return base_->read(real, out);
}

std::vector<std::string> RenamedSource::files(std::string_view folder) const {
  std::vector<std::string> list = base_->files(folder);
  if (folder != "content") return list;
  list.erase(std::remove(list.begin(), list.end(), removed_), list.end());
  for (auto& [rel, _] : texts_)
    if (std::find(list.begin(), list.end(), rel) == list.end()) list.push_back(rel);
  std::sort(list.begin(), list.end());
  return list;
}

}  // namespace hb
