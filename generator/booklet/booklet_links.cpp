#include "booklet_links.h"

#include "base/escape.h"
#include "markdown/markdown.h"
#include "template/template.h"
#include "view/view.h"

namespace hb {

namespace {

// Calls `edit(value)` for the value of every `attr="..."` in `html` and splices in its result.
template <typename F>
std::string edit_attribute(std::string_view html, std::string_view attr, F&& edit) {
  const std::string open = " " + std::string(attr) + "=\"";
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  size_t pos = 0;
  for (;;) {
    size_t at = html.find(open, pos);
    if (at == std::string_view::npos) break;
    size_t start = at + open.size();
    size_t end = html.find('"', start);
    if (end == std::string_view::npos) break;
    out.append(html.substr(pos, start - pos));
    out += edit(html.substr(start, end - start));
    pos = end;
  }
  out.append(html.substr(pos));
  return out;
}

bool is_heading_level(char c) {
  return c >= '1' && c <= '6';
}

}  // namespace

std::string prefix_ids(std::string_view html, std::string_view prefix) {
  const std::string p = std::string(prefix) + "-";
  std::string out =
      edit_attribute(html, "id", [&](std::string_view id) { return p + std::string(id); });
  return edit_attribute(out, "href", [&](std::string_view href) {
    if (!href.starts_with("#") || href.size() == 1) return std::string(href);
    return "#" + p + std::string(href.substr(1));
  });
}

std::string demote_headings(std::string_view html, int levels) {
  std::string out(html);
  for (size_t i = 0; i + 2 < out.size(); ++i) {
    if (out[i] != '<') continue;
    size_t d = out[i + 1] == '/' ? i + 2 : i + 1;
    if (d + 1 >= out.size() || out[d] != 'h' || !is_heading_level(out[d + 1])) continue;
    char after = d + 2 < out.size() ? out[d + 2] : '\0';
    if (after != '>' && after != ' ') continue;
    out[d + 1] = static_cast<char>(std::min('6', static_cast<char>(out[d + 1] + levels)));
  }
  return out;
}

BookletLinks::BookletLinks(const Site& site, const BookletPlan& plan) : site_(site), plan_(plan) {
  for (size_t i = 0; i < site.pages.size(); ++i)
    if (site.included[i])
      by_href_.emplace(page_href(site, static_cast<int>(i)), static_cast<int>(i));
}

std::string BookletLinks::web(std::string_view path) const {
  const std::string& base = site_.base_url();
  if (base.empty()) return std::string(path);
  return base + (base.ends_with("/") ? "" : "/") + std::string(path);
}

std::string BookletLinks::href(int target, std::string_view anchor) const {
  std::string own = plan_.anchor(target);
  if (!own.empty()) return "#" + own + (anchor.empty() ? "" : "-" + std::string(anchor));
  std::string url = page_href(site_, target);
  if (url == "index.html") url.clear();  // the home page: the site itself
  return web(url) + (anchor.empty() ? "" : "#" + std::string(anchor));
}

namespace {

// An href as an attribute's value. A link inside the booklet keeps its fragment as the id is
// written ("#p65-åbne-spørgsmål"), not percent-encoded: WeasyPrint's target-counter() looks the
// id up by the attribute's text, and would not find the page of an encoded one.
std::string href_in_html(const std::string& href) {
  return href.starts_with("#") ? html_attribute(href) : url_in_html(href);
}

}  // namespace

std::string BookletLinks::body_html(int i) const {
  const Page& p = site_.pages[static_cast<size_t>(i)];
  std::string html = prefix_ids(p.body.html, plan_.anchor(i));
  return replace_link_placeholders(html, [&](size_t n) { return link(p, n); });
}

std::string BookletLinks::link(const Page& p, size_t n) const {
  if (n >= p.links.size()) return "#";
  const PageLink& l = p.links[n];
  if (l.asset) return url_in_html(web(l.path));
  if (!site_.is_included(l.target)) return "#";
  // The placeholder is an href value: close it and add the class the print CSS follows.
  return href_in_html(href(l.target, l.anchor)) +
         (in_booklet(l.target) ? "\" class=\"xref" : "\" class=\"web");
}

Value BookletLinks::with_links(const Page& p, const Value& v) const {
  Value out = v;  // a copy either way: replace in it without a first walk to look
  replace_value_links(out, [&](size_t n) { return link(p, n); });
  return out;
}

std::string BookletLinks::href_for_site_path(std::string_view path, bool& page) const {
  size_t hash = path.find('#');
  std::string_view anchor = hash == std::string_view::npos ? "" : path.substr(hash + 1);
  auto it = by_href_.find(path.substr(0, hash));
  page = it != by_href_.end();
  return page ? href(it->second, anchor) : web(path);
}

std::string BookletLinks::site_html(std::string_view html) const {
  return edit_attribute(html, "href", [&](std::string_view value) {
    if (value.starts_with("#") || is_external_url(value)) return std::string(value);
    bool page = false;
    return href_in_html(href_for_site_path(value, page));
  });
}

void BookletLinks::rebase(Value& view) const {
  if (view.is_list()) {
    for (auto& v : view.list())
      rebase(v);
    return;
  }
  if (!view.is_map()) return;
  for (auto& [key, v] : view.map()) {
    if (key == "url" && v.is_string()) continue;
    rebase(v);
  }
  const Value* url = view.find("url");
  if (url && url->is_string() && !url->as_string().starts_with("#") &&
      !is_external_url(url->as_string())) {
    bool page = false;
    std::string to = href_for_site_path(url->as_string(), page);
    view["url"] = to;
    view["in_booklet"] = page && to.starts_with("#");
  }
}

}  // namespace hb
