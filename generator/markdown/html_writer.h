// HTML for a cmark-gfm tree, written node by node as the tree is walked, byte for byte what
// cmark-gfm's own HTML renderer writes (options CMARK_OPT_DEFAULT: raw HTML omitted, soft breaks
// as newlines), but with headings given ids as they are written and text escaped 16 bytes at a
// time. Tables and strikethrough are written as their extensions write them; footnote
// references and nodes of other extensions are handed to cmark-gfm's renderer at their exit,
// the footnote definitions all together at the end. Task lists are left to cmark-gfm entirely.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// clang-format off
#include <cmark-gfm.h>
// clang-format on

namespace hb {

class HtmlWriter {
 public:
  // `extensions` and `mem` are the parser's, for the nodes handed to cmark-gfm; `polish`, if
  // given, is applied to each piece of HTML that cmark-gfm writes.
  HtmlWriter(std::string& out, cmark_llist* extensions, cmark_mem* mem,
             void (*polish)(std::string&) = nullptr);

  // One event of a walk with cmark_iter (`entering` for CMARK_EVENT_ENTER). A heading is written
  // with `id` (if not empty) when entered.
  void event(cmark_node* node, bool entering, std::string_view id = {});

  // Writes the footnotes, after the last event.
  void finish();

 private:
  void unusual_event(cmark_node* node, bool entering);
  void newline_if_needed();
  void tag(bool entering, const char* open, const char* close);
  void write_with_cmark(cmark_node* node);
  bool extension_node(cmark_node* node, bool entering);
  void block(cmark_node* node, bool entering, std::string_view id);
  void inline_node(cmark_node* node, bool entering);

  std::string& out_;
  cmark_llist* extensions_;
  cmark_mem* mem_;
  void (*polish_)(std::string&);
  cmark_node* plain_ = nullptr;         // image whose alt text is being written
  cmark_node* delegated_ = nullptr;     // node that cmark-gfm writes at its exit
  std::vector<cmark_node*> footnotes_;  // definitions, written by cmark-gfm at the end
  // The table being written.
  const uint8_t* alignments_ = nullptr;  // 'l', 'c', 'r' or 0 for each column
  unsigned columns_ = 0, cell_ = 0;
  bool in_header_ = false, body_open_ = false;
};

// `text` with & < > " escaped as cmark-gfm escapes text (' and / stay as they are).
void append_escaped_text(std::string& out, std::string_view text);

// A link target as cmark-gfm writes it into href or src: percent-encoded outside its safe set,
// & and ' as entities; empty for javascript:, vbscript:, file: and data: (but images).
void append_escaped_url(std::string& out, std::string_view url);

}  // namespace hb
