#include "page_text.h"

#include <gumbo.h>

#include <memory>

namespace hb {

namespace {

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Elements inside a line of text: their ends do not end a word ("<em>Vej</em>le" is one).
bool inline_element(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
      return true;
    default:
      return false;
  }
}

bool skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_NOSCRIPT;
}

const GumboNode* find_element(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    if (auto* found = find_element(static_cast<const GumboNode*>(children.data[i]), tag))
      return found;
  return nullptr;
}

void append_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || skipped(node->v.element.tag)) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    append_text(static_cast<const GumboNode*>(children.data[i]), out);
  }
  if (!inline_element(node->v.element.tag)) out += ' ';  // "<td>a</td><td>b</td>": two words
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; };
  while (i < text.size()) {
    while (i < text.size() && space(text[i]))
      ++i;
    size_t start = i;
    while (i < text.size() && !space(text[i]))
      ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (auto& w : words)
    out += (out.empty() ? "" : " ") + w;
  return out;
}

// Walks the content in document order, gathering the text of a line in `pending` until an
// element that is not inline ends it; each heading starts a section.
void collect(const GumboNode* node, PageText& page, std::string& pending) {
  auto flush = [&] {
    for (auto& w : words_of(pending))
      page.sections.back().words.push_back(std::move(w));
    pending.clear();
  };
  if (node->type != GUMBO_NODE_ELEMENT) return append_text(node, pending);
  GumboTag tag = node->v.element.tag;
  if (skipped(tag)) return;
  if (is_heading(tag)) {
    flush();
    std::string text;
    append_text(node, text);
    auto words = words_of(text);
    if (tag == GUMBO_TAG_H1 && page.title.empty()) page.title = joined(words);
    page.sections.push_back({joined(words), words});
    return;
  }
  bool block = !inline_element(tag);
  if (block) flush();
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    collect(static_cast<const GumboNode*>(children.data[i]), page, pending);
  if (block) flush();
}

struct Parsed {
  GumboOutput* output;
  ~Parsed() { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

}  // namespace

PageText page_text(std::string_view html) {
  Parsed parsed{gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())};
  PageText page;
  page.sections.push_back({});
  const GumboNode* root = parsed.output->root;
  const GumboNode* main = find_element(root, GUMBO_TAG_MAIN);
  if (!main) main = find_element(root, GUMBO_TAG_BODY);
  std::string pending;
  if (main) collect(main, page, pending);
  if (page.title.empty())
    if (const GumboNode* title = find_element(root, GUMBO_TAG_TITLE)) {
      std::string text;
      append_text(title, text);
      page.title = joined(words_of(text));
    }
  if (page.sections.front().words.empty()) page.sections.erase(page.sections.begin());
  return page;
}

}  // namespace hb
