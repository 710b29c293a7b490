#include "word_set.h"

#include <emmintrin.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace hb {

namespace {

// Words are found 16 bytes at a time (SSE2, part of every x86-64): a bitmap marks the bytes that
// belong to words (ASCII letters and digits, and every byte of a multi-byte UTF-8 character),
// and each word of up to 16 bytes is lower-cased, hashed and compared as one 16-byte vector.

__m128i splat(int c) {
  return _mm_set1_epi8(static_cast<char>(c));
}

// Bytes c with lo <= c <= hi (both ASCII), as 0xFF.
__m128i in_range(__m128i x, int lo, int hi) {
  return _mm_cmplt_epi8(_mm_add_epi8(x, splat(0x80 - lo)), splat(0x80 + hi - lo + 1));
}

unsigned word_mask(__m128i x) {
  __m128i letter = in_range(_mm_or_si128(x, splat(0x20)), 'a', 'z');
  __m128i digit = in_range(x, '0', '9');
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), x)));
}

// A..Z to a..z, and the Latin-1 capitals À..Þ (0xC3 followed by 0x80..0x9E, but not × 0x97) to
// their small letters; `lead` is 0xFF where the byte before is 0xC3.
__m128i lower(__m128i x, __m128i lead) {
  __m128i upper = in_range(x, 'A', 'Z');
  __m128i latin = _mm_and_si128(lead, _mm_cmplt_epi8(x, splat(0x9F)));  // 0x80..0x9E signed
  latin = _mm_andnot_si128(_mm_cmpeq_epi8(x, splat(0x97)), latin);
  return _mm_add_epi8(x, _mm_and_si128(_mm_or_si128(upper, latin), splat(0x20)));
}

__m128i lead_bytes(__m128i x) {
  return _mm_slli_si128(_mm_cmpeq_epi8(x, splat(0xC3)), 1);
}

// 0xFF in the first n bytes (n <= 16), 0 after.
__m128i first_bytes(size_t n) {
  static const unsigned char ones_then_zeros[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                                    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(ones_then_zeros + 16 - n));
}

uint64_t low_half(__m128i x) {
  return static_cast<uint64_t>(_mm_cvtsi128_si64(x));
}

uint64_t high_half(__m128i x) {
  return static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(x, x)));
}

uint32_t finish(uint64_t h) {
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return static_cast<uint32_t>(h ^ (h >> 32));
}

uint32_t hash16(__m128i x, size_t n) {
  return finish((low_half(x) * 0x9E3779B97F4A7C15ull) ^ (high_half(x) * 0xC2B2AE3D27D4EB4Full) ^ n);
}

// The hash of a longer word, n > 16 bytes at w.
uint32_t hash_long(const char* w, size_t n) {
  uint64_t h = n;
  for (size_t k = 0; k < n; k += 8) {
    uint64_t block = 0;
    std::memcpy(&block, w + k, std::min<size_t>(8, n - k));
    h = (h ^ block) * 0xFF51AFD7ED558CCDull;
  }
  return finish(h);
}

// An open-addressing set of words, kept per thread and cleared in O(1) by a new stamp.
struct Slot {
  uint32_t stamp, hash, start, length;
};

struct Table {
  std::vector<Slot> slots = std::vector<Slot>(1024, Slot{0, 0, 0, 0});
  std::vector<uint64_t> bits;  // the word-byte bitmap of the text being added
  std::string text;            // that text, padded with zeros
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

// Copies the n bytes at s to t.text, zero-padded to whole 64-byte blocks and 16 bytes more (so
// that any 16 bytes from a word may be loaded), and fills t.bits: bit i set if byte i belongs to
// a word.
void mark_word_bytes(Table& t, const char* s, size_t n) {
  size_t blocks = n / 64 + 1;
  if (t.bits.size() < blocks) {
    t.bits.resize(std::max(blocks, 2 * t.bits.size()));
    t.text.resize(64 * t.bits.size() + 16);
  }
  char* text = t.text.data();
  std::memcpy(text, s, n);
  std::memset(text + n, 0, 64 * blocks + 16 - n);
  uint64_t* bits = t.bits.data();
  for (size_t b = 0; b < blocks; ++b) {
    const char* p = text + 64 * b;
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k)
      m |= uint64_t{word_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k)))}
           << (16 * k);
    bits[b] = m;
  }
}

// The first position at or after i whose bit is `Set`; the bitmap ends in a clear bit, and a
// search for a set bit past it returns `end`.
template <bool Set>
inline size_t next_bit(const uint64_t* bits, size_t i, size_t end) {
  constexpr uint64_t flip = Set ? 0 : ~0ull;
  size_t w = i / 64;
  uint64_t m = (bits[w] ^ flip) & (~0ull << (i % 64));
  while (!m) {
    if (++w * 64 >= end) return end;
    m = bits[w] ^ flip;
  }
  return w * 64 + static_cast<size_t>(__builtin_ctzll(m));
}

}  // namespace

WordSet::WordSet() {
  if (++table.stamp == 0) {  // wrapped: old stamps could match again
    table.slots.assign(table.slots.size(), Slot{0, 0, 0, 0});
    table.stamp = 1;
  }
}

void WordSet::add(std::string_view text) {
  const char* s = text.data();
  size_t n = text.size();
  if (n < 2) return;
  // Room for every word of `text` with its space, plus 16 bytes for whole-vector stores.
  if (buffer_.size() < used_ + n + 32) buffer_.resize(std::max(2 * buffer_.size(), used_ + n + 32));
  Table& t = table;
  mark_word_bytes(t, s, n);
  const uint64_t* bits = t.bits.data();
  s = t.text.data();
  for (size_t i = 0;;) {
    size_t start = next_bit<true>(bits, i, n);
    if (start >= n) break;
    i = next_bit<false>(bits, start, n + 64);
    size_t length = i - start;
    if (length < 2) continue;
    size_t at = used_ + (used_ ? 1 : 0);
    char* w = buffer_.data() + at;
    uint32_t h;
    __m128i word = _mm_setzero_si128();
    if (length <= 16) {
      word = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + start));
      word = _mm_and_si128(word, first_bytes(length));
      word = lower(word, lead_bytes(word));
      h = hash16(word, length);
    } else {
      // Long words, 16 bytes at a time; a 0xC3 at the end of one block leads the next.
      __m128i carry = _mm_setzero_si128();
      for (size_t k = 0; k < length; k += 16) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + start + k));
        __m128i lowered = lower(x, _mm_or_si128(lead_bytes(x), carry));
        carry = _mm_srli_si128(_mm_cmpeq_epi8(x, splat(0xC3)), 15);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(w + k), lowered);
      }
      h = hash_long(w, length);
    }
    size_t mask = t.slots.size() - 1;
    bool seen = false;
    for (size_t k = h & mask; t.slots[k].stamp == t.stamp; k = (k + 1) & mask) {
      const Slot& slot = t.slots[k];
      if (slot.hash != h || slot.length != length) continue;
      const char* other = buffer_.data() + slot.start;
      if (length <= 16) {
        __m128i stored = _mm_loadu_si128(reinterpret_cast<const __m128i*>(other));
        unsigned equal = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(stored, word)));
        seen = ((equal | (~0u << length)) & 0xFFFF) == 0xFFFF;
      } else {
        seen = !std::memcmp(other, w, length);
      }
      if (seen) break;
    }
    if (seen) continue;
    if (length <= 16) _mm_storeu_si128(reinterpret_cast<__m128i*>(w), word);
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
