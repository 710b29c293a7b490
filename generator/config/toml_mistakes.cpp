#include "toml_mistakes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "base/diagnostics.h"
#include "base/messages.h"

namespace hb {

namespace {

// Typographic quotes that Word and other editors put in place of straight ones.
constexpr std::array<std::string_view, 11> kCurlyQuotes = {"\u201C", "\u201D", "\u201E", "\u2018",
                                                           "\u2019", "\u201A", "\u00BB", "\u00AB",
                                                           "\u2039", "\u203A", "\u2033"};

// Characters that look like a space, or like nothing, but are not ones TOML accepts.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kOddSpaces = {{
    {"\u00A0", "toml_nbsp"},
    {"\u202F", "toml_nbsp"},
    {"\u200B", "toml_invisible"},
    {"\u2060", "toml_invisible"},
    {"\uFEFF", "toml_invisible"},
}};

bool is_key_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Byte offset of 1-based character column `col` in `line` (its end when past it).
size_t byte_of_column(std::string_view line, int col) {
  size_t i = 0;
  for (int c = 1; c < col && i < line.size(); ++c)
    for (++i; i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;)
      ++i;
  return i;
}

// The place of the mistake and what to say about it.
struct Found {
  size_t byte = std::string_view::npos;  // within the line; npos: the parser's column
  std::string id;
  MessageArgs args;
};

// The parts of a line `key = value`: the key (trimmed) and the value (trimmed), or an empty key.
struct KeyValue {
  std::string_view key;
  std::string_view value;
  size_t value_at = 0;  // byte offset of the value in the line
};

KeyValue split_key_value(std::string_view line) {
  KeyValue kv;
  size_t eq = line.find('=');
  if (eq == std::string_view::npos) return kv;
  kv.key = trim(line.substr(0, eq));
  size_t v = line.find_first_not_of(" \t", eq + 1);
  if (v == std::string_view::npos) return kv;
  kv.value_at = v;
  std::string_view value = line.substr(v);
  // A comment after the value is not part of it (a '#' inside quotes is rare in a mistake).
  if (size_t hash = value.find(" #"); hash != std::string_view::npos) value = value.substr(0, hash);
  kv.value = trim(value);
  return kv;
}

std::string fix_line(std::string_view key, std::string_view value) {
  return std::string(key) + " = " + std::string(value);
}

// The first typographic quote outside straight quotes, or npos.
size_t curly_quote_at(std::string_view line, std::string_view& which) {
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"' || line[i] == '\'') in_string = !in_string;
    if (in_string) continue;
    for (auto q : kCurlyQuotes)
      if (line.substr(i, q.size()) == q) {
        which = q;
        return i;
      }
  }
  return std::string_view::npos;
}

bool starts_with_curly(std::string_view s, size_t& length) {
  for (auto q : kCurlyQuotes)
    if (s.starts_with(q)) return length = q.size(), true;
  return false;
}

bool ends_with_curly(std::string_view s, size_t& length) {
  for (auto q : kCurlyQuotes)
    if (s.ends_with(q)) return length = q.size(), true;
  return false;
}

std::optional<Found> curly_quotes(std::string_view line) {
  std::string_view which;
  size_t at = curly_quote_at(line, which);
  if (at == std::string_view::npos) return std::nullopt;
  Found f{at, "toml_curly_quote", {{"quote", std::string(which)}}};
  KeyValue kv = split_key_value(line);
  std::string_view v = kv.value;
  size_t open = 0, close = 0;
  if (!kv.key.empty() && starts_with_curly(v, open) && ends_with_curly(v, close) &&
      v.size() > open + close)
    f.args.push_back(
        {"fix",
         fix_line(kv.key, "\"" + std::string(v.substr(open, v.size() - open - close)) + "\"")});
  else
    f.id = "toml_curly_quote_nofix";
  return f;
}

// The byte offset of the straight quote that opens a string never closed on `line`, or npos.
size_t unclosed_quote_at(std::string_view line) {
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (open == std::string_view::npos) {
      if (c == '#') break;
      if (c == '"' || c == '\'') open = i;
    } else if (c == '\\' && line[open] == '"') {
      ++i;
    } else if (c == line[open]) {
      open = std::string_view::npos;
    }
  }
  return open;
}

