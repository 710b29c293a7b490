// The renderer's output: a buffer written through a cursor, kept per thread and reused from one
// render to the next. Private to the template engine.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/escape.h"
#include "template_render.h"

namespace hb {

// Renders `root` as render_template does and passes the text to `use` without copying it: the
// text lives in a buffer of the calling thread until the call returns.
void render_template(const CompiledTemplate& root, const TemplateList& templates,
                     const RenderRules& rules, const Value& data,
                     const std::function<void(std::string_view)>& use);

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
    end_ = cursor_ + buffer_->capacity;
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

  size_t size() const { return static_cast<size_t>(cursor_ - buffer_->data.get()); }

  // Appends `text` with & < > " ' as entities.
  void append_escaped(std::string_view text) { append_html_attribute(*this, text); }

 private:
  struct Buffer {
    std::unique_ptr<char[]> data;
    size_t capacity = 0;
    bool busy = false;
  };

  static constexpr size_t kInitial = 64 * 1024;

  static Buffer& thread_buffer() {
    static thread_local Buffer buffer;
    return buffer;
  }

  // Makes room for n more bytes.
  void room(size_t n) {
    if (static_cast<size_t>(end_ - cursor_) < n) grow(n);
  }

  // Out of line, so that the writes that never grow stay small.
  [[gnu::noinline]] void grow(size_t n) {
    char* start = buffer_->data.get();
    size_t used = start ? static_cast<size_t>(cursor_ - start) : 0;
    size_t capacity = std::max(buffer_->capacity * 2, used + n);
    std::unique_ptr<char[]> data(new char[capacity]);
    if (used) std::memcpy(data.get(), start, used);
    buffer_->data = std::move(data);
    buffer_->capacity = capacity;
    cursor_ = buffer_->data.get() + used;
    end_ = buffer_->data.get() + capacity;
  }

  Buffer* buffer_ = nullptr;
  std::unique_ptr<Buffer> own_;
  char* cursor_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace hb
