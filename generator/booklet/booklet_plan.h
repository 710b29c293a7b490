// Booklet plan: which pages the booklet holds, in which chapters and order, and the anchor of
// each page inside the one document. Made from `[booklet] chapters` and the site graph.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "site/site.h"

namespace hb {

struct BookletChapter {
  std::string entry;   // as written in [booklet] chapters ("role", "pages/om-haandbogen")
  std::string title;   // the collection's list-page title, or the page's title
  std::string anchor;  // the id where the chapter starts
  int intro = -1;      // page whose body opens the chapter: a list page or the single page
  const CollectionSpec* collection = nullptr;  // set for a collection chapter
  std::vector<int> sections;                   // the collection's pages, in order
};

// A [booklet] chapters entry that names nothing, or a page that would appear twice.
struct BookletProblem {
  std::string entry;
  std::string message;
};

struct BookletPlan {
  std::vector<BookletChapter> chapters;
  std::map<int, std::string> anchors;  // page index -> its id in the document ("p12")
  std::vector<BookletProblem> problems;

  // The anchor of page i, or "" when the booklet leaves it out.
  std::string anchor(int i) const;
};

// The chapters of the booklet of the site's edition. Without `[booklet] chapters`, every
// collection becomes a chapter, in the order of handbook.toml. Chapters that this edition
// leaves empty (an internal page in the public booklet) are left out.
BookletPlan plan_booklet(const Site& site);

// The id that page i gets in the document: "p" and its index.
std::string page_anchor(int i);

}  // namespace hb