std::optional<Found> unclosed_string(std::string_view line, std::string_view description) {
  if (description.find("string") == std::string_view::npos) return std::nullopt;
  if (description.find("control characters") == std::string_view::npos &&
      description.find("end-of-file") == std::string_view::npos)
    return std::nullopt;
  if (line.find("\"\"\"") != std::string_view::npos || line.find("'''") != std::string_view::npos)
    return Found{line.find_first_of("\"'"), "toml_unclosed_multiline", {}};
  size_t open = unclosed_quote_at(line);
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view rest = trim(line);
  size_t curly = 0;
  if (ends_with_curly(rest, curly)) {
    size_t at = line.rfind(rest.substr(rest.size() - curly));
    std::string fixed(rest.substr(0, rest.size() - curly));
    return Found{
        at,
        "toml_string_ends_curly",
        {{"quote", std::string(rest.substr(rest.size() - curly))}, {"fix", fixed + line[open]}}};
  }
  return Found{open, "toml_unclosed_string", {{"fix", std::string(rest) + line[open]}}};
}

// Characters that look like spaces (or nothing) where TOML wants a space or nothing.
std::optional<Found> odd_space(std::string_view line, std::string_view description) {
  if (description.find("\\u") == std::string_view::npos &&
      description.find("could not determine") == std::string_view::npos &&
      description.find("expected '='") == std::string_view::npos)
    return std::nullopt;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') in_string = !in_string;
    if (in_string) continue;
    for (auto& [chars, id] : kOddSpaces)
      if (line.substr(i, chars.size()) == chars) return Found{i, std::string(id), {}};
  }
  return std::nullopt;
}

// A number: digits with at most one leading sign.
bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

std::string two_digits(std::string_view s) {
  return s.size() == 1 ? "0" + std::string(s) : std::string(s);
}

int month_of_name(std::string_view word) {
  static const char* names[] = {"januar",    "februar", "marts",    "april",
                                "maj",       "juni",    "juli",     "august",
                                "september", "oktober", "november", "december"};
  std::string lower;
  for (char c : word)
    if (c != '.') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i)
    if (lower == names[i] || (lower.size() >= 3 && std::string(names[i]).starts_with(lower)))
      return i + 1;
  return 0;
}

// The three parts of a date written with `-`, `/`, `.` or words between them.
std::vector<std::string_view> date_parts(std::string_view v) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < v.size()) {
    size_t end = v.find_first_of("-/. ", i);
    if (end == std::string_view::npos) end = v.size();
    if (end > i) parts.push_back(v.substr(i, end - i));
    i = end + 1;
  }
  return parts;
}

std::optional<Found> date_mistake(const KeyValue& kv, std::string_view description) {
  std::string_view v = kv.value;
  if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0]))) return std::nullopt;
  std::vector<std::string_view> p = date_parts(v);
  if (p.size() != 3) return std::nullopt;
  bool slashes = v.find('/') != std::string_view::npos;
  bool dots = v.find('.') != std::string_view::npos || v.find(' ') != std::string_view::npos;
  std::string year, month, day;
  if (is_digits(p[0]) && p[0].size() == 4 && is_digits(p[1]) && is_digits(p[2])) {
    year = p[0], month = two_digits(p[1]), day = two_digits(p[2]);
  } else if (is_digits(p[2]) && p[2].size() == 4 && is_digits(p[0])) {
    year = p[2], day = two_digits(p[0]);
    if (is_digits(p[1]))
      month = two_digits(p[1]);
    else if (int m = month_of_name(p[1]))
      month = two_digits(std::to_string(m));
    else
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (month.size() != 2 || day.size() != 2) return std::nullopt;
  std::string iso = year + "-" + month + "-" + day;
  MessageArgs args = {{"given", std::string(v)}, {"iso", iso}, {"fix", fix_line(kv.key, iso)}};
  int m = std::stoi(month), d = std::stoi(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) {
    if (description.find("parsing date") == std::string_view::npos) return std::nullopt;
    return Found{kv.value_at, "toml_date_impossible", {{"given", std::string(v)}}};
  }
  if (iso == v) {  // written as it should be, but no day of the calendar (2026-11-31)
    if (description.find("parsing date") == std::string_view::npos) return std::nullopt;
    return Found{kv.value_at, "toml_date_impossible", {{"given", std::string(v)}}};
  }
  if (!is_digits(p[0]) || p[0].size() != 4) return Found{kv.value_at, "toml_date_order", args};
  if (slashes || dots) return Found{kv.value_at, "toml_date_separator", args};
  return Found{kv.value_at, "toml_date_digits", args};
}

