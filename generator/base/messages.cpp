#include "messages.h"

#include <atomic>
#include <map>

#include "ui_strings.h"

namespace hb {

namespace {

using Catalogue = std::map<std::string, const char*, std::less<>>;

Catalogue index(std::span<const MessageText> texts) {
  Catalogue c;
  for (auto& t : texts)
    c.emplace(t.id, t.text);
  return c;
}

const Catalogue& catalogue(bool english) {
  static const Catalogue da = index(danish_messages());
  static const Catalogue en = index(english_messages());
  return english ? en : da;
}

std::atomic<bool> g_english{false};

bool is_english(std::string_view code) {
  return code == "en" || code.starts_with("en-") || code.starts_with("en_");
}

std::string lookup(bool english, std::string_view id, const MessageArgs& args) {
  const Catalogue& c = catalogue(english);
  auto it = c.find(id);
  return it == c.end() ? std::string(id) : fill(it->second, args);
}

}  // namespace

void set_message_language(std::string_view code) {
  g_english = is_english(code);
}

std::string_view message_language() {
  return g_english ? "en" : "da";
}

std::string msg(std::string_view id, const MessageArgs& args) {
  return lookup(g_english, id, args);
}

std::string msg_in(std::string_view code, std::string_view id, const MessageArgs& args) {
  return lookup(is_english(code), id, args);
}

std::string field_ref(std::string_view name, std::string_view label) {
  std::string out = "'" + std::string(name) + "'";
  if (!label.empty() && label != name) out += " (" + std::string(label) + ")";
  return out;
}

}  // namespace hb
