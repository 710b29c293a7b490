#include "template_paths.h"

#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>

namespace hb {

namespace {

struct PathTable {
  std::mutex mutex;
  std::unordered_map<std::string, uint32_t> ids;
  std::atomic<size_t> count{0};
};

PathTable& path_table() {
  static PathTable* table = new PathTable;  // never destroyed: renders may outlive statics
  return *table;
}

}  // namespace

uint32_t path_id(std::string_view path) {
  PathTable& table = path_table();
  std::lock_guard lock(table.mutex);
  auto [it, added] =
      table.ids.try_emplace(std::string(path), static_cast<uint32_t>(table.ids.size()));
  if (added) table.count.store(table.ids.size(), std::memory_order_release);
  return it->second;
}

size_t path_count() {
  return path_table().count.load(std::memory_order_acquire);
}

PathCache::Slots& PathCache::thread_slots() {
  static thread_local Slots slots;
  return slots;
}

PathCache::PathCache() {
  size_t needed = path_count();
  Slots& shared = thread_slots();
  if (shared.busy) {
    own_.resize(needed);
    slots_ = own_.data();
    return;
  }
  shared.busy = true;
  shared_ = &shared;
  if (shared.slots.size() < needed) shared.slots.resize(needed + needed / 2 + 16);
  render_ = ++shared.renders;
  slots_ = shared.slots.data();
}

PathCache::~PathCache() {
  if (shared_) shared_->busy = false;
}

}  // namespace hb