std::optional<Found> value_mistake(std::string_view line, std::string_view description) {
  KeyValue kv = split_key_value(line);
  if (kv.key.empty() || kv.value.empty()) return std::nullopt;
  if (auto f = date_mistake(kv, description)) return f;
  std::string_view v = kv.value;
  // A decimal comma: 12,5
  size_t comma = v.find(',');
  if (comma != std::string_view::npos && is_digits(v.substr(0, comma)) &&
      is_digits(v.substr(comma + 1))) {
    std::string fixed(v);
    fixed[comma] = '.';
    return Found{kv.value_at + comma, "toml_decimal_comma", {{"fix", fix_line(kv.key, fixed)}}};
  }
  // Several quoted values without brackets: "a", "b"]
  if ((v[0] == '"' || v[0] == '\'') && v.find(',') != std::string_view::npos &&
      description.find("comment or whitespace") != std::string_view::npos) {
    std::string inner(v);
    if (inner.back() == ']') inner.pop_back();
    return Found{
        kv.value_at, "toml_list_not_opened", {{"fix", fix_line(kv.key, "[" + inner + "]")}}};
  }
  std::string word(v.substr(0, std::min(v.find_first_of(" \t,]"), v.size())));
  std::string lower;
  for (char c : word)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "ja" || lower == "yes" || lower == "sand" || lower == "true" || lower == "on")
    return Found{
        kv.value_at, "toml_boolean_word", {{"word", word}, {"fix", fix_line(kv.key, "true")}}};
  if (lower == "nej" || lower == "no" || lower == "falsk" || lower == "false" || lower == "off")
    return Found{
        kv.value_at, "toml_boolean_word", {{"word", word}, {"fix", fix_line(kv.key, "false")}}};
  if (v[0] == '(') return Found{kv.value_at, "toml_list_parentheses", {}};
  if (v[0] == '=') return Found{kv.value_at, "toml_double_equals", {}};
  if (description.find("could not determine") != std::string_view::npos &&
      (std::isalpha(static_cast<unsigned char>(v[0])) || static_cast<unsigned char>(v[0]) >= 0xC0))
    return Found{
        kv.value_at, "toml_bare_text", {{"fix", fix_line(kv.key, "\"" + std::string(v) + "\"")}}};
  if (description.find("leading zeroes") != std::string_view::npos) {
    size_t digits = v.find_first_not_of('0');
    std::string fixed(digits == std::string_view::npos ? "0" : v.substr(digits));
    return Found{kv.value_at, "toml_leading_zero", {{"fix", fix_line(kv.key, fixed)}}};
  }
  return std::nullopt;
}

// A word without quotes in a list: themes = [økonomi]
std::optional<Found> bare_word_in_list(std::string_view line, size_t at,
                                       std::string_view description) {
  if (description.find("could not determine") == std::string_view::npos || at >= line.size())
    return std::nullopt;
  size_t open = line.rfind('[', at);
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view before = line.substr(open + 1, at - open - 1);
  if (std::count(before.begin(), before.end(), '"') % 2 != 0) return std::nullopt;
  unsigned char c = static_cast<unsigned char>(line[at]);
  if (!std::isalpha(c) && c < 0xC0) return std::nullopt;
  size_t end = line.find_first_of(",]", at);
  if (end == std::string_view::npos) end = line.size();
  std::string_view word = trim(line.substr(at, end - at));
  std::string fixed = std::string(line.substr(0, at)) + "\"" + std::string(word) + "\"" +
                      std::string(line.substr(at + word.size()));
  return Found{at, "toml_bare_text", {{"fix", fixed}}};
}

