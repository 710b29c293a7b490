// Value: the plain view model that templates see (null, booleans, numbers, strings, lists and
// maps). The render stage builds one per page; the template engine knows nothing of pages.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hb {

class Value;
using List = std::vector<Value>;

// Where a TextWriter's pieces go.
class TextSink {
 public:
  virtual void put(std::string_view piece) = 0;

 protected:
  ~TextSink() = default;
};

// Text that is written piece by piece each time it is shown, instead of being held whole (a
// page body with its links resolved): a raw `{{{name}}}` puts the pieces straight into the
// output. `write(subject, index, out)` puts the text's pieces, in order, into `out`.
struct TextWriter {
  void (*write)(const void* subject, size_t index, TextSink& out) = nullptr;
  const void* subject = nullptr;
  size_t index = 0;
};

// One bit of 64 chosen by a key's length and its first and last bytes: a map keeps the bits of
// its keys, so that most searches for a key it lacks end without looking at an entry.
inline uint64_t key_bit(std::string_view key) {
  if (key.empty()) return 1;
  auto first = static_cast<unsigned char>(key.front());
  auto last = static_cast<unsigned char>(key.back());
  return uint64_t{1} << ((key.size() * 7 + first * 3 + last) & 63);
}

// A map of names to values kept as one sorted vector: views have many small maps, and a flat
// vector costs one allocation where a tree costs one per entry.
// A key prepared for many searches: its key_bit and, for keys of up to 16 bytes, those bytes
// as two words with the masks that keep them, so that a stored key compares in two steps.
struct KeyHead {
  explicit KeyHead(std::string_view key);
  uint64_t bit = 0;
  uint64_t words[2] = {0, 0};
  uint64_t masks[2] = {0, 0};
  // Bytes 0-7 and 8-15 of the key as numbers that sort like the key (on little-endian machines)
  uint64_t orders[2] = {0, 0};
  bool fits = false;     // the key has at most 16 bytes
  bool ordered = false;  // `orders` are set
};

class Map {
 public:
  using Entry = std::pair<std::string, Value>;
  using const_iterator = std::vector<Entry>::const_iterator;

  const Value* find(std::string_view key) const { return find(key, key_bit(key)); }
  // The same, with `bit` = key_bit(key) worked out by the caller once for many searches.
  const Value* find(std::string_view key, uint64_t bit) const;
  const Value* find(std::string_view key, const KeyHead& head) const;  // head = KeyHead(key)
  Value* find(std::string_view key);
  // Inserts unless the key is there; returns whether it inserted.
  bool emplace(std::string_view key, Value value);
  // Inserts, or replaces the value of the key that is there.
  void set(std::string_view key, Value value);
  Value& operator[](std::string_view key);
  void reserve(size_t n);
  // A map of `entries` in any order; of entries with the same key, the last one counts.
  static Map sorted(std::vector<Entry> entries);
  using iterator = std::vector<Entry>::iterator;  // values may change, keys must not
  iterator begin() { return items_.begin(); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }
  size_t size() const;
  bool empty() const;
  // Names this map lacks are looked up in `base` (shared, never copied): a list item can add a
  // field or two to a page summary that many views share.
  void set_base(std::shared_ptr<const Value> base) { base_ = std::move(base); }

 private:
  std::vector<Entry>::iterator lower_bound(std::string_view key);
  const Value* find_own(std::string_view key, uint64_t bit) const;
  const Value* find_own(std::string_view key, const KeyHead& head) const;
  [[gnu::noinline]] const Value* find_halving(std::string_view key, const KeyHead& head) const;
  std::vector<Entry> items_;
  uint64_t bits_ = 0;  // key_bit of each key
  std::shared_ptr<const Value> base_;
};

