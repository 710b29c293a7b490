// Views: the plain data (hb::Value) that each output page's template receives. Templates never
// reach into the site graph; everything they may show is put here, and only for this edition.
// All URLs in a view are relative to the site root; templates prefix them with {{root}}.
#pragma once

#include <memory>
#include <string>

#include "base/value.h"
#include "site/site.h"

namespace hb {

// Data shared by every view of a build: site settings, edition, footer, strings.
std::shared_ptr<const Value> common_view(const Site& site);

// The label of an enum value: the interface string `<field>_<value>` if there is one, else the
// value with a capital first letter.
std::string enum_label(const Site& site, const FieldSpec& f, const std::string& value);

// "roles/x/" -> "../../"; "" -> "".
std::string root_prefix(std::string_view url);
// The absolute address of the page at `href` (relative to the edition's root) under the
// edition's base_url, a folder's index page as the folder itself ("https://x.dk/a/roles/");
// only the path ("roles/") when the edition has no base_url.
std::string page_address(const Site& site, std::string_view href);
// The path of the edition's base_url on its server, with a '/' at each end ("/ejerstrategi/"),
// or "/" when it has none: what the 404 page's links start with, so that it works at any depth.
std::string base_path(const Site& site);
// The root-relative address of page i ("roles/x.html", "roles/index.html", "index.html").
std::string page_href(const Site& site, int i);

// The body HTML of page i with its links pointing at their output files.
std::string page_body_html(const Site& site, int i);
// The same as a TextWriter, which writes the body in pieces where it is shown: valid while
// `site` is.
Value page_body(const Site& site, int i);

// The view of content page i (home, section index, or collection page).
Value page_view(const Site& site, int i, const std::shared_ptr<const Value>& common);
// The keys every view has (edition, footer, nav, page, root, site, strings), with `page` in its
// place, for a page at `url`.
Value frame_view(const Site& site, const std::shared_ptr<const Value>& common, std::string_view url,
                 Value page);

// The view of a taxonomy term page and of a taxonomy's list of terms.
Value term_view(const Site& site, const Term& term, const std::shared_ptr<const Value>& common);
Value taxonomy_view(const Site& site, const TaxonomySpec& tax,
                    const std::shared_ptr<const Value>& common);
// The roles x forums matrix page, at matrix_url(site).
std::string matrix_url(const Site& site);
Value matrix_view(const Site& site, const std::shared_ptr<const Value>& common);
// The view of the 404 page (at the root).
Value not_found_view(const Site& site, const std::shared_ptr<const Value>& common);

// A short summary of page i for lists: {title, url, summary, id, collection, singular}; once
// common_view has run, the site's own, borrowed (valid while `site` is, as every view is).
Value page_summary(const Site& site, int i);
Value make_summary(const Site& site, int i);

}  // namespace hb
