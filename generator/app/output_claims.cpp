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
  auto [it, fresh] = claims_.try_emplace(lower(rel), Claim{rel, writer.what});
  if (fresh) return true;
  const Claim& earlier = it->second;
  MessageArgs args{{"what", writer.what}, {"path", rel}, {"earlier", earlier.what}};
  diags.error(writer.path, writer.line, writer.col,
              writer.prefix + msg(earlier.rel == rel ? "claim_taken" : "claim_taken_case", args) +
                  ": " + writer.fix,
              writer.source_line);
  return false;
}

bool OutputClaims::claimed(const std::string& rel) const {
  return claims_.count(lower(rel)) > 0;
}

}  // namespace hb
