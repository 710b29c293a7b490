// What an edition showed of old versions of pages, kept between builds in .git/handbook/. To
// date a page the public edition compares old versions of its file, loading each as the edition
// loads pages; on a site of thousands of pages that is most of the history's cost. A version is
// a blob (its bytes never change) at a path, so what the edition shows of it changes only with
// the edition's settings (handbook.toml) or the program: the file holds the settings it was
// made under and is not read under others.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>

namespace hb {

struct SiteConfig;

// A version of a page as an edition loads it.
struct Version {
  uint64_t print = 0;   // what the edition shows of it, as one number
  bool shown = false;   // in this edition: loaded and not internal (or the edition is internal)
  bool plain = false;   // no internal passage or internal field can be in it
  bool loaded = false;  // false: only `plain` is known (the version was read, not loaded)
  std::string title;
};

class VersionCache {
 public:
  // The cache of the edition (`internal` or not) in `dir`; none when `dir` is empty or the
  // settings cannot be told (then nothing is read or written).
  VersionCache(const std::filesystem::path& dir, const SiteConfig& config, bool internal);

  // The version of `blob` at `rel`, or null.
  const Version* find(const std::string& rel, const std::string& blob) const;
  void put(const std::string& rel, const std::string& blob, const Version& v);
  // Writes the file again when something was added (see record_file.h).
  void save() const;

 private:
  std::filesystem::path file_;
  std::string settings_;
  std::unordered_map<std::string, Version> versions_;  // "rel\0blob" -> version
  bool added_ = false;
};

// The program and the site's settings, as one text: a build under another program (its path,
// size and time of change) or another handbook.toml reads another text. Empty when either
// cannot be read.
std::string edition_settings(const SiteConfig& config, bool internal);

}  // namespace hb
