#include "value.h"

#include <charconv>
#include <cmath>

namespace hb {

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
  if (!m) return nullptr;
  auto it = m->find(key);
  return it == m->end() ? nullptr : &it->second;
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
  auto& m = map();
  auto it = m.find(key);
  if (it == m.end()) it = m.emplace(std::string(key), Value()).first;
  return it->second;
}

void Value::push_back(Value v) {
  list().push_back(std::move(v));
}

Map& Value::map() {
  if (v_.index() == 0) v_ = Map();
  return std::get<Map>(v_);
}

List& Value::list() {
  if (v_.index() == 0) v_ = List();
  return std::get<List>(v_);
}

}  // namespace hb
