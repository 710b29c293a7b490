// Text edits: changes to spans of a file's text, made all at once, so that every byte outside
// the spans stays as it was. Used by `handbook mv`, which rewrites references in place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hb {

struct TextEdit {
  size_t offset = 0, length = 0;  // the bytes replaced
  std::string text;               // what stands there instead
};

// `text` with each edit made; edits at the same place are made once, overlapping ones are a bug
// of the caller (the later one is left out).
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

// The byte offset of line `line`, column `col` (1-based; `col` counts UTF-8 code points as
// diagnostics do), or nothing when the text has no such place.
std::optional<size_t> offset_of(std::string_view text, int line, int col);

// The edit that makes the link address at `offset` of `text`, which names the page `old_id`,
// name `new_id` instead: only the file name's id changes ("../roles/a.md#x" ->
// "../roles/b.md#x"). Nothing when the address is not written there as `url`, or its file name
// is not spelt `<old_id>.<ending>`.
std::optional<TextEdit> link_edit(std::string_view text, size_t offset, std::string_view url,
                                  const std::string& old_id, const std::string& new_id);

// The edit that makes the TOML string at `offset` ("old" or 'old') hold `new_id`; nothing when
// the string there is not `old_id` written plainly.
std::optional<TextEdit> id_string_edit(std::string_view text, size_t offset,
                                       const std::string& old_id, const std::string& new_id);

// The edit that adds `id` to the front matter's `aliases`: into the list when the front matter
// has one (`aliases_offset` is where its value begins), else as a new line
// `aliases = ["id"]` at `insert_at` (the start of a line).
std::optional<TextEdit> alias_edit(std::string_view text, std::optional<size_t> aliases_offset,
                                   size_t insert_at, const std::string& id);

}  // namespace hb
