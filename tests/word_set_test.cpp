#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "markdown/word_set.h"

using namespace hb;

namespace {

// The definition, byte by byte: lower-case A..Z and the Latin-1 capitals (0xC3 0x80..0x9E but
// not ×), split at bytes that are neither ASCII letters, digits nor non-ASCII, keep words of two
// bytes or more, each once.
std::string reference(const std::vector<std::string>& pieces) {
  std::string text;
  for (auto& p : pieces)
    text += p + " ";
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i], n = i + 1 < text.size() ? text[i + 1] : 0;
    if (c >= 'A' && c <= 'Z') text[i] = static_cast<char>(c + 32);
    if (c == 0xC3 && n >= 0x80 && n <= 0x9E && n != 0x97) text[++i] = static_cast<char>(n + 0x20);
  }
  auto word_byte = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  };
  std::vector<std::string> seen;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && !word_byte(text[i]))
      ++i;
    size_t start = i;
    while (i < text.size() && word_byte(text[i]))
      ++i;
    std::string w = text.substr(start, i - start);
    if (w.size() < 2 || std::find(seen.begin(), seen.end(), w) != seen.end()) continue;
    seen.push_back(w);
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

std::string words_of(const std::vector<std::string>& pieces) {
  WordSet set;
  for (auto& p : pieces)
    set.add(p);
  return set.take();
}

}  // namespace

TEST_CASE("search words: lower-cased, each once, in order of first appearance") {
  CHECK(words_of({"Byrådet og BYRÅDET mødes; byrådet, Økonomi og ØKONOMI."}) ==
        "byrådet og mødes økonomi");
  CHECK(words_of({"ÆBLE Æble æble ÉN én × 2×3 x a 42"}) == "æble én × 2×3 42");
  CHECK(
      words_of({"Abcdefghijklmnopqrstuvwxyz0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"}) ==
      "abcdefghijklmnopqrstuvwxyz0123456789");
  // Æ split across the 16-byte blocks of a long word; exactly 16 and 17 bytes long.
  CHECK(words_of({"ABCDEFGHIJKLMNOÆBLE abcdefghijklmnoæble"}) == "abcdefghijklmnoæble");
  CHECK(words_of({"ABCDEFGHIJKLMNOP abcdefghijklmnop ABCDEFGHIJKLMNOPQ abcdefghijklmnopq"}) ==
        "abcdefghijklmnop abcdefghijklmnopq");
  CHECK(words_of({"del", "tag"}) == "del tag");  // pieces never join into one word
  CHECK(words_of({"", "a", "!?"}) == "");
}

TEST_CASE("search words agree with the byte-by-byte definition on random text") {
  const std::vector<std::string> alphabet = {"a", "Z", "q", "7", " ", ".", "-", "\n", "@", "[",
                                             "`", "{", "æ", "Æ", "Ø", "å", "×", "É",  "é", "€"};
  std::mt19937 rng(20261123);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> pieces(1 + rng() % 4);
    for (auto& p : pieces)
      for (unsigned k = rng() % 150; k > 0; --k)
        p += alphabet[rng() % alphabet.size()];
    INFO("round " << round);
    CHECK(words_of(pieces) == reference(pieces));
  }
}

TEST_CASE("search words: words across 64-byte blocks, very long words and a growing table") {
  // Words of every length from 1 to 200 bytes, so that their ends fall everywhere in the blocks;
  // capitals (Æ is two bytes) land on every position.
  std::vector<std::string> pieces(1);
  for (size_t length = 1; length <= 200; ++length) {
    std::string w;
    while (w.size() < length)
      w += (w.size() + length) % 7 == 0 ? "Æ"
                                        : std::string(1, static_cast<char>('A' + w.size() % 26));
    pieces[0] += w + (length % 3 ? " " : ", ");
    pieces.push_back(w);
  }
  CHECK(words_of(pieces) == reference(pieces));
  // Six thousand distinct words, well past the table's first size, in two pieces with repeats.
  std::vector<std::string> many(2);
  for (int k = 0; k < 6000; ++k)
    many[k % 2] += "Ord" + std::to_string(k * 7919 % 6000) + " ord" + std::to_string(k % 100) + " ";
  CHECK(words_of(many) == reference(many));
}

TEST_CASE("search words: each page starts empty, though the thread remembers earlier words") {
  const std::string long_word = "Ejerstrategiarbejdsgruppemødet";  // more than 16 bytes
  CHECK(words_of({"ejer " + long_word + " og ejer"}) == "ejer ejerstrategiarbejdsgruppemødet og");
  // The same words on the next page are new to it, in this page's order.
  CHECK(words_of({"og " + long_word + " ejer OG"}) == "og ejerstrategiarbejdsgruppemødet ejer");
  // A long word that shares its first 16 bytes with one seen before is a different word.
  CHECK(words_of({"ejerstrategiarbejdsgruppen " + long_word}) ==
        "ejerstrategiarbejdsgruppen ejerstrategiarbejdsgruppemødet");
  CHECK(words_of({"a"}) == "");
}
