// Memory access for the few loops that look at many bytes at once, the same on every compiler
// and processor: loads that never read past the end of an object, and 16-byte blocks of bytes
// with SSE2 on x86-64 and plain loops elsewhere, or when
// HANDBOOK_SCALAR is defined (cmake -DHANDBOOK_SCALAR=ON). Both give the same results, and
// tests/simd_test.cpp checks them against each other.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__) && defined(__x86_64__) && !defined(HANDBOOK_SCALAR)
#include <emmintrin.h>
#define HANDBOOK_SIMD_SSE2 1
#endif

namespace hb::simd {

// The n <= 8 bytes at p as a little-endian number, zero above them; reads p[0] to p[n-1] only.
inline uint64_t load_le(const char* p, size_t n) {
  uint64_t w = 0;
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);  // overlaps `a` when n < 8: the same bytes, ORed
    w = a | (uint64_t{b} << (8 * (n - 4)));
  } else if (n >= 2) {
    uint16_t a, b;
    std::memcpy(&a, p, 2);
    std::memcpy(&b, p + n - 2, 2);
    w = a | (uint64_t{b} << (8 * (n - 2)));
  } else if (n == 1) {
    w = static_cast<unsigned char>(*p);
  }
  if constexpr (std::endian::native == std::endian::big) {
    // The loads above read big-endian words: take the bytes one by one instead.
    w = 0;
    for (size_t k = 0; k < n; ++k)
      w |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
  }
  return w;
}

// 16 bytes as an array, one byte at a time.
struct Scalar {
  struct Block {
    uint8_t b[16];
  };
  static Block zero() { return Block{}; }
  static Block splat(uint8_t c) {
    Block x;
    std::memset(x.b, c, 16);
    return x;
  }
  // p[0] to p[15] must lie inside one object.
  static Block load(const char* p) {
    Block x;
    std::memcpy(x.b, p, 16);
    return x;
  }
  static void store(char* p, Block x) { std::memcpy(p, x.b, 16); }

  template <class F>
  static Block each(Block a, Block b, F f) {
    Block x;
    for (int k = 0; k < 16; ++k)
      x.b[k] = static_cast<uint8_t>(f(a.b[k], b.b[k]));
    return x;
  }
  // 0xFF where a == b, 0 elsewhere.
  static Block eq(Block a, Block b) {
    return each(a, b, [](uint8_t x, uint8_t y) { return x == y ? 0xFF : 0; });
  }
  // 0xFF where a < b as signed bytes.
  static Block less(Block a, Block b) {
    return each(a, b, [](uint8_t x, uint8_t y) {
      return static_cast<int8_t>(x) < static_cast<int8_t>(y) ? 0xFF : 0;
    });
  }
  static Block add(Block a, Block b) {
    return each(a, b, [](uint8_t x, uint8_t y) { return x + y; });
  }
  static Block or_(Block a, Block b) {
    return each(a, b, [](uint8_t x, uint8_t y) { return x | y; });
  }
  static Block and_(Block a, Block b) {
    return each(a, b, [](uint8_t x, uint8_t y) { return x & y; });
  }
  // ~a & b
  static Block andnot(Block a, Block b) {
    return each(a, b, [](uint8_t x, uint8_t y) { return ~x & y; });
  }
  // Byte k of the result is byte k - 1 of x; byte 0 is byte 15 of `before`.
  static Block shift_in(Block x, Block before) {
    Block r;
    r.b[0] = before.b[15];
    for (int k = 1; k < 16; ++k)
      r.b[k] = x.b[k - 1];
    return r;
  }
  // Bit k set where byte k has its top bit set.
  static unsigned mask(Block x) {
    unsigned m = 0;
    for (int k = 0; k < 16; ++k)
      m |= static_cast<unsigned>(x.b[k] >> 7) << k;
    return m;
  }
  // Bytes 0-7 (half 0) or 8-15 (half 1) as a little-endian number.
  static uint64_t half(Block x, int h) {
    return load_le(reinterpret_cast<const char*>(x.b) + 8 * h, 8);
  }
};

#if HANDBOOK_SIMD_SSE2
// The same with SSE2 instructions.
struct Sse2 {
  using Block = __m128i;
  static Block zero() { return _mm_setzero_si128(); }
  static Block splat(uint8_t c) { return _mm_set1_epi8(static_cast<char>(c)); }
  static Block load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
  static void store(char* p, Block x) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), x); }
  static Block eq(Block a, Block b) { return _mm_cmpeq_epi8(a, b); }
  static Block less(Block a, Block b) { return _mm_cmplt_epi8(a, b); }
  static Block add(Block a, Block b) { return _mm_add_epi8(a, b); }
  static Block or_(Block a, Block b) { return _mm_or_si128(a, b); }
  static Block and_(Block a, Block b) { return _mm_and_si128(a, b); }
  static Block andnot(Block a, Block b) { return _mm_andnot_si128(a, b); }
  static Block shift_in(Block x, Block before) {
    return _mm_or_si128(_mm_slli_si128(x, 1), _mm_srli_si128(before, 15));
  }
  static unsigned mask(Block x) { return static_cast<unsigned>(_mm_movemask_epi8(x)); }
  static uint64_t half(Block x, int h) {
    return static_cast<uint64_t>(_mm_cvtsi128_si64(h ? _mm_unpackhi_epi64(x, x) : x));
  }
};
using Native = Sse2;
#else
using Native = Scalar;
#endif

}  // namespace hb::simd
