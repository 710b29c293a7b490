#include "output_claims.h"

#include "base/messages.h"

namespace hb {

namespace {

std::string lower(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

bool OutputClaims::claim(const std::string& rel, const OutputWriter& writer, Diagnostics& diags) {
  std::string key = lower(rel);
  auto report = [&](const char* id, const Claim& earlier, const std::string& folder) {
    MessageArgs args{
        {"what", writer.what}, {"path", rel}, {"earlier", earlier.what}, {"folder", folder}};
    diags.error(writer.path, writer.line, writer.col,
                writer.prefix + msg(id, args) + ": " + writer.fix, writer.source_line);
    return false;
  };
  // A file where another writer's file is a folder, or in a folder that is another's file: one
  // of the two could not be written.
  if (auto in = folders_.find(key); in != folders_.end())
    return report("claim_folder_of", in->second, rel);
  for (size_t slash = key.find('/'); slash != std::string::npos; slash = key.find('/', slash + 1))
    if (auto file = claims_.find(key.substr(0, slash)); file != claims_.end())
      return report("claim_inside_file", file->second, rel.substr(0, slash));
  auto [it, fresh] = claims_.try_emplace(key, Claim{rel, writer.what});
  if (!fresh)
    return report(it->second.rel == rel ? "claim_taken" : "claim_taken_case", it->second, "");
  for (size_t slash = key.find('/'); slash != std::string::npos; slash = key.find('/', slash + 1))
    folders_.try_emplace(key.substr(0, slash), Claim{rel, writer.what});
  return true;
}

bool OutputClaims::claimed(const std::string& rel) const {
  return claims_.count(lower(rel)) > 0;
}

}  // namespace hb
