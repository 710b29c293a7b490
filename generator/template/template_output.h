// The renderer's output: a buffer written through a cursor, kept per thread and reused from one
// render to the next, with HTML escaping that looks at 16 bytes at a time. Private to the
// template engine.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "template_render.h"

namespace hb {

// Renders `root` as render_template does and passes the text to `use` without copying it: the
// text lives in a buffer of the calling thread until the call returns.
void render_template(const CompiledTemplate& root, const TemplateList& templates,
                     MissingTemplate missing, const Value& data,
                     const std::function<void(std::string_view)>& use);

// Bit k set where byte k of the 16 at `p` is one that `{{name}}` escapes: & < > " '.
inline unsigned html_escape_mask(const char* p) {
#if defined(__SSE2__)
  // & and ' differ only in bit 0, < and > only in bit 1: setting that bit makes one compare
  // find both.
  __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i amp_apos = _mm_cmpeq_epi8(_mm_or_si128(b, _mm_set1_epi8(1)), _mm_set1_epi8('\''));
  __m128i lt_gt = _mm_cmpeq_epi8(_mm_or_si128(b, _mm_set1_epi8(2)), _mm_set1_epi8('>'));
  __m128i quot = _mm_cmpeq_epi8(b, _mm_set1_epi8('"'));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(amp_apos, lt_gt), quot)));
#else
  unsigned mask = 0;
  for (unsigned k = 0; k < 16; ++k) {
    char c = p[k];
    if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') mask |= 1u << k;
  }
  return mask;
#endif
}

// The entity of an escaped character, padded to 8 bytes, and its length.
struct HtmlEntity {
  char text[8];
  unsigned size;
};

inline const HtmlEntity& html_entity(char c) {
  static constexpr HtmlEntity amp{"&amp;", 5}, lt{"&lt;", 4}, gt{"&gt;", 4}, quot{"&quot;", 6},
      apos{"&#39;", 5};
  switch (c) {
    case '&':
      return amp;
    case '<':
      return lt;
    case '>':
      return gt;
    case '"':
      return quot;
    default:
      return apos;
  }
}

// Copies n bytes, sizeof(Word) <= n <= 2 * sizeof(Word), as a first and a last Word.
template <typename Word>
inline void copy_ends(char* to, const char* from, size_t n) {
  Word a, b;
  std::memcpy(&a, from, sizeof a);
  std::memcpy(&b, from + n - sizeof b, sizeof b);
  std::memcpy(to, &a, sizeof a);
  std::memcpy(to + n - sizeof b, &b, sizeof b);
}

// Copies n bytes; runs of up to 256 bytes without a call, in moves of 16, 8, 4, 2 and 1 bytes
// (the last move of each size may overlap the one before it).
inline void copy_bytes(char* to, const char* from, size_t n) {
  if (n >= 16) {
    if (n > 256) {
      std::memcpy(to, from, n);
      return;
    }
    char last[16];
    std::memcpy(last, from + n - 16, 16);
    for (size_t i = 0; i + 16 < n; i += 16)
      std::memcpy(to + i, from + i, 16);
    std::memcpy(to + n - 16, last, 16);
  } else if (n >= 8) {
    copy_ends<uint64_t>(to, from, n);
  } else if (n >= 4) {
    copy_ends<uint32_t>(to, from, n);
  } else if (n >= 2) {
    copy_ends<uint16_t>(to, from, n);
  } else if (n == 1) {
    *to = *from;
  }
}

// The position of the first byte of `text` that `{{name}}` escapes, or text.size(). `text` is
// the content of a std::string, whose buffer always holds at least 16 bytes: a shorter text is
// looked at in one load, and the bytes past its end are masked out.
inline size_t first_html_escape(const std::string& text) {
  const char* p = text.data();
  size_t n = text.size();
  if (n < 16) {
    unsigned mask = html_escape_mask(p) & ((1u << n) - 1);
    return mask ? static_cast<size_t>(std::countr_zero(mask)) : n;
  }
  size_t i = 0;
  for (; i + 16 <= n; i += 16)
    if (unsigned mask = html_escape_mask(p + i)) return i + std::countr_zero(mask);
  if (i == n) return n;
  unsigned mask = html_escape_mask(p + n - 16) >> (16 - (n - i));  // the last bytes
  return mask ? i + static_cast<size_t>(std::countr_zero(mask)) : n;
}

class RenderOutput {
 public:
  // Writes into the calling thread's buffer, or into a buffer of its own when that one is in
  // use (a render that starts while another one is running on the same thread).
  RenderOutput() {
    Buffer& shared = thread_buffer();
    if (!shared.busy) {
      buffer_ = &shared;
    } else {
      own_ = std::make_unique<Buffer>();
      buffer_ = own_.get();
    }
    buffer_->busy = true;
    if (!buffer_->data) grow(kInitial);
    cursor_ = buffer_->data.get();
    end_ = cursor_ + buffer_->capacity - kSlack;
  }
  ~RenderOutput() { buffer_->busy = false; }
  RenderOutput(const RenderOutput&) = delete;
  RenderOutput& operator=(const RenderOutput&) = delete;

  // What has been written; valid until the next write.
  std::string_view text() const {
    return {buffer_->data.get(), static_cast<size_t>(cursor_ - buffer_->data.get())};
  }

  void append(std::string_view text) {
    room(text.size());
    copy_bytes(cursor_, text.data(), text.size());
    cursor_ += text.size();
  }

  // Appends `text` with & < > " ' as entities.
  void append_escaped(const std::string& text) {
    size_t first = first_html_escape(text);
    if (first == text.size()) return append(text);
    room(text.size() * 6);
    copy_bytes(cursor_, text.data(), first);
    char* to = cursor_ + first;
    for (size_t i = first; i < text.size(); ++i) {
      char c = text[i];
      if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
        to = put_entity(to, c);
      } else {
        *to++ = c;
      }
    }
    cursor_ = to;
  }

 private:
  struct Buffer {
    std::unique_ptr<char[]> data;
    size_t capacity = 0;
    bool busy = false;
  };

  // Room past the cursor that every write may use as scratch: 16-byte stores and entities.
  static constexpr size_t kSlack = 32;
  static constexpr size_t kInitial = 64 * 1024;

  static Buffer& thread_buffer() {
    static thread_local Buffer buffer;
    return buffer;
  }

  static char* put_entity(char* to, char c) {
    const HtmlEntity& e = html_entity(c);
    std::memcpy(to, e.text, 8);
    return to + e.size;
  }

  // Makes room for n more bytes (plus the slack).
  void room(size_t n) {
    if (static_cast<size_t>(end_ - cursor_) < n) grow(n);
  }

  // Out of line, so that the writes that never grow stay small.
  [[gnu::noinline]] void grow(size_t n) {
    char* start = buffer_->data.get();
    size_t used = start ? static_cast<size_t>(cursor_ - start) : 0;
    size_t capacity = std::max(buffer_->capacity * 2, used + n + kSlack);
    std::unique_ptr<char[]> data(new char[capacity]);
    if (used) std::memcpy(data.get(), start, used);
    buffer_->data = std::move(data);
    buffer_->capacity = capacity;
    cursor_ = buffer_->data.get() + used;
    end_ = buffer_->data.get() + capacity - kSlack;
  }

  Buffer* buffer_ = nullptr;
  std::unique_ptr<Buffer> own_;
  char* cursor_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace hb
