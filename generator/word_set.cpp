#include "word_set.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace hb {

namespace {

// Letters, digits and every byte of a multi-byte UTF-8 character are parts of words.
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  return t;
}();

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;

uint64_t load(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// A..Z to a..z in eight bytes at once; other bytes unchanged.
uint64_t lower_ascii(uint64_t x) {
  uint64_t seven = x & ~kHigh;
  uint64_t above_z = seven + (0x7F - 'Z') * kOnes;
  uint64_t from_a = seven + (0x80 - 'A') * kOnes;
  uint64_t upper = ~x & (from_a ^ above_z) & kHigh;
  return x | (upper >> 2);
}

// The high bit of each byte of `x` that belongs to a word: ASCII letters and digits, and every
// byte of a multi-byte character.
uint64_t word_bytes(uint64_t x) {
  uint64_t seven = x & ~kHigh;
  uint64_t folded = seven | 0x20 * kOnes;  // A..Z onto a..z; nothing else lands there
  uint64_t letter = (folded + (0x80 - 'a') * kOnes) ^ (folded + (0x80 - 'z' - 1) * kOnes);
  uint64_t digit = (seven + (0x80 - '0') * kOnes) ^ (seven + (0x80 - '9' - 1) * kOnes);
  return (letter | digit | x) & kHigh;
}

size_t first_set_byte(uint64_t mask) {
  return static_cast<size_t>(__builtin_ctzll(mask)) / 8;
}

uint64_t mix(uint64_t h, uint64_t block) {
  return (h ^ block) * 0xFF51AFD7ED558CCDull;
}

uint32_t finish(uint64_t h) {
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// A byte equal to 0xC3 in `x`: the lead byte of À..ÿ.
bool has_c3(uint64_t x) {
  uint64_t y = x ^ (0xC3 * kOnes);
  return ((y - kOnes) & ~y & kHigh) != 0;
}

// Latin-1 capitals À..Þ (not ×), 0xC3 followed by 0x80..0x9E, to lower case; true if any.
bool lower_latin1(char* w, size_t n) {
  bool changed = false;
  for (size_t k = 0; k + 1 < n; ++k) {
    auto c = static_cast<unsigned char>(w[k]), d = static_cast<unsigned char>(w[k + 1]);
    if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) {
      w[++k] = static_cast<char>(d + 0x20);
      changed = true;
    }
  }
  return changed;
}

// The hash of `n` bytes at `w` (which may be read 8 bytes at a time past n).
uint32_t hash(const char* w, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  for (size_t k = 0; k < n; k += 8)
    h = mix(h, n - k >= 8 ? load(w + k) : load(w + k) & ((1ull << (8 * (n - k))) - 1));
  return finish(h);
}

// Copies `n` bytes lower-cased to `w`, which has at least 8 bytes of room past n, and returns
// their hash; `src` may be read up to `readable` bytes.
uint32_t copy_lower(char* w, const char* src, size_t n, size_t readable) {
  uint64_t c3 = 0, h = 0x9E3779B97F4A7C15ull ^ n;
  for (size_t k = 0; k < n; k += 8) {
    uint64_t x;
    if (k + 8 <= readable)
      x = load(src + k);
    else {
      x = 0;
      std::memcpy(&x, src + k, std::min<size_t>(8, readable - k));
    }
    if (n - k < 8) x &= (1ull << (8 * (n - k))) - 1;
    c3 |= has_c3(x);
    x = lower_ascii(x);
    h = mix(h, x);
    std::memcpy(w + k, &x, 8);
  }
  if (c3 && lower_latin1(w, n)) return hash(w, n);
  return finish(h);
}

// Compares `n` bytes; both sides may be read 8 bytes at a time past n.
bool same(const char* a, const char* b, size_t n) {
  if (n > 16) return !std::memcmp(a, b, n);
  uint64_t diff = load(a) ^ load(b);
  if (n < 8) return !(diff & ((1ull << (8 * n)) - 1));
  if (diff) return false;
  diff = load(a + 8) ^ load(b + 8);
  return n == 16 || !(diff & ((1ull << (8 * (n - 8))) - 1));
}

// An open-addressing set of words, kept per thread and cleared in O(1) by a new stamp.
struct Slot {
  uint32_t stamp, hash, start, length;
};

struct Table {
  std::vector<Slot> slots = std::vector<Slot>(1024, Slot{0, 0, 0, 0});
  uint32_t stamp = 0;
};

thread_local Table table;

void insert(Table& t, const Slot& s) {
  size_t mask = t.slots.size() - 1;
  size_t k = s.hash & mask;
  while (t.slots[k].stamp == t.stamp)
    k = (k + 1) & mask;
  t.slots[k] = s;
}

void grow(Table& t) {
  std::vector<Slot> old;
  old.swap(t.slots);
  t.slots.assign(old.size() * 2, Slot{0, 0, 0, 0});
  for (const Slot& s : old)
    if (s.stamp == t.stamp) insert(t, s);
}

}  // namespace

WordSet::WordSet() {
  if (++table.stamp == 0) {  // wrapped: old stamps could match again
    table.slots.assign(table.slots.size(), Slot{0, 0, 0, 0});
    table.stamp = 1;
  }
}

void WordSet::add(std::string_view text) {
  // Room for every word of `text` with its space, plus 8 bytes for whole-word loads.
  if (buffer_.size() < used_ + text.size() + 16)
    buffer_.resize(std::max(2 * buffer_.size(), used_ + text.size() + 16));
  Table& t = table;
  const char* s = text.data();
  size_t n = text.size(), i = 0;
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t word = word_bytes(load(s + i));
      if (word) {
        i += first_set_byte(word);
        break;
      }
      i += 8;
    }
    while (i < n && !kWordByte[static_cast<unsigned char>(s[i])])
      ++i;
    size_t start = i;
    for (;;) {
      if (i + 8 <= n) {
        uint64_t other = ~word_bytes(load(s + i)) & kHigh;
        if (!other) {
          i += 8;
          continue;
        }
        i += first_set_byte(other);
        break;
      }
      while (i < n && kWordByte[static_cast<unsigned char>(s[i])])
        ++i;
      break;
    }
    size_t length = i - start;
    if (length < 2) continue;
    size_t at = used_ + (used_ ? 1 : 0);
    char* w = buffer_.data() + at;
    uint32_t h = copy_lower(w, s + start, length, n - start);
    size_t mask = t.slots.size() - 1;
    bool seen = false;
    for (size_t k = h & mask; t.slots[k].stamp == t.stamp; k = (k + 1) & mask) {
      const Slot& slot = t.slots[k];
      if (slot.hash == h && slot.length == length && same(buffer_.data() + slot.start, w, length)) {
        seen = true;
        break;
      }
    }
    if (seen) continue;
    if (used_) buffer_[used_] = ' ';
    used_ = at + length;
    if (2 * (++count_) > t.slots.size()) grow(t);
    insert(t, Slot{t.stamp, h, static_cast<uint32_t>(at), static_cast<uint32_t>(length)});
  }
}

std::string WordSet::take() {
  buffer_.resize(used_);
  used_ = count_ = 0;
  return std::move(buffer_);
}

}  // namespace hb