// '=' missing, or a key the parser stopped reading part-way.
std::optional<Found> key_mistake(std::string_view line, size_t at, std::string_view description) {
  if (description.find("expected '='") == std::string_view::npos) return std::nullopt;
  size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return std::nullopt;
  size_t key_end = start;
  while (key_end < line.size() && is_key_char(line[key_end]))
    ++key_end;
  std::string key(line.substr(start, key_end - start));
  std::string_view rest = trim(line.substr(std::min(at, line.size())));
  if (at < line.size() && line[at] == ':')
    return Found{at, "toml_colon", {{"fix", fix_line(key, trim(line.substr(at + 1)))}}};
  if (line.substr(at).starts_with("\uFF1D"))  // a full-width equals sign
    return Found{at, "toml_colon", {{"fix", fix_line(key, trim(line.substr(at + 3)))}}};
  if (at == key_end && at < line.size() && static_cast<unsigned char>(line[at]) >= 0x80) {
    size_t end = at + 1;
    while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
      ++end;
    return Found{at, "toml_key_letter", {{"char", std::string(line.substr(at, end - at))}}};
  }
  // "answers to = ...": more name after a space, then the '='.
  size_t eq = line.find('=', at);
  if (eq != std::string_view::npos && rest.size() && is_key_char(rest[0])) {
    std::string name(trim(line.substr(start, eq - start)));
    std::string joined;
    for (char c : name)
      joined += c == ' ' || c == '\t' ? '_' : c;
    return Found{key_end, "toml_key_space", {{"key", name}, {"suggest", joined}}};
  }
  return Found{key_end, "toml_missing_equals", {{"key", key}, {"fix", fix_line(key, rest)}}};
}

// The line (0-based index into `lines`) where the list open at `line_index` began.
int list_start(const std::vector<std::string_view>& lines, int line_index) {
  for (int i = line_index; i >= 0; --i) {
    int depth = 0;
    for (char c : lines[i])
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
    if (depth > 0) return i;
  }
  return line_index;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    start = end + 1;
  }
  return lines;
}

// The line where `key` was first given a value, or 0.
int first_definition(const std::vector<std::string_view>& lines, int before, std::string_view key) {
  for (int i = 0; i < before && i < static_cast<int>(lines.size()); ++i) {
    std::string_view l = trim(lines[i]);
    if (l.starts_with(key) && trim(l.substr(key.size())).starts_with("=")) return i + 1;
    if (l == "[" + std::string(key) + "]") return i + 1;
  }
  return 0;
}

std::string quoted_name(std::string_view description) {
  size_t close = description.rfind('\'');
  size_t open = close == std::string_view::npos || close == 0 ? std::string_view::npos
                                                              : description.rfind('\'', close - 1);
  if (open == std::string_view::npos) return {};
  return std::string(description.substr(open + 1, close - open - 1));
}

constexpr std::string_view kKeyTooLong = "key has too many dotted parts";

// Where, in `toml`, a key or table name with more than kMaxKeyParts parts begins: its 1-based
// line and its byte within that line. Strings and comments are skipped; outside them a run of
// parts joined by dots (`a . "b" . c`) is counted. A number such as 1.5 is a run of two.
std::optional<std::pair<int, size_t>> overlong_key(std::string_view toml) {
  int line = 1, dots = 0, run_line = 0;
  size_t line_start = 0, run_at = 0;
  bool after_part = false;      // the last thing seen was a part of a key
  auto part = [&](size_t at) {  // a part right after another begins a new run
    if (after_part || dots == 0) dots = 0, run_line = line, run_at = at - line_start;
    after_part = true;
  };
  // Past the string that opens at `i` with `quote`, counting the lines of a multi-line one.
  auto skip_string = [&](size_t i, char quote) {
    bool multiline = toml.substr(i, 3) == std::string(3, quote);
    std::string close(multiline ? 3 : 1, quote);
    for (i += close.size(); i < toml.size(); ++i) {
      if (quote == '"' && toml[i] == '\\') {
        ++i;
        continue;
      }
      if (toml.substr(i, close.size()) == close) return i + close.size();
      if (toml[i] == '\n') {
        if (!multiline) return i;
        ++line, line_start = i + 1;
      }
    }
    return i;
  };
  for (size_t i = 0; i < toml.size();) {
    char c = toml[i];
    if (c == '"' || c == '\'') {
      part(i);
      i = skip_string(i, c);
    } else if (is_key_char(c)) {
      part(i);
      while (i < toml.size() && is_key_char(toml[i]))
        ++i;
    } else if (c == '.' && after_part) {
      after_part = false;
      if (++dots >= kMaxKeyParts) return std::make_pair(run_line, run_at);
      ++i;
    } else if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '#') {
      while (i < toml.size() && toml[i] != '\n')
        ++i;
    } else {
      if (c == '\n') ++line, line_start = i + 1;
      dots = 0, after_part = false;
      ++i;
    }
  }
  return std::nullopt;
}

}  // namespace

