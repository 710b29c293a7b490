#include "value.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace hb {

std::vector<Map::Entry>::iterator Map::lower_bound(std::string_view key) {
  return std::lower_bound(items_.begin(), items_.end(), key,
                          [](const Entry& e, std::string_view k) { return e.first < k; });
}

Value* Map::find(std::string_view key) {
  auto it = lower_bound(key);
  return it != items_.end() && it->first == key ? &it->second : nullptr;
}

const Value* Map::find(std::string_view key) const {
  if (const Value* v = const_cast<Map*>(this)->find(key)) return v;
  return base_ ? base_->find(key) : nullptr;
}

bool Map::emplace(std::string key, Value value) {
  auto it = lower_bound(key);
  if (it != items_.end() && it->first == key) return false;
  items_.insert(it, Entry(std::move(key), std::move(value)));
  return true;
}

Value& Map::operator[](std::string_view key) {
  auto it = lower_bound(key);
  if (it == items_.end() || it->first != key)
    it = items_.insert(it, Entry(std::string(key), Value()));
  return it->second;
}

Value Value::shared(std::shared_ptr<const Value> v) {
  Value out;
  out.v_ = std::move(v);
  return out;
}

const Value& Value::target() const {
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
