// Booklet view: the data that templates/booklet.mustache receives. Like the website's views it
// is made only from the site graph of one edition, so the public booklet can show nothing that
// the public website leaves out.
#pragma once

#include <string>
#include <vector>

#include "base/value.h"
#include "booklet_plan.h"

namespace hb {

// {site, edition, strings, footer,
//  booklet: {title, subtitle, edition, status, date, date_text, owner, base_url, css,
//            print, stylesheets: [url]},
//  contents: [{title, url, sections: [{title, url}]}],
//  chapters: [{title, anchor, summary, intro, organisation_diagram, matrix, annual_wheel,
//              is_page_chapter, page, sections}],
//  index: [{title, items: [{title, url}]}]}
// A chapter's `page` and each of its `sections` is the page's website view (`page` of
// page_view, its links rebased into the booklet) plus `anchor`, `content` (the body for the
// booklet) and `booklet_fields` (see booklet_fields.h).
// For a print renderer (`print`), `document` and `diagrams` hold the styles to inline; for a
// browser, `links` holds the stylesheets to link, relative to the booklet.
struct BookletStyles {
  std::string document;            // theme/booklet.css, inlined in the document's <style>
  std::string diagrams;            // theme/booklet-diagrams.css, put into each diagram's <svg>
  std::vector<std::string> links;  // the same files, linked
  bool print = false;
};

Value booklet_view(const Site& site, const BookletPlan& plan, const BookletStyles& styles);

}  // namespace hb
