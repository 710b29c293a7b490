#include "word_set.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "base/simd.h"

namespace hb {

namespace {

// The texts of a page are gathered, separated by zero bytes, and split into words in one pass at
// the end. The pass works 16 bytes at a time (base/simd.h): it lower-cases the
// text in place and builds a bitmap of the bytes that belong to words (ASCII letters and digits,
// and every byte of a multi-byte UTF-8 character). Each word of up to 16 bytes is then hashed and
// compared as one 16-byte vector, in a table of every word the thread has met: a page uses the
// same few hundred words as the pages before it, so lookups hit and seldom branch wrongly.

using V = simd::Native;
using Block = V::Block;

Block splat(int c) {
  return V::splat(static_cast<uint8_t>(c));
}

// Bytes c with lo <= c <= hi (both ASCII), as 0xFF.
Block in_range(Block x, int lo, int hi) {
  return V::less(V::add(x, splat(0x80 - lo)), splat(0x80 + hi - lo + 1));
}

uint64_t word_mask(Block x) {
  Block letter = in_range(V::or_(x, splat(0x20)), 'a', 'z');
  Block digit = in_range(x, '0', '9');
  return V::mask(V::or_(V::or_(letter, digit), x));
}

// A..Z to a..z, and the Latin-1 capitals À..Þ (0xC3 followed by 0x80..0x9E, but not × 0x97) to
// their small letters; `lead` is 0xFF where the byte before is 0xC3.
Block lower(Block x, Block lead) {
  Block upper = in_range(x, 'A', 'Z');
  Block latin = V::and_(lead, V::less(x, splat(0x9F)));  // 0x80..0x9E signed
  latin = V::andnot(V::eq(x, splat(0x97)), latin);
  return V::add(x, V::and_(V::or_(upper, latin), splat(0x20)));
}

// 0xFF in the first n bytes (n <= 16), 0 after.
Block first_bytes(size_t n) {
  static const char ones_then_zeros[32] = {-1, -1, -1, -1, -1, -1, -1, -1,
                                           -1, -1, -1, -1, -1, -1, -1, -1};
  return V::load(ones_then_zeros + 16 - n);
}

// The top 32 bits of a multiplicative hash: its high bits depend on every bit of the word.
uint32_t hash16(Block x) {
  uint64_t lo = V::half(x, 0), hi = V::half(x, 1);
  return static_cast<uint32_t>(((lo * 0x9E3779B97F4A7C15ull) ^ (hi * 0xC2B2AE3D27D4EB4Full)) >> 32);
}

// The hash of a longer word, n > 16 bytes at w.
uint32_t hash_long(const char* w, size_t n) {
  uint64_t h = n;
  for (size_t k = 0; k < n; k += 8) {
    uint64_t block = 0;
    std::memcpy(&block, w + k, std::min<size_t>(8, n - k));
    h = (h ^ block) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  return static_cast<uint32_t>((h * 0x9E3779B97F4A7C15ull) >> 32);
}

// A word the thread has seen, on this page or an earlier one: its first 16 bytes (zero-padded;
// no word byte is zero), its hash and length, and the last page it was on. Slots are kept from
// page to page, so that after the first pages nearly every word is found at its first probe and
// whether it is new to the page is a comparison of stamps, not a branch on an insertion.
struct Slot {
  Block key;
  uint64_t tag;     // the hash in the low 32 bits, the length in the high 32; 0 for a free slot
  uint32_t stamp;   // the last page (WordSet) the word was on
  uint32_t offset;  // for words of more than 16 bytes: where the whole word is in `long_words`
};

uint64_t tag_of(uint32_t hash, size_t length) {
  return uint64_t{hash} | (uint64_t{length} << 32);
}

// The words a thread has seen, in an open-addressing table that only grows.
struct Table {
  std::vector<Slot> slots = std::vector<Slot>(4096, Slot{V::zero(), 0, 0, 0});
  unsigned shift = 20;         // 32 - log2(slots.size())
  size_t count = 0;            // slots in use
  std::string long_words;      // the words of more than 16 bytes, one after another
  std::string text;            // 16 zero bytes, then the texts, each followed by a zero byte
  size_t used = 16;            // bytes of `text` in use
  std::vector<uint64_t> bits;  // bit i set if text[16 + i] belongs to a word
  std::string out;             // the words being written
  uint32_t stamp = 0;
};

thread_local Table table;

void grow(Table& t) {
  std::vector<Slot> old;
  old.swap(t.slots);
  t.slots.assign(old.size() * 2, Slot{V::zero(), 0, 0, 0});
  --t.shift;
  size_t mask = t.slots.size() - 1;
  for (const Slot& s : old) {
    if (!s.tag) continue;
    size_t k = static_cast<uint32_t>(s.tag) >> t.shift;
    while (t.slots[k].tag)
      k = (k + 1) & mask;
    t.slots[k] = s;
  }
}

// Adds a word to the table at its free slot k, or after growing the table when it would be more
// than half full; returns the word's slot.
[[gnu::noinline]] Slot& add_word(Table& t, size_t k, Block key, const char* word, size_t length,
                                 uint64_t tag) {
  if (2 * (t.count + 1) > t.slots.size()) {
    grow(t);
    size_t mask = t.slots.size() - 1;
    k = static_cast<uint32_t>(tag) >> t.shift;
    while (t.slots[k].tag)
      k = (k + 1) & mask;
  }
  ++t.count;
  t.slots[k] = Slot{key, tag, 0, static_cast<uint32_t>(t.long_words.size())};
  if (length > 16) t.long_words.append(word, length);
  return t.slots[k];
}

// The slot of a word (`key` holds its first 16 bytes, `word` all `length` bytes), added to the
// table if it is not there.
inline Slot& find_or_add(Table& t, Block key, const char* word, size_t length, uint32_t hash) {
  uint64_t tag = tag_of(hash, length);
  size_t mask = t.slots.size() - 1;
  for (size_t k = hash >> t.shift;; k = (k + 1) & mask) {
    Slot& slot = t.slots[k];
    if (slot.tag == tag && V::mask(V::eq(slot.key, key)) == 0xFFFF &&
        (length <= 16 ||
         !std::memcmp(t.long_words.data() + slot.offset + 16, word + 16, length - 16)))
      return slot;
    if (!slot.tag) return add_word(t, k, key, word, length, tag);
  }
}

// Lower-cases the n bytes at s in place (s is followed by 64 zero bytes at least, and preceded by
// a zero byte) and sets `bits` for the bytes that belong to words.
void lower_and_mark(char* s, size_t n, uint64_t* bits) {
  Block c3_before = V::zero();
  for (size_t b = 0; b * 64 < n; ++b) {
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
      char* p = s + 64 * b + 16 * k;
      Block x = V::load(p);
      Block c3 = V::eq(x, splat(0xC3));
      Block lead = V::shift_in(c3, c3_before);
      c3_before = c3;
      V::store(p, lower(x, lead));
      m |= word_mask(x) << (16 * k);
    }
    bits[b] = m;
  }
}

}  // namespace

WordSet::WordSet() {
  Table& t = table;
  t.used = 16;
  if (++t.stamp == 0) {  // wrapped: old stamps could match again
    for (Slot& s : t.slots)
      s.stamp = 0;
    t.stamp = 1;
  }
}

void WordSet::add(std::string_view text) {
  if (text.size() < 2) return;
  Table& t = table;
  // Room for the text and its zero byte, and 64 zero bytes more for whole blocks.
  size_t need = t.used + text.size() + 1 + 64;
  if (t.text.size() < need) t.text.resize(std::max(need, 2 * t.text.size()));
  std::memcpy(t.text.data() + t.used, text.data(), text.size());
  t.used += text.size();
  t.text[t.used++] = 0;
}

std::string WordSet::take() {
  Table& t = table;
  size_t n = t.used - 16;
  if (n == 0) return {};
  char* s = t.text.data() + 16;
  std::memset(s + n, 0, 64);
  size_t blocks = (n + 63) / 64;
  if (t.bits.size() < blocks) t.bits.resize(std::max(blocks, 2 * t.bits.size()));
  std::memset(t.text.data(), 0, 16);
  lower_and_mark(s, n, t.bits.data());
  // The words with their spaces are no longer than the text, and the last word may be stored as
  // 16 bytes.
  if (t.out.size() < n + 32) t.out.resize(std::max(n + 32, 2 * t.out.size()));
  char* out = t.out.data();
  size_t used = 0;
  const uint64_t* bits = t.bits.data();
  const uint32_t stamp = t.stamp;
  uint64_t carry = 0;  // 1 if the last byte of the block before belongs to a word
  for (size_t b = 0; b < blocks; ++b) {
    uint64_t m = bits[b];
    uint64_t starts = m & ~((m << 1) | carry);
    carry = m >> 63;
    for (; starts; starts &= starts - 1) {
      unsigned bit = static_cast<unsigned>(__builtin_ctzll(starts));
      size_t start = 64 * b + bit, end;
      if (uint64_t rest = ~m & (~0ull << bit)) {
        end = 64 * b + static_cast<size_t>(__builtin_ctzll(rest));
      } else {  // the text ends in a zero byte, so the word ends in a later block
        size_t w = b + 1;
        while (!~bits[w])
          ++w;
        end = 64 * w + static_cast<size_t>(__builtin_ctzll(~bits[w]));
      }
      size_t length = end - start;
      const char* word = s + start;
      Block key = V::and_(V::load(word), first_bytes(std::min<size_t>(length, 16)));
      uint32_t h = length <= 16 ? hash16(key) : hash_long(word, length);
      Slot& slot = find_or_add(t, key, word, length, h);
      // Written in any case, kept only for a word of two bytes or more that is new to the page.
      bool keep = slot.stamp != stamp && length >= 2;
      slot.stamp = stamp;
      if (length <= 16)
        V::store(out + used, key);
      else
        std::memcpy(out + used, word, length);
      out[used + length] = ' ';
      used += keep ? length + 1 : 0;
    }
  }
  t.used = 16;
  return std::string(out, used ? used - 1 : 0);  // without the last space
}

}  // namespace hb
