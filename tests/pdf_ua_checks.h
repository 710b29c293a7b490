// PDF/UA-1 without veraPDF: checks that read a PDF as `qpdf --json` shows it (JSON version 2,
// stream data inline and decoded, see pdf_ua_json) and report what breaks a rule of veraPDF's
// PDF/UA-1 profile. Each problem is one line that starts with the number of the rule it breaks
// ("7.18.5-1: ..."), as veraPDF numbers them (ISO 14289-1 clause and test); no problems means
// that the rules a check reads hold. docs/booklet.md lists the rules checked and those left to
// veraPDF or a person.
#pragma once

#ifdef HANDBOOK_HAVE_JSON

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hb::test::pdf_ua {

using nlohmann::json;

// The JSON that qpdf writes for `pdf`, or a null value (and `error` set) when qpdf fails.
json pdf_ua_json(const std::filesystem::path& pdf, std::string& error);

// A PDF as qpdf shows it.
class Pdf {
 public:
  explicit Pdf(json qpdf);
  // The object that `value` refers to ("12 0 R"): its value, or a stream's dictionary; any other
  // value as it is. A missing object is null.
  const json& get(const json& value) const;
  // A stream's data, decoded; "" for anything else.
  std::string data(const json& value) const;
  bool is_stream(const json& value) const;
  const json& trailer() const;
  const json& catalog() const;
  // The pages in order: their object references, and their dictionaries.
  const std::vector<std::string>& pages() const { return pages_; }
  const json& page(size_t index) const;

 private:
  const json& objects() const;
  const json& stream(const json& value) const;
  json doc_;
  std::vector<std::string> pages_;
};

// The text of a PDF string ("u:text", or "b:" and hex digits); "" for anything else.
std::string text(const json& value);

// A structure element met in a walk of the tree from /StructTreeRoot, in the tree's order.
struct Element {
  std::string ref;            // "12 0 R", or "" for an element written into its parent
  std::string type;           // "/P", as /S gives it
  std::string standard_type;  // after /RoleMap
  std::string alt;            // /Alt
  int depth = 0;              // 0 for a kid of /StructTreeRoot
};
std::vector<Element> elements(const Pdf& pdf);

// The catalog and the trailer: 6.2-1 (/MarkInfo /Marked true), 7.1-4 (no /Suspects true), 7.1-8
// (/Metadata), 7.1-10 (/ViewerPreferences /DisplayDocTitle true), 7.1-11 (/StructTreeRoot),
// 7.2-29 and 7.2-34 (a /Lang that is a language tag), 7.10-1 and 7.10-2 (optional content),
// 7.15-1 (no dynamic XFA), 7.16-1 (encryption lets assistive technology read).
std::vector<std::string> document_problems(const Pdf& pdf);
// The XMP metadata: 5-1 to 5-3 (pdfuaid:part 1) and 7.1-9 (a dc:title).
std::vector<std::string> metadata_problems(const Pdf& pdf);
// The structure tree: 7.1-5 to 7.1-7 (standard types or role-mapped), 7.1-12 (/P, and /P is the
// parent), 7.2-3 to 7.2-20, 7.2-26 to 7.2-28 and 7.2-36 to 7.2-40 (what tables, lists and tables
// of contents hold), 7.2-42 (rows of one length), 7.3-1 and 7.7-1 (Figure and Formula have
// /Alt), 7.4.2-1 (headings from H1 without skipped levels), 7.4.4-1 to 7.4.4-3 (H or Hn, not
// both), 7.5-1 (header cells have a /Scope), 7.9-1 and 7.9-2 (notes have unique ids).
std::vector<std::string> structure_problems(const Pdf& pdf);
// The annotations: 7.18.1-1 and 7.18.1-2 (annotations other than links), 7.18.2-1 (no TrapNet),
// 7.18.3-1 (/Tabs /S), 7.18.4-1 (no widget outside a Form), 7.18.5-1 (a link is its Link
// element's object reference, and the parent tree says so), 7.18.5-2 (/Contents), 7.18.8-1.
std::vector<std::string> annotation_problems(const Pdf& pdf);
// The pages' content, and the content of the forms they draw: 7.1-1 to 7.1-3 (every mark drawn
// is in a marked-content sequence of the structure tree or in an Artifact, not both), the parent
// tree (each MCID of a page is the parent tree's and its element's, on that page), 7.20-1 (no
// reference XObjects) and 7.21.8-1 (no glyph 0, .notdef, in a Type0 font with Identity-H).
std::vector<std::string> content_problems(const Pdf& pdf);
// The fonts of the pages: 7.21.4.1-1 (embedded), 7.21.3.1-1 and 7.21.3.3-1 (Identity-H or
// Identity-V), 7.21.3.2-1 (a CIDToGIDMap for CIDFontType2), 7.21.7-1 (a ToUnicode map).
std::vector<std::string> font_problems(const Pdf& pdf);

}  // namespace hb::test::pdf_ua

#endif
