#include "pdf_ua_checks.h"

#ifdef HANDBOOK_HAVE_JSON

#include <cstdlib>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <string_view>

namespace hb::test::pdf_ua {

namespace {

const json kNull;

bool is_ref(const json& v) {
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  return s.size() > 4 && s.ends_with(" R") && s[0] >= '0' && s[0] <= '9';
}

std::string str(const json& v) {
  return v.is_string() ? v.get<std::string>() : "";
}

// The elements of an array, or the one value that stands for a one-element array: pointers into
// the document, so that Pdf::get of one stays valid.
std::vector<const json*> items(const json& v) {
  std::vector<const json*> out;
  if (v.is_array())
    for (const json& e : v)
      out.push_back(&e);
  else if (!v.is_null())
    out.push_back(&v);
  return out;
}

const json& key(const json& dict, const char* name) {
  if (!dict.is_object()) return kNull;
  auto it = dict.find(name);
  return it == dict.end() ? kNull : *it;
}

std::string base64_decoded(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  int bits = 0, buffer = 0;
  for (char c : in) {
    int v = value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

std::string hex_decoded(std::string_view hex) {
  std::string digits;
  for (char c : hex)
    if (std::isxdigit(static_cast<unsigned char>(c))) digits += c;
  if (digits.size() % 2) digits += '0';
  std::string out;
  for (size_t k = 0; k < digits.size(); k += 2)
    out += static_cast<char>(std::stoi(digits.substr(k, 2), nullptr, 16));
  return out;
}

// The bytes of a literal string "(...)" of a content stream.
std::string literal_decoded(std::string_view lit) {
  std::string out;
  for (size_t k = 1; k + 1 < lit.size(); ++k) {
    if (lit[k] != '\\') {
      out += lit[k];
      continue;
    }
    char c = lit[++k];
    if (c >= '0' && c <= '7') {
      int v = 0, n = 0;
      while (n < 3 && k < lit.size() - 1 && lit[k] >= '0' && lit[k] <= '7')
        v = v * 8 + (lit[k++] - '0'), ++n;
      --k;
      out += static_cast<char>(v);
    } else if (c == 'n') {
      out += '\n';
    } else if (c == 'r') {
      out += '\r';
    } else if (c == 't') {
      out += '\t';
    } else if (c == 'b') {
      out += '\b';
    } else if (c == 'f') {
      out += '\f';
    } else if (c != '\n' && c != '\r') {
      out += c;
    }
  }
  return out;
}

const std::set<std::string> kStandardTypes = {
    "/Document", "/Part",    "/Art",   "/Sect",      "/Div",     "/BlockQuote", "/Caption",
    "/TOC",      "/TOCI",    "/Index", "/NonStruct", "/Private", "/P",          "/H",
    "/H1",       "/H2",      "/H3",    "/H4",        "/H5",      "/H6",         "/L",
    "/LI",       "/Lbl",     "/LBody", "/Table",     "/TR",      "/TH",         "/TD",
    "/THead",    "/TBody",   "/TFoot", "/Span",      "/Quote",   "/Note",       "/Reference",
    "/BibEntry", "/Code",    "/Link",  "/Annot",     "/Ruby",    "/RB",         "/RT",
    "/RP",       "/Warichu", "/WT",    "/WP",        "/Figure",  "/Formula",    "/Form"};

// An element of the structure tree with its place in it.
struct Node {
  std::string ref;
  const json* dict = nullptr;
  int parent = -1;  // index in the tree; -1 for a kid of /StructTreeRoot
  int depth = 0;
  std::vector<int> kids;
  std::string type, standard;
};

struct Tree {
  std::string root_ref;
  std::vector<Node> nodes;  // in the tree's order, depth first
  std::vector<std::string> problems;
};

std::string standard_type(const std::string& type, const json& role_map, bool& circular) {
  std::string t = type;
  std::set<std::string> seen;
  while (!kStandardTypes.count(t)) {
    if (!seen.insert(t).second) {
      circular = true;
      return "";
    }
    const json& next = key(role_map, t.c_str());
    if (!next.is_string()) return "";
    t = next.get<std::string>();
  }
  return t;
}

bool is_content_item(const Pdf& pdf, const json& kid) {
  if (kid.is_number()) return true;
  const json& d = pdf.get(kid);
  std::string type = str(key(d, "/Type"));
  return type == "/MCR" || type == "/OBJR";
}

Tree tree_of(const Pdf& pdf) {
  Tree tree;
  tree.root_ref = str(key(pdf.catalog(), "/StructTreeRoot"));
  const json& root = pdf.get(key(pdf.catalog(), "/StructTreeRoot"));
  const json& role_map = pdf.get(key(root, "/RoleMap"));
  if (role_map.is_object())
    for (auto& [from, to] : role_map.items())
      if (kStandardTypes.count(from))
        tree.problems.push_back("7.1-7: /RoleMap maps the standard type " + from + " to " +
                                str(to));
  std::set<std::string> seen;
  std::function<void(const json&, int, int)> visit = [&](const json& kid, int parent, int depth) {
    if (is_content_item(pdf, kid)) return;
    if (is_ref(kid) && !seen.insert(kid.get<std::string>()).second) return;
    Node node;
    node.ref = is_ref(kid) ? kid.get<std::string>() : "";
    node.dict = &pdf.get(kid);
    node.parent = parent;
    node.depth = depth;
    node.type = str(key(*node.dict, "/S"));
    bool circular = false;
    node.standard = standard_type(node.type, role_map, circular);
    if (circular)
      tree.problems.push_back("7.1-6: /RoleMap maps " + node.type + " in a circle");
    else if (node.standard.empty())
      tree.problems.push_back("7.1-5: " + node.type + " " + node.ref +
                              " is no standard type, and /RoleMap maps it to none");
    int index = static_cast<int>(tree.nodes.size());
    if (parent >= 0) tree.nodes[static_cast<size_t>(parent)].kids.push_back(index);
    tree.nodes.push_back(node);
    for (const json* k : items(key(*tree.nodes.back().dict, "/K")))
      visit(*k, index, depth + 1);
  };
  for (const json* k : items(key(root, "/K")))
    visit(*k, -1, 0);
  return tree;
}

std::string name_of(const Node& n) {
  return (n.type.empty() ? "?" : n.type.substr(1)) + (n.ref.empty() ? "" : " " + n.ref);
}

// A table attribute (/A with /O /Table) of an element: /Scope, /ColSpan, /Headers ...
const json& table_attribute(const Pdf& pdf, const Node& n, const char* name) {
  for (const json* a : items(key(*n.dict, "/A"))) {
    const json& attrs = pdf.get(*a);
    if (str(key(attrs, "/O")) == "/Table" && !key(attrs, name).is_null()) return key(attrs, name);
  }
  return kNull;
}

int span(const Pdf& pdf, const Node& n, const char* name) {
  const json& v = table_attribute(pdf, n, name);
  return v.is_number_integer() && v.get<int>() > 0 ? v.get<int>() : 1;
}

std::vector<std::string> kid_types(const Tree& t, const Node& n) {
  std::vector<std::string> types;
  for (int k : n.kids)
    types.push_back(t.nodes[static_cast<size_t>(k)].standard);
  return types;
}

void check_parent(const Tree& t, const Node& n, std::vector<std::string>& out) {
  static const std::map<std::string, std::pair<std::string, std::set<std::string>>> rules = {
      {"/TR", {"7.2-4", {"/Table", "/THead", "/TBody", "/TFoot"}}},
      {"/THead", {"7.2-5", {"/Table"}}},
      {"/TBody", {"7.2-6", {"/Table"}}},
      {"/TFoot", {"7.2-7", {"/Table"}}},
      {"/TH", {"7.2-8", {"/TR"}}},
      {"/TD", {"7.2-9", {"/TR"}}},
      {"/LI", {"7.2-17", {"/L"}}},
      {"/LBody", {"7.2-18", {"/LI"}}},
      {"/TOCI", {"7.2-26", {"/TOC"}}}};
  auto rule = rules.find(n.standard);
  if (rule == rules.end()) return;
  std::string parent = n.parent < 0 ? "" : t.nodes[static_cast<size_t>(n.parent)].standard;
  if (!rule->second.second.count(parent))
    out.push_back(rule->second.first + ": " + name_of(n) + " is in " +
                  (parent.empty() ? "the tree's root" : parent.substr(1)));
}

void check_kids(const Tree& t, const Node& n, std::vector<std::string>& out) {
  static const std::map<std::string, std::pair<std::string, std::set<std::string>>> rules = {
      {"/Table", {"7.2-3", {"/TR", "/THead", "/TBody", "/TFoot", "/Caption"}}},
      {"/TR", {"7.2-10", {"/TH", "/TD"}}},
      {"/THead", {"7.2-36", {"/TR"}}},
      {"/TBody", {"7.2-37", {"/TR"}}},
      {"/TFoot", {"7.2-38", {"/TR"}}},
      {"/L", {"7.2-19", {"/L", "/LI", "/Caption"}}},
      {"/LI", {"7.2-20", {"/Lbl", "/LBody"}}},
      {"/TOC", {"7.2-27", {"/TOC", "/TOCI", "/Caption"}}}};
  auto rule = rules.find(n.standard);
  if (rule == rules.end()) return;
  std::vector<std::string> types = kid_types(t, n);
  for (const std::string& type : types)
    if (!rule->second.second.count(type))
      out.push_back(rule->second.first + ": " + name_of(n) + " holds a " +
                    (type.empty() ? "non-standard element" : type.substr(1)));
  auto count = [&](const char* type) { return std::count(types.begin(), types.end(), type); };
  for (size_t k = 0; k < types.size(); ++k) {
    if (types[k] != "/Caption") continue;
    if (n.standard == "/Table" && k != 0 && k + 1 != types.size())
      out.push_back("7.2-16: " + name_of(n) + " holds a Caption neither first nor last");
    if ((n.standard == "/L" || n.standard == "/TOC") && k != 0)
      out.push_back(std::string(n.standard == "/L" ? "7.2-40: " : "7.2-28: ") + name_of(n) +
                    " holds a Caption that is not its first kid");
  }
  if (n.standard != "/Table") return;
  if (count("/Caption") > 1)
    out.push_back("7.2-39: " + name_of(n) + " holds more than one Caption");
  if (count("/THead") > 1) out.push_back("7.2-11: " + name_of(n) + " holds more than one THead");
  if (count("/TFoot") > 1) out.push_back("7.2-12: " + name_of(n) + " holds more than one TFoot");
  if (count("/TFoot") && !count("/TBody"))
    out.push_back("7.2-13: " + name_of(n) + " holds a TFoot and no TBody");
  if (count("/THead") && !count("/TBody"))
    out.push_back("7.2-14: " + name_of(n) + " holds a THead and no TBody");
}

// The rows of a table, in order, and their cells.
std::vector<std::vector<int>> rows_of(const Tree& t, const Node& table) {
  std::vector<std::vector<int>> rows;
  auto add_row = [&](const Node& tr) {
    std::vector<int> cells;
    for (int c : tr.kids)
      if (t.nodes[static_cast<size_t>(c)].standard == "/TH" ||
          t.nodes[static_cast<size_t>(c)].standard == "/TD")
        cells.push_back(c);
    rows.push_back(cells);
  };
  for (int k : table.kids) {
    const Node& kid = t.nodes[static_cast<size_t>(k)];
    if (kid.standard == "/TR") add_row(kid);
    if (kid.standard == "/THead" || kid.standard == "/TBody" || kid.standard == "/TFoot")
      for (int r : kid.kids)
        if (t.nodes[static_cast<size_t>(r)].standard == "/TR")
          add_row(t.nodes[static_cast<size_t>(r)]);
  }
  return rows;
}

// 7.2-42 as veraPDF reads it: the first row's cells (with their column spans) give the number of
// columns, and every row's cells, with the row spans of the rows above, fill exactly that many.
void check_regular(const Pdf& pdf, const Tree& t, const Node& table,
                   std::vector<std::string>& out) {
  auto rows = rows_of(t, table);
  if (rows.empty()) return;
  size_t columns = 0;
  for (int c : rows[0])
    columns += static_cast<size_t>(span(pdf, t.nodes[static_cast<size_t>(c)], "/ColSpan"));
  std::vector<std::vector<bool>> filled(rows.size(), std::vector<bool>(columns, false));
  for (size_t r = 0; r < rows.size(); ++r) {
    size_t col = 0;
    for (int c : rows[r]) {
      while (col < columns && filled[r][col])
        ++col;
      const Node& cell = t.nodes[static_cast<size_t>(c)];
      size_t cols = static_cast<size_t>(span(pdf, cell, "/ColSpan"));
      size_t spanned = static_cast<size_t>(span(pdf, cell, "/RowSpan"));
      if (col + cols > columns || r + spanned > rows.size()) {
        out.push_back("7.2-42: " + name_of(table) + ": row " + std::to_string(r + 1) +
                      " reaches beyond the table's " + std::to_string(columns) + " columns");
        return;
      }
      for (size_t y = r; y < r + spanned; ++y)
        for (size_t x = col; x < col + cols; ++x)
          filled[y][x] = true;
      col += cols;
    }
  }
  for (size_t r = 0; r < rows.size(); ++r)
    if (std::count(filled[r].begin(), filled[r].end(), true) != static_cast<long>(columns)) {
      out.push_back("7.2-42: " + name_of(table) + ": the cells of row " + std::to_string(r + 1) +
                    " do not fill the table's " + std::to_string(columns) + " columns");
      return;
    }
}

// 7.5-1: a table with header cells says which cells they head: every TH has a /Scope, or every
// TD names its headers (/Headers).
void check_scopes(const Pdf& pdf, const Tree& t, const Node& table, std::vector<std::string>& out) {
  std::vector<const Node*> unscoped;
  bool headers = true;
  for (auto& row : rows_of(t, table))
    for (int c : row) {
      const Node& cell = t.nodes[static_cast<size_t>(c)];
      if (cell.standard == "/TH" && table_attribute(pdf, cell, "/Scope").is_null())
        unscoped.push_back(&cell);
      if (cell.standard == "/TD" && table_attribute(pdf, cell, "/Headers").is_null())
        headers = false;
    }
  if (headers) return;
  for (const Node* th : unscoped)
    out.push_back("7.5-1: " + name_of(*th) + " in " + name_of(table) +
                  " has no /Scope, and the table's data cells name no /Headers");
}

// 7.4.2-1 and 7.4.4: numbered headings in the tree's order start at H1 and go down one level at
// a time; H and H1 to H6 are not mixed.
void check_headings(const Tree& t, std::vector<std::string>& out) {
  int last = 0;
  bool h = false, hn = false;
  for (const Node& n : t.nodes) {
    if (n.standard == "/H") h = true;
    if (n.standard.size() != 3 || n.standard[1] != 'H' ||
        !std::isdigit(static_cast<unsigned char>(n.standard[2])))
      continue;
    hn = true;
    int level = n.standard[2] - '0';
    if (level > last + 1)
      out.push_back("7.4.2-1: " + name_of(n) +
                    (last == 0 ? std::string(" is the first heading, not H1")
                               : " follows H" + std::to_string(last) + ": a level is skipped"));
    last = level;
  }
  if (h && hn) out.push_back("7.4.4-2: the tree has both H and H1 to H6");
  for (const Node& n : t.nodes) {
    auto types = kid_types(t, n);
    if (std::count(types.begin(), types.end(), "/H") > 1)
      out.push_back("7.4.4-1: " + name_of(n) + " holds more than one H");
  }
}

// A parent tree (number tree): its keys and values, from /Nums of the root and its /Kids.
std::map<long, json> number_tree(const Pdf& pdf, const json& node_ref) {
  std::map<long, json> out;
  std::function<void(const json&, int)> read = [&](const json& ref, int depth) {
    const json& node = pdf.get(ref);
    const json& nums = key(node, "/Nums");
    for (size_t k = 0; nums.is_array() && k + 1 < nums.size(); k += 2)
      if (nums[k].is_number_integer()) out[nums[k].get<long>()] = nums[k + 1];
    if (depth < 16)
      for (const json* kid : items(key(node, "/Kids")))
        read(*kid, depth + 1);
  };
  read(node_ref, 0);
  return out;
}

std::map<long, json> parent_tree(const Pdf& pdf) {
  const json& root = pdf.get(key(pdf.catalog(), "/StructTreeRoot"));
  return number_tree(pdf, key(root, "/ParentTree"));
}

const json& inherited(const Pdf& pdf, const json& page, const char* name) {
  const json* node = &page;
  for (int depth = 0; depth < 32 && node->is_object(); ++depth) {
    if (!key(*node, name).is_null()) return pdf.get(key(*node, name));
    node = &pdf.get(key(*node, "/Parent"));
  }
  return kNull;
}

// One pass over a content stream.
class ContentScan {
 public:
  struct Mark {
    std::string tag;
    long mcid = -1;
  };
  ContentScan(const Pdf& pdf, int page, std::vector<std::string>& out)
      : pdf_(pdf), page_(page), out_(out) {}

  void scan(const std::string& data, const json& resources, std::vector<Mark> stack, int depth);
  std::vector<long> mcids;
  std::map<std::string, int> untagged;  // operator -> how often it drew outside tagged content
  int notdef = 0;

 private:
  bool next(std::string_view s, size_t& i, std::string& token, bool& op) const;
  void marked(const std::vector<std::string>& operands, const json& resources,
              std::vector<Mark>& stack, bool with_properties);
  void shown(const std::vector<std::string>& operands);
  const Pdf& pdf_;
  int page_;
  std::vector<std::string>& out_;
  bool two_byte_font_ = false;
};

bool ContentScan::next(std::string_view s, size_t& i, std::string& token, bool& op) const {
  auto space = [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
  };
  auto delim = [](char c) {
    return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos;
  };
  while (i < s.size()) {
    if (space(s[i])) {
      ++i;
    } else if (s[i] == '%') {
      while (i < s.size() && s[i] != '\n' && s[i] != '\r')
        ++i;
    } else {
      break;
    }
  }
  if (i >= s.size()) return false;
  size_t start = i;
  op = false;
  char c = s[i];
  if (c == '(') {
    int level = 0;
    for (; i < s.size(); ++i) {
      if (s[i] == '\\') {
        ++i;
      } else if (s[i] == '(') {
        ++level;
      } else if (s[i] == ')' && --level == 0) {
        ++i;
        break;
      }
    }
  } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
    i += 2;
  } else if (c == '>' && i + 1 < s.size() && s[i + 1] == '>') {
    i += 2;
  } else if (c == '<') {
    while (i < s.size() && s[i] != '>')
      ++i;
    ++i;
  } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == '>' || c == ')') {
    ++i;
  } else {
    ++i;
    while (i < s.size() && !space(s[i]) && !delim(s[i]))
      ++i;
    std::string_view word = s.substr(start, i - start);
    op = c != '/' &&
         !(std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.') &&
         word != "true" && word != "false" && word != "null";
  }
  token = std::string(s.substr(start, std::min(i, s.size()) - start));
  return true;
}

void ContentScan::marked(const std::vector<std::string>& operands, const json& resources,
                         std::vector<Mark>& stack, bool with_properties) {
  Mark mark;
  if (!operands.empty()) mark.tag = operands[0];
  if (with_properties) {
    for (size_t k = 1; k + 1 < operands.size(); ++k)
      if (operands[k] == "/MCID") mark.mcid = std::stol(operands[k + 1]);
    if (operands.size() == 2 && operands[1][0] == '/') {
      const json& props =
          pdf_.get(key(pdf_.get(key(resources, "/Properties")), operands[1].c_str()));
      if (key(props, "/MCID").is_number_integer()) mark.mcid = key(props, "/MCID").get<long>();
    }
  }
  bool in_tagged = false, in_artifact = false;
  for (const Mark& m : stack) {
    in_tagged = in_tagged || m.mcid >= 0;
    in_artifact = in_artifact || m.tag == "/Artifact";
  }
  std::string where = "page " + std::to_string(page_) + ": ";
  if (mark.tag == "/Artifact" && in_tagged)
    out_.push_back("7.1-1: " + where + "an Artifact inside tagged content");
  if (mark.mcid >= 0 && in_artifact)
    out_.push_back("7.1-2: " + where + "tagged content (MCID " + std::to_string(mark.mcid) +
                   ") inside an Artifact");
  if (mark.mcid >= 0) mcids.push_back(mark.mcid);
  stack.push_back(mark);
}

void ContentScan::shown(const std::vector<std::string>& operands) {
  if (!two_byte_font_) return;
  for (const std::string& o : operands) {
    std::string bytes;
    if (o.starts_with("(")) bytes = literal_decoded(o);
    if (o.starts_with("<") && !o.starts_with("<<")) bytes = hex_decoded(o);
    for (size_t k = 0; k + 1 < bytes.size(); k += 2)
      if (bytes[k] == 0 && bytes[k + 1] == 0) ++notdef;
  }
}

void ContentScan::scan(const std::string& data, const json& resources, std::vector<Mark> stack,
                       int depth) {
  static const std::set<std::string> painting = {"Tj", "TJ", "'",  "\"", "f", "F",  "f*", "B",
                                                 "B*", "b",  "b*", "S",  "s", "sh", "Do", "BI"};
  std::string_view s = data;
  size_t i = 0;
  std::string token;
  bool op = false;
  std::vector<std::string> operands;
  while (next(s, i, token, op)) {
    if (!op) {
      operands.push_back(token);
      continue;
    }
    if (painting.count(token)) {
      bool tagged = false;
      for (const Mark& m : stack)
        tagged = tagged || m.mcid >= 0 || m.tag == "/Artifact";
      if (!tagged) ++untagged[token];
    }
    if (token == "BDC" || token == "BMC") {
      marked(operands, resources, stack, token == "BDC");
    } else if (token == "EMC") {
      if (!stack.empty()) stack.pop_back();
    } else if (token == "Tf" && operands.size() >= 2) {
      const json& font =
          pdf_.get(key(pdf_.get(key(resources, "/Font")), operands[operands.size() - 2].c_str()));
      std::string encoding = str(key(font, "/Encoding"));
      two_byte_font_ = str(key(font, "/Subtype")) == "/Type0" &&
                       (encoding == "/Identity-H" || encoding == "/Identity-V");
    } else if (token == "Tj" || token == "TJ" || token == "'" || token == "\"") {
      shown(operands);
    } else if (token == "BI") {  // an inline image: its data runs from ID to EI
      size_t id = s.find("ID", i);
      size_t ei = id == std::string_view::npos ? id : s.find("EI", id + 3);
      while (ei != std::string_view::npos && ei + 2 < s.size() &&
             !std::isspace(static_cast<unsigned char>(s[ei + 2])))
        ei = s.find("EI", ei + 2);
      i = ei == std::string_view::npos ? s.size() : ei + 2;
    } else if (token == "Do" && !operands.empty() && depth < 8) {
      const json& xobject = key(pdf_.get(key(resources, "/XObject")), operands.back().c_str());
      const json& dict = pdf_.get(xobject);
      if (!key(dict, "/Ref").is_null())
        out_.push_back("7.20-1: page " + std::to_string(page_) + " draws a reference XObject " +
                       str(xobject));
      if (str(key(dict, "/Subtype")) == "/Form") {
        const json& own = pdf_.get(key(dict, "/Resources"));
        scan(pdf_.data(xobject), own.is_object() ? own : resources, stack, depth + 1);
      }
    }
    operands.clear();
  }
}

bool holds_mcid(const Pdf& pdf, const json& element, long mcid, const std::string& page_ref) {
  std::string page = str(key(element, "/Pg"));
  for (const json* kid : items(key(element, "/K"))) {
    if (kid->is_number_integer() && kid->get<long>() == mcid && page == page_ref) return true;
    const json& mcr = pdf.get(*kid);
    if (str(key(mcr, "/Type")) == "/MCR" && key(mcr, "/MCID") == mcid) {
      std::string on = key(mcr, "/Pg").is_null() ? page : str(key(mcr, "/Pg"));
      if (on == page_ref) return true;
    }
  }
  return false;
}

}  // namespace

json pdf_ua_json(const std::filesystem::path& pdf, std::string& error) {
  std::filesystem::path out = pdf;
  out += ".json";
  std::string cmd = "qpdf --json=2 --json-stream-data=inline --decode-level=generalized '" +
                    pdf.string() + "' '" + out.string() + "' 2>&1";
  if (int rc = std::system(cmd.c_str()); rc != 0) {
    error = "qpdf --json failed (" + std::to_string(rc) + ") for " + pdf.string();
    return nullptr;
  }
  std::ifstream in(out);
  return json::parse(in, nullptr, false);
}

Pdf::Pdf(json qpdf) : doc_(std::move(qpdf)) {
  for (const json* page : items(key(doc_, "pages")))
    pages_.push_back(str(key(*page, "object")));
}

const json& Pdf::objects() const {
  const json& qpdf = key(doc_, "qpdf");
  return qpdf.is_array() && qpdf.size() > 1 ? qpdf[1] : kNull;
}

const json& Pdf::get(const json& value) const {
  if (!is_ref(value)) return value;
  const json& object = key(objects(), ("obj:" + value.get<std::string>()).c_str());
  if (!key(object, "value").is_null()) return object["value"];
  return key(key(object, "stream"), "dict");
}

const json& Pdf::stream(const json& value) const {
  if (!is_ref(value)) return kNull;
  return key(key(objects(), ("obj:" + value.get<std::string>()).c_str()), "stream");
}

bool Pdf::is_stream(const json& value) const {
  return !stream(value).is_null();
}

std::string Pdf::data(const json& value) const {
  return base64_decoded(str(key(stream(value), "data")));
}

const json& Pdf::page(size_t index) const {
  return get(json(pages_.at(index)));
}

const json& Pdf::trailer() const {
  return key(key(objects(), "trailer"), "value");
}

const json& Pdf::catalog() const {
  return get(key(trailer(), "/Root"));
}

std::string text(const json& value) {
  std::string s = str(value);
  if (s.starts_with("u:")) return s.substr(2);
  if (s.starts_with("b:")) return hex_decoded(s.substr(2));
  return "";
}

std::vector<Element> elements(const Pdf& pdf) {
  std::vector<Element> out;
  for (const Node& n : tree_of(pdf).nodes)
    out.push_back({n.ref, n.type, n.standard, text(key(*n.dict, "/Alt")), n.depth});
  return out;
}

std::vector<std::string> document_problems(const Pdf& pdf) {
  std::vector<std::string> out;
  const json& catalog = pdf.catalog();
  const json& mark_info = pdf.get(key(catalog, "/MarkInfo"));
  if (key(mark_info, "/Marked") != true)
    out.push_back("6.2-1: the catalog's /MarkInfo has no /Marked true");
  if (key(mark_info, "/Suspects") == true) out.push_back("7.1-4: /MarkInfo has /Suspects true");
  if (!pdf.is_stream(key(catalog, "/Metadata")))
    out.push_back("7.1-8: the catalog has no /Metadata stream");
  if (key(pdf.get(key(catalog, "/ViewerPreferences")), "/DisplayDocTitle") != true)
    out.push_back("7.1-10: the catalog's /ViewerPreferences have no /DisplayDocTitle true");
  if (!pdf.get(key(catalog, "/StructTreeRoot")).is_object())
    out.push_back("7.1-11: the catalog has no /StructTreeRoot");
  std::string lang = text(pdf.get(key(catalog, "/Lang")));
  if (lang.empty())
    out.push_back("7.2-34: the catalog has no /Lang: the language of the text is unknown");
  else if (!std::regex_match(lang, std::regex("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")))
    out.push_back("7.2-29: the catalog's /Lang '" + lang + "' is no language tag");
  const json& oc = pdf.get(key(catalog, "/OCProperties"));
  std::vector<const json*> configs = items(pdf.get(key(oc, "/Configs")));
  if (!key(oc, "/D").is_null()) configs.push_back(&key(oc, "/D"));
  for (const json* c : configs) {
    if (text(key(pdf.get(*c), "/Name")).empty())
      out.push_back("7.10-1: an optional content configuration has no /Name");
    if (!key(pdf.get(*c), "/AS").is_null())
      out.push_back("7.10-2: an optional content configuration has /AS");
  }
  const json& form = pdf.get(key(catalog, "/AcroForm"));
  if (!key(form, "/XFA").is_null() && key(form, "/NeedsRendering") == true)
    out.push_back("7.15-1: the form is dynamic XFA");
  const json& encrypt = pdf.get(key(pdf.trailer(), "/Encrypt"));
  if (encrypt.is_object() &&
      !(key(encrypt, "/P").is_number_integer() && (key(encrypt, "/P").get<long>() & 512)))
    out.push_back("7.16-1: the encryption keeps assistive technology from the text");
  const json& files = pdf.get(key(pdf.get(key(catalog, "/Names")), "/EmbeddedFiles"));
  const json& names = key(files, "/Names");
  for (size_t k = 1; names.is_array() && k < names.size(); k += 2) {
    const json& spec = pdf.get(names[k]);
    if (text(key(spec, "/F")).empty() || text(key(spec, "/UF")).empty())
      out.push_back("7.11-1: the embedded file " + text(names[k - 1]) + " has no /F or /UF");
  }
  return out;
}

std::vector<std::string> metadata_problems(const Pdf& pdf) {
  std::vector<std::string> out;
  std::string xmp = pdf.data(key(pdf.catalog(), "/Metadata"));
  std::smatch m;
  if (!std::regex_search(
          xmp, m, std::regex("xmlns:([A-Za-z0-9_]+)=\"http://www.aiim.org/pdfua/ns/id/\""))) {
    out.push_back("5-1: the XMP metadata have no PDF/UA identification (pdfuaid)");
  } else {
    std::string prefix = m[1];
    if (prefix != "pdfuaid")
      out.push_back("5-3: the PDF/UA identification has the prefix '" + prefix +
                    "', not 'pdfuaid'");
    std::regex part(prefix + ":part(=\"|>)\\s*([0-9]+)");
    if (!std::regex_search(xmp, m, part))
      out.push_back("5-1: the PDF/UA identification has no " + prefix + ":part");
    else if (m[2] != "1")
      out.push_back("5-2: " + prefix + ":part is " + m[2].str() + ", not 1");
  }
  if (!std::regex_search(xmp, m,
                         std::regex("<dc:title>\\s*<rdf:Alt>\\s*<rdf:li[^>]*>([^<]*\\S[^<]*)<")))
    out.push_back("7.1-9: the XMP metadata have no dc:title");
  return out;
}

std::vector<std::string> structure_problems(const Pdf& pdf) {
  Tree t = tree_of(pdf);
  std::vector<std::string> out = t.problems;
  std::set<std::string> note_ids;
  for (const Node& n : t.nodes) {
    std::string parent = n.parent < 0 ? t.root_ref : t.nodes[static_cast<size_t>(n.parent)].ref;
    std::string p = str(key(*n.dict, "/P"));
    if (p.empty())
      out.push_back("7.1-12: " + name_of(n) + " has no /P");
    else if (!parent.empty() && p != parent)
      out.push_back("7.1-12: " + name_of(n) + " has /P " + p + ", not its parent " + parent);
    check_parent(t, n, out);
    check_kids(t, n, out);
    if (n.standard == "/Table") {
      check_regular(pdf, t, n, out);
      check_scopes(pdf, t, n, out);
    }
    if ((n.standard == "/Figure" || n.standard == "/Formula") &&
        text(key(*n.dict, "/Alt")).empty() && key(*n.dict, "/ActualText").is_null())
      out.push_back(std::string(n.standard == "/Figure" ? "7.3-1: " : "7.7-1: ") + name_of(n) +
                    " has no /Alt or /ActualText");
    if (n.standard == "/Note") {
      std::string id = text(key(*n.dict, "/ID"));
      if (id.empty())
        out.push_back("7.9-1: " + name_of(n) + " has no /ID");
      else if (!note_ids.insert(id).second)
        out.push_back("7.9-2: " + name_of(n) + " has the /ID of another Note");
    }
  }
  check_headings(t, out);
  return out;
}

std::vector<std::string> annotation_problems(const Pdf& pdf) {
  std::vector<std::string> out;
  std::map<long, json> parents = parent_tree(pdf);
  bool circular = false;
  const json& role_map = pdf.get(key(pdf.get(key(pdf.catalog(), "/StructTreeRoot")), "/RoleMap"));
  for (size_t p = 0; p < pdf.pages().size(); ++p) {
    const json& page = pdf.page(p);
    std::string on = " on page " + std::to_string(p + 1);
    std::vector<const json*> annots = items(pdf.get(key(page, "/Annots")));
    if (!annots.empty() && str(key(page, "/Tabs")) != "/S")
      out.push_back("7.18.3-1: page " + std::to_string(p + 1) + " has annotations and no /Tabs /S");
    for (const json* annot : annots) {
      const json& ref = *annot;
      const json& a = pdf.get(ref);
      std::string subtype = str(key(a, "/Subtype"));
      std::string name =
          subtype.substr(std::min<size_t>(1, subtype.size())) + " annotation " + str(ref) + on;
      const json& flags = key(a, "/F");
      if (flags.is_number_integer() && (flags.get<long>() & 2)) continue;  // hidden
      const json& sp = key(a, "/StructParent");
      const json* parent = nullptr;
      if (sp.is_number_integer() && parents.count(sp.get<long>()))
        parent = &pdf.get(parents[sp.get<long>()]);
      std::string parent_type =
          parent ? standard_type(str(key(*parent, "/S")), role_map, circular) : "";
      if (subtype == "/TrapNet") out.push_back("7.18.2-1: " + name);
      if (subtype == "/PrinterMark") {
        if (parent) out.push_back("7.18.8-1: " + name + " is in the structure tree");
        continue;
      }
      if (subtype == "/Widget") {
        if (parent_type != "/Form") out.push_back("7.18.4-1: " + name + " is not in a Form");
        continue;
      }
      if (text(key(a, "/Contents")).empty() && (!parent || text(key(*parent, "/Alt")).empty()))
        out.push_back(std::string(subtype == "/Link" ? "7.18.5-2: " : "7.18.1-2: ") + name +
                      " has no /Contents");
      if (subtype != "/Link") {
        if (parent_type != "/Annot") out.push_back("7.18.1-1: " + name + " is not in an Annot");
        continue;
      }
      if (!sp.is_number_integer()) {
        out.push_back("7.18.5-1: " + name + " has no /StructParent");
      } else if (!parent || !parent->is_object()) {
        out.push_back("7.18.5-1: " + name + ": the parent tree has no element for /StructParent " +
                      std::to_string(sp.get<long>()));
      } else if (parent_type != "/Link") {
        std::string s = str(key(*parent, "/S"));
        out.push_back("7.18.5-1: " + name + ": the parent tree gives " +
                      (s.empty() ? "an object that is no structure element" : "a " + s.substr(1)) +
                      ", not a Link");
      } else {
        bool found = false;
        for (const json* kid : items(key(*parent, "/K"))) {
          const json& objr = pdf.get(*kid);
          found = found || (str(key(objr, "/Type")) == "/OBJR" && key(objr, "/Obj") == ref);
        }
        if (!found)
          out.push_back("7.18.5-1: " + name + " is no object reference (OBJR) of its Link " +
                        str(parents[sp.get<long>()]));
      }
    }
  }
  return out;
}

std::vector<std::string> content_problems(const Pdf& pdf) {
  std::vector<std::string> out;
  std::map<long, json> parents = parent_tree(pdf);
  for (size_t p = 0; p < pdf.pages().size(); ++p) {
    const std::string& page_ref = pdf.pages()[p];
    const json& page = pdf.page(p);
    int number = static_cast<int>(p + 1);
    std::string where = "page " + std::to_string(number);
    std::string data;
    for (const json* c : items(key(page, "/Contents")))
      data += pdf.data(*c) + "\n";
    ContentScan scan(pdf, number, out);
    scan.scan(data, inherited(pdf, page, "/Resources"), {}, 0);
    if (!scan.untagged.empty()) {
      std::string ops;
      for (auto& [op, n] : scan.untagged)
        ops += (ops.empty() ? "" : ", ") + op + " " + std::to_string(n) + "x";
      out.push_back("7.1-3: " + where + " draws outside tagged content and Artifacts (" + ops +
                    ")");
    }
    if (scan.notdef)
      out.push_back("7.21.8-1: " + where + " shows glyph 0 (.notdef) " +
                    std::to_string(scan.notdef) + " times");
    if (scan.mcids.empty()) continue;
    const json& sp = key(page, "/StructParents");
    const json* entry = sp.is_number_integer() && parents.count(sp.get<long>())
                            ? &parents[sp.get<long>()]
                            : nullptr;
    const json& marks = entry ? pdf.get(*entry) : kNull;
    if (!marks.is_array()) {
      out.push_back("7.1-3: " + where + " has marked content, and the parent tree no entry for it");
      continue;
    }
    std::set<long> seen;
    for (long mcid : scan.mcids) {
      std::string m = where + ": MCID " + std::to_string(mcid);
      if (!seen.insert(mcid).second)
        out.push_back("7.1-3: " + m + " marks two sequences");
      else if (mcid >= static_cast<long>(marks.size()) || !is_ref(marks[static_cast<size_t>(mcid)]))
        out.push_back("7.1-3: " + m + " has no element in the parent tree");
      else if (!holds_mcid(pdf, pdf.get(marks[static_cast<size_t>(mcid)]), mcid, page_ref))
        out.push_back("7.1-3: " + m + ": its element in the parent tree, " +
                      str(marks[static_cast<size_t>(mcid)]) + ", does not hold it");
    }
  }
  return out;
}

std::vector<std::string> font_problems(const Pdf& pdf) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (size_t p = 0; p < pdf.pages().size(); ++p) {
    const json& fonts = pdf.get(key(inherited(pdf, pdf.page(p), "/Resources"), "/Font"));
    if (!fonts.is_object()) continue;
    for (auto& [name, ref] : fonts.items()) {
      if (is_ref(ref) && !seen.insert(ref.get<std::string>()).second) continue;
      const json& font = pdf.get(ref);
      std::string label = "font " + str(key(font, "/BaseFont")) + " (" + name + ")";
      std::string subtype = str(key(font, "/Subtype"));
      const json* described = &font;
      if (subtype == "/Type0") {
        std::string cmap = str(key(font, "/Encoding"));
        if (cmap != "/Identity-H" && cmap != "/Identity-V")
          out.push_back("7.21.3.3-1: " + label + " uses the CMap " +
                        (cmap.empty() ? "of a stream" : cmap) + ", which these checks do not read");
        auto descendants = items(pdf.get(key(font, "/DescendantFonts")));
        described = descendants.empty() ? &kNull : &pdf.get(*descendants[0]);
        if (str(key(*described, "/Subtype")) == "/CIDFontType2" &&
            key(*described, "/CIDToGIDMap").is_null())
          out.push_back("7.21.3.2-1: " + label + " has no /CIDToGIDMap");
        if (key(font, "/ToUnicode").is_null())
          out.push_back("7.21.7-1: " + label + " has no /ToUnicode map");
      } else if (subtype != "/Type3" && key(font, "/ToUnicode").is_null()) {
        std::string encoding = str(key(pdf.get(key(font, "/Encoding")), "/BaseEncoding"));
        if (encoding.empty()) encoding = str(key(font, "/Encoding"));
        if (encoding != "/WinAnsiEncoding" && encoding != "/MacRomanEncoding")
          out.push_back("7.21.7-1: " + label + " has no /ToUnicode map");
      }
      if (subtype == "/Type3") continue;
      const json& descriptor = pdf.get(key(*described, "/FontDescriptor"));
      if (key(descriptor, "/FontFile").is_null() && key(descriptor, "/FontFile2").is_null() &&
          key(descriptor, "/FontFile3").is_null())
        out.push_back("7.21.4.1-1: " + label + " is not embedded");
    }
  }
  return out;
}

}  // namespace hb::test::pdf_ua

#endif
