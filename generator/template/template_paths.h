// Numbers for the dotted names of template tags: each prefix of a name (`page`, `page.fields`,
// `page.fields.year`) gets one number for the whole process, the same in every template, so that
// a render can remember what each prefix resolved to from its root context. Private to the
// template engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace hb {

class Value;

// The number of `path` (parts joined by dots); the same path always gets the same number.
uint32_t path_id(std::string_view path);
// How many paths have numbers: every number is below this.
size_t path_count();

// What the paths resolved to from the root context during one render. The slots belong to the
// calling thread and are reused by every render on it (a render that starts while another one
// runs on the same thread gets slots of its own); a render only trusts the slots it wrote
// itself, marked with its number, so nothing needs clearing between renders.
class PathCache {
 public:
  PathCache();
  ~PathCache();
  PathCache(const PathCache&) = delete;
  PathCache& operator=(const PathCache&) = delete;
  // The value path `id` resolved to (null when it resolved to nothing); `known` tells whether
  // this render has resolved it.
  const Value* get(uint32_t id, bool& known) const {
    const Slot& slot = slots_[id];
    known = slot.render == render_;
    return slot.value;
  }
  void set(uint32_t id, const Value* value) { slots_[id] = {value, render_}; }

 private:
  struct Slot {
    const Value* value = nullptr;
    uint64_t render = 0;  // the render that wrote the slot; 0 for none
  };
  struct Slots {
    std::vector<Slot> slots;
    uint64_t renders = 0;  // renders numbered so far
    bool busy = false;
  };
  static Slots& thread_slots();

  Slots* shared_ = nullptr;  // the thread's slots, when this render uses them
  std::vector<Slot> own_;
  Slot* slots_ = nullptr;
  uint64_t render_ = 1;
};

}  // namespace hb
