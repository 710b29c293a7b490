#include "value.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace hb {

namespace {

// The byte order of std::string's compare, settled on the first byte where the keys differ
// there, as most keys of a map do.
bool key_less(std::string_view a, std::string_view b) {
  if (!a.empty() && !b.empty() && a[0] != b[0])
    return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
  return a < b;
}

bool same_key(const std::string& a, std::string_view b) {
  return a.size() == b.size() && (b.empty() || (a[0] == b[0] && a.compare(b) == 0));
}

// Up to this size a map is searched from the front: cheaper than halving for a few entries.
constexpr size_t kLinearSearch = 8;

}  // namespace

std::vector<Map::Entry>::iterator Map::lower_bound(std::string_view key) {
  return std::lower_bound(items_.begin(), items_.end(), key,
                          [](const Entry& e, std::string_view k) { return key_less(e.first, k); });
}

const Value* Map::find_own(std::string_view key) const {
  if (items_.size() <= kLinearSearch) {
    for (const Entry& e : items_)
      if (same_key(e.first, key)) return &e.second;
    return nullptr;
  }
  auto it = const_cast<Map*>(this)->lower_bound(key);
  return it != items_.end() && same_key(it->first, key) ? &it->second : nullptr;
}

Value* Map::find(std::string_view key) {
  return const_cast<Value*>(find_own(key));
}

const Value* Map::find(std::string_view key) const {
  if (const Value* v = find_own(key)) return v;
  return base_ ? base_->find(key) : nullptr;
}

// Views are mostly built in key order: appending then moves nothing.
bool Map::emplace(std::string key, Value value) {
  if (items_.empty() || key_less(items_.back().first, key)) {
    items_.emplace_back(std::move(key), std::move(value));
    return true;
  }
  auto it = lower_bound(key);
  if (it != items_.end() && it->first == key) return false;
  items_.insert(it, Entry(std::move(key), std::move(value)));
  return true;
}

Value& Map::operator[](std::string_view key) {
  if (items_.empty()) items_.reserve(4);
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
    if (!m.items_.empty() && m.items_.back().first == entries[i].first)
      m.items_.back().second = std::move(entries[i].second);
    else
      m.items_.push_back(std::move(entries[i]));
  }
  return m;
}

Value Value::shared(std::shared_ptr<const Value> v) {
  Value out;
  out.v_ = std::move(v);
  return out;
}

const Value& Value::shared_target() const {
  const Value* v = this;
  while (auto* p = std::get_if<std::shared_ptr<const Value>>(&v->v_))
    v = p->get();
  return *v;
}

const Value* Value::find(std::string_view key) const {
  auto* m = std::get_if<Map>(&target().v_);
  return m ? m->find(key) : nullptr;
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
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) {
    if (std::isfinite(*d) && *d == std::floor(*d) && std::fabs(*d) < 1e15)
      return std::to_string(static_cast<int64_t>(*d));
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, *d);
    return std::string(buf, r.ptr);
  }
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
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
