// PDF/UA-1: what the booklet's PDF adds to WeasyPrint 57's tagging when the variant is
// "pdf/ua-1". WeasyPrint tags headings, paragraphs, lists, tables and inline links; the Python
// that pdf_ua_script() returns defines `tag_for_pdf_ua()`, which, called before the booklet is
// rendered, also makes
// - each image with an alt text and each diagram (inline <svg> with aria-labelledby, aria-label
//   or a <title>) a Figure with that text as its Alt;
// - a table's <caption> its Caption;
// - each header cell's scope an attribute (/Scope /Column or /Row: the HTML's scope, else Column
//   in <thead> or beyond the first cell of a row, Row for a row's first cell);
// - an empty cell a TD (or TH) of its own, so that every row has all its cells;
// - every link annotation an object reference (OBJR) in its Link element, and the parent tree's
//   entry for the annotation that Link element (WeasyPrint 57 leaves the OBJR out of the tree
//   and enters it in the parent tree instead, and does not tag links laid out as blocks, as in
//   the contents and the index); its /Contents the link's text, not the target's name; and its
//   flags /F 4, printed (WeasyPrint 57 sets the Hidden flag, with which some viewers hide the
//   links and do not follow them);
// - every structure element's /P its parent in the tree (WeasyPrint 57 points a list item's
//   first child at the LI instead of its LBody).
// tests/pdf_ua_test.cpp checks the result.
#pragma once

namespace hb {

const char* pdf_ua_script();

}  // namespace hb
