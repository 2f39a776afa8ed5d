// A hash index from 64-bit keys to positions in a vector, for the importer's per-row lookups
// (identical rows, ids): open addressing, one flat array, equal keys allowed. A hundred
// thousand rows a second leave no room for a node allocation per row, and each lookup is a
// cache miss: a slot is 8 bytes (32 bits of the key, the position), so that the table stays
// small. Keys that share those 32 bits are all returned: the caller compares the entries.
#pragma once

#include <cstdint>
#include <vector>

namespace subsidia::interop::scdl {

class FlatIndex {
 public:
  // `position` must be the number of entries inserted before (0, 1, 2...).
  void insert(std::uint64_t key, std::uint32_t position) {
    starts_.push_back(static_cast<std::uint32_t>(key));
    if ((used_ + 1) * 4 >= slots_.size() * 3) grow();
    place(index(key), slot_key(key), position);
    ++used_;
  }
  // Calls found(position) for every entry of `key`, until it returns true; returns that.
  template <class Found>
  bool find(std::uint64_t key, Found found) const {
    if (slots_.empty()) return false;
    const std::uint32_t tag = slot_key(key);
    for (std::size_t i = index(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == 0) return false;
      if (s.key == tag && found(s.position)) return true;
    }
  }
  void reserve(std::size_t entries) {
    starts_.reserve(entries);
    while ((entries + 1) * 4 >= slots_.size() * 3) grow();
  }

 private:
  struct Slot {
    std::uint32_t key = 0;  // the key's high 32 bits (never 0); 0: empty
    std::uint32_t position = 0;
  };
  static std::uint32_t slot_key(std::uint64_t key) {
    const auto high = static_cast<std::uint32_t>(key >> 32);
    return high ? high : 1;
  }
  // The slot from the low bits, the tag from the high ones: independent halves of the hash.
  std::size_t index(std::uint64_t key) const { return static_cast<std::size_t>(key) & mask_; }
  void place(std::size_t start, std::uint32_t tag, std::uint32_t position) {
    std::size_t i = start & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = {tag, position};
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.key) place(starts_[s.position], s.key, s.position);
  }
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> starts_;  // each entry's low 32 bits, to place it again on growth
  std::size_t mask_ = 0;
  std::size_t used_ = 0;
};

}  // namespace subsidia::interop::scdl
