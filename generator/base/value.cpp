#include "value.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <tuple>

#include "simd.h"

namespace hb {

namespace {

// The value under the key for which `compare` (stored key vs the one sought) gives 0, found by
// halving `items`, which are sorted by key.
template <typename Items, typename Compare>
auto halving(const Items& items, Compare compare) -> decltype(&items[0].second) {
  size_t low = 0, high = items.size();
  while (low < high) {
    size_t mid = (low + high) / 2;
    int c = compare(items[mid].first);
    if (c == 0) return &items[mid].second;
    if (c < 0)
      low = mid + 1;
    else
      high = mid;
  }
  return nullptr;
}

// The byte order of std::string's compare. Keys are short: comparing them in place is cheaper
// than calling memcmp.
int compare_keys(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i])
      return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

bool key_less(std::string_view a, std::string_view b) {
  return compare_keys(a, b) < 0;
}

bool same_key(const std::string& a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < b.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// The first 8 bytes of a key of `size` bytes at `data`, zero past the key, as a number that
// sorts like the bytes (on little-endian machines).
uint64_t prefix_order(const char* data, size_t size) {
  uint64_t w = simd::load_le(data, std::min<size_t>(size, 8));
  return std::endian::native == std::endian::little ? __builtin_bswap64(w) : w;
}

// Bytes 8-15 of the key of `size` bytes at `data`, in the same way.
uint64_t second_order(const char* data, size_t size) {
  return prefix_order(data + std::min<size_t>(size, 8), size - std::min<size_t>(size, 8));
}

// Whether `stored` equals the key of `head` (of `size` bytes, at most 16).
bool same_head(const std::string& stored, size_t size, const KeyHead& head) {
  if (stored.size() != size) return false;
  size_t low = std::min<size_t>(size, 8);
  return simd::load_le(stored.data(), low) == head.words[0] &&
         simd::load_le(stored.data() + low, size - low) == head.words[1];
}

// Up to this size a map is searched from the front, where most keys differ in length: cheaper
// than halving.
constexpr size_t kLinearSearch = 16;
// With a prepared key, an entry costs a length compare, and most lengths differ.
constexpr size_t kLinearHeadSearch = 64;

}  // namespace

std::vector<Map::Entry>::iterator Map::lower_bound(std::string_view key) {
  return std::lower_bound(items_.begin(), items_.end(), key,
                          [](const Entry& e, std::string_view k) { return key_less(e.first, k); });
}

const Value* Map::find_own(std::string_view key, uint64_t bit) const {
  if (!(bits_ & bit)) return nullptr;
  if (items_.size() <= kLinearSearch) {
    for (const Entry& e : items_)
      if (same_key(e.first, key)) return &e.second;
    return nullptr;
  }
  return halving(items_, [&](const std::string& stored) { return compare_keys(stored, key); });
}

KeyHead::KeyHead(std::string_view key) : bit(key_bit(key)) {
  if (std::endian::native != std::endian::little) return;
  orders[0] = prefix_order(key.data(), key.size());
  orders[1] = second_order(key.data(), std::min<size_t>(key.size(), 16));
  ordered = true;
  if (key.size() > 16) return;
  fits = true;
  size_t low = std::min<size_t>(key.size(), 8);
  words[0] = simd::load_le(key.data(), low);
  words[1] = simd::load_le(key.data() + low, key.size() - low);
}

const Value* Map::find_own(std::string_view key, const KeyHead& head) const {
  if (items_.size() > (head.fits ? kLinearHeadSearch : kLinearSearch) && head.ordered)
    return find_halving(key, head);
  if (!head.fits) return find_own(key, head.bit);
  for (const Entry& e : items_)
    if (same_head(e.first, key.size(), head)) return &e.second;
  return nullptr;
}

// Halving, with the steps decided by the first 16 bytes of each key; only keys that share them
// are compared further.
const Value* Map::find_halving(std::string_view key, const KeyHead& head) const {
  return halving(items_, [&](const std::string& stored) {
    size_t size = stored.size();
    uint64_t at = prefix_order(stored.data(), size);
    if (at != head.orders[0]) return at < head.orders[0] ? -1 : 1;
    at = second_order(stored.data(), std::min<size_t>(size, 16));
    if (at != head.orders[1]) return at < head.orders[1] ? -1 : 1;
    // The first 16 bytes agree: a key of at most 16 bytes is the start of the other one.
    if (size <= 16 || key.size() <= 16) return size < key.size() ? -1 : size > key.size() ? 1 : 0;
    return compare_keys(std::string_view(stored).substr(16), key.substr(16));
  });
}

Value* Map::find(std::string_view key) {
  return const_cast<Value*>(find_own(key, key_bit(key)));
}

// Views are mostly built in key order: appending then moves nothing.
bool Map::emplace(std::string_view key, Value value) {
  uint64_t bit = key_bit(key);
  if (items_.empty() || key_less(items_.back().first, key)) {
    items_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                        std::forward_as_tuple(std::move(value)));
    bits_ |= bit;
    return true;
  }
  auto it = lower_bound(key);
  if (it != items_.end() && it->first == key) return false;
  items_.emplace(it, std::piecewise_construct, std::forward_as_tuple(key),
                 std::forward_as_tuple(std::move(value)));
  bits_ |= bit;
  return true;
}

