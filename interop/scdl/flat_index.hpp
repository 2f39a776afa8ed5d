// A hash index from 64-bit keys to positions in a vector, for the importer's per-row lookups
// (identical rows, ids): open addressing, one flat array, equal keys allowed. A hundred
// thousand rows a second leave no room for a node allocation per row.
#pragma once

#include <cstdint>
#include <vector>

namespace subsidia::interop::scdl {

class FlatIndex {
 public:
  void insert(std::uint64_t key, std::uint32_t position) {
    if ((used_ + 1) * 4 >= slots_.size() * 3) grow();
    place(slot_key(key), position);
    ++used_;
  }
  // Calls found(position) for every entry of `key`, until it returns true; returns that.
  template <class Found>
  bool find(std::uint64_t key, Found found) const {
    if (slots_.empty()) return false;
    key = slot_key(key);
    for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == 0) return false;
      if (s.key == key && found(s.position)) return true;
    }
  }
  void reserve(std::size_t entries) {
    while ((entries + 1) * 4 >= slots_.size() * 3) grow();
  }

 private:
  struct Slot {
    std::uint64_t key = 0;  // 0: empty
    std::uint32_t position = 0;
  };
  static std::uint64_t slot_key(std::uint64_t key) { return key ? key : 1; }
  void place(std::uint64_t key, std::uint32_t position) {
    std::size_t i = key & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = {key, position};
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.key) place(s.key, s.position);
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t used_ = 0;
};

}  // namespace subsidia::interop::scdl