class Value {
 public:
  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int i) : v_(int64_t{i}) {}
  Value(int64_t i) : v_(i) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(List l) : v_(std::move(l)) {}
  Value(Map m) : v_(std::move(m)) {}
  Value(TextWriter w) : v_(w) {}
  // A reference to a value shared by many views (the site's navigation, say), never copied.
  static Value shared(std::shared_ptr<const Value> v);
  // A string or value that outlives every use of this one (a page's title or field in the site
  // that the views are made of), shown as it is without a copy.
  static Value borrowed(const std::string& s);
  static Value borrowed(const Value& v);

  bool is_null() const { return target().v_.index() == 0; }
  bool is_bool() const { return std::holds_alternative<bool>(target().v_); }
  bool is_int() const { return std::holds_alternative<int64_t>(target().v_); }
  bool is_double() const { return std::holds_alternative<double>(target().v_); }
  bool is_string() const { return if_string() != nullptr; }
  bool is_list() const { return std::holds_alternative<List>(target().v_); }
  bool is_map() const { return std::holds_alternative<Map>(target().v_); }

  bool as_bool() const { return std::get<bool>(target().v_); }
  int64_t as_int() const { return std::get<int64_t>(target().v_); }
  double as_double() const { return std::get<double>(target().v_); }
  const std::string& as_string() const {
    const std::string* s = if_string();
    return s ? *s : std::get<std::string>(target().v_);  // throws for other kinds
  }
  const List& as_list() const { return std::get<List>(target().v_); }
  const Map& as_map() const { return std::get<Map>(target().v_); }

  // The map, list or string this value is, or nullptr.
  const Map* if_map() const { return std::get_if<Map>(&target().v_); }
  const std::string* if_string() const {
    const auto& v = target().v_;
    if (const std::string* s = std::get_if<std::string>(&v)) return s;
    const std::string* const* borrowed = std::get_if<const std::string*>(&v);
    return borrowed ? *borrowed : nullptr;
  }
  const List* if_list() const { return std::get_if<List>(&target().v_); }
  const TextWriter* if_writer() const { return std::get_if<TextWriter>(&target().v_); }

  // Member of a map, or nullptr (also for values that are not maps).
  const Value* find(std::string_view key) const;
  const Value* find(std::string_view key, uint64_t bit) const;  // bit = key_bit(key)
  const Value* find(std::string_view key, const KeyHead& head) const;
  // Mustache truthiness: null, false and empty lists are false; everything else is true.
  bool truthy() const;
  // Text for interpolation: numbers in their shortest form (1.21, 85), null as "", a
  // TextWriter's pieces joined.
  std::string to_string() const;

  // Builders: turn a null value into a map or list on first use; a shared value is copied first.
  Value& operator[](std::string_view key);
  void push_back(Value v);
  Map& map();
  List& list();

 private:
  // The value itself, following shared references.
  // One step is taken here; a reference to a reference, which is rare, is followed out of line.
  const Value& target() const {
    const auto* shared = std::get_if<std::shared_ptr<const Value>>(&v_);
    if (!shared) return *this;
    const Value& next = **shared;
    return std::holds_alternative<std::shared_ptr<const Value>>(next.v_) ? next.shared_target()
                                                                         : next;
  }
  const Value& shared_target() const;
  void detach();
  std::variant<std::monostate, bool, int64_t, double, std::string, List, Map,
               std::shared_ptr<const Value>, TextWriter, const std::string*>
      v_;
};

// Defined here, where Value is complete: these need the size of an entry.
inline void Map::reserve(size_t n) {
  items_.reserve(n);
}
inline size_t Map::size() const {
  return items_.size();
}
inline bool Map::empty() const {
  return items_.empty();
}

inline const Value* Map::find(std::string_view key, uint64_t bit) const {
  if (bits_ & bit)
    if (const Value* v = find_own(key, bit)) return v;
  return base_ ? base_->find(key, bit) : nullptr;
}

inline const Value* Map::find(std::string_view key, const KeyHead& head) const {
  if (bits_ & head.bit)
    if (const Value* v = find_own(key, head)) return v;
  return base_ ? base_->find(key, head) : nullptr;
}

inline const Value* Value::find(std::string_view key, const KeyHead& head) const {
  const Map* m = if_map();
  return m ? m->find(key, head) : nullptr;
}

inline const Value* Value::find(std::string_view key, uint64_t bit) const {
  const Map* m = if_map();
  return m ? m->find(key, bit) : nullptr;
}

inline const Value* Value::find(std::string_view key) const {
  return find(key, key_bit(key));
}

}  // namespace hb