void Map::set(std::string_view key, Value value) {
  if (items_.empty() || key_less(items_.back().first, key)) {
    items_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                        std::forward_as_tuple(std::move(value)));
    bits_ |= key_bit(key);
    return;
  }
  (*this)[key] = std::move(value);
}

Value& Map::operator[](std::string_view key) {
  if (items_.empty()) items_.reserve(4);
  bits_ |= key_bit(key);
  if (items_.empty() || key_less(items_.back().first, key))
    return items_.emplace_back(std::string(key), Value()).second;
  auto it = lower_bound(key);
  if (it == items_.end() || it->first != key)
    it = items_.insert(it, Entry(std::string(key), Value()));
  return it->second;
}

Map Map::sorted(std::vector<Entry> entries) {
  std::vector<uint32_t> order(entries.size());
  for (uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return key_less(entries[a].first, entries[b].first);
  });
  Map m;
  m.items_.reserve(entries.size());
  for (uint32_t i : order) {
    if (!m.items_.empty() && m.items_.back().first == entries[i].first) {
      m.items_.back().second = std::move(entries[i].second);
    } else {
      m.bits_ |= key_bit(entries[i].first);
      m.items_.push_back(std::move(entries[i]));
    }
  }
  return m;
}

Value Value::shared(std::shared_ptr<const Value> v) {
  Value out;
  out.v_ = std::move(v);
  return out;
}

Value Value::borrowed(const std::string& s) {
  Value out;
  out.v_.emplace<const std::string*>(&s);
  return out;
}

Value Value::borrowed(const Value& v) {
  return shared(std::shared_ptr<const Value>(std::shared_ptr<const Value>(), &v));
}

const Value& Value::shared_target() const {
  const Value* v = this;
  while (auto* p = std::get_if<std::shared_ptr<const Value>>(&v->v_))
    v = p->get();
  return *v;
}

bool Value::truthy() const {
  const auto& v = target().v_;
  if (v.index() == 0) return false;
  if (auto* b = std::get_if<bool>(&v)) return *b;
  if (auto* l = std::get_if<List>(&v)) return !l->empty();
  return true;
}

std::string Value::to_string() const {
  const auto& v = target().v_;
  if (const std::string* s = if_string()) return *s;
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) {
    if (std::isfinite(*d) && *d == std::floor(*d) && std::fabs(*d) < 1e15)
      return std::to_string(static_cast<int64_t>(*d));
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, *d);
    return std::string(buf, r.ptr);
  }
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (auto* w = std::get_if<TextWriter>(&v)) {
    struct Joined final : TextSink {
      std::string text;
      void put(std::string_view piece) override { text.append(piece); }
    } joined;
    w->write(w->subject, w->index, joined);
    return std::move(joined.text);
  }
  return {};
}

Value& Value::operator[](std::string_view key) {
  return map()[key];
}

void Value::push_back(Value v) {
  list().push_back(std::move(v));
}

// Changing a shared value changes a copy of it: the shared one belongs to many views.
void Value::detach() {
  if (auto* p = std::get_if<std::shared_ptr<const Value>>(&v_)) {
    auto keep = *p;
    v_ = keep->target().v_;
  }
}

Map& Value::map() {
  detach();
  if (v_.index() == 0) v_ = Map();
  return std::get<Map>(v_);
}

List& Value::list() {
  detach();
  if (v_.index() == 0) v_ = List();
  return std::get<List>(v_);
}

}  // namespace hb
