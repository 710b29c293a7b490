// Markdown: parses a body once with cmark-gfm (GFM extensions, raw HTML omitted), gives
// headings stable ids, collects outgoing links with their source positions, extracts words for
// search, and renders HTML with cmark-gfm in which each rewritable link's address is a
// placeholder, link_placeholder(N).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "base/value.h"
#include "visibility.h"

namespace hb {

struct Heading {
  int level = 0;
  std::string text;  // plain text
  std::string id;    // unique within the page
  int line = 0;
};

// A link or image target in the body, as written.
struct BodyLink {
  std::string url;
  int line = 0, col = 0;  // position of the URL in the file (reports read the line again)
  bool image = false;
  std::string field;  // for a link in a Markdown field of the front matter: the field's label
};

struct RenderedMarkdown {
  std::string html;  // links kept as written except those rewritten: link_placeholder(N)
  std::vector<Heading> headings;
  std::vector<BodyLink> links;  // index N matches link_placeholder(N)
  std::string words;  // lower-case words of the text, each once, in order of first appearance,
                      // separated by spaces
};

// A name for a file or an address (a taxonomy term's page): ASCII only, lower case,
// æ->ae ø->oe å->aa é->e, other runs of non-alphanumerics -> '-'.
std::string slugify(std::string_view text);

// A heading's id as GitHub gives it (github-slugger), so that `page.md#id` works both in the
// site and in GitHub's view of the file: the text in Unicode lower case (Æ->æ, É->é), without
// every character that is not a letter, a mark, a number (but other numbers such as ²), `_`,
// `-` or a space, and each space made a `-`. Nothing is collapsed or trimmed: "a - b" gives
// "a---b". Danish letters stay: "Åbne spørgsmål" gives "åbne-spørgsmål".
std::string heading_id(std::string_view text);

// Unique heading ids within a page, as GitHub makes them: the first heading with an id keeps
// it, the next ones get `-1`, `-2`, ... after it, each skipping an id already given. A heading
// whose id would be empty gets "afsnit" instead, since an HTML id cannot be empty.
class HeadingIds {
 public:
  std::string make(std::string_view text);

 private:
  std::unordered_map<std::string, int> seen_;  // id -> how many times its base was repeated
};

// Parses and renders `body`, whose first line is line `body_line` of the file `file_text`, for
// the edition `vis` (by default the public one; see visibility.h). Every link whose URL
// `should_rewrite` accepts gets the address link_placeholder(N) in the HTML.
RenderedMarkdown render_markdown(std::string_view body, int body_line, std::string_view file_text,
                                 bool (*should_rewrite)(std::string_view url),
                                 bool collect_words = true, const Visibility& vis = {});

// Renders a short Markdown field value for the edition `vis`; `inline_only` drops the
// surrounding paragraph. With `links`, every link whose URL `should_rewrite` accepts is added to
// it, and gets the address link_placeholder(N) for its index N there; its line and column are
// those of its URL in `text` (line 1 is the text's first).
std::string render_markdown_field(std::string_view text, bool inline_only,
                                  const Visibility& vis = {},
                                  bool (*should_rewrite)(std::string_view url) = nullptr,
                                  std::vector<BodyLink>* links = nullptr);

// True when `url` has a scheme (https:, mailto:) or starts with `//`.
bool is_external_url(std::string_view url);

// The byte around a placeholder's number. It is never part of UTF-8, and content is UTF-8
// (checked when it is read: content/text_check.h), so no text of a page can look like it.
inline constexpr char kLinkMark = '\xFF';

// The address that stands for link N in rendered HTML: kLinkMark, N in decimal, kLinkMark.
std::string link_placeholder(size_t n);

// Hands the pieces of `html` between its link placeholders to `text`, and each N to `link`, in
// order.
template <typename Text, typename Link>
void split_link_placeholders(std::string_view html, Text&& text, Link&& link) {
  size_t pos = 0;
  for (size_t at; (at = html.find(kLinkMark, pos)) != std::string_view::npos;) {
    text(html.substr(pos, at - pos));
    size_t p = at + 1;
    size_t n = 0;
    while (p < html.size() && html[p] >= '0' && html[p] <= '9')
      n = n * 10 + static_cast<size_t>(html[p++] - '0');
    if (p < html.size() && html[p] == kLinkMark) ++p;
    link(n);
    pos = p;
  }
  text(html.substr(pos));
}

// Replaces each link placeholder in `html` with `resolve(N)`.
template <typename F>
std::string replace_link_placeholders(std::string_view html, F&& resolve) {
  std::string out;
  out.reserve(html.size() + 256);
  split_link_placeholders(
      html, [&](std::string_view piece) { out.append(piece); },
      [&](size_t n) { out += resolve(n); });
  return out;
}

// True when a text of `v` (a field's value: a Markdown field's HTML, or a table or list that
// holds one) has a link placeholder.
bool has_link_placeholders(const Value& v);

// Replaces each link placeholder in every text of `v` with `resolve(N)`.
template <typename F>
void replace_value_links(Value& v, F&& resolve) {
  if (v.is_list()) {
    for (auto& e : v.list())
      replace_value_links(e, resolve);
  } else if (v.is_map()) {
    for (auto& entry : v.map())
      replace_value_links(entry.second, resolve);
  } else if (v.is_string() && v.as_string().find(kLinkMark) != std::string::npos) {
    v = replace_link_placeholders(v.as_string(), resolve);
  }
}

}  // namespace hb
