#include "io/id_registry.hpp"

#include <limits>

namespace subsidia::io {

namespace {

// FNV-1a, then a 64-bit finaliser (splitmix64) so that similar ids spread over the table.
std::uint64_t fingerprint(std::string_view id) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : id) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  h += 0x9e3779b97f4a7c15ull;
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h == 0 ? 1 : h;
}

}  // namespace

void IdRegistry::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.fingerprint == 0) continue;
    std::size_t i = s.fingerprint & mask;
    while (slots_[i].fingerprint != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::optional<IdRegistry::Place> IdRegistry::record(std::string_view id, const Place& place) {
  if ((used_ + 1) * 10 > slots_.size() * 7) grow();  // load factor at most 0.7
  const std::uint64_t f = fingerprint(id);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = f & mask;
  while (slots_[i].fingerprint != 0) {
    if (slots_[i].fingerprint == f) {
      return Place{files_[slots_[i].file], slots_[i].line};
    }
    i = (i + 1) & mask;
  }
  // Consecutive dossiers mostly come from the same file: compare with the last name only.
  if (files_.empty() || files_.back() != place.file) files_.push_back(place.file);
  constexpr std::size_t kMaxLine = std::numeric_limits<std::uint32_t>::max();
  slots_[i] = Slot{f, static_cast<std::uint32_t>(files_.size() - 1),
                   static_cast<std::uint32_t>(place.line > kMaxLine ? kMaxLine : place.line)};
  ++used_;
  return std::nullopt;
}

}  // namespace subsidia::io
