// Booklet links: turns the website's HTML and view data into parts of one document. Ids in a
// page's body get the page's prefix ("p12-ansvar", "p12-fn-1"), links between pages in the
// booklet become links inside the document (class "xref", which the print CSS follows with
// "(se side N)"), and links to pages the booklet leaves out point at the living website.
#pragma once

#include <string>
#include <string_view>

#include "base/value.h"
#include "booklet_plan.h"

namespace hb {

// Gives every id="x" in `html` the prefix ("<prefix>-x") and rewrites href="#x" to match.
std::string prefix_ids(std::string_view html, std::string_view prefix);

// Moves every heading `levels` down (<h2> to <h3>), at most to <h6>.
std::string demote_headings(std::string_view html, int levels);

class BookletLinks {
 public:
  BookletLinks(const Site& site, const BookletPlan& plan);

  // Where a link to page `target` (and a heading `anchor` in it, if any) points in the booklet:
  // "#p12", "#p12-ansvar", or the page on the website when the booklet leaves it out.
  std::string href(int target, std::string_view anchor = "") const;
  bool in_booklet(int target) const { return !plan_.anchor(target).empty(); }

  // The body HTML of page i for the booklet: ids prefixed, links rewritten.
  std::string body_html(int i) const;
  // A field's value of page p with the links of its Markdown rewritten like the body's.
  Value with_links(const Page& p, const Value& v) const;
  // HTML made for the website with site-root-relative links (diagrams rendered with root ""):
  // each link to a page is rewritten like a body link.
  std::string site_html(std::string_view html) const;
  // Rewrites every "url" in a view (page summaries, terms) and sets "in_booklet" beside it.
  void rebase(Value& view) const;
  // The web address of a root-relative path: base_url + path, or the path without base_url.
  std::string web(std::string_view path) const;

 private:
  // The address of link n of page p, as the placeholder in its HTML is replaced.
  std::string link(const Page& p, size_t n) const;
  // href for a root-relative site address ("roles/x.html#a"); "" when it is no page.
  std::string href_for_site_path(std::string_view path, bool& page) const;

  const Site& site_;
  const BookletPlan& plan_;
  std::map<std::string, int, std::less<>> by_href_;  // "roles/x.html" -> page
};

}  // namespace hb
