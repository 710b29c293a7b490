// base/simd.h: the scalar blocks give the documented results, the native ones (SSE2 where the
// build has it) the same as the scalar ones, and load_le reads only the bytes it is given.
#include "base/simd.h"

#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <string>

using namespace hb::simd;

namespace {

template <class V>
std::string bytes(typename V::Block x) {
  char out[16];
  V::store(out, x);
  return std::string(out, 16);
}

template <class V>
typename V::Block block(const std::string& s) {
  return V::load(s.data());
}

// Every operation of V on a and b, as bytes, in one string.
template <class V>
std::string all(const std::string& a_bytes, const std::string& b_bytes) {
  auto a = block<V>(a_bytes), b = block<V>(b_bytes);
  std::string out = bytes<V>(V::eq(a, b)) + bytes<V>(V::less(a, b)) + bytes<V>(V::add(a, b)) +
                    bytes<V>(V::or_(a, b)) + bytes<V>(V::and_(a, b)) + bytes<V>(V::andnot(a, b)) +
                    bytes<V>(V::shift_in(a, b)) +
                    bytes<V>(V::splat(static_cast<uint8_t>(a_bytes[3]))) + bytes<V>(V::zero());
  out += std::to_string(V::mask(a)) + " " + std::to_string(V::half(a, 0)) + " " +
         std::to_string(V::half(a, 1));
  return out;
}

}  // namespace

TEST_CASE("scalar blocks compare, add and shift byte by byte") {
  using V = Scalar;
  std::string a = "ABCDEFGHIJKLMNO\x80", b = "ABCdefghijklmno\x7F";
  CHECK(bytes<V>(V::eq(block<V>(a), block<V>(b))) == std::string(3, '\xFF') + std::string(13, 0));
  // 0x80 is -128 as a signed byte: less than 0x7F.
  CHECK(V::mask(V::less(block<V>(a), block<V>(b))) == (0x1FFFu << 3));
  CHECK(bytes<V>(V::shift_in(block<V>(a), block<V>(b))) ==
        "\x7F"
        "ABCDEFGHIJKLMNO");
  CHECK(V::mask(block<V>(a)) == 0x8000u);
  CHECK(V::half(block<V>(a), 0) == 0x4847464544434241ull);
  CHECK(bytes<V>(V::add(V::splat(0xFF), V::splat(2))) == std::string(16, '\x01'));
}

TEST_CASE("native blocks give what scalar blocks give") {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string a(16, 0), b(16, 0);
    for (int k = 0; k < 16; ++k) {
      a[k] = static_cast<char>(byte(random));
      // Often equal, so that eq has something to find.
      b[k] = round % 2 && k % 3 == 0 ? a[k] : static_cast<char>(byte(random));
    }
    CHECK(all<Native>(a, b) == all<Scalar>(a, b));
  }
}

TEST_CASE("load_le reads exactly n bytes, little-endian, zero above them") {
  const char* text = "\x01\x02\x03\x04\x05\x06\x07\x08\x09";
  CHECK(load_le(text, 0) == 0);
  CHECK(load_le(text, 1) == 0x01);
  CHECK(load_le(text, 2) == 0x0201);
  CHECK(load_le(text, 3) == 0x030201);
  CHECK(load_le(text, 5) == 0x0504030201ull);
  CHECK(load_le(text, 7) == 0x07060504030201ull);
  CHECK(load_le(text, 8) == 0x0807060504030201ull);
  // At the very end of an allocation of each size: nothing past it is touched (ASan would
  // report it).
  for (size_t n = 1; n <= 8; ++n) {
    auto buffer = std::make_unique<char[]>(n);
    for (size_t k = 0; k < n; ++k)
      buffer[k] = static_cast<char>(0xF0 + k);
    uint64_t expected = 0;
    for (size_t k = 0; k < n; ++k)
      expected |= uint64_t{0xF0u + k} << (8 * k);
    CHECK(load_le(buffer.get(), n) == expected);
  }
}