toml::table parse_toml(std::string_view toml, std::string_view path) {
  if (auto at = overlong_key(toml)) {
    auto column = column_of_byte(line_of(toml, at->first), at->second);
    throw toml::parse_error(kKeyTooLong.data(),
                            toml::source_position{static_cast<toml::source_index>(at->first),
                                                  static_cast<toml::source_index>(column)},
                            std::make_shared<const std::string>(path));
  }
  return toml::parse(toml, path);
}

std::string date_as_written(std::string_view text) {
  KeyValue kv{"v", trim(text), 0};
  if (auto f = date_mistake(kv, "")) {
    for (auto& [name, value] : f->args)
      if (name == "iso") return value;
  }
  std::vector<std::string_view> p = date_parts(kv.value);
  bool iso = kv.value.size() == 10 && p.size() == 3 && p[0].size() == 4 && p[1].size() == 2 &&
             is_digits(p[0]) && is_digits(p[1]) && is_digits(p[2]) && kv.value[4] == '-';
  return iso ? std::string(kv.value) : std::string();
}

TomlMistake explain_toml_error(std::string_view toml, int line, int col,
                               std::string_view description, int line_offset) {
  std::vector<std::string_view> lines = split_lines(toml);
  int index = std::clamp(line, 1, static_cast<int>(lines.size())) - 1;
  std::string_view text = lines[index];
  size_t at = byte_of_column(text, col);
  std::optional<Found> found;
  if (description == kKeyTooLong)
    found = Found{at, "toml_key_too_long", {{"max", std::to_string(kMaxKeyParts)}}};
  if (!found && description.find("cannot redefine") != std::string_view::npos) {
    std::string key = quoted_name(description);
    int first = first_definition(lines, index, key);
    bool table = description.find("table header") != std::string_view::npos;
    found = Found{text.find_first_not_of(" \t["),
                  table ? "toml_repeated_table" : "toml_repeated_key",
                  {{"key", key}, {"first", std::to_string(first + line_offset)}}};
    if (first == 0) found->id += "_once";
  }
  if (!found) found = odd_space(text, description);
  if (!found) found = unclosed_string(text, description);
  if (!found) found = curly_quotes(text);
  if (!found && description.find("parsing array") != std::string_view::npos) {
    char saw = at < text.size() ? text[at] : '\n';
    bool same_line = at < text.size() && at > 0 && text.find('[') < at;
    if (same_line && (saw == '"' || saw == '\'' || std::isdigit(static_cast<unsigned char>(saw))))
      found = Found{at, "toml_list_comma", {}};
    else if (same_line && (saw == ';' || saw == '.' || saw == '|'))
      found = Found{at, "toml_list_separator", {{"sep", std::string(1, saw)}}};
    else {
      int start = list_start(lines, index);
      index = start;
      text = lines[start];
      found = Found{text.find('['), "toml_list_unclosed", {}};
    }
  }
  if (!found) found = bare_word_in_list(text, at, description);
  if (!found) found = key_mistake(text, at, description);
  if (!found) found = value_mistake(text, description);
  if (!found && description.find("expected value") != std::string_view::npos)
    found =
        Found{at, "toml_no_value", {{"key", std::string(trim(text.substr(0, text.find('='))))}}};
  if (!found && description.find("escape sequence") != std::string_view::npos)
    found = Found{text.rfind('\\', at), "toml_escape", {}};
  if (!found && description.find("inline table") != std::string_view::npos)
    found = Found{text.find('{'), "toml_inline_table_line", {}};
  if (!found && description.find("comment or whitespace") != std::string_view::npos)
    found = Found{at, "toml_after_value", {}};
  if (!found) {
    std::string said(description);
    if (said.starts_with("Error while ")) said = said.substr(12);
    found = Found{at, "toml_other", {{"parser", said}}};
  }
  TomlMistake m;
  m.line = index + 1;
  m.col = found->byte == std::string_view::npos || found->byte > text.size()
              ? col
              : column_of_byte(text, found->byte);
  m.message = msg(found->id, found->args);
  return m;
}

}  // namespace hb
