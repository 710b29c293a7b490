#include "text_edits.h"

#include <algorithm>

#include "base/escape.h"

namespace hb {

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(),
                   [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
  std::string out;
  out.reserve(text.size() + 64);
  size_t pos = 0;
  for (auto& e : edits) {
    if (e.offset < pos || e.offset + e.length > text.size()) continue;  // made already
    out.append(text.substr(pos, e.offset - pos));
    out += e.text;
    pos = e.offset + e.length;
  }
  out.append(text.substr(pos));
  return out;
}

std::optional<size_t> offset_of(std::string_view text, int line, int col) {
  if (line < 1 || col < 1) return std::nullopt;
  size_t pos = 0;
  for (int l = 1; l < line; ++l) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) return std::nullopt;
    ++pos;
  }
  for (int c = 1; c < col; ++c) {
    if (pos >= text.size() || text[pos] == '\n') return std::nullopt;
    pos += std::max<size_t>(utf8_sequence(text, pos), 1);
  }
  return pos;
}

std::optional<TextEdit> link_edit(std::string_view text, size_t offset, std::string_view url,
                                  const std::string& old_id, const std::string& new_id) {
  if (text.substr(offset, url.size()) != url) return std::nullopt;
  std::string_view path = url.substr(0, std::min(url.find_first_of("#?"), url.size()));
  while (!path.empty() && (path.back() == '/' || path.back() == '.'))
    path.remove_suffix(1);  // "x.md/" and "x.md/." name x.md
  size_t name = path.rfind('/');
  name = name == std::string_view::npos ? 0 : name + 1;
  std::string_view file = path.substr(name);
  if (!file.starts_with(old_id) || file.size() <= old_id.size() || file[old_id.size()] != '.' ||
      file.find('.', old_id.size() + 1) != std::string_view::npos)
    return std::nullopt;
  return TextEdit{offset + name, old_id.size(), new_id};
}

std::optional<TextEdit> id_string_edit(std::string_view text, size_t offset,
                                       const std::string& old_id, const std::string& new_id) {
  if (offset >= text.size() || (text[offset] != '"' && text[offset] != '\'')) return std::nullopt;
  char quote = text[offset];
  if (text.substr(offset + 1, old_id.size()) != old_id ||
      offset + 1 + old_id.size() >= text.size() || text[offset + 1 + old_id.size()] != quote)
    return std::nullopt;
  return TextEdit{offset + 1, old_id.size(), new_id};
}

namespace {

// The offset of the ']' that closes the list opening at `open`, skipping strings and comments.
std::optional<size_t> closing_bracket(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      for (++i; i < text.size() && text[i] != c && text[i] != '\n'; ++i)
        if (c == '"' && text[i] == '\\') ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n')
        ++i;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && --depth == 0) {
      return i;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<TextEdit> alias_edit(std::string_view text, std::optional<size_t> aliases_offset,
                                   size_t insert_at, const std::string& id) {
  std::string quoted = "\"" + id + "\"";
  if (!aliases_offset) {
    size_t eol = text.find('\n', insert_at);
    bool crlf = eol != std::string_view::npos && eol > 0 && text[eol - 1] == '\r';
    return TextEdit{insert_at, 0, "aliases = [" + quoted + "]" + (crlf ? "\r\n" : "\n")};
  }
  size_t open = *aliases_offset;
  if (open >= text.size() || text[open] != '[') return std::nullopt;
  std::optional<size_t> close = closing_bracket(text, open);
  if (!close) return std::nullopt;
  size_t last = *close;  // after the last item written
  while (last > open + 1 && (text[last - 1] == ' ' || text[last - 1] == '\t' ||
                             text[last - 1] == '\n' || text[last - 1] == '\r'))
    --last;
  if (last == open + 1) return TextEdit{open + 1, 0, quoted};  // an empty list
  if (text[last - 1] == ',') return TextEdit{last, 0, " " + quoted + ","};
  return TextEdit{last, 0, ", " + quoted};
}

}  // namespace hb
