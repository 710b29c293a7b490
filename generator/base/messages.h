// The texts of diagnostics, one catalogue per language: messages_da.cpp and messages_en.cpp hold
// every message by id, with `{name}` slots that the caller fills. A translator sees them all in
// one place; a test checks that both catalogues have the same ids and the same slots.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hb {

struct MessageText {
  const char* id;
  const char* text;
};

// The catalogues.
std::span<const MessageText> danish_messages();
std::span<const MessageText> english_messages();

// The language of the messages from now on, by code: "en" (and "en-GB" ...) is English, any other
// code Danish. Set once per command before any work starts; Danish until then.
void set_message_language(std::string_view code);
// "da" or "en".
std::string_view message_language();

using MessageArgs = std::vector<std::pair<std::string, std::string>>;

// The message `id` in the current language, its `{name}` slots filled from `args`; the id itself
// when no catalogue has it.
std::string msg(std::string_view id, const MessageArgs& args = {});
// As msg(), in the language `code`.
std::string msg_in(std::string_view code, std::string_view id, const MessageArgs& args = {});

// A field named in a message: its name as written in the files, and beside it its label from
// handbook.toml when there is one that says more: 'purpose' (Formål).
std::string field_ref(std::string_view name, std::string_view label);

}  // namespace hb
